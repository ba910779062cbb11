package io.github.trailkit.test;

import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.rules.RuleSet;

/**
 * Assertions on which rules of a {@link RuleSet} a record triggers; start with {@link
 * CloudTrailAssertions#assertThat(RuleSet)}.
 *
 * <p>The record goes through {@link RuleSet#evaluation(CloudTrailRecord)}, as in production, index included. A failure shows
 * the record, what was expected, which rules triggered, and for each rule that was wrong the rule set's {@link
 * RuleSet#explain(String, CloudTrailRecord) explanation}. A rule that throws fails the check. An id that names no rule
 * of the set is a mistake in the test and throws {@link IllegalArgumentException}.
 *
 * <pre>{@code
 * RuleSet rules = RuleSet.of(RuleDocuments.readResource("rules/sns.yaml"));
 * CloudTrailRecord rootCreatesTopic = CloudTrailRecords.apiCall("sns.amazonaws.com", "CreateTopic").byRoot().build();
 *
 * assertThat(rules)
 *         .triggers(rootCreatesTopic, "sns-topic-created", "root-activity")
 *         .triggersNothing(CloudTrailRecords.apiCall("sns.amazonaws.com", "ListTopics").build());
 * }</pre>
 */
public final class RuleSetAssert extends AbstractRuleSetAssert<RuleSetAssert> {

    /** An assertion on {@code actual}; {@link CloudTrailAssertions#assertThat(RuleSet)} is the usual way in. */
    public RuleSetAssert(RuleSet actual) {
        super(actual, RuleSetAssert.class);
    }
}
