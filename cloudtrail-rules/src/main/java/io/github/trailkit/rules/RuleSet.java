package io.github.trailkit.rules;

import io.github.trailkit.model.CloudTrailRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Rules compiled for evaluation: immutable, thread-safe, built once and shared across threads and Lambda invocations.
 *
 * <p>Rules are indexed by the exact {@code eventName} (else {@code eventSource}) values their conditions require, so
 * that a record is only tested against the rules that could match it: the cost per record does not grow with rules
 * that cannot match. A rule that requires neither is indexed by the exact values it requires of {@code errorCode},
 * {@code eventType}, {@code tlsDetails.tlsVersion}, {@code awsRegion} or {@code userIdentity.type} (the first of these
 * it constrains); rules that require no exact value of any of them are examined for every record. A rule that
 * throws never stops the others; its error is reported with the rule id.
 *
 * <pre>{@code
 * RuleSet rules = RuleSet.of(topicCreated, rootLogin);
 * for (Finding f : rules.evaluate(record)) { ... }
 * String why = rules.explain("sns-topic-created", record);
 * }</pre>
 */
public final class RuleSet {
    private static final System.Logger LOG = System.getLogger(RuleSet.class.getName());
    private static final int[] NONE = new int[0];

    private final Rule[] rules;
    private final Map<String, Rule> byId;
    private final Map<String, int[]> byEventName;
    private final Map<String, int[]> byEventSource;
    private final int[] unindexed;
    private final SecondaryIndex[] secondary;
    private final Consumer<RuleError> onError;

    /**
     * Fields other than the event name and source that rules often require exact values of, most selective first: a
     * rule that requires neither an event name nor a source is indexed by the first of these it requires exact strings
     * of. Checked only when some rule is indexed by it.
     */
    private static final List<String> SECONDARY_PATHS =
            List.of("errorCode", "eventType", "tlsDetails.tlsVersion", "awsRegion", "userIdentity.type");

    /** Rules indexed by the exact string values one field must have. */
    private static final class SecondaryIndex {
        final Field field;
        final Map<String, int[]> byValue;

        SecondaryIndex(String path, Map<String, int[]> byValue) {
            this.field = Field.of(path, path);
            this.byValue = byValue;
        }
    }

    private RuleSet(List<Rule> rules, Consumer<RuleError> onError) {
        this.rules = rules.toArray(new Rule[0]);
        this.onError = onError;
        Map<String, Rule> ids = new LinkedHashMap<>();
        Map<String, List<Integer>> names = new HashMap<>();
        Map<String, List<Integer>> sources = new HashMap<>();
        List<Integer> rest = new ArrayList<>();
        Map<String, Map<String, List<Integer>>> others = new LinkedHashMap<>();
        for (int i = 0; i < this.rules.length; i++) {
            Rule r = this.rules[i];
            if (ids.put(r.id(), r) != null) {
                throw new IllegalArgumentException("two rules have the id " + ValueTest.quote(r.id()));
            }
            Set<String> requiredNames = r.condition().required("eventName");
            Set<String> requiredSources = r.condition().required("eventSource");
            if (requiredNames != null) {
                for (String n : requiredNames) {
                    names.computeIfAbsent(n, k -> new ArrayList<>()).add(i);
                }
            } else if (requiredSources != null) {
                for (String s : requiredSources) {
                    sources.computeIfAbsent(s, k -> new ArrayList<>()).add(i);
                }
            } else if (!indexSecondary(r.condition(), i, others)) {
                rest.add(i);
            }
        }
        this.byId = Map.copyOf(ids);
        this.byEventName = toArrays(names);
        this.byEventSource = toArrays(sources);
        this.unindexed = rest.stream().mapToInt(Integer::intValue).toArray();
        List<SecondaryIndex> indexes = new ArrayList<>();
        for (String path : SECONDARY_PATHS) {
            if (others.containsKey(path)) {
                indexes.add(new SecondaryIndex(path, toArrays(others.get(path))));
            }
        }
        this.secondary = indexes.toArray(new SecondaryIndex[0]);
    }

    private static boolean indexSecondary(Condition c, int rule, Map<String, Map<String, List<Integer>>> others) {
        for (String path : SECONDARY_PATHS) {
            Set<String> values = c.required(path);
            if (values != null) {
                Map<String, List<Integer>> byValue = others.computeIfAbsent(path, k -> new HashMap<>());
                for (String v : values) {
                    byValue.computeIfAbsent(v, k -> new ArrayList<>()).add(rule);
                }
                return true;
            }
        }
        return false;
    }

    private static Map<String, int[]> toArrays(Map<String, List<Integer>> m) {
        Map<String, int[]> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        return Map.copyOf(out);
    }

    /** A rule set of these rules; errors of rules are logged as warnings. */
    public static RuleSet of(Rule... rules) {
        return builder().add(rules).build();
    }

    /** A rule set of these rules; errors of rules are logged as warnings. */
    public static RuleSet of(Collection<Rule> rules) {
        return builder().add(rules).build();
    }

    /** A builder, to combine rules and rule sets and to choose what happens to rule errors. */
    public static Builder builder() {
        return new Builder();
    }

    /** The rules, in the order they were added. */
    public List<Rule> rules() {
        return List.of(rules);
    }

    /** The rule with this id. */
    public Optional<Rule> rule(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The number of rules. */
    public int size() {
        return rules.length;
    }

    /**
     * The findings for {@code record}, in rule order; errors of rules go to the handler chosen with {@link
     * Builder#onRuleError} (by default, a warning log line).
     */
    public List<Finding> evaluate(CloudTrailRecord record) {
        Evaluation e = match(record);
        e.errors().forEach(onError);
        return e.findings();
    }

    /** The findings, the errors of rules, and the number of rules examined for {@code record}. */
    public Evaluation match(CloudTrailRecord record) {
        int[] candidates = candidates(record);
        List<Finding> findings = null;
        List<RuleError> errors = null;
        for (int i : candidates) {
            Rule rule = rules[i];
            try {
                if (rule.condition().matches(record)) {
                    if (findings == null) {
                        findings = new ArrayList<>(2);
                    }
                    findings.add(finding(rule, record));
                }
            } catch (RuntimeException | StackOverflowError e) {
                if (errors == null) {
                    errors = new ArrayList<>(1);
                }
                errors.add(RuleError.builder()
                        .ruleId(rule.id())
                        .eventID(record.eventID().orElse(""))
                        .message(e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage()))
                        .build());
            }
        }
        return Evaluation.builder()
                .findings(findings == null ? List.of() : findings)
                .errors(errors == null ? List.of() : errors)
                .rulesExamined(candidates.length)
                .build();
    }

    /**
     * Whether rule {@code ruleId} matches {@code record}, in words: {@code <id> matches}, or {@code <id> does not
     * match: <which test failed and the record's actual values>}.
     *
     * @throws IllegalArgumentException if there is no such rule
     */
    public String explain(String ruleId, CloudTrailRecord record) {
        Rule rule = byId.get(Objects.requireNonNull(ruleId, "ruleId"));
        if (rule == null) {
            throw new IllegalArgumentException("no rule " + ValueTest.quote(ruleId) + " in this rule set");
        }
        return explain(rule, record);
    }

    /** Whether {@code rule} matches {@code record}, in words, as {@link #explain(String, CloudTrailRecord)}. */
    public static String explain(Rule rule, CloudTrailRecord record) {
        String miss = rule.condition().explainMiss(record);
        return miss == null ? rule.id() + " matches" : rule.id() + " does not match: " + miss;
    }

    private int[] candidates(CloudTrailRecord record) {
        int[] byName = record.eventName().map(byEventName::get).orElse(NONE);
        int[] bySource = record.eventSource().map(byEventSource::get).orElse(NONE);
        if (byName == null) {
            byName = NONE;
        }
        if (bySource == null) {
            bySource = NONE;
        }
        if (secondary.length > 0) {
            return withSecondary(record, byName, bySource);
        }
        if (bySource.length == 0 && unindexed.length == 0) {
            return byName;
        }
        if (byName.length == 0 && unindexed.length == 0) {
            return bySource;
        }
        if (byName.length == 0 && bySource.length == 0) {
            return unindexed;
        }
        int[] all = new int[byName.length + bySource.length + unindexed.length];
        System.arraycopy(byName, 0, all, 0, byName.length);
        System.arraycopy(bySource, 0, all, byName.length, bySource.length);
        System.arraycopy(unindexed, 0, all, byName.length + bySource.length, unindexed.length);
        Arrays.sort(all); // rule order; each rule sits in exactly one list, so no duplicates
        return all;
    }

    /** The candidates when some rules are indexed by other fields: every list, in rule order, without repeats. */
    private int[] withSecondary(CloudTrailRecord record, int[] byName, int[] bySource) {
        int[][] found = new int[1][];
        int[] size = {0};
        found[0] = new int[byName.length + bySource.length + unindexed.length + 8];
        System.arraycopy(byName, 0, found[0], 0, byName.length);
        System.arraycopy(bySource, 0, found[0], byName.length, bySource.length);
        System.arraycopy(unindexed, 0, found[0], byName.length + bySource.length, unindexed.length);
        size[0] = byName.length + bySource.length + unindexed.length;
        for (SecondaryIndex index : secondary) {
            index.field.anyLeaf(record, leaf -> {
                int[] more = leaf instanceof String ? index.byValue.get(leaf) : null;
                if (more != null) {
                    if (size[0] + more.length > found[0].length) {
                        found[0] = Arrays.copyOf(found[0], Math.max(found[0].length * 2, size[0] + more.length));
                    }
                    System.arraycopy(more, 0, found[0], size[0], more.length);
                    size[0] += more.length;
                }
                return false;
            });
        }
        int[] all = found[0];
        int n = size[0];
        Arrays.sort(all, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || all[distinct - 1] != all[i]) {
                all[distinct++] = all[i];
            }
        }
        return distinct == all.length ? all : Arrays.copyOf(all, distinct);
    }

    private static Finding finding(Rule rule, CloudTrailRecord record) {
        String key = rule.dedupKey()
                .map(path -> dedupValue(path, record))
                .orElseGet(() -> record.eventID().orElse(""));
        return Finding.builder()
                .ruleId(rule.id())
                .title(rule.title())
                .severity(rule.severity())
                .tags(rule.tags())
                .dedupKey(key)
                .record(record)
                .build();
    }

    private static String dedupValue(String path, CloudTrailRecord record) {
        List<String> values = new ArrayList<>();
        Field.of(path, path).anyLeaf(record, leaf -> {
            values.add(String.valueOf(leaf));
            return false;
        });
        return String.join(",", values);
    }

    /**
     * Builds a {@link RuleSet}.
     *
     * <pre>{@code
     * RuleSet all = RuleSet.builder().add(myRules).add(RuleDocuments.load(path)).onRuleError(errors::add).build();
     * }</pre>
     */
    public static final class Builder {
        private final List<Rule> rules = new ArrayList<>();
        private Consumer<RuleError> onError = e -> LOG.log(System.Logger.Level.WARNING, e.toString());

        private Builder() {}

        /** Adds rules. */
        public Builder add(Rule... more) {
            return add(Arrays.asList(more));
        }

        /** Adds rules. */
        public Builder add(Collection<Rule> more) {
            more.forEach(r -> rules.add(Objects.requireNonNull(r, "rule")));
            return this;
        }

        /** Adds every rule of another set. */
        public Builder add(RuleSet other) {
            return add(other.rules());
        }

        /** What {@link RuleSet#evaluate} does with the errors of rules (by default it logs a warning). */
        public Builder onRuleError(Consumer<RuleError> handler) {
            this.onError = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * Compiles the rule set.
         *
         * @throws IllegalArgumentException if two rules share an id
         */
        public RuleSet build() {
            return new RuleSet(rules, onError);
        }
    }
}
