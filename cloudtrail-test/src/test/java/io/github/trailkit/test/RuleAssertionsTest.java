package io.github.trailkit.test;

import static io.github.trailkit.rules.Rules.*;
import static io.github.trailkit.test.CloudTrailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.rules.Rule;
import io.github.trailkit.rules.RuleSet;
import org.junit.jupiter.api.Test;

/** {@link RuleAssert} and {@link RuleSetAssert}: passes, and failures that explain. */
final class RuleAssertionsTest {
    static final Rule TOPIC_CREATED = rule("sns-topic-created")
            .when(eventSource().is("sns.amazonaws.com").and(eventName().is("CreateTopic")))
            .build();
    static final Rule ROOT_ACTIVITY =
            rule("root-activity").when(userIdentity().type().is("Root")).build();
    static final Rule DENIED =
            rule("access-denied").when(errorCode().is("AccessDenied")).build();
    static final Rule BROKEN = rule("broken")
            .when(predicate("always throws", r -> {
                throw new IllegalStateException("boom");
            }))
            .build();
    static final RuleSet RULES = RuleSet.builder()
            .add(TOPIC_CREATED, ROOT_ACTIVITY, DENIED)
            .onRuleError(e -> {})
            .build();

    static final CloudTrailRecord ROOT_CREATES = CloudTrailRecords.apiCall("sns.amazonaws.com", "CreateTopic")
            .byRoot()
            .eventId("e-1")
            .build();
    static final CloudTrailRecord ALICE_DELETES = CloudTrailRecords.apiCall("sns.amazonaws.com", "DeleteTopic")
            .eventId("e-2")
            .build();
    static final String ROOT_CREATES_NAMED = "sns.amazonaws.com CreateTopic (eventID e-1, 2024-01-15T12:00:00Z)";
    static final String ALICE_DELETES_NAMED = "sns.amazonaws.com DeleteTopic (eventID e-2, 2024-01-15T12:00:00Z)";

    /* ---------------------------------------------------------------- Rule */

    @Test
    void rule_matches_and_doesNotMatch_pass() {
        assertThat(TOPIC_CREATED)
                .hasId("sns-topic-created")
                .matches(ROOT_CREATES)
                .doesNotMatch(ALICE_DELETES);
    }

    @Test
    void rule_matches_failure_explainsWhichTestFailed() {
        assertThatThrownBy(() -> assertThat(TOPIC_CREATED).matches(ALICE_DELETES))
                .isInstanceOf(AssertionError.class)
                .hasMessage("\nExpecting rule \"sns-topic-created\"\nto match record\n  " + ALICE_DELETES_NAMED
                        + "\nbut it did not: sns-topic-created does not match: eventName is \"DeleteTopic\", "
                        + "expected eventName().is(\"CreateTopic\")");
    }

    @Test
    void rule_doesNotMatch_failure_explainsWhyItMatched() {
        assertThatThrownBy(() -> assertThat(TOPIC_CREATED).doesNotMatch(ROOT_CREATES))
                .isInstanceOf(AssertionError.class)
                .hasMessage("\nExpecting rule \"sns-topic-created\"\nnot to match record\n  " + ROOT_CREATES_NAMED
                        + "\nbut it did: sns-topic-created matches: eventSource().is(\"sns.amazonaws.com\") held: "
                        + "eventSource is \"sns.amazonaws.com\"; and eventName().is(\"CreateTopic\") held: eventName is "
                        + "\"CreateTopic\"");
    }

    @Test
    void rule_hasId_failure() {
        assertThatThrownBy(() -> assertThat(TOPIC_CREATED).hasId("x"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("\nExpecting rule id\n  \"x\"\nbut it was\n  \"sns-topic-created\"");
    }

    /* ---------------------------------------------------------------- RuleSet */

    @Test
    void ruleSet_checks_pass() {
        assertThat(RULES)
                .triggers(ROOT_CREATES, "sns-topic-created")
                .triggers(ROOT_CREATES, "root-activity", "sns-topic-created")
                .triggersExactly(ROOT_CREATES, "sns-topic-created", "root-activity")
                .doesNotTrigger(ROOT_CREATES, "access-denied")
                .triggersNothing(ALICE_DELETES);
    }

    @Test
    void triggers_failure_explainsTheMissingRule() {
        assertThatThrownBy(() -> assertThat(RULES).triggers(ALICE_DELETES, "sns-topic-created"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("\nExpecting record\n  " + ALICE_DELETES_NAMED + "\nto trigger\n  [sns-topic-created]\n"
                        + "but it triggered\n  []\nthe rule that was wrong:\n"
                        + "  - sns-topic-created did not trigger: sns-topic-created does not match: eventName is "
                        + "\"DeleteTopic\", expected eventName().is(\"CreateTopic\")");
    }

    @Test
    void triggersExactly_failure_namesTheExtraRule() {
        assertThatThrownBy(() -> assertThat(RULES).triggersExactly(ROOT_CREATES, "sns-topic-created"))
                .isInstanceOf(AssertionError.class)
                .hasMessage(
                        "\nExpecting record\n  " + ROOT_CREATES_NAMED + "\nto trigger exactly\n  [sns-topic-created]\n"
                                + "but it triggered\n  [sns-topic-created, root-activity]\nthe rule that was wrong:\n"
                                + "  - root-activity triggered but should not have: root-activity matches: "
                                + "userIdentity().type().is(\"Root\") held: userIdentity.type is \"Root\"");
    }

    @Test
    void triggersNothing_and_doesNotTrigger_failures() {
        assertThatThrownBy(() -> assertThat(RULES).triggersNothing(ROOT_CREATES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("to trigger nothing\nbut it triggered\n  [sns-topic-created, root-activity]\n"
                        + "the rules that were wrong:\n  - sns-topic-created triggered but should not have: "
                        + "sns-topic-created matches: ");
        assertThatThrownBy(() -> assertThat(RULES).doesNotTrigger(ROOT_CREATES, "root-activity", "access-denied"))
                .hasMessageContaining("not to trigger\n  [root-activity, access-denied]\nbut it triggered\n"
                        + "  [sns-topic-created, root-activity]\nthe rule that was wrong:\n"
                        + "  - root-activity triggered but should not have: root-activity matches: "
                        + "userIdentity().type().is(\"Root\") held");
    }

    @Test
    void aRuleThatThrows_failsTheCheck_withItsError() {
        RuleSet withBroken = RuleSet.builder()
                .add(TOPIC_CREATED, BROKEN)
                .onRuleError(e -> {})
                .build();
        assertThatThrownBy(() -> assertThat(withBroken).doesNotTrigger(ROOT_CREATES, "broken"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("  - broken threw: java.lang.IllegalStateException: boom");
        assertThatThrownBy(() -> assertThat(withBroken).triggers(ROOT_CREATES, "broken"))
                .hasMessageContaining("  - broken threw: java.lang.IllegalStateException: boom");
    }

    @Test
    void anUnknownRuleId_isAMistakeInTheTest() {
        assertThatThrownBy(() -> assertThat(RULES).triggers(ROOT_CREATES, "sns-topic-create"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no rule \"sns-topic-create\" in the rule set; its rules are "
                        + "[sns-topic-created, root-activity, access-denied]");
    }
}
