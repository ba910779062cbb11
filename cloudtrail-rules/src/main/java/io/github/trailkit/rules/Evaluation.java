package io.github.trailkit.rules;

import java.util.List;
import org.immutables.value.Value;

/**
 * Everything one evaluation of a record found: the findings, the rules that failed, and how many rules the index let
 * through to be examined.
 *
 * <pre>{@code
 * Evaluation e = ruleSet.evaluation(record);
 * e.findings().forEach(sink::send);
 * e.errors().forEach(err -> log.warn(err.toString()));
 * }</pre>
 */
@Value.Immutable
@TrailkitRulesStyle
public abstract class Evaluation {
    Evaluation() {}

    /** The findings, in rule-set order. */
    @Value.Parameter
    public abstract List<Finding> findings();

    /** The rules that threw while evaluating the record. */
    @Value.Parameter
    public abstract List<RuleError> errors();

    /**
     * How many rules were examined: the candidates for this record's {@code eventSource} and {@code eventName}, plus
     * the rules the index cannot place.
     */
    @Value.Parameter
    public abstract int rulesExamined();

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link Evaluation}. */
    public static final class Builder extends ImmutableEvaluation.Builder {
        Builder() {}
    }
}
