package io.github.trailkit.rules;

import io.github.trailkit.model.CloudTrailRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * A detection: an id, a title, a description, reference links, a severity (which may depend on the record), tags with
 * ATT&amp;CK tactics and techniques, a dedup key of one or several fields, and the {@link Condition} a record must meet.
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
 *
 * Rule keyForOther = rule("access-key-for-another-user")
 *         .description("An access key created for someone other than the caller")
 *         .addReferences("https://example.com/runbooks/access-keys")
 *         .attack(AttackTactic.PERSISTENCE, "T1098.001")
 *         .severity(Severity.MEDIUM)
 *         .severityWhen(userIdentity().type().is("Root"), Severity.CRITICAL)
 *         .dedupKey("userIdentity.arn", "requestParameters.userName")
 *         .when(eventName().is("CreateAccessKey").and(succeeded())
 *                 .and(requestParameter("userName").differsFrom(userIdentity().userName())))
 *         .build();
 * }</pre>
 */
@Value.Immutable
@TrailkitRulesStyle
public abstract class Rule {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}");
    private static final Pattern TECHNIQUE = Pattern.compile("(?i)(?:attack\\.)?(t\\d{4}(?:\\.\\d{3})?)");

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

    /**
     * Severities that depend on the record: the first whose condition the record meets replaces {@link #severity()}
     * in the finding. Set with {@code Builder.severityWhen(condition, severity)}.
     */
    public abstract List<Map.Entry<Condition, Severity>> severityWhen();

    /** Runbook or reference links, such as the page that says what to do about a finding. */
    public abstract List<String> references();

    /**
     * Free-form tags, such as {@code cis-3.3}; ATT&amp;CK tactics and techniques as Sigma writes them ({@code
     * attack.defense-evasion}, {@code attack.t1562.008}), which {@link #attackTactics()} and {@link
     * #attackTechniques()} read.
     */
    public abstract List<String> tags();

    /** The ATT&amp;CK tactics among the tags, in tag order. */
    @Value.Derived
    @Value.Auxiliary
    public List<AttackTactic> attackTactics() {
        return tactics(tags());
    }

    /** The ATT&amp;CK technique ids among the tags, such as {@code T1562.008}, in tag order. */
    @Value.Derived
    @Value.Auxiliary
    public List<String> attackTechniques() {
        return techniques(tags());
    }

    static List<AttackTactic> tactics(List<String> tags) {
        Set<AttackTactic> all = new LinkedHashSet<>();
        for (String t : tags) {
            AttackTactic.fromTag(t).ifPresent(all::add);
        }
        return List.copyOf(all);
    }

    static List<String> techniques(List<String> tags) {
        Set<String> all = new LinkedHashSet<>();
        for (String t : tags) {
            if (t.regionMatches(true, 0, "attack.", 0, 7)) {
                Matcher m = TECHNIQUE.matcher(t);
                if (m.matches()) {
                    all.add(m.group(1).toUpperCase(Locale.ROOT));
                }
            }
        }
        return List.copyOf(all);
    }

    /**
     * The paths of the record fields whose values identify a finding for deduplication, such as {@code
     * userIdentity.arn}; when there are none, findings are identified by the record's {@code eventID}.
     */
    public abstract List<String> dedupKey();

    /** The condition a record must meet. */
    public abstract Condition condition();

    /** True when {@code record} meets {@link #condition()}. */
    public final boolean matches(CloudTrailRecord record) {
        return condition().matches(record);
    }

    /**
     * Whether this rule matches {@code record}, in words: {@code <id> matches: <each test that held and the record's
     * values there>}, or {@code <id> does not match: <which test failed and the record's actual values>}. The one
     * explanation of the library: {@link RuleSet#explain(String, CloudTrailRecord)} and the assertions of
     * cloudtrail-test say the same.
     *
     * <pre>{@code
     * System.out.println(topicCreated.explain(record));
     * // sns-topic-created does not match: eventName is "Publish", expected eventName().is("CreateTopic")
     * }</pre>
     */
    public final String explain(CloudTrailRecord record) {
        String miss = condition().explainMiss(record);
        if (miss != null) {
            return id() + " does not match: " + miss;
        }
        String why = condition().explainMatch(record);
        return why == null ? id() + " matches" : id() + " matches: " + why;
    }

    /** The severity of a finding of this rule on {@code record}: the first {@link #severityWhen()} that holds, else {@link #severity()}. */
    public final Severity severityFor(CloudTrailRecord record) {
        for (Map.Entry<Condition, Severity> e : severityWhen()) {
            if (e.getKey().matches(record)) {
                return e.getValue();
            }
        }
        return severity();
    }

    @Value.Check
    void check() {
        if (!ID.matcher(id()).matches()) {
            throw new IllegalArgumentException("rule id must be 1 to 200 letters, digits or . _ : / - starting with a "
                    + "letter or digit, was " + ValueMatcher.quote(id()));
        }
        dedupKey().forEach(path -> Field.of(path, path));
    }

    /** The DSL that builds this rule. */
    @Override
    public String toString() {
        StringBuilder sb =
                new StringBuilder("rule(").append(ValueMatcher.quote(id())).append(')');
        if (!title().equals(id())) {
            sb.append(".title(").append(ValueMatcher.quote(title())).append(')');
        }
        description()
                .ifPresent(d ->
                        sb.append(".description(").append(ValueMatcher.quote(d)).append(')'));
        references()
                .forEach(r -> sb.append(".addReferences(")
                        .append(ValueMatcher.quote(r))
                        .append(')'));
        sb.append(".severity(Severity.").append(severity()).append(')');
        severityWhen()
                .forEach(e -> sb.append(".severityWhen(")
                        .append(e.getKey())
                        .append(", Severity.")
                        .append(e.getValue())
                        .append(')'));
        if (!tags().isEmpty()) {
            sb.append(".tags(")
                    .append(tags().stream().map(ValueMatcher::quote).collect(Collectors.joining(", ")))
                    .append(')');
        }
        if (!dedupKey().isEmpty()) {
            sb.append(".dedupKey(")
                    .append(dedupKey().stream().map(ValueMatcher::quote).collect(Collectors.joining(", ")))
                    .append(')');
        }
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

        /**
         * Adds an ATT&amp;CK tactic and its technique ids (such as {@code T1562.008}) as the tags Sigma uses ({@code
         * attack.defense-evasion}, {@code attack.t1562.008}).
         *
         * @throws IllegalArgumentException when a technique id is not {@code T} and four digits, with an optional
         *     sub-technique {@code .NNN}
         */
        public Builder attack(AttackTactic tactic, String... techniqueIds) {
            List<String> tags = new ArrayList<>();
            tags.add("attack." + tactic.tagName());
            for (String t : techniqueIds) {
                if (!TECHNIQUE.matcher(t).matches() || t.regionMatches(true, 0, "attack.", 0, 7)) {
                    throw new IllegalArgumentException("an ATT&CK technique id is T and four digits with an optional "
                            + ".NNN, such as T1562.008; was " + ValueMatcher.quote(t));
                }
                tags.add("attack." + t.toLowerCase(Locale.ROOT));
            }
            return addAllTags(tags);
        }

        /** The fields whose values identify a finding for deduplication, such as {@code userIdentity.arn}. */
        public Builder dedupKey(String first, String... more) {
            addDedupKey(first);
            return addDedupKey(more);
        }

        /** Findings of records that meet {@code condition} get {@code severity}; the first that holds wins. */
        public Builder severityWhen(Condition condition, Severity severity) {
            return addSeverityWhen(Map.entry(condition, severity));
        }
    }
}
