package io.github.trailkit.test;

import io.github.trailkit.model.CloudTrailRecord;

/**
 * Assertions on one {@link CloudTrailRecord}; start with {@link CloudTrailAssertions#assertThat(CloudTrailRecord)}.
 *
 * <p>Every check compares one field; a failure names the record (event source, name, id and time), the field, what
 * was expected and what the record holds ({@code absent} when the field is not there). Chain checks as with any
 * AssertJ assertion, and use {@code as(...)} to describe the record.
 *
 * <pre>{@code
 * import static io.github.trailkit.test.CloudTrailAssertions.assertThat;
 *
 * assertThat(record)
 *         .hasEventSource("sns.amazonaws.com")
 *         .hasEventName("CreateTopic")
 *         .wasMadeByRoot()
 *         .hasRequestParameter("name", "orders")
 *         .hasNoError();
 * }</pre>
 */
public final class RecordAssert extends AbstractRecordAssert<RecordAssert> {

    /** An assertion on {@code actual}; {@link CloudTrailAssertions#assertThat(CloudTrailRecord)} is the usual way in. */
    public RecordAssert(CloudTrailRecord actual) {
        super(actual, RecordAssert.class);
    }
}
