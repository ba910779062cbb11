package io.github.trailkit.rules;

import static io.github.trailkit.rules.Rules.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.UserIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The rule set's index, and what it leaves of each condition once the indexed value is known, find exactly the rules
 * whose conditions match, in rule order, with the same errors.
 */
final class RuleSetIndexTest {
    private static final List<CloudTrailRecord> RECORDS = TestRecords.all(4_000);

    @Test
    void indexedEvaluationFindsWhatEveryConditionFinds() {
        List<Rule> rules = new ArrayList<>(RulePacks.cisAwsFoundations());
        rules.addAll(RuleDocuments.readResource("documents/sns-rules.yaml"));
        rules.addAll(RuleDocuments.readResource("documents/iam-eventbridge-rules.json"));
        rules.addAll(generatedPatterns(600));
        rules.add(rule("throws-for-iam")
                .when(eventSource().is("iam.amazonaws.com").and(predicate("boom", r -> {
                    throw new IllegalStateException("boom");
                })))
                .build());
        rules.add(rule("throws-always")
                .when(predicate("npe", r -> r.errorCode().get().isEmpty()))
                .build());
        rules.add(rule("not-root")
                .when(not(userIdentity().type().is("Root")).and(awsRegion().in("us-east-1")))
                .build());
        // tests of the indexed field itself, beside the one the index uses: what is left depends on the value
        List<String> names = vocabulary(r -> r.eventName().orElse(null)).subList(0, 6);
        rules.add(rule("name-and-absent-name")
                .when(eventName()
                        .in(names)
                        .and(eventName().absent().or(readOnly().is(true))))
                .build());
        rules.add(rule("name-but-not-first")
                .when(eventName().in(names).and(not(eventName().is(names.get(0)))))
                .build());
        rules.add(rule("name-or-prefix")
                .when(eventName()
                        .in(names)
                        .and(eventName()
                                .startsWith(names.get(1).substring(0, 3))
                                .or(eventSource().endsWith("s.com"))))
                .build());
        rules.add(rule("type-and-not-type")
                .when(userIdentity()
                        .type()
                        .in("Root", "IAMUser", "AssumedRole")
                        .and(not(userIdentity().type().is("IAMUser")))
                        .and(userIdentity().type().exists()))
                .build());
        // a part that throws, before or after a decided test: the same records must fail as with the whole condition
        Condition boom = predicate("boom", r -> {
            throw new IllegalStateException("boom");
        });
        rules.add(rule("throws-before-decided-or")
                .when(eventName().in(names).and(boom.or(eventName().is(names.get(0)))))
                .build());
        rules.add(rule("decided-or-before-throws")
                .when(eventName().in(names).and(eventName().is(names.get(0)).or(boom)))
                .build());
        // (indexed under its four names; the five tests of the any-of cost as much as the predicate, so run after it)
        rules.add(rule("throws-before-costly-decided-and")
                .when(eventName()
                        .in(names.subList(0, 4))
                        .and(boom)
                        .and(anyOf(names.subList(1, 6).stream()
                                .map(n -> eventName().is(n))
                                .collect(Collectors.toList()))))
                .build());
        rules.add(rule("decided-and-before-throws")
                .when(eventName().in(names).and(boom).and(eventName().is(names.get(2))))
                .build());
        RuleSet set = RuleSet.builder().add(rules).onRuleError(e -> {}).build();

        int findings = 0;
        int errors = 0;
        long examined = 0;
        for (CloudTrailRecord record : RECORDS) {
            List<String> expectedFindings = new ArrayList<>();
            List<String> expectedErrors = new ArrayList<>();
            for (Rule r : rules) {
                try {
                    if (r.condition().matches(record)) {
                        expectedFindings.add(r.id());
                    }
                } catch (RuntimeException e) {
                    expectedErrors.add(r.id());
                }
            }
            Evaluation e = set.evaluation(record);
            assertThat(ids(e.findings(), Finding::ruleId))
                    .as("findings for %s", record)
                    .isEqualTo(expectedFindings);
            assertThat(ids(e.errors(), RuleError::ruleId))
                    .as("errors for %s", record)
                    .isEqualTo(expectedErrors);
            assertThat(e.rulesExamined()).isLessThanOrEqualTo(rules.size());
            findings += expectedFindings.size();
            errors += expectedErrors.size();
            examined += e.rulesExamined();
        }
        assertThat(findings).as("findings").isGreaterThan(RECORDS.size());
        assertThat(errors).as("errors").isGreaterThan(RECORDS.size() / 2);
        assertThat(examined).as("rules examined").isLessThan((long) RECORDS.size() * rules.size() / 2);
    }

    @Test
    void ruleIndexedUnderManyValuesIsExaminedOnceAndFoundOnce() {
        Rule either = rule("either")
                .when(anyOf(
                        userIdentity().type().is("Root"),
                        userIdentity()
                                .type()
                                .in("Root", "IAMUser")
                                .and(readOnly().is(false))))
                .build();
        Rule names = rule("names")
                .when(eventName().in("ConsoleLogin", "GetObject").or(eventName().is("GetObject")))
                .build();
        RuleSet set = RuleSet.of(either, names);
        for (CloudTrailRecord r : RECORDS) {
            Evaluation e = set.evaluation(r);
            List<String> expected = new ArrayList<>();
            if (either.matches(r)) {
                expected.add("either");
            }
            if (names.matches(r)) {
                expected.add("names");
            }
            assertThat(ids(e.findings(), Finding::ruleId)).isEqualTo(expected);
        }
    }

    private static <T> List<String> ids(List<T> items, Function<T, String> id) {
        return items.stream().map(id).collect(Collectors.toList());
    }

    /** EventBridge patterns over values the records have, each kind of index and none. */
    private static List<Rule> generatedPatterns(int count) {
        List<String> names = vocabulary(r -> r.eventName().orElse(null));
        List<String> sources = vocabulary(r -> r.eventSource().orElse(null));
        List<String> regions = vocabulary(r -> r.awsRegion().orElse(null));
        List<String> types = vocabulary(
                r -> r.userIdentity().flatMap(UserIdentity::typeAsString).orElse(null));
        List<String> errors = vocabulary(r -> r.errorCode().orElse(null));
        List<String> eventTypes = vocabulary(r -> r.eventTypeAsString().orElse(null));
        List<String> tls =
                vocabulary(r -> r.tlsDetails().flatMap(t -> t.tlsVersion()).orElse(null));
        SplittableRandom rnd = new SplittableRandom(11);
        List<Rule> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> members = new ArrayList<>();
            int parts = 1 + rnd.nextInt(3);
            for (int p = 0; p < parts; p++) {
                switch (rnd.nextInt(14)) {
                    case 0, 1 -> members.add("\"eventName\":" + list(names, rnd));
                    case 2 -> members.add("\"eventName\":[{\"anything-but\":" + list(names, rnd) + "}]");
                    case 3 -> members.add("\"eventSource\":" + list(sources, rnd));
                    case 4 -> members.add("\"awsRegion\":" + list(regions, rnd));
                    case 5 -> members.add("\"userIdentity\":{\"type\":" + list(types, rnd) + "}");
                    case 6 ->
                        members.add("\"errorCode\":"
                                + (rnd.nextBoolean() ? list(errors, rnd) : "[{\"exists\":" + rnd.nextBoolean() + "}]"));
                    case 7 -> members.add("\"eventType\":" + list(eventTypes, rnd));
                    case 8 -> members.add("\"tlsDetails\":{\"tlsVersion\":" + list(tls, rnd) + "}");
                    case 9 -> members.add("\"readOnly\":[" + rnd.nextBoolean() + "]");
                    case 10 -> members.add("\"userAgent\":[{\"prefix\":\"aws-\"}]");
                    case 11 ->
                        members.add("\"sourceIPAddress\":[{\"cidr\":\""
                                + (rnd.nextBoolean() ? "10.0.0.0/8" : "3.0.0.0/8") + "\"}]");
                    case 12 ->
                        members.add("\"$or\":[{\"userIdentity\":{\"type\":" + list(types, rnd) + "}},{\"eventName\":"
                                + list(names, rnd) + "}]");
                    default ->
                        members.add("\"userIdentity\":{\"type\":[{\"anything-but\":" + list(types, rnd)
                                + "}],\"invokedBy\":[{\"exists\":" + rnd.nextBoolean() + "}]}");
                }
            }
            TreeSet<String> distinct = new TreeSet<>();
            List<String> kept = new ArrayList<>();
            for (String m : members) {
                if (distinct.add(m.substring(0, m.indexOf(':')))) {
                    kept.add(m);
                }
            }
            out.add(rule("generated-" + i)
                    .when(RuleDocuments.pattern("{" + String.join(",", kept) + "}"))
                    .build());
        }
        return out;
    }

    private static String list(List<String> values, SplittableRandom rnd) {
        int n = 1 + rnd.nextInt(3);
        TreeSet<String> chosen = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            chosen.add(values.get(rnd.nextInt(values.size())));
        }
        return chosen.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    private static List<String> vocabulary(Function<CloudTrailRecord, String> value) {
        TreeSet<String> all = new TreeSet<>();
        for (CloudTrailRecord r : RECORDS) {
            String v = value.apply(r);
            if (v != null && v.indexOf('"') < 0 && v.indexOf('\\') < 0) {
                all.add(v);
            }
        }
        all.add("NotInTheData");
        return new ArrayList<>(all);
    }
}
