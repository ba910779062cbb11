package io.github.trailkit.test;

import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.rules.Rule;
import io.github.trailkit.rules.RuleSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry point of trailkit's AssertJ assertions: records, lists of records, rules and rule sets.
 *
 * <p>Import {@code assertThat} statically next to AssertJ's own: Java picks these overloads for trailkit types
 * because they are more specific.
 *
 * <pre>{@code
 * import static io.github.trailkit.test.CloudTrailAssertions.assertThat;
 *
 * CloudTrailRecord record = CloudTrailRecords.apiCall("sns.amazonaws.com", "CreateTopic").byRoot().build();
 * assertThat(record).hasEventName("CreateTopic").wasMadeByRoot();
 * assertThat(List.of(record)).containsEventNames("CreateTopic").hasSize(1);
 * assertThat(topicCreated).matches(record);
 * assertThat(RuleSet.of(topicCreated)).triggersExactly(record, "sns-topic-created");
 * }</pre>
 */
public final class CloudTrailAssertions {
    private CloudTrailAssertions() {}

    /** Assertions on one record. */
    public static RecordAssert assertThat(CloudTrailRecord actual) {
        return new RecordAssert(actual);
    }

    /**
     * Assertions on records; the records are copied first, so a one-shot {@link io.github.trailkit.model.CloudTrailLog}
     * can be passed (and is read to its end).
     */
    public static RecordsAssert assertThat(Iterable<? extends CloudTrailRecord> actual) {
        if (actual == null) {
            return new RecordsAssert(null);
        }
        List<CloudTrailRecord> copy = new ArrayList<>();
        actual.forEach(copy::add);
        return new RecordsAssert(copy);
    }

    /**
     * Assertions on records. This overload exists so that a {@code List} picks trailkit's assertions over AssertJ's
     * {@code assertThat(List)} when both are imported.
     */
    public static RecordsAssert assertThat(List<? extends CloudTrailRecord> actual) {
        return assertThat((Iterable<? extends CloudTrailRecord>) actual);
    }

    /** Assertions on one rule: whether it matches records. */
    public static RuleAssert assertThat(Rule actual) {
        return new RuleAssert(actual);
    }

    /** Assertions on a rule set: which rules records trigger. */
    public static RuleSetAssert assertThat(RuleSet actual) {
        return new RuleSetAssert(actual);
    }
}
