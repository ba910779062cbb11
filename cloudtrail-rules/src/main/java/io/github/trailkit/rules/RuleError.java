package io.github.trailkit.rules;

import org.immutables.value.Value;

/**
 * A rule that failed while evaluating a record (an exception from a {@link Rules#predicate} escape hatch, for
 * example). The other rules were still evaluated.
 *
 * <pre>{@code
 * RuleSet rules = RuleSet.builder().add(myRules).onRuleError(e -> log.warn(e.toString())).build();
 * }</pre>
 */
@Value.Immutable
@TrailkitRulesStyle
public abstract class RuleError {
    RuleError() {}

    /** The id of the rule that failed. */
    public abstract String ruleId();

    /** The record's eventID, when it has one. */
    public abstract String eventID();

    /** What went wrong: the exception's type and message. */
    public abstract String message();

    /** {@code rule <id> failed on event <eventID>: <message>}. */
    @Override
    public String toString() {
        return "rule " + ruleId() + " failed on event " + eventID() + ": " + message();
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RuleError}. */
    public static final class Builder extends ImmutableRuleError.Builder {
        Builder() {}
    }
}
