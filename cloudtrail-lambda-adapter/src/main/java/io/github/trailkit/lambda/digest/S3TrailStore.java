package io.github.trailkit.lambda.digest;

import io.github.trailkit.model.digest.TrailObject;
import io.github.trailkit.model.digest.TrailStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A trail bucket read through the AWS SDK v2: objects are listed with {@code ListObjectsV2} and streamed with {@code
 * GetObject}, and a digest's signature is its {@code signature} user metadata, as CloudTrail stores it. The client
 * is the caller's and is not closed here.
 *
 * <pre>{@code
 * try (S3Client s3 = S3Client.create()) {
 *     VerificationReport report = DigestVerifier.of(PublicKeys.fromFile(Path.of("keys.json")))
 *             .verify(S3TrailStore.of(s3, "my-trail-bucket"), "AWSLogs/111122223333/");
 * }
 * }</pre>
 */
public final class S3TrailStore implements TrailStore {
    private final S3Client s3;
    private final String bucket;

    private S3TrailStore(S3Client s3, String bucket) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
    }

    /**
     * The objects of one bucket.
     *
     * @param s3 the client, for the bucket's region
     * @param bucket the trail bucket
     * @return the store
     */
    public static S3TrailStore of(S3Client s3, String bucket) {
        return new S3TrailStore(s3, bucket);
    }

    @Override
    public Optional<String> bucket() {
        return Optional.of(bucket);
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        List<String> keys = new ArrayList<>();
        try {
            for (S3Object o : s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix))
                    .contents()) {
                keys.add(o.key());
            }
        } catch (SdkException e) {
            throw new IOException("cannot list s3://" + bucket + "/" + prefix + ": " + e.getMessage(), e);
        }
        return keys;
    }

    /** Opens {@code key} in the bucket the digest names. */
    @Override
    public Optional<TrailObject> open(String inBucket, String key) throws IOException {
        try {
            ResponseInputStream<GetObjectResponse> in =
                    s3.getObject(r -> r.bucket(inBucket).key(key));
            return Optional.of(new TrailObject(in, in.response().metadata()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new IOException("cannot get " + locate(inBucket, key) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String locate(String inBucket, String key) {
        return "s3://" + (inBucket == null ? bucket : inBucket) + "/" + key;
    }

    @Override
    public String toString() {
        return "S3TrailStore[s3://" + bucket + "]";
    }
}
