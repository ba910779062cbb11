package io.github.trailkit.model.digest;

import io.github.trailkit.model.JsonValue;
import io.github.trailkit.model.TrailkitStyle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A CloudTrail digest file: the hourly, signed list of the log files a trail delivered, with the hash of each and a
 * link to the previous digest (reference section 5.2).
 *
 * <p>Times are kept as the exact text of the file, because the digest is a signed document and {@link
 * #digestEndTime()} is signed as written; {@link #startTime()} and {@link #endTime()} parse the range. The signature
 * of a digest is not in the file: it is the S3 user metadata {@code signature} of the digest object.
 *
 * <pre>{@code
 * DigestFile digest = DigestFile.parse(Files.readAllBytes(path), path.toString());
 * digest.endTime();                  // 2015-08-17T15:01:31Z
 * digest.isStartOfChain();           // false: it names a previous digest
 * digest.logFiles().get(0).s3Object();
 * }</pre>
 */
@Value.Immutable
@TrailkitStyle
public abstract class DigestFile {
    DigestFile() {}

    /** The account the digest was delivered for. */
    public abstract Optional<String> awsAccountId();

    /** Start of the delivery-time range covered, as written ({@code 2015-08-17T14:01:31Z}). */
    public abstract String digestStartTime();

    /** End of the delivery-time range covered, as written; the first line of the string to sign. */
    public abstract String digestEndTime();

    /** The bucket of this digest. */
    public abstract String digestS3Bucket();

    /** The key of this digest. */
    public abstract String digestS3Object();

    /** The fingerprint (32 hex characters) of the public key that verifies this digest's signature. */
    public abstract String digestPublicKeyFingerprint();

    /** The signature algorithm, {@code SHA256withRSA}. */
    public abstract Optional<String> digestSignatureAlgorithm();

    /** The newest event among the digest's log files; empty for an hour without log files. */
    public abstract Optional<String> newestEventTime();

    /** The oldest event among the digest's log files; empty for an hour without log files. */
    public abstract Optional<String> oldestEventTime();

    /** The bucket of the previous digest; empty for the first digest of a chain. */
    public abstract Optional<String> previousDigestS3Bucket();

    /** The key of the previous digest; empty for the first digest of a chain. */
    public abstract Optional<String> previousDigestS3Object();

    /** Hex hash of the uncompressed previous digest; empty for the first digest of a chain. */
    public abstract Optional<String> previousDigestHashValue();

    /** The algorithm of {@link #previousDigestHashValue()}, {@code SHA-256}. */
    public abstract Optional<String> previousDigestHashAlgorithm();

    /** Hex signature of the previous digest; empty (JSON {@code null}) for the first digest of a chain. */
    public abstract Optional<String> previousDigestSignature();

    /** The log files this digest vouches for; empty for an hour without log files. */
    public abstract List<DigestLogFile> logFiles();

    /** Members this version of trailkit does not know, in their order. */
    public abstract Map<String, JsonValue> otherFields();

    /** {@link #digestStartTime()} as an instant. */
    public final Instant startTime() {
        return Instant.parse(digestStartTime());
    }

    /** {@link #digestEndTime()} as an instant. */
    public final Instant endTime() {
        return Instant.parse(digestEndTime());
    }

    /** True when this digest starts a chain: it names no previous digest. */
    public final boolean isStartOfChain() {
        return previousDigestS3Object().isEmpty();
    }

    @Value.Check
    void check() {
        DigestCodec.check(this);
    }

    /**
     * Reads a digest file, gzip-compressed (as delivered) or plain JSON, within {@link DigestLimits#defaults()}.
     * Unknown members are kept in {@link #otherFields()}.
     *
     * @param bytes the object's bytes
     * @param source the file name or key, used in error messages
     * @return the digest
     * @throws DigestParseException if the bytes are not a digest file ({@link DigestLimitExceededException} when
     *     over a limit)
     */
    public static DigestFile parse(byte[] bytes, String source) {
        return DigestCodec.parse(bytes, source);
    }

    /**
     * Reads a digest file from a stream (gzip or plain JSON), inflating and parsing as it reads, within {@link
     * DigestLimits#defaults()}; the stream is read to its end, not closed.
     *
     * @param in the object's bytes
     * @param source the file name or key, used in error messages
     * @return the digest
     * @throws DigestParseException if the bytes are not a digest file
     * @throws UncheckedIOException if the stream cannot be read
     */
    public static DigestFile parse(InputStream in, String source) {
        try {
            return DigestCodec.read(in, source, DigestLimits.defaults()).file();
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot read digest", e);
        }
    }

    /** This digest as JSON in CloudTrail's member order, with {@code null} for empty optional members. */
    public final String toJson() {
        return DigestCodec.toJson(this);
    }

    /** The same as {@link #toJson()}. */
    @Override
    public String toString() {
        return toJson();
    }

    /** A new builder; {@code builder().from(digest)} starts from an existing one. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link DigestFile}; the start and end times, bucket, key and fingerprint are required. */
    public static final class Builder extends ImmutableDigestFile.Builder {
        Builder() {}
    }
}
