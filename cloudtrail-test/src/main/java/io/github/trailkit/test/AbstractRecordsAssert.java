package io.github.trailkit.test;

import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.IdentityType;
import io.github.trailkit.model.UserIdentity;
import io.github.trailkit.test.internal.Describe;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.assertj.core.api.AbstractIterableAssert;

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
public class RecordsAssert
        extends AbstractIterableAssert<
                RecordsAssert, Iterable<? extends CloudTrailRecord>, CloudTrailRecord, RecordAssert> {

    /** An assertion on {@code actual}; {@link CloudTrailAssertions#assertThat(Iterable)} is the usual way in. */
    public RecordsAssert(Iterable<? extends CloudTrailRecord> actual) {
        super(actual, RecordsAssert.class);
    }

    /** Checks that some record has each of these event names, in any order; other names may occur. */
    public RecordsAssert containsEventNames(String... eventNames) {
        isNotNull();
        List<String> names = eventNames();
        List<String> missing =
                Arrays.stream(eventNames).filter(n -> !names.contains(n)).collect(Collectors.toList());
        if (!missing.isEmpty()) {
            failWithMessage(
                    "%nExpecting records with the event names%n  %s%nto contain the event names%n  %s"
                            + "%nbut could not find%n  %s",
                    names, Arrays.asList(eventNames), missing);
        }
        return myself;
    }

    /** Checks that the records have exactly these event names, in this order (one name per record). */
    public RecordsAssert containsEventNamesExactly(String... eventNames) {
        isNotNull();
        List<String> names = eventNames();
        List<String> expected = Arrays.asList(eventNames);
        if (!names.equals(expected)) {
            failWithActualExpectedAndMessage(
                    names,
                    expected,
                    "%nExpecting records with the event names%n  %s%nto have exactly the event names, in order%n  %s"
                            + "%nbut %s",
                    names,
                    expected,
                    difference(names, expected));
        }
        return myself;
    }

    /** Checks that no record has any of these event names. */
    public RecordsAssert doesNotContainEventNames(String... eventNames) {
        isNotNull();
        List<String> found =
                Arrays.stream(eventNames).filter(eventNames()::contains).collect(Collectors.toList());
        if (!found.isEmpty()) {
            failWithMessage(
                    "%nExpecting records with the event names%n  %s%nnot to contain the event names%n  %s"
                            + "%nbut found%n  %s",
                    eventNames(), Arrays.asList(eventNames), found);
        }
        return myself;
    }

    /** Checks that no record was made by the account's root user ({@code userIdentity.type} {@code Root}). */
    public RecordsAssert noneMadeByRoot() {
        isNotNull();
        List<String> byRoot = records().stream()
                .filter(r -> r.userIdentity().flatMap(UserIdentity::type).orElse(null) == IdentityType.ROOT)
                .map(Describe::record)
                .collect(Collectors.toList());
        if (!byRoot.isEmpty()) {
            failWithMessage(
                    "%nExpecting no record of the %s to have been made by the root user%nbut these were:%n  %s",
                    records().size(), String.join(String.format("%n  "), byRoot));
        }
        return myself;
    }

    /** Checks that every record has no {@code errorCode}. */
    public RecordsAssert noneFailed() {
        isNotNull();
        List<String> failed = records().stream()
                .filter(r -> r.errorCode().isPresent())
                .map(r -> Describe.record(r) + ": " + r.errorCode().get())
                .collect(Collectors.toList());
        if (!failed.isEmpty()) {
            failWithMessage(
                    "%nExpecting none of the %s records to have an errorCode%nbut these had:%n  %s",
                    records().size(), String.join(String.format("%n  "), failed));
        }
        return myself;
    }

    /** The records with this event name, to assert on further. */
    public RecordsAssert filteredOnEventName(String eventName) {
        Objects.requireNonNull(eventName, "eventName");
        return filteredOn(r -> r.eventName().filter(eventName::equals).isPresent());
    }

    /** The records with this event source, to assert on further. */
    public RecordsAssert filteredOnEventSource(String eventSource) {
        Objects.requireNonNull(eventSource, "eventSource");
        return filteredOn(r -> r.eventSource().filter(eventSource::equals).isPresent());
    }

    @Override
    protected RecordAssert toAssert(CloudTrailRecord value, String description) {
        return new RecordAssert(value).as(description);
    }

    @Override
    protected RecordsAssert newAbstractIterableAssert(Iterable<? extends CloudTrailRecord> iterable) {
        return new RecordsAssert(iterable);
    }

    private List<CloudTrailRecord> records() {
        return StreamSupport.stream(actual.spliterator(), false).collect(Collectors.toList());
    }

    private List<String> eventNames() {
        return records().stream()
                .map(r -> r.eventName().orElse("<no eventName>"))
                .collect(Collectors.toList());
    }

    private static String difference(List<String> actual, List<String> expected) {
        int i = 0;
        while (i < actual.size() && i < expected.size() && actual.get(i).equals(expected.get(i))) {
            i++;
        }
        if (i == actual.size()) {
            return "the records end at index " + i + " where " + Describe.quote(expected.get(i)) + " was expected";
        }
        if (i == expected.size()) {
            List<String> extra = new ArrayList<>(actual.subList(i, actual.size()));
            return "there are more records from index " + i + ": " + extra;
        }
        return "at index " + i + " the event name is " + Describe.quote(actual.get(i)) + ", expected "
                + Describe.quote(expected.get(i));
    }
}
