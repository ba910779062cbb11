package io.github.trailkit.rules;

import io.github.trailkit.model.CloudTrailRecord;
import java.util.List;
import org.immutables.value.Value;

/**
 * A record that met a rule: which rule, how severe, and the record itself.
 *
 * <pre>{@code
 * for (Finding f : ruleSet.evaluate(record)) {
 *     System.out.println(f.severity() + " " + f.ruleId() + " " + f.record().eventName().orElse("?"));
 * }
 * }</pre>
 */
@Value.Immutable
@TrailkitRulesStyle
public abstract class Finding {
    Finding() {}

    /** The id of the rule that matched. */
    public abstract String ruleId();

    /** The rule's title. */
    public abstract String title();

    /** The rule's severity. */
    public abstract Severity severity();

    /** The rule's tags. */
    public abstract List<String> tags();

    /**
     * What identifies this finding for deduplication: the value at the rule's {@link Rule#dedupKey()}, or the record's
     * {@code eventID}; empty text when the record has neither.
     */
    public abstract String dedupKey();

    /** The record that matched. */
    @Value.Auxiliary
    public abstract CloudTrailRecord record();

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Finding}. */
    public static final class Builder extends ImmutableFinding.Builder {
        Builder() {}
    }
}
