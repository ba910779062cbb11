package io.github.trailkit.model.digest;

/**
 * Bounds on the digest files a {@link DigestVerifier} (and {@link DigestFile#parse(byte[], String)}) reads, so that a
 * hostile digest costs bounded memory and time. A digest is streamed: inflated, hashed and parsed in one pass, never
 * held whole; what it lists is kept, up to {@link #maxLogFiles()} entries.
 *
 * <p>The defaults are far above what CloudTrail writes (one digest lists the log files of one hour, of one account
 * and region). A digest over a limit gets the verdict {@link Verdict#LIMIT_EXCEEDED}, naming the limit; it is not
 * checked, and the log files it lists are not known. Immutable and thread-safe.
 *
 * <pre>{@code
 * DigestVerifier verifier = DigestVerifier.of(keys)
 *         .withLimits(DigestLimits.builder().maxDigestBytes(8 << 20).maxLogFiles(20_000).build());
 * }</pre>
 */
public final class DigestLimits {
    /** The default {@link #maxDigestBytes()}: 32 MiB as stored (gzip). */
    public static final long DEFAULT_MAX_DIGEST_BYTES = 32L << 20;
    /** The default {@link #maxUncompressedBytes()}: 128 MiB of JSON. */
    public static final long DEFAULT_MAX_UNCOMPRESSED_BYTES = 128L << 20;
    /** The default {@link #maxInflateRatio()}: 200, as for log files. */
    public static final int DEFAULT_MAX_INFLATE_RATIO = 200;
    /** The default {@link #maxLogFiles()}: 100,000 listed log files per digest (a digest lists the log files of one hour of one account and region). */
    public static final int DEFAULT_MAX_LOG_FILES = 100_000;
    /** Inflated bytes below this are never checked against the ratio (a small file may compress very well). */
    public static final long RATIO_GRACE_BYTES = 1L << 20;

    private static final DigestLimits DEFAULTS = builder().build();

    /** One limit: what {@link DigestLimitExceededException#limit()} names. */
    public enum Limit {
        /** {@link #maxDigestBytes()}. */
        DIGEST_BYTES("maxDigestBytes"),
        /** {@link #maxUncompressedBytes()}. */
        UNCOMPRESSED_BYTES("maxUncompressedBytes"),
        /** {@link #maxInflateRatio()}. */
        INFLATE_RATIO("maxInflateRatio"),
        /** {@link #maxLogFiles()}. */
        LOG_FILES("maxLogFiles");

        private final String setting;

        Limit(String setting) {
            this.setting = setting;
        }

        /** The name of the builder method that sets this limit. */
        public String setting() {
            return setting;
        }
    }

    private final long maxDigestBytes;
    private final long maxUncompressedBytes;
    private final int maxInflateRatio;
    private final int maxLogFiles;

    private DigestLimits(Builder b) {
        this.maxDigestBytes = b.maxDigestBytes;
        this.maxUncompressedBytes = b.maxUncompressedBytes;
        this.maxInflateRatio = b.maxInflateRatio;
        this.maxLogFiles = b.maxLogFiles;
    }

    /** The default limits. */
    public static DigestLimits defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The most bytes of a digest object as stored (compressed); reading stops past it. */
    public long maxDigestBytes() {
        return maxDigestBytes;
    }

    /** The most bytes of JSON a digest may inflate to; inflating stops past it. */
    public long maxUncompressedBytes() {
        return maxUncompressedBytes;
    }

    /** The most a gzip'd digest may inflate, as uncompressed over compressed bytes, once past the first MiB. */
    public int maxInflateRatio() {
        return maxInflateRatio;
    }

    /** The most {@code logFiles} entries one digest may list. */
    public int maxLogFiles() {
        return maxLogFiles;
    }

    /** The value of one limit. */
    public long value(Limit limit) {
        return switch (limit) {
            case DIGEST_BYTES -> maxDigestBytes;
            case UNCOMPRESSED_BYTES -> maxUncompressedBytes;
            case INFLATE_RATIO -> maxInflateRatio;
            case LOG_FILES -> maxLogFiles;
        };
    }

    @Override
    public String toString() {
        return "DigestLimits[maxDigestBytes=" + maxDigestBytes + ", maxUncompressedBytes=" + maxUncompressedBytes
                + ", maxInflateRatio=" + maxInflateRatio + ", maxLogFiles=" + maxLogFiles + "]";
    }

    /** Builds {@link DigestLimits}; every value must be positive. */
    public static final class Builder {
        private long maxDigestBytes = DEFAULT_MAX_DIGEST_BYTES;
        private long maxUncompressedBytes = DEFAULT_MAX_UNCOMPRESSED_BYTES;
        private int maxInflateRatio = DEFAULT_MAX_INFLATE_RATIO;
        private int maxLogFiles = DEFAULT_MAX_LOG_FILES;

        private Builder() {}

        /** Sets {@link DigestLimits#maxDigestBytes()}. */
        public Builder maxDigestBytes(long value) {
            this.maxDigestBytes = positive("maxDigestBytes", value);
            return this;
        }

        /** Sets {@link DigestLimits#maxUncompressedBytes()}. */
        public Builder maxUncompressedBytes(long value) {
            this.maxUncompressedBytes = positive("maxUncompressedBytes", value);
            return this;
        }

        /** Sets {@link DigestLimits#maxInflateRatio()}. */
        public Builder maxInflateRatio(int value) {
            this.maxInflateRatio = (int) positive("maxInflateRatio", value);
            return this;
        }

        /** Sets {@link DigestLimits#maxLogFiles()}. */
        public Builder maxLogFiles(int value) {
            this.maxLogFiles = (int) positive("maxLogFiles", value);
            return this;
        }

        /** The limits. */
        public DigestLimits build() {
            return new DigestLimits(this);
        }

        private static long positive(String name, long value) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive, found " + value);
            }
            return value;
        }
    }
}
