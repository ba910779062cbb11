package io.github.trailkit.rules.internal.metricfilter;

/**
 * A filter pattern {@link FilterParser} cannot read: where (a 1-based column) and why. The public reader turns it into
 * the library's {@code MetricFilterException}; this package knows no type above it.
 *
 * <pre>{@code
 * try {
 *     FilterParser.parse("{ $.eventName = }");
 * } catch (FilterSyntaxError e) {
 *     e.column(); // 17
 * }
 * }</pre>
 */
public final class FilterSyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String pattern;
    private final int column;
    private final String reason;

    FilterSyntaxError(String pattern, int column, String reason) {
        super(reason, null, false, false);
        this.pattern = pattern;
        this.column = column;
        this.reason = reason;
    }

    /** The filter pattern as given. */
    public String pattern() {
        return pattern;
    }

    /** The column of the problem, from 1. */
    public int column() {
        return column;
    }

    /** What is wrong and what was expected, without the position. */
    public String reason() {
        return reason;
    }
}
