package io.github.trailkit.test;

import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.rules.RuleSet;
import io.github.trailkit.test.internal.Triggering;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractObjectAssert;

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
public class RuleSetAssert extends AbstractObjectAssert<RuleSetAssert, RuleSet> {

    /** An assertion on {@code actual}; {@link CloudTrailAssertions#assertThat(RuleSet)} is the usual way in. */
    public RuleSetAssert(RuleSet actual) {
        super(actual, RuleSetAssert.class);
    }

    /** Checks that {@code record} triggers every rule named; other rules may trigger too. */
    public RuleSetAssert triggers(CloudTrailRecord record, String... ruleIds) {
        return check(record, Arrays.asList(ruleIds), List.of(), Triggering.Mode.AT_LEAST);
    }

    /** Checks that {@code record} triggers the rules named and no other. */
    public RuleSetAssert triggersExactly(CloudTrailRecord record, String... ruleIds) {
        return check(record, Arrays.asList(ruleIds), List.of(), Triggering.Mode.EXACTLY);
    }

    /** Checks that {@code record} triggers none of the rules named; other rules may trigger. */
    public RuleSetAssert doesNotTrigger(CloudTrailRecord record, String... ruleIds) {
        return check(record, List.of(), Arrays.asList(ruleIds), Triggering.Mode.AT_LEAST);
    }

    /** Checks that {@code record} triggers no rule of the set. */
    public RuleSetAssert triggersNothing(CloudTrailRecord record) {
        return check(record, List.of(), List.of(), Triggering.Mode.EXACTLY);
    }

    private RuleSetAssert check(
            CloudTrailRecord record, List<String> must, List<String> mustNot, Triggering.Mode mode) {
        isNotNull();
        Objects.requireNonNull(record, "record");
        String failure = Triggering.check(actual, record, must, mustNot, mode);
        if (failure != null) {
            failWithMessage("%n%s", failure);
        }
        return myself;
    }
}
