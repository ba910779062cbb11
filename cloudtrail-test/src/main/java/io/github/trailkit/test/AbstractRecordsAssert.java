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
 * The checks of {@link RecordsAssert}, for assertions of your own that add checks and keep chaining: extend it with
 * your class as {@code SELF}, and every check here (and AssertJ's {@code filteredOn}) returns your type. A subclass
 * says how to make another of itself for the filtered records, in {@code newAbstractIterableAssert}.
 *
 * <pre>{@code
 * public final class MyRecordsAssert extends AbstractRecordsAssert<MyRecordsAssert> {
 *     public MyRecordsAssert(Iterable<? extends CloudTrailRecord> actual) {
 *         super(actual, MyRecordsAssert.class);
 *     }
 *
 *     public MyRecordsAssert allInRegion(String region) {
 *         allSatisfy(r -> new RecordAssert(r).hasAwsRegion(region));
 *         return myself;
 *     }
 *
 *     protected MyRecordsAssert newAbstractIterableAssert(Iterable<? extends CloudTrailRecord> iterable) {
 *         return new MyRecordsAssert(iterable);
 *     }
 * }
 * }</pre>
 *
 * @param <SELF> the concrete assertion class, returned by every check
 */
public abstract class AbstractRecordsAssert<SELF extends AbstractRecordsAssert<SELF>>
        extends AbstractIterableAssert<SELF, Iterable<? extends CloudTrailRecord>, CloudTrailRecord, RecordAssert> {

    /**
     * An assertion on {@code actual} for the subclass {@code selfType}, which is what every check returns so that the
     * subclass's own checks chain with these.
     */
    protected AbstractRecordsAssert(Iterable<? extends CloudTrailRecord> actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** Checks that some record has each of these event names, in any order; other names may occur. */
    public SELF containsEventNames(String... eventNames) {
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
    public SELF containsEventNamesExactly(String... eventNames) {
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
    public SELF doesNotContainEventNames(String... eventNames) {
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
    public SELF noneMadeByRoot() {
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
    public SELF noneFailed() {
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
    public SELF filteredOnEventName(String eventName) {
        Objects.requireNonNull(eventName, "eventName");
        return filteredOn(r -> r.eventName().filter(eventName::equals).isPresent());
    }

    /** The records with this event source, to assert on further. */
    public SELF filteredOnEventSource(String eventSource) {
        Objects.requireNonNull(eventSource, "eventSource");
        return filteredOn(r -> r.eventSource().filter(eventSource::equals).isPresent());
    }

    @Override
    protected RecordAssert toAssert(CloudTrailRecord value, String description) {
        return new RecordAssert(value).as(description);
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
