package io.github.trailkit.rules;

import io.github.trailkit.rules.internal.logic.Expr;
import io.github.trailkit.rules.internal.metricfilter.FilterParser;
import io.github.trailkit.rules.internal.metricfilter.FilterSyntax;
import io.github.trailkit.rules.internal.metricfilter.FilterSyntaxError;
import java.util.Objects;

/**
 * Reads CloudWatch Logs JSON filter patterns, the language of the CIS AWS Foundations metric filters, as {@link
 * Condition}s that match CloudTrail records the way the metric filter matches the same event in a log group.
 *
 * <pre>{@code
 * Condition noMfa = MetricFilters.parse(
 *         "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") }");
 * Rule rule = Rules.rule("console-login-without-mfa").when(noMfa).build();
 * }</pre>
 *
 * <p>The syntax and its meaning, following the CloudWatch Logs documentation:
 *
 * <ul>
 *   <li>The pattern is {@code { ... }}; conditions join with {@code &&} and {@code ||} ({@code &&} binds tighter) and
 *       group with parentheses. There is no general negation.
 *   <li>A selector is {@code $.} and property names (letters, digits, {@code -}, {@code _}), each with optional array
 *       indexes: {@code $.resources[0].ARN}, {@code $.a[0][1]}. Arrays are entered only through an index.
 *   <li>{@code =} and {@code !=} compare the string or number at the selector with a value: a quoted string, or an
 *       unquoted word ({@code kms.amazonaws.com}). A {@code *} at the start and/or end of a string is a wildcard
 *       ({@code "AccessDenied*"}, {@code "*UnauthorizedOperation"}, {@code "*Bucket*"}); a {@code *} inside it is a
 *       plain character; a value of just {@code *} matches any string or number. Matching is case-sensitive.
 *   <li>An unquoted number ({@code 400}, {@code -1.5}, {@code 10e3}) compares numerically, with {@code =}, {@code !=},
 *       {@code <}, {@code <=}, {@code >} and {@code >=}; a string holding a number (such as an account id) compares as
 *       that number.
 *   <li>The selector must reach a string or a number. When it reaches nothing, {@code null}, a boolean, an object or an
 *       array, neither {@code =} nor {@code !=} matches: {@code $.additionalEventData.MFAUsed != "Yes"} does not match
 *       a record without {@code MFAUsed}.
 *   <li>{@code IS NULL} matches an explicit JSON {@code null}; {@code NOT EXISTS} matches when the selector reaches
 *       nothing ({@code null} exists); {@code IS TRUE} and {@code IS FALSE} match JSON booleans.
 *   <li>Not supported, refused with a {@link MetricFilterException}: regular expressions ({@code %...%}), text and
 *       space-delimited patterns; patterns over {@link #MAX_PATTERN_LENGTH} characters (CloudWatch Logs' own limit)
 *       and parentheses nested deeper than {@link #MAX_PARENTHESES_DEPTH}.
 * </ul>
 */
public final class MetricFilters {
    /** The longest pattern read, in characters: 1,024, CloudWatch Logs' limit for a metric filter's pattern. */
    public static final int MAX_PATTERN_LENGTH = FilterParser.MAX_PATTERN_LENGTH;
    /** The deepest nesting of parentheses read. */
    public static final int MAX_PARENTHESES_DEPTH = FilterParser.MAX_PARENTHESES_DEPTH;

    private MetricFilters() {}

    /**
     * The condition a filter pattern stands for.
     *
     * @throws MetricFilterException when the pattern is not valid or uses something unsupported, with the column
     */
    public static Condition parse(String filterPattern) {
        Objects.requireNonNull(filterPattern, "filterPattern");
        Expr node;
        try {
            node = FilterParser.parse(filterPattern);
        } catch (FilterSyntaxError e) {
            throw new MetricFilterException(e.pattern, e.column, e.getMessage());
        }
        return Expr.fold(node, CONVERT);
    }

    /** Filter pattern expressions as conditions: comparisons and checks are the leaves. */
    private static final ConditionFolder<RuntimeException> CONVERT = new ConditionFolder<>() {
        @Override
        public Condition leaf(Expr leaf) {
            return leaf instanceof FilterSyntax.Comparison c
                    ? new MetricFilterCondition(c)
                    : new MetricFilterCondition((FilterSyntax.Check) leaf);
        }
    };
}
