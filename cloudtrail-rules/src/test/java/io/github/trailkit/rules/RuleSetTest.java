package io.github.trailkit.rules;

import static io.github.trailkit.rules.Rules.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class RuleSetTest {

    static CloudTrailRecord record(String source, String name) {
        return CloudTrail.reader()
                .readRecord("{\"eventVersion\":\"1.08\",\"eventID\":\"id-" + name
                        + "\",\"eventSource\":\"" + source + "\",\"eventName\":\"" + name + "\","
                        + "\"userIdentity\":{\"type\":\"Root\",\"arn\":\"arn:aws:iam::111122223333:root\"}}");
    }

    static final Rule TOPIC_CREATED = rule("sns-topic-created")
            .title("SNS topic created")
            .severity(Severity.MEDIUM)
            .tags("sns", "seed")
            .when(eventSource().is("sns.amazonaws.com").and(eventName().in("CreateTopic", "DeleteTopic")))
            .build();

    @Test
    void evaluate_returnsFindingsWithRuleMetadata() {
        RuleSet rules = RuleSet.of(TOPIC_CREATED);
        List<Finding> findings = rules.findings(record("sns.amazonaws.com", "CreateTopic"));
        assertThat(findings).hasSize(1);
        Finding f = findings.get(0);
        assertThat(f.ruleId()).isEqualTo("sns-topic-created");
        assertThat(f.title()).isEqualTo("SNS topic created");
        assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(f.tags()).containsExactly("sns", "seed");
        assertThat(f.dedupKey()).isEqualTo("id-CreateTopic");
        assertThat(f.record().eventName()).contains("CreateTopic");
        assertThat(rules.findings(record("sns.amazonaws.com", "Publish"))).isEmpty();
    }

    @Test
    void finding_locatedAndAsJson() {
        Finding f = RuleSet.of(TOPIC_CREATED)
                .findings(record("sns.amazonaws.com", "CreateTopic"))
                .get(0);
        assertThat(f.source()).isEmpty();
        Finding located = f.at("logs/a.json.gz", 3);
        assertThat(located.source()).contains("logs/a.json.gz");
        assertThat(located.recordIndex()).hasValue(3);
        assertThat(located.toJson(false))
                .isEqualTo("{\"ruleId\":\"sns-topic-created\",\"title\":\"SNS topic created\","
                        + "\"severity\":\"MEDIUM\",\"tags\":[\"sns\",\"seed\"],\"dedupKey\":\"id-CreateTopic\","
                        + "\"eventID\":\"id-CreateTopic\",\"eventName\":\"CreateTopic\",\"eventSource\":\"sns.amazonaws.com\","
                        + "\"userIdentity\":{\"type\":\"Root\",\"arn\":\"arn:aws:iam::111122223333:root\"},"
                        + "\"source\":\"logs/a.json.gz\",\"recordIndex\":3}");
        assertThat(located.toJson(true))
                .endsWith(",\"record\":" + CloudTrail.writer().toJson(f.record()) + "}");
    }

    @Test
    void index_placesRulesWithoutNameOrSourceByOtherRequiredValues() {
        List<Rule> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(rule("err" + i).when(errorCode().is("Error" + i)).build());
        }
        many.add(rule("root")
                .when(userIdentity().type().is("Root").and(readOnly().is(false)))
                .build());
        many.add(rule("either-type")
                .when(userIdentity()
                        .type()
                        .is("IAMUser")
                        .or(userIdentity().type().is("Root")))
                .build());
        many.add(rule("any").when(userAgent().startsWith("aws-cli")).build());
        RuleSet rules = RuleSet.of(many);

        Evaluation e = rules.evaluation(record("ec2.amazonaws.com", "Api7"));
        // the Root identity places "root" and "either-type"; no errorCode places none of the 200; "any" is unplaced
        assertThat(e.rulesExamined()).isEqualTo(3);
        assertThat(e.findings()).extracting(Finding::ruleId).containsExactly("either-type");
    }

    @Test
    void index_examinesOnlyCandidateRules() {
        List<Rule> many = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add(rule("r" + i)
                    .when(eventName().is("Api" + i).and(readOnly().is(false)))
                    .build());
        }
        many.add(rule("by-source")
                .when(eventSource().is("iam.amazonaws.com").and(eventName().startsWith("Delete")))
                .build());
        many.add(rule("either")
                .when(eventName().is("Api7").or(eventName().in("Api8", "Api9")))
                .build());
        many.add(rule("unindexed").when(userIdentity().type().is("Root")).build());
        RuleSet rules = RuleSet.of(many);

        Evaluation e = rules.evaluation(record("ec2.amazonaws.com", "Api7"));
        // r7, "either" (indexed under Api7, Api8, Api9) and the one rule the index cannot place
        assertThat(e.rulesExamined()).isEqualTo(3);
        assertThat(e.findings()).extracting(Finding::ruleId).containsExactly("either", "unindexed");

        Evaluation none = rules.evaluation(record("ec2.amazonaws.com", "SomethingElse"));
        assertThat(none.rulesExamined()).isEqualTo(1);

        Evaluation iam = rules.evaluation(record("iam.amazonaws.com", "DeleteUser"));
        assertThat(iam.rulesExamined()).isEqualTo(2);
        assertThat(iam.findings()).extracting(Finding::ruleId).containsExactly("by-source", "unindexed");
    }

    @Test
    void index_neverChangesTheResult() {
        List<Rule> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(rule("r" + i)
                    .when(eventName().is("Api" + (i % 50)).or(not(eventSource().is("s" + (i % 7)))))
                    .build());
        }
        RuleSet rules = RuleSet.of(many);
        for (int n = 0; n < 60; n++) {
            CloudTrailRecord r = record("s" + (n % 9), "Api" + n);
            List<String> expected = new ArrayList<>();
            for (Rule rule : many) {
                if (rule.matches(r)) {
                    expected.add(rule.id());
                }
            }
            assertThat(rules.findings(r)).extracting(Finding::ruleId).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void explain_saysWhichTestFailed_inWords() {
        RuleSet rules = RuleSet.of(TOPIC_CREATED);
        assertThat(rules.explain("sns-topic-created", record("sns.amazonaws.com", "CreateTopic")))
                .isEqualTo("sns-topic-created matches: eventSource().is(\"sns.amazonaws.com\") held: eventSource is "
                        + "\"sns.amazonaws.com\"; and eventName().in(\"CreateTopic\", \"DeleteTopic\") held: eventName is "
                        + "\"CreateTopic\"");
        assertThat(rules.explain("sns-topic-created", record("sns.amazonaws.com", "Publish")))
                .isEqualTo("sns-topic-created does not match: eventName is \"Publish\", expected "
                        + "eventName().in(\"CreateTopic\", \"DeleteTopic\")");
        assertThat(rules.explain("sns-topic-created", record("sqs.amazonaws.com", "Publish")))
                .isEqualTo("sns-topic-created does not match: eventSource is \"sqs.amazonaws.com\", expected "
                        + "eventSource().is(\"sns.amazonaws.com\"); and eventName is \"Publish\", expected "
                        + "eventName().in(\"CreateTopic\", \"DeleteTopic\")");
        Rule noError = rule("needs-error").when(errorCode().is("AccessDenied")).build();
        assertThat(noError.explain(record("s", "n")))
                .isEqualTo(
                        "needs-error does not match: errorCode is absent, expected errorCode().is(\"AccessDenied\")");
        assertThatThrownBy(() -> rules.explain("nope", record("s", "n"))).hasMessageContaining("no rule \"nope\"");
    }

    @Test
    void aRuleThatThrows_neverStopsTheOthers_andIsReportedWithItsId() {
        Rule broken = rule("broken")
                .when(predicate("explodes", r -> {
                    throw new IllegalStateException("boom");
                }))
                .build();
        Rule root = rule("root").when(userIdentity().type().is("Root")).build();
        List<RuleError> errors = new ArrayList<>();
        RuleSet rules =
                RuleSet.builder().add(broken, root).onRuleError(errors::add).build();

        List<Finding> findings = rules.findings(record("s3.amazonaws.com", "ListBuckets"));
        assertThat(findings).extracting(Finding::ruleId).containsExactly("root");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).ruleId()).isEqualTo("broken");
        assertThat(errors.get(0).eventID()).isEqualTo("id-ListBuckets");
        assertThat(errors.get(0).message()).isEqualTo("java.lang.IllegalStateException: boom");
        assertThat(errors.get(0))
                .hasToString("rule broken failed on event id-ListBuckets: java.lang.IllegalStateException: boom");
    }

    @Test
    void rule_toStringIsTheDsl_andIdsAreChecked() {
        assertThat(TOPIC_CREATED)
                .hasToString(
                        "rule(\"sns-topic-created\").title(\"SNS topic created\")"
                                + ".severity(Severity.MEDIUM).tags(\"sns\", \"seed\")"
                                + ".when(eventSource().is(\"sns.amazonaws.com\").and(eventName().in(\"CreateTopic\", \"DeleteTopic\"))).build()");
        assertThatThrownBy(() -> rule("has space").when(always()).build()).hasMessageContaining("rule id");
        assertThatThrownBy(() -> RuleSet.of(TOPIC_CREATED, TOPIC_CREATED))
                .hasMessageContaining("two rules have the id");
        assertThatThrownBy(() -> rule("x").build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void dedupKey_usesTheNamedField() {
        Rule perUser =
                rule("per-user").dedupKey("userIdentity.arn").when(always()).build();
        Finding f = RuleSet.of(perUser).findings(record("s", "n")).get(0);
        assertThat(f.dedupKey()).isEqualTo("arn:aws:iam::111122223333:root");
    }

    @Test
    void ruleSet_isSafeToShareAcrossThreads() throws Exception {
        RuleSet rules = RuleSet.of(
                TOPIC_CREATED,
                rule("root").when(userIdentity().type().is("Root")).build());
        CloudTrailRecord hit = record("sns.amazonaws.com", "CreateTopic");
        List<Thread> threads = new ArrayList<>();
        int[] counts = new int[4];
        for (int t = 0; t < 4; t++) {
            int slot = t;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 20_000; i++) {
                    counts[slot] += rules.findings(hit).size();
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread th : threads) {
            th.join();
        }
        assertThat(counts).containsOnly(40_000);
    }
}
