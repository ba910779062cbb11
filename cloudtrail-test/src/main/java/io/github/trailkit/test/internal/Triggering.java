package io.github.trailkit.test.internal;

import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.rules.Evaluation;
import io.github.trailkit.rules.Finding;
import io.github.trailkit.rules.Rule;
import io.github.trailkit.rules.RuleError;
import io.github.trailkit.rules.RuleSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks which rules of a set a record triggers against what was expected, and says what went wrong in words: the
 * record, what was expected, what triggered, and for every rule that was wrong, the rule set's explanation.
 *
 * <pre>{@code
 * String failure = Triggering.check(rules, record, List.of("sns-topic-created"), List.of(), Triggering.Mode.AT_LEAST);
 * if (failure != null) {
 *     throw new AssertionError(failure);
 * }
 * }</pre>
 */
public final class Triggering {
    private Triggering() {}

    /** What is expected of a record: {@code AT_LEAST} for {@code triggers}, {@code EXACTLY} for {@code triggersExactly}. */
    public enum Mode {
        /** The listed rules trigger; others may too. */
        AT_LEAST,
        /** The listed rules trigger, and no other. */
        EXACTLY
    }

    /**
     * The ids of {@code ids} that are not in {@code rules}; empty when all are.
     */
    public static List<String> unknown(RuleSet rules, Collection<String> ids) {
        return ids.stream().filter(id -> rules.rule(id).isEmpty()).distinct().collect(Collectors.toList());
    }

    /**
     * Checks that {@code record} triggers every rule of {@code mustTrigger} and none of {@code mustNotTrigger} (with
     * {@link Mode#EXACTLY}, no rule outside {@code mustTrigger}), and that none of those rules threw.
     *
     * @return {@code null} when it does, else the failure message
     * @throws IllegalArgumentException when an id names no rule of the set
     */
    public static String check(
            RuleSet rules,
            CloudTrailRecord record,
            Collection<String> mustTrigger,
            Collection<String> mustNotTrigger,
            Mode mode) {
        List<String> unknown = new ArrayList<>(unknown(rules, mustTrigger));
        unknown(rules, mustNotTrigger).stream()
                .filter(id -> !unknown.contains(id))
                .forEach(unknown::add);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "no rule " + unknown.stream().map(Describe::quote).collect(Collectors.joining(", "))
                            + " in the rule set; its rules are "
                            + Describe.ids(ids(rules)));
        }
        Evaluation e = rules.evaluation(record);
        Set<String> triggered =
                e.findings().stream().map(Finding::ruleId).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, String> threw = new LinkedHashMap<>();
        for (RuleError err : e.errors()) {
            threw.put(err.ruleId(), err.message());
        }

        List<String> wrong = new ArrayList<>();
        for (String id : new LinkedHashSet<>(mustTrigger)) {
            if (threw.containsKey(id)) {
                wrong.add(id + " threw: " + threw.get(id));
            } else if (!triggered.contains(id)) {
                wrong.add(id + " did not trigger: " + rules.explain(id, record));
            }
        }
        Set<String> forbidden = new LinkedHashSet<>(mustNotTrigger);
        if (mode == Mode.EXACTLY) {
            forbidden.addAll(ids(rules));
            forbidden.removeAll(mustTrigger);
        }
        for (String id : forbidden) {
            if (threw.containsKey(id)) {
                wrong.add(id + " threw: " + threw.get(id));
            } else if (triggered.contains(id)) {
                wrong.add(id + " triggered but should not have: " + rules.explain(id, record));
            }
        }
        if (wrong.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        sb.append("Expecting record\n  ").append(Describe.record(record)).append('\n');
        sb.append(expectation(mustTrigger, mustNotTrigger, mode)).append('\n');
        sb.append("but it triggered\n  ").append(Describe.ids(triggered)).append('\n');
        sb.append(wrong.size() == 1 ? "the rule that was wrong:" : "the rules that were wrong:");
        for (String w : wrong) {
            sb.append("\n  - ").append(w);
        }
        return sb.toString();
    }

    private static String expectation(Collection<String> must, Collection<String> mustNot, Mode mode) {
        Set<String> m = new LinkedHashSet<>(must);
        Set<String> n = new LinkedHashSet<>(mustNot);
        if (mode == Mode.EXACTLY) {
            return m.isEmpty() ? "to trigger nothing" : "to trigger exactly\n  " + Describe.ids(m);
        }
        if (n.isEmpty()) {
            return "to trigger\n  " + Describe.ids(m);
        }
        if (m.isEmpty()) {
            return "not to trigger\n  " + Describe.ids(n);
        }
        return "to trigger\n  " + Describe.ids(m) + "\nand not to trigger\n  " + Describe.ids(n);
    }

    private static List<String> ids(RuleSet rules) {
        return rules.rules().stream().map(Rule::id).collect(Collectors.toList());
    }
}
