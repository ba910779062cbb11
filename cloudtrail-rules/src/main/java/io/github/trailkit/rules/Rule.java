package io.github.trailkit.rules;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * A detection: an id, a title, a severity, tags, an optional dedup key, and the {@link Condition} a record must meet.
 * Immutable and thread-safe; its {@link #toString()} is the DSL that builds it.
 *
 * <pre>{@code
 * import static io.github.trailkit.rules.Rules.*;
 *
 * Rule topicCreated = rule("sns-topic-created")
 *         .title("SNS topic created")
 *         .severity(Severity.MEDIUM)
 *         .when(eventSource().is("sns.amazonaws.com").and(eventName().is("CreateTopic")))
 *         .build();
 * }</pre>
 */
@Value.Immutable
@TrailkitRulesStyle
public abstract class Rule {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}");

    Rule() {}

    /** The rule's id: letters, digits and {@code . _ : / -}, starting with a letter or digit; unique in a rule set. */
    public abstract String id();

    /** A one-line title for people; the id when not set. */
    @Value.Default
    public String title() {
        return id();
    }

    /** A longer description, if any. */
    public abstract Optional<String> description();

    /** How urgent a finding of this rule is; {@link Severity#MEDIUM} when not set. */
    @Value.Default
    public Severity severity() {
        return Severity.MEDIUM;
    }

    /** Free-form tags, such as {@code cis-3.3} or {@code attack.t1078}. */
    public abstract List<String> tags();

    /**
     * The path of the record field whose value identifies a finding for deduplication, such as {@code
     * userIdentity.arn}; when absent, findings are identified by the record's {@code eventID}.
     */
    public abstract Optional<String> dedupKey();

    /** The condition a record must meet. */
    public abstract Condition condition();

    /** True when {@code record} meets {@link #condition()}. */
    public final boolean matches(io.github.trailkit.model.CloudTrailRecord record) {
        return condition().matches(record);
    }

    @Value.Check
    void check() {
        if (!ID.matcher(id()).matches()) {
            throw new IllegalArgumentException("rule id must be 1 to 200 letters, digits or . _ : / - starting with a "
                    + "letter or digit, was " + ValueTest.quote(id()));
        }
        dedupKey().ifPresent(path -> Field.of(path, path));
    }

    /** The DSL that builds this rule. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("rule(").append(ValueTest.quote(id())).append(')');
        if (!title().equals(id())) {
            sb.append(".title(").append(ValueTest.quote(title())).append(')');
        }
        description().ifPresent(d -> sb.append(".description(").append(ValueTest.quote(d)).append(')'));
        sb.append(".severity(Severity.").append(severity()).append(')');
        if (!tags().isEmpty()) {
            sb.append(".tags(").append(tags().stream().map(ValueTest::quote).collect(Collectors.joining(", ")))
                    .append(')');
        }
        dedupKey().ifPresent(k -> sb.append(".dedupKey(").append(ValueTest.quote(k)).append(')'));
        return sb.append(".when(").append(condition()).append(").build()").toString();
    }

    /** A new builder; {@link Rules#rule(String)} is the usual way to start one. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Rule}: {@code id} and {@code when} are required. */
    public static final class Builder extends ImmutableRule.Builder {
        Builder() {}

        /** The condition a record must meet; same as {@code condition(c)}. */
        public Builder when(Condition condition) {
            return condition(condition);
        }

        /** Sets the tags. */
        public Builder tags(String... tags) {
            return tags(List.of(tags));
        }
    }
}
