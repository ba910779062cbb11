package io.github.trailkit.test;

import io.github.trailkit.model.CloudTrailRecord;

/**
 * Assertions on several records, such as the records of a log file; start with {@link
 * CloudTrailAssertions#assertThat(Iterable)}.
 *
 * <p>Every AssertJ iterable assertion is here ({@code hasSize}, {@code allSatisfy}, {@code filteredOn}, {@code
 * first()} …), and element assertions are {@link RecordAssert}s. The checks below add CloudTrail's vocabulary; their
 * failures list the records' event names, or the records at fault.
 *
 * <pre>{@code
 * List<CloudTrailRecord> records = CloudTrailRecords.fromResource("/logs/sns.json.gz");
 * assertThat(records)
 *         .hasSize(2)
 *         .containsEventNamesExactly("CreateTopic", "GetTopicAttributes")
 *         .filteredOnEventName("CreateTopic")
 *         .singleElement()
 *         .hasRequestParameter("name", "orders");
 * }</pre>
 */
public final class RecordsAssert extends AbstractRecordsAssert<RecordsAssert> {

    /** An assertion on {@code actual}; {@link CloudTrailAssertions#assertThat(Iterable)} is the usual way in. */
    public RecordsAssert(Iterable<? extends CloudTrailRecord> actual) {
        super(actual, RecordsAssert.class);
    }

    @Override
    protected RecordsAssert newAbstractIterableAssert(Iterable<? extends CloudTrailRecord> iterable) {
        return new RecordsAssert(iterable);
    }
}
