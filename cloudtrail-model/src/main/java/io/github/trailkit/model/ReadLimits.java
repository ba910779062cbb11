package io.github.trailkit.model;

import java.util.Objects;

/**
 * Bounds on what a {@link CloudTrailReader} accepts, so that a hostile or broken log costs bounded memory and time.
 *
 * <p>Every limit has a default generous enough for any log CloudTrail writes. Nesting depth, string length and
 * number length are enforced by Jackson's {@code StreamReadConstraints}; the others by the reader. When a limit is
 * hit the reader throws a {@link LimitExceededException} naming the source, the record, the byte offset, the limit and
 * its value; with {@link ProblemPolicy#SKIP_AND_REPORT}, a record over {@link #maxRecordBytes()} is skipped and
 * reported instead and reading goes on. Immutable and thread-safe.
 *
 * <pre>{@code
 * CloudTrailReader reader = CloudTrail.reader()
 *         .limits(ReadLimits.builder()
 *                 .maxRecordBytes(1 << 20)            // 1 MiB per record
 *                 .maxTotalBytes(512L << 20)          // 512 MiB of JSON per file
 *                 .maxInflateRatio(50)                // gzip may inflate at most 50 times
 *                 .build());
 * }</pre>
 */
public final class ReadLimits {
    /** The default {@link #maxNestingDepth()}: 500 levels of objects and arrays inside a record. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 500;
    /**
     * The highest {@link #maxNestingDepth()} that can be configured: records are read recursively, and deeper nesting
     * could overflow a small thread stack.
     */
    public static final int MAX_NESTING_DEPTH = 1000;
    /** The default {@link #maxStringLength()}: 4 Mi characters. */
    public static final int DEFAULT_MAX_STRING_LENGTH = 4 << 20;
    /** The default {@link #maxNumberLength()}: 1,000 characters (Jackson's own default). */
    public static final int DEFAULT_MAX_NUMBER_LENGTH = 1000;
    /** The default {@link #maxRecordBytes()}: 4 MiB of JSON per record. */
    public static final long DEFAULT_MAX_RECORD_BYTES = 4L << 20;
    /** The default {@link #maxTotalBytes()}: 4 GiB of (uncompressed) JSON per input. */
    public static final long DEFAULT_MAX_TOTAL_BYTES = 4L << 30;
    /** The default {@link #maxInflateRatio()}: gzip data may inflate to 200 times its compressed size. */
    public static final int DEFAULT_MAX_INFLATE_RATIO = 200;

    private static final ReadLimits DEFAULTS = builder().build();

    /** One limit: what {@link LimitExceededException#limit()} names. */
    public enum Limit {
        /** {@link #maxNestingDepth()}. */
        NESTING_DEPTH("maxNestingDepth"),
        /** {@link #maxStringLength()}. */
        STRING_LENGTH("maxStringLength"),
        /** {@link #maxNumberLength()}. */
        NUMBER_LENGTH("maxNumberLength"),
        /** The length of a member name: 50,000 characters, Jackson's own default (not configurable). */
        NAME_LENGTH("maxNameLength"),
        /** {@link #maxRecordBytes()}. */
        RECORD_BYTES("maxRecordBytes"),
        /** {@link #maxTotalBytes()}. */
        TOTAL_BYTES("maxTotalBytes"),
        /** {@link #maxInflateRatio()}. */
        INFLATE_RATIO("maxInflateRatio"),
        /**
         * The JSON parser's table of distinct member names, which ends a read when so many names share its hash slots
         * that its overflow area is full: Jackson's guard against names chosen to collide. Fixed, not configurable;
         * {@link ReadLimits#value(Limit)} is -1.
         */
        NAME_TABLE("nameTable");

        private final String setting;

        Limit(String setting) {
            this.setting = setting;
        }

        /** The name of the {@link Builder} method that sets this limit, such as {@code maxRecordBytes}. */
        public String setting() {
            return setting;
        }

        /** Whether a hit is local to one record, which {@link ProblemPolicy#SKIP_AND_REPORT} skips. */
        public boolean perRecord() {
            return this == RECORD_BYTES;
        }
    }

    private final int maxNestingDepth;
    private final int maxStringLength;
    private final int maxNumberLength;
    private final long maxRecordBytes;
    private final long maxTotalBytes;
    private final int maxInflateRatio;

    private ReadLimits(Builder b) {
        this.maxNestingDepth = b.maxNestingDepth;
        this.maxStringLength = b.maxStringLength;
        this.maxNumberLength = b.maxNumberLength;
        this.maxRecordBytes = b.maxRecordBytes;
        this.maxTotalBytes = b.maxTotalBytes;
        this.maxInflateRatio = b.maxInflateRatio;
    }

    /** The default limits (the {@code DEFAULT_*} constants). */
    public static ReadLimits defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The deepest nesting of objects and arrays in a record, the record object included (the {@code Records} array and
     * the object around it not counted).
     */
    public int maxNestingDepth() {
        return maxNestingDepth;
    }

    /** The longest string value, in characters. */
    public int maxStringLength() {
        return maxStringLength;
    }

    /** The longest number, in characters. */
    public int maxNumberLength() {
        return maxNumberLength;
    }

    /** The largest record, in bytes of uncompressed JSON (checked between tokens, so exact to one token). */
    public long maxRecordBytes() {
        return maxRecordBytes;
    }

    /** The most uncompressed JSON read from one input, in bytes. */
    public long maxTotalBytes() {
        return maxTotalBytes;
    }

    /**
     * The most a gzip input may inflate: uncompressed bytes over compressed bytes consumed, checked once more than 1
     * MiB has been inflated. It stops decompression bombs early, before {@link #maxTotalBytes()} would.
     */
    public int maxInflateRatio() {
        return maxInflateRatio;
    }

    /** The configured value of one limit. */
    public long value(Limit limit) {
        switch (limit) {
            case NESTING_DEPTH:
                return maxNestingDepth;
            case STRING_LENGTH:
                return maxStringLength;
            case NUMBER_LENGTH:
                return maxNumberLength;
            case NAME_LENGTH:
                return 50_000;
            case RECORD_BYTES:
                return maxRecordBytes;
            case TOTAL_BYTES:
                return maxTotalBytes;
            case INFLATE_RATIO:
                return maxInflateRatio;
            case NAME_TABLE:
                return -1;
            default:
                throw new AssertionError(limit);
        }
    }

    /** A builder with these limits. */
    public Builder toBuilder() {
        return new Builder()
                .maxNestingDepth(maxNestingDepth)
                .maxStringLength(maxStringLength)
                .maxNumberLength(maxNumberLength)
                .maxRecordBytes(maxRecordBytes)
                .maxTotalBytes(maxTotalBytes)
                .maxInflateRatio(maxInflateRatio);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReadLimits other
                && other.maxNestingDepth == maxNestingDepth
                && other.maxStringLength == maxStringLength
                && other.maxNumberLength == maxNumberLength
                && other.maxRecordBytes == maxRecordBytes
                && other.maxTotalBytes == maxTotalBytes
                && other.maxInflateRatio == maxInflateRatio;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                maxNestingDepth, maxStringLength, maxNumberLength, maxRecordBytes, maxTotalBytes, maxInflateRatio);
    }

    @Override
    public String toString() {
        return "ReadLimits{maxNestingDepth=" + maxNestingDepth + ", maxStringLength=" + maxStringLength
                + ", maxNumberLength=" + maxNumberLength + ", maxRecordBytes=" + maxRecordBytes
                + ", maxTotalBytes=" + maxTotalBytes + ", maxInflateRatio=" + maxInflateRatio + "}";
    }

    /**
     * Builds {@link ReadLimits}; every value must be positive.
     *
     * <pre>{@code
     * ReadLimits strict = ReadLimits.builder().maxNestingDepth(64).maxStringLength(256 * 1024).build();
     * }</pre>
     */
    public static final class Builder {
        private int maxNestingDepth = DEFAULT_MAX_NESTING_DEPTH;
        private int maxStringLength = DEFAULT_MAX_STRING_LENGTH;
        private int maxNumberLength = DEFAULT_MAX_NUMBER_LENGTH;
        private long maxRecordBytes = DEFAULT_MAX_RECORD_BYTES;
        private long maxTotalBytes = DEFAULT_MAX_TOTAL_BYTES;
        private int maxInflateRatio = DEFAULT_MAX_INFLATE_RATIO;

        Builder() {}

        /**
         * See {@link ReadLimits#maxNestingDepth()}; default {@value ReadLimits#DEFAULT_MAX_NESTING_DEPTH}, at most
         * {@value ReadLimits#MAX_NESTING_DEPTH}.
         */
        public Builder maxNestingDepth(int value) {
            if (value > MAX_NESTING_DEPTH) {
                throw new IllegalArgumentException("maxNestingDepth must be at most " + MAX_NESTING_DEPTH
                        + " (deeper nesting could overflow the stack), found " + value);
            }
            this.maxNestingDepth = positive("maxNestingDepth", value);
            return this;
        }

        /** See {@link ReadLimits#maxStringLength()}; default 4 Mi characters. */
        public Builder maxStringLength(int value) {
            this.maxStringLength = positive("maxStringLength", value);
            return this;
        }

        /** See {@link ReadLimits#maxNumberLength()}; default {@value ReadLimits#DEFAULT_MAX_NUMBER_LENGTH}. */
        public Builder maxNumberLength(int value) {
            this.maxNumberLength = positive("maxNumberLength", value);
            return this;
        }

        /** See {@link ReadLimits#maxRecordBytes()}; default 4 MiB. */
        public Builder maxRecordBytes(long value) {
            this.maxRecordBytes = positive("maxRecordBytes", value);
            return this;
        }

        /** See {@link ReadLimits#maxTotalBytes()}; default 4 GiB. */
        public Builder maxTotalBytes(long value) {
            this.maxTotalBytes = positive("maxTotalBytes", value);
            return this;
        }

        /** See {@link ReadLimits#maxInflateRatio()}; default {@value ReadLimits#DEFAULT_MAX_INFLATE_RATIO}. */
        public Builder maxInflateRatio(int value) {
            this.maxInflateRatio = positive("maxInflateRatio", value);
            return this;
        }

        /** The limits. */
        public ReadLimits build() {
            return new ReadLimits(this);
        }

        private static <N extends Number> N positive(String name, N value) {
            if (value.longValue() <= 0) {
                throw new IllegalArgumentException(name + " must be positive, found " + value);
            }
            return value;
        }
    }
}
