package io.github.trailkit.examples;

import static io.github.trailkit.test.CloudTrailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.rules.Rule;
import io.github.trailkit.rules.RuleSet;
import io.github.trailkit.test.CloudTrailRecords;
import io.github.trailkit.test.RuleTests;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The examples' rules, tested as users test theirs: with {@code cloudtrail-test}'s fixtures, assertions and runner. */
class ExampleRulesTest {
    static final RuleSet ALL = RuleSet.of(CustomSinkExample.ruleList());

    @Test
    void theSeedRuleReportsCreateTopicAndNothingElse() {
        Rule rule = CreateTopicNotifier.SNS_TOPIC_CREATED;
        CloudTrailRecord created = CloudTrailRecords.apiCall("sns.amazonaws.com", "CreateTopic")
                .byIamUser("alice")
                .withRequestParameters("{\"name\":\"orders\"}")
                .build();
        CloudTrailRecord read = CloudTrailRecords.apiCall("sns.amazonaws.com", "GetTopicAttributes")
                .byIamUser("alice")
                .build();

        assertThat(created).hasEventName("CreateTopic").hasRequestParameter("name", "orders");
        assertThat(rule).matches(created).doesNotMatch(read);
        // the failure names the test that failed, so a wrong rule is easy to see
        assertThatThrownBy(() -> assertThat(rule).matches(read))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GetTopicAttributes");
    }

    @Test
    void rootActivityIsReportedButNotAnAwsServiceCall() {
        CloudTrailRecord byRoot = CloudTrailRecords.apiCall("iam.amazonaws.com", "CreateUser")
                .byRoot()
                .build();
        CloudTrailRecord byService = CloudTrailRecords.apiCall("iam.amazonaws.com", "CreateUser")
                .byService("support.amazonaws.com")
                .build();

        assertThat(byRoot).wasMadeByRoot();
        assertThat(ALL).triggersExactly(byRoot, "root-account-activity");
        assertThat(ALL).triggersNothing(byService);
    }

    @TestFactory
    Stream<DynamicTest> exampleRecords() {
        return RuleTests.from("/rule-tests/example-rules-tests.yaml", ALL);
    }
}
