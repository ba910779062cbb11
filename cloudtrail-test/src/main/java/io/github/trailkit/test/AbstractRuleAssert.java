package io.github.trailkit.test;

import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.rules.Rule;
import io.github.trailkit.test.internal.Describe;
import java.util.Objects;
import org.assertj.core.api.AbstractObjectAssert;

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
public class RuleAssert extends AbstractObjectAssert<RuleAssert, Rule> {

    /** An assertion on {@code actual}; {@link CloudTrailAssertions#assertThat(Rule)} is the usual way in. */
    public RuleAssert(Rule actual) {
        super(actual, RuleAssert.class);
    }

    /** Checks that the rule's condition holds for {@code record}. */
    public RuleAssert matches(CloudTrailRecord record) {
        isNotNull();
        Objects.requireNonNull(record, "record");
        if (!actual.matches(record)) {
            failWithMessage(
                    "%nExpecting rule %s%nto match record%n  %s%nbut it did not: %s",
                    Describe.quote(actual.id()), Describe.record(record), actual.explain(record));
        }
        return myself;
    }

    /** Checks that the rule's condition does not hold for {@code record}. */
    public RuleAssert doesNotMatch(CloudTrailRecord record) {
        isNotNull();
        Objects.requireNonNull(record, "record");
        if (actual.matches(record)) {
            failWithMessage(
                    "%nExpecting rule %s%nnot to match record%n  %s%nbut it did: %s",
                    Describe.quote(actual.id()), Describe.record(record), actual.explain(record));
        }
        return myself;
    }

    /** Checks the rule's id. */
    public RuleAssert hasId(String expected) {
        isNotNull();
        if (!actual.id().equals(expected)) {
            failWithActualExpectedAndMessage(
                    actual.id(),
                    expected,
                    "%nExpecting rule id%n  %s%nbut it was%n  %s",
                    Describe.quote(expected),
                    Describe.quote(actual.id()));
        }
        return myself;
    }
}
