package io.github.trailkit.lambda.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One S3 object a trigger asks the function to process, with its key already decoded to the real object key (the key
 * to pass to {@code GetObject}).
 *
 * @param bucket the bucket name (not an ARN); never null or empty
 * @param key the object key, decoded; never null or empty
 * @param size the object size in bytes as the notification stated it, or {@code -1} when unknown
 * @param versionId the object version, or {@code null} when the notification names none (unversioned bucket, or a
 *     trigger that does not carry versions)
 */
public record ObjectRef(String bucket, String key, long size, String versionId) {

    /** Size value meaning "the trigger did not say". */
    public static final long UNKNOWN_SIZE = -1;

    /**
     * Checks the parts.
     *
     * @throws NullPointerException if bucket or key is null
     * @throws IllegalArgumentException if bucket or key is empty, or size is below {@code -1}
     */
    public ObjectRef {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("bucket is empty");
        }
        if (key.isEmpty()) {
            throw new IllegalArgumentException("key is empty");
        }
        if (size < UNKNOWN_SIZE) {
            throw new IllegalArgumentException("size is negative: " + size);
        }
    }

    /**
     * An object of unknown size and no version.
     *
     * @param bucket the bucket name
     * @param key the decoded object key
     */
    public ObjectRef(String bucket, String key) {
        this(bucket, key, UNKNOWN_SIZE, null);
    }

    /** {@return the object as an {@code s3://bucket/key} text, for logs and reasons} */
    public String uri() {
        return "s3://" + bucket + "/" + key;
    }

    /**
     * The members of a structured log line about this object: bucket, key, versionId (when known) and reason (when
     * given), in that order; add more to the returned mutable map.
     */
    public Map<String, Object> logFields(String reason) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("bucket", bucket);
        f.put("key", key);
        f.put("versionId", versionId);
        f.put("reason", reason);
        return f;
    }
}
