package io.github.trailkit.model;

/**
 * A log went over one of the reader's {@link ReadLimits}: too deep, a string or number too long, a record too large,
 * too much JSON, or gzip data that inflates too much (a decompression bomb). Every record before it was delivered;
 * the message names the limit, its value and the builder method that raises it.
 *
 * <p>Limits on the whole input ({@link ReadLimits.Limit#TOTAL_BYTES}, {@link ReadLimits.Limit#INFLATE_RATIO}) and
 * those Jackson enforces inside a token always end the read. A record over {@link ReadLimits#maxRecordBytes()} ends
 * it only with {@link ProblemPolicy#FAIL_FAST}; with {@link ProblemPolicy#SKIP_AND_REPORT} it is skipped and reported
 * in {@link CloudTrailLog#problems()}.
 *
 * <pre>{@code
 * catch (LimitExceededException e) {
 *     // "k.json.gz: at byte 1048576: gzip data inflates more than 200 times (maxInflateRatio = 200; ...)"
 *     alarm(e.source(), e.limit(), e.limitValue());
 * }
 * }</pre>
 */
public class LimitExceededException extends CloudTrailParseException {
    private static final long serialVersionUID = 1L;

    private final ReadLimits.Limit limit;
    private final long limitValue;

    /**
     * An exception for {@code source}; {@code recordIndex} and {@code byteOffset} are {@code -1} when unknown.
     *
     * @param what what went over the limit, such as {@code "the record is over 4194304 bytes"}
     */
    public LimitExceededException(
            String source,
            long recordIndex,
            long byteOffset,
            ReadLimits.Limit limit,
            long limitValue,
            String what,
            Throwable cause) {
        super(source, recordIndex, byteOffset, Limits.reason(limit, limitValue, what), cause);
        this.limit = limit;
        this.limitValue = limitValue;
    }

    /** Which limit was hit. */
    public ReadLimits.Limit limit() {
        return limit;
    }

    /** The configured value of that limit. */
    public long limitValue() {
        return limitValue;
    }
}
