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
 * for (Finding f : rules.findings(record)) { ... }
 * Evaluation e = rules.evaluation(record);   // the findings, the errors of rules, the rules examined
 * String why = rules.explain("sns-topic-created", record);
 * }</pre>
 */
public final class RuleSet {
    private static final System.Logger LOG = System.getLogger(RuleSet.class.getName());
    private static final int[] NONE = new int[0];

    private final Rule[] rules;
    private final Field[][] dedupFields;
    private final Map<String, Rule> byId;
    /** The rules of each event name, merged in rule order with the unindexed rules. */
    private final Map<String, Bucket> byEventName;

    private final Map<String, Bucket> byEventSource;
    /** The rules no index can place, for records whose event name no rule requires. */
    private final Bucket unindexed;

    private final SecondaryIndex[] secondary;
    private final Consumer<RuleError> onError;
    /** Evaluations without findings or errors, by the number of rules examined; filled as they are needed. */
    private final Evaluation[] quiet;

    /**
     * Fields other than the event name and source that rules often require exact values of, most selective first: a
     * rule that requires neither an event name nor a source is indexed by the first of these it requires exact strings
     * of. Checked only when some rule is indexed by it.
     */
    private static final List<String> SECONDARY_PATHS =
            List.of("errorCode", "eventType", "tlsDetails.tlsVersion", "awsRegion", "userIdentity.type");

    /**
     * The rules a record with one value of an indexed field is examined against, in rule order, each with what is left
     * of its condition once that value is known (often nothing: a rule that only lists event names).
     */
    private static final class Bucket {
        final int[] rules;
        final Condition[] conditions;

        Bucket(int[] rules, Condition[] all, String path, String value) {
            this.rules = rules;
            this.conditions = new Condition[rules.length];
            for (int k = 0; k < rules.length; k++) {
                Condition c = all[rules[k]];
                conditions[k] = path == null ? c : c.assuming(path, value);
            }
        }
    }

    /** Rules indexed by the exact string values one field must have. */
    private static final class SecondaryIndex {
        final Field field;
        final CompiledPath path;
        final Map<String, Bucket> byValue;
        final Condition[] all;

        SecondaryIndex(String path, Map<String, List<Integer>> byValue, Condition[] all) {
            this.field = Field.of(path, path);
            this.path = field.compiled();
            this.byValue = buckets(byValue, all, path);
            this.all = all;
        }

        /** The rules of the record's values at the path; null when there are none. */
        Bucket candidates(CloudTrailRecord record) {
            Object single = path.single(record);
            if (single == null || single instanceof Boolean) {
                return null;
            }
            if (single instanceof String) {
                return byValue.get(single);
            }
            // an array, or a value kept in otherFields: every string leaf, and a rule may come up more than once
            int[][] found = {NONE};
            field.anyLeaf(record, leaf -> {
                Bucket more = leaf instanceof String ? byValue.get(leaf) : null;
                if (more != null) {
                    found[0] = union(found[0], more.rules);
                }
                return false;
            });
            return found[0].length == 0 ? null : new Bucket(found[0], all, null, null);
        }
    }

    private RuleSet(List<Rule> rules, Consumer<RuleError> onError) {
        this.rules = rules.toArray(new Rule[0]);
        this.onError = onError;
        Condition[] conditions = new Condition[this.rules.length];
        this.dedupFields = new Field[this.rules.length][];
        Map<String, Rule> ids = new LinkedHashMap<>();
        Map<String, List<Integer>> names = new HashMap<>();
        Map<String, List<Integer>> sources = new HashMap<>();
        List<Integer> rest = new ArrayList<>();
        Map<String, Map<String, List<Integer>>> others = new LinkedHashMap<>();
        for (int i = 0; i < this.rules.length; i++) {
            Rule r = this.rules[i];
            if (ids.put(r.id(), r) != null) {
                throw new IllegalArgumentException("two rules have the id " + ValueMatcher.quote(r.id()));
            }
            conditions[i] = r.condition();
            dedupFields[i] = r.dedupKey().isEmpty()
                    ? null
                    : r.dedupKey().stream().map(path -> Field.of(path, path)).toArray(Field[]::new);
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
        int[] unindexedRules = toArray(rest);
        this.unindexed = new Bucket(unindexedRules, conditions, null, null);
        Map<String, List<Integer>> namesAndRest = new HashMap<>();
        names.forEach((name, list) -> namesAndRest.put(name, toList(union(toArray(list), unindexedRules))));
        this.byEventName = buckets(namesAndRest, conditions, "eventName");
        this.byEventSource = buckets(sources, conditions, "eventSource");
        List<SecondaryIndex> indexes = new ArrayList<>();
        for (String path : SECONDARY_PATHS) {
            if (others.containsKey(path)) {
                indexes.add(new SecondaryIndex(path, others.get(path), conditions));
            }
        }
        this.secondary = indexes.toArray(new SecondaryIndex[0]);
        this.quiet = new Evaluation[Math.min(this.rules.length, 1024) + 1];
    }

    /**
     * A bucket for each value. A HashMap, not an immutable map: it compares stored hashes before it compares strings,
     * so a record's value that no rule requires is turned away without reading its characters.
     */
    private static Map<String, Bucket> buckets(Map<String, List<Integer>> byValue, Condition[] all, String path) {
        Map<String, Bucket> out = new HashMap<>();
        byValue.forEach((value, list) -> out.put(value, new Bucket(toArray(list), all, path, value)));
        return out;
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<Integer> toList(int[] array) {
        return Arrays.stream(array).boxed().collect(java.util.stream.Collectors.toList());
    }

    /** The rule numbers of two lists in rule order, each once. */
    private static int[] union(int[] a, int[] b) {
        int[] all = new int[a.length + b.length];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            int next = j == b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
            if (n == 0 || all[n - 1] != next) {
                all[n++] = next;
            }
        }
        return n == all.length ? all : Arrays.copyOf(all, n);
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
     * Builder#onRuleError} (by default, a warning log line). For the errors themselves, use {@link #evaluation}.
     */
    public List<Finding> findings(CloudTrailRecord record) {
        Evaluation e = evaluation(record);
        e.errors().forEach(onError);
        return e.findings();
    }

    /**
     * The whole evaluation of {@code record}: the findings, the errors of rules (returned, not passed to the {@link
     * Builder#onRuleError} handler), and the number of rules examined.
     */
    public Evaluation evaluation(CloudTrailRecord record) {
        // Each rule sits in one list only (its event names with the unindexed rules, its event sources, or the values
        // of one secondary field), so the lists are evaluated one after the other and the findings put in rule order
        // at the end; most records have none, and then nothing is allocated.
        // All lookups first, then all evaluations: the lookups read values scattered over the record, and done one
        // after the other with little in between, the processor fetches them from memory at the same time.
        String name = record.eventName().orElse(null);
        Bucket first = name == null ? null : byEventName.get(name);
        if (first == null) {
            first = unindexed;
        }
        Bucket bySource = null;
        if (!byEventSource.isEmpty()) {
            String source = record.eventSource().orElse(null);
            bySource = source == null ? null : byEventSource.get(source);
        }
        Bucket[] more = null;
        int found = 0;
        for (int k = 0; k < secondary.length; k++) {
            Bucket b = secondary[k].candidates(record);
            if (b != null) {
                if (more == null) {
                    more = new Bucket[secondary.length - k];
                }
                more[found++] = b;
            }
        }
        Outcome outcome = examine(first, record, null);
        int examined = first.rules.length;
        if (bySource != null) {
            outcome = examine(bySource, record, outcome);
            examined += bySource.rules.length;
        }
        for (int k = 0; k < found; k++) {
            outcome = examine(more[k], record, outcome);
            examined += more[k].rules.length;
        }
        return outcome == null ? quiet(examined) : outcome.evaluation(examined);
    }

    private Outcome examine(Bucket candidates, CloudTrailRecord record, Outcome outcome) {
        int[] numbers = candidates.rules;
        Condition[] left = candidates.conditions;
        for (int k = 0; k < numbers.length; k++) {
            Condition c = left[k];
            if (c == Condition.AnyOf.NEVER) {
                continue;
            }
            int i = numbers[k];
            try {
                if (c == Condition.AllOf.ALWAYS || c.matches(record)) {
                    if (outcome == null) {
                        outcome = new Outcome();
                    }
                    outcome.finding(i, finding(i, record));
                }
            } catch (RuntimeException | StackOverflowError e) {
                if (outcome == null) {
                    outcome = new Outcome();
                }
                outcome.error(
                        i,
                        RuleError.builder()
                                .ruleId(rules[i].id())
                                .eventID(record.eventID().orElse(""))
                                .message(e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage()))
                                .build());
            }
        }
        return outcome;
    }

    /** The evaluation without findings or errors after examining {@code examined} rules; shared, as it is immutable. */
    private Evaluation quiet(int examined) {
        if (examined >= quiet.length) {
            return ImmutableEvaluation.of(List.of(), List.of(), examined);
        }
        Evaluation e = quiet[examined];
        if (e == null) {
            e = ImmutableEvaluation.of(List.of(), List.of(), examined);
            quiet[examined] = e; // a race only builds an equal value twice
        }
        return e;
    }

    /** The findings and errors of one record, each with its rule's number, put in rule order at the end. */
    private static final class Outcome {
        private Finding[] findings = new Finding[2];
        private int[] findingRules = new int[2];
        private int findingCount;
        private RuleError[] errors;
        private int[] errorRules;
        private int errorCount;

        void finding(int rule, Finding f) {
            if (findingCount == findings.length) {
                findings = Arrays.copyOf(findings, findingCount * 2);
                findingRules = Arrays.copyOf(findingRules, findingCount * 2);
            }
            findings[findingCount] = f;
            findingRules[findingCount++] = rule;
        }

        void error(int rule, RuleError e) {
            if (errors == null) {
                errors = new RuleError[1];
                errorRules = new int[1];
            } else if (errorCount == errors.length) {
                errors = Arrays.copyOf(errors, errorCount * 2);
                errorRules = Arrays.copyOf(errorRules, errorCount * 2);
            }
            errors[errorCount] = e;
            errorRules[errorCount++] = rule;
        }

        Evaluation evaluation(int examined) {
            return ImmutableEvaluation.of(
                    inRuleOrder(findings, findingRules, findingCount),
                    inRuleOrder(errors, errorRules, errorCount),
                    examined);
        }

        /** The first {@code n} items sorted by their rule numbers (few, and mostly in order already). */
        private static <T> List<T> inRuleOrder(T[] items, int[] ruleNumbers, int n) {
            if (n == 0) {
                return List.of();
            }
            for (int i = 1; i < n; i++) {
                T item = items[i];
                int rule = ruleNumbers[i];
                int j = i - 1;
                while (j >= 0 && ruleNumbers[j] > rule) {
                    items[j + 1] = items[j];
                    ruleNumbers[j + 1] = ruleNumbers[j];
                    j--;
                }
                items[j + 1] = item;
                ruleNumbers[j + 1] = rule;
            }
            return Arrays.asList(items).subList(0, n);
        }
    }

    /**
     * {@link Rule#explain(CloudTrailRecord)} for the rule of this set with the id {@code ruleId}: why it matches
     * {@code record}, or which test failed, in words.
     *
     * @throws IllegalArgumentException if there is no such rule
     */
    public String explain(String ruleId, CloudTrailRecord record) {
        Rule rule = byId.get(Objects.requireNonNull(ruleId, "ruleId"));
        if (rule == null) {
            throw new IllegalArgumentException("no rule " + ValueMatcher.quote(ruleId) + " in this rule set");
        }
        return rule.explain(record);
    }

    private Finding finding(int i, CloudTrailRecord record) {
        Rule rule = rules[i];
        Field[] dedup = dedupFields[i];
        String key =
                dedup != null ? dedupValue(dedup, record) : record.eventID().orElse("");
        // the constructor, not the builder: no builder, no list to collect the tags in before they are copied
        return ImmutableFinding.of(rule.id(), rule.title(), rule.severityFor(record), rule.tags(), key, record);
    }

    /** The values of each field joined by commas, the fields' values by {@code |}. */
    private static String dedupValue(Field[] fields, CloudTrailRecord record) {
        if (fields.length == 1) {
            return dedupValue(fields[0], record);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            sb.append(i == 0 ? "" : "|").append(dedupValue(fields[i], record));
        }
        return sb.toString();
    }

    private static String dedupValue(Field field, CloudTrailRecord record) {
        List<String> values = new ArrayList<>();
        field.anyLeaf(record, leaf -> {
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

        /** What {@link RuleSet#findings} does with the errors of rules (by default it logs a warning). */
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
