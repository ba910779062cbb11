package io.github.trailkit.test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.JsonValue;
import io.github.trailkit.rules.Rule;
import io.github.trailkit.rules.RuleSet;
import io.github.trailkit.rules.Rules;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A user's own assertions, made by extending the {@code Abstract...Assert} classes: their checks and the built-in ones
 * chain in any order, and the built-in failures are unchanged.
 */
final class ExtendingAssertionsTest {
    private static final CloudTrailRecord CREATE_ORDERS = CloudTrailRecords.apiCall("sns.amazonaws.com", "CreateTopic")
            .byRoot()
            .inRegion("eu-west-1")
            .withRequestParameters("{\"name\":\"orders\"}")
            .build();
    private static final CloudTrailRecord DELETE_ORDERS = CloudTrailRecords.apiCall("sns.amazonaws.com", "DeleteTopic")
            .inRegion("eu-west-1")
            .withRequestParameters("{\"topicArn\":\"arn:aws:sns:eu-west-1:123456789012:orders\"}")
            .build();

    /** A team's own record assertion: one check of its own on top of every built-in one. */
    static final class SnsRecordAssert extends AbstractRecordAssert<SnsRecordAssert> {
        SnsRecordAssert(CloudTrailRecord actual) {
            super(actual, SnsRecordAssert.class);
        }

        SnsRecordAssert createsTopic(String name) {
            isNotNull();
            JsonValue requested =
                    actual.requestParameters().orElse(JsonValue.missing()).path("name");
            if (!actual.eventName().orElse("").equals("CreateTopic") || !requested.equals(JsonValue.of(name))) {
                failWithMessage("%nExpecting a CreateTopic of %s%nbut the record was %s", name, actual.eventName());
            }
            return myself;
        }
    }

    /** A team's own records assertion; filtering keeps the type. */
    static final class SnsRecordsAssert extends AbstractRecordsAssert<SnsRecordsAssert> {
        SnsRecordsAssert(Iterable<? extends CloudTrailRecord> actual) {
            super(actual, SnsRecordsAssert.class);
        }

        SnsRecordsAssert allInRegion(String region) {
            allSatisfy(r -> new RecordAssert(r).hasAwsRegion(region));
            return myself;
        }

        @Override
        protected SnsRecordsAssert newAbstractIterableAssert(Iterable<? extends CloudTrailRecord> iterable) {
            return new SnsRecordsAssert(iterable);
        }
    }

    static final class TeamRuleAssert extends AbstractRuleAssert<TeamRuleAssert> {
        TeamRuleAssert(Rule actual) {
            super(actual, TeamRuleAssert.class);
        }

        TeamRuleAssert hasTitleMentioning(String word) {
            isNotNull();
            if (!actual.title().contains(word)) {
                failWithMessage("%nExpecting the title of %s to mention %s", actual.id(), word);
            }
            return myself;
        }
    }

    static final class TeamRuleSetAssert extends AbstractRuleSetAssert<TeamRuleSetAssert> {
        TeamRuleSetAssert(RuleSet actual) {
            super(actual, TeamRuleSetAssert.class);
        }

        TeamRuleSetAssert hasRules(int count) {
            isNotNull();
            if (actual.size() != count) {
                failWithMessage("%nExpecting %s rules but there were %s", count, actual.size());
            }
            return myself;
        }
    }

    private static final Rule TOPIC_CREATED = Rules.rule("sns-topic-created")
            .title("SNS topic created")
            .when(Rules.eventName().is("CreateTopic"))
            .build();

    @Test
    void ownChecksAndBuiltInChecks_chainInAnyOrder() {
        new SnsRecordAssert(CREATE_ORDERS)
                .hasEventSource("sns.amazonaws.com")
                .createsTopic("orders")
                .wasMadeByRoot()
                .hasRequestParameter("name", "orders")
                .createsTopic("orders")
                .isNotNull();
    }

    @Test
    void ownCheckFailsWithItsMessage_andBuiltInFailuresAreUnchanged() {
        assertThatThrownBy(() -> new SnsRecordAssert(DELETE_ORDERS)
                        .hasEventSource("sns.amazonaws.com")
                        .createsTopic("orders"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting a CreateTopic of orders");
        assertThatThrownBy(() -> new SnsRecordAssert(CREATE_ORDERS)
                        .createsTopic("orders")
                        .hasEventName("DeleteTopic"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("to have eventName")
                .hasMessageContaining("\"DeleteTopic\"");
    }

    @Test
    void recordsAssertion_keepsItsTypeThroughFiltering() {
        new SnsRecordsAssert(List.of(CREATE_ORDERS, DELETE_ORDERS))
                .containsEventNamesExactly("CreateTopic", "DeleteTopic")
                .allInRegion("eu-west-1")
                .filteredOnEventName("CreateTopic")
                .allInRegion("eu-west-1")
                .hasSize(1)
                .allInRegion("eu-west-1");
        assertThatThrownBy(() -> new SnsRecordsAssert(List.of(CREATE_ORDERS))
                        .noneMadeByRoot()
                        .allInRegion("eu-west-1"))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() ->
                        new SnsRecordsAssert(List.of(CREATE_ORDERS)).hasSize(1).allInRegion("us-east-1"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("us-east-1");
    }

    @Test
    void ruleAndRuleSetAssertions_extendTheSameWay() {
        new TeamRuleAssert(TOPIC_CREATED)
                .matches(CREATE_ORDERS)
                .hasTitleMentioning("SNS")
                .doesNotMatch(DELETE_ORDERS)
                .hasId("sns-topic-created");
        assertThatThrownBy(() -> new TeamRuleAssert(TOPIC_CREATED).hasTitleMentioning("SQS"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("to mention SQS");

        new TeamRuleSetAssert(RuleSet.of(TOPIC_CREATED))
                .hasRules(1)
                .triggers(CREATE_ORDERS, "sns-topic-created")
                .triggersNothing(DELETE_ORDERS)
                .hasRules(1);
        assertThatThrownBy(() -> new TeamRuleSetAssert(RuleSet.of(TOPIC_CREATED))
                        .triggersNothing(DELETE_ORDERS)
                        .hasRules(2))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting 2 rules but there were 1");
    }
}
