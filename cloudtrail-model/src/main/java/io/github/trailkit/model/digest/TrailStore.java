package io.github.trailkit.model.digest;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Where a trail's objects (log files and digest files) are read from during verification: an S3 bucket (the S3
 * implementation lives in {@code cloudtrail-lambda-adapter}, since this module knows nothing of S3), or a local
 * copy ({@link LocalTrailStore}). Implementations must be safe to call from one thread at a time.
 *
 * <pre>{@code
 * TrailStore store = LocalTrailStore.of(Path.of("my-trail-bucket"));  // holds AWSLogs/...
 * VerificationReport report = DigestVerifier.of(keys).verify(store, "AWSLogs/111122223333/");
 * }</pre>
 */
public interface TrailStore {

    /**
     * The bucket every object is in, when the store is one bucket; used to check that a digest was not moved from
     * its original location ({@code digestS3Bucket}).
     *
     * @return the bucket, or empty when the store does not know it (a local copy)
     */
    Optional<String> bucket();

    /**
     * Every object key under {@code prefix}, in any order.
     *
     * @param prefix a key prefix, possibly empty
     * @return the keys
     * @throws IOException if the store cannot be listed
     */
    List<String> list(String prefix) throws IOException;

    /**
     * Opens an object. The caller closes it.
     *
     * @param bucket the bucket named by a digest (a store of one bucket may ignore it)
     * @param key the object key
     * @return the object, or empty when there is no such object
     * @throws IOException if the object exists but cannot be read
     */
    Optional<TrailObject> open(String bucket, String key) throws IOException;

    /**
     * How to show an object in messages: {@code s3://bucket/key} or a file path.
     *
     * @param bucket the bucket, or null when unknown
     * @param key the object key
     * @return the text
     */
    String locate(String bucket, String key);
}
