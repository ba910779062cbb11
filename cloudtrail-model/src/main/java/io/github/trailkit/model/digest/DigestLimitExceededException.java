package io.github.trailkit.model.digest;

/**
 * A digest file went over one of the {@link DigestLimits}: too large as stored, inflating to too much JSON or too
 * many times its size (a decompression bomb), or listing too many log files. Reading stopped there; the message
 * names the file, the limit, its value and the builder method that raises it.
 *
 * <pre>{@code
 * catch (DigestLimitExceededException e) {
 *     // "<key>: the digest lists more than 100000 log files (limit maxLogFiles = 100000; ...)"
 *     alarm(e.source(), e.limit(), e.limitValue());
 * }
 * }</pre>
 */
public class DigestLimitExceededException extends DigestParseException {
    private static final long serialVersionUID = 1L;

    private final DigestLimits.Limit limit;
    private final long limitValue;

    /**
     * An exception for {@code source} at {@code byteOffset} of the uncompressed JSON ({@code -1} when unknown).
     *
     * @param what what went over the limit, such as {@code "the digest is over 33554432 bytes"}
     */
    public DigestLimitExceededException(
            String source, long byteOffset, DigestLimits.Limit limit, long limitValue, String what) {
        super(
                source,
                byteOffset,
                what + " (limit " + limit.setting() + " = " + limitValue + "; raise it with DigestLimits.builder()."
                        + limit.setting() + "(...))",
                null);
        this.limit = limit;
        this.limitValue = limitValue;
    }

    /** Which limit was hit. */
    public DigestLimits.Limit limit() {
        return limit;
    }

    /** The configured value of that limit. */
    public long limitValue() {
        return limitValue;
    }
}
