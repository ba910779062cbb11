package io.github.trailkit.test;

import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.rules.Rule;

/**
 * Assertions on one {@link Rule}; start with {@link CloudTrailAssertions#assertThat(Rule)}.
 *
 * <p>A failure names the rule and the record, and says why in the words of {@link Rule#explain(
 * CloudTrailRecord)}: which test of the condition failed and what the record holds, or, for a record that should not
 * match, each test that held and the record's values there.
 *
 * <pre>{@code
 * Rule topicCreated = rule("sns-topic-created")
 *         .when(eventSource().is("sns.amazonaws.com").and(eventName().is("CreateTopic")))
 *         .build();
 *
 * assertThat(topicCreated)
 *         .matches(CloudTrailRecords.apiCall("sns.amazonaws.com", "CreateTopic").build())
 *         .doesNotMatch(CloudTrailRecords.apiCall("sns.amazonaws.com", "DeleteTopic").build());
 * }</pre>
 */
public final class RuleAssert extends AbstractRuleAssert<RuleAssert> {

    /** An assertion on {@code actual}; {@link CloudTrailAssertions#assertThat(Rule)} is the usual way in. */
    public RuleAssert(Rule actual) {
        super(actual, RuleAssert.class);
    }
}
