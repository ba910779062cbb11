package io.github.trailkit.model.digest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;

/**
 * An object opened from a {@link TrailStore}: its content as stored (gzip for CloudTrail files) and its S3 user
 * metadata, with names as the AWS SDK gives them (without {@code x-amz-meta-}): a digest's signature is {@code
 * metadata().get("signature")}.
 *
 * <pre>{@code
 * try (TrailObject o = store.open(bucket, key).orElseThrow()) {
 *     String signature = o.metadata().get("signature");
 *     byte[] bytes = o.content().readAllBytes();
 * }
 * }</pre>
 */
public final class TrailObject implements Closeable {
    private final InputStream content;
    private final Map<String, String> metadata;

    /**
     * An object.
     *
     * @param content the stored bytes; closed by {@link #close()}
     * @param metadata the user metadata, names without {@code x-amz-meta-}
     */
    public TrailObject(InputStream content, Map<String, String> metadata) {
        this.content = Objects.requireNonNull(content, "content");
        this.metadata = Map.copyOf(metadata);
    }

    /** The stored bytes, read once. */
    public InputStream content() {
        return content;
    }

    /** The user metadata (names without {@code x-amz-meta-}). */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** Closes the content. */
    @Override
    public void close() throws IOException {
        content.close();
    }
}
