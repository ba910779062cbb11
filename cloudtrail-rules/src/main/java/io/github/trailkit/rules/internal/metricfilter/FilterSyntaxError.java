package io.github.trailkit.rules.internal.metricfilter;

/**
 * A filter pattern {@link FilterParser} cannot read: where (a 1-based column) and why. The public reader turns it into
 * the library's {@code MetricFilterException}; this package knows no type above it.
 *
 * <pre>{@code
 * try {
 *     FilterParser.parse("{ $.eventName = }");
 * } catch (FilterSyntaxError e) {
 *     e.column; // 17
 * }
 * }</pre>
 */
public final class FilterSyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The filter pattern as given (cut at the length limit when over it). */
    public final String pattern;
    /** The column of the problem, from 1. */
    public final int column;

    FilterSyntaxError(String pattern, int column, String reason) {
        super(reason, null, false, false);
        this.pattern = pattern;
        this.column = column;
    }
}
