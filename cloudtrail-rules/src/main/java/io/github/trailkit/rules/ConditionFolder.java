package io.github.trailkit.rules;

import io.github.trailkit.rules.internal.logic.Expr;
import java.util.List;

/**
 * Turns a parsed condition expression (a filter pattern's or a Sigma condition's) into a {@link Condition}: {@code and}
 * as {@link Rules#allOf}, {@code or} as {@link Rules#anyOf}, {@code not} as {@link Rules#not}; each reader says what
 * its leaves are.
 *
 * <pre>{@code
 * Condition c = Expr.fold(expr, new ConditionFolder<RuntimeException>() {
 *     public Condition leaf(Expr leaf) { return new MetricFilterCondition((FilterSyntax.Comparison) leaf); }
 * });
 * }</pre>
 *
 * @param <X> what a leaf may throw
 */
abstract class ConditionFolder<X extends Exception> implements Expr.Folder<Condition, X> {
    @Override
    public final Condition and(List<Condition> parts) {
        return Rules.allOf(parts);
    }

    @Override
    public final Condition or(List<Condition> parts) {
        return Rules.anyOf(parts);
    }

    @Override
    public final Condition not(Condition inner) {
        return Rules.not(inner);
    }
}
