package io.github.trailkit.model.digest;

import io.github.trailkit.model.JsonValue;
import io.github.trailkit.model.TrailkitStyle;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One log file a digest vouches for: an element of the digest's {@code logFiles}.
 *
 * <pre>{@code
 * for (DigestLogFile f : digest.logFiles()) {
 *     System.out.println(f.s3Object() + " sha256=" + f.hashValue());
 * }
 * }</pre>
 */
@Value.Immutable
@TrailkitStyle
public abstract class DigestLogFile {
    DigestLogFile() {}

    /** The bucket the log file was delivered to. */
    public abstract String s3Bucket();

    /** The raw object key of the log file (never URL-encoded). */
    public abstract String s3Object();

    /** Lower-case hex of the hash of the uncompressed log file content. */
    public abstract String hashValue();

    /** The hash algorithm, {@code SHA-256}. */
    public abstract String hashAlgorithm();

    /** The time of the newest event in the log file, as written in the digest. */
    public abstract Optional<String> newestEventTime();

    /** The time of the oldest event in the log file, as written in the digest. */
    public abstract Optional<String> oldestEventTime();

    /** Members this version of trailkit does not know, in their order. */
    public abstract Map<String, JsonValue> otherFields();

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link DigestLogFile}; bucket, key, hash value and algorithm are required. */
    public static final class Builder extends ImmutableDigestLogFile.Builder {
        Builder() {}
    }
}
