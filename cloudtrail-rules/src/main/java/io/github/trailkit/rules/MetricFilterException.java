package io.github.trailkit.rules;

import io.github.trailkit.model.TrailkitException;

/**
 * A CloudWatch Logs filter pattern that {@link MetricFilters} cannot read: a syntax error, or a feature it does not
 * support. It says where (a 1-based column in the pattern) and what was expected; its message shows the pattern with a
 * caret under the column.
 *
 * <pre>{@code
 * try {
 *     MetricFilters.parse("{ $.eventName = }");
 * } catch (MetricFilterException e) {
 *     e.column();   // 17
 *     e.reason();   // expected a value after =
 * }
 * }</pre>
 */
public class MetricFilterException extends TrailkitException {
    private static final long serialVersionUID = 1L;

    private final String pattern;
    private final int column;
    private final String reason;

    /** A problem at {@code column} (1-based) of {@code pattern}. */
    public MetricFilterException(String pattern, int column, String reason) {
        super("column " + column + ": " + reason + "\n  " + pattern + "\n  " + " ".repeat(Math.max(0, column - 1))
                + "^");
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
