package io.github.trailkit.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The records of one log file, read lazily: one record is in memory at a time, whatever the size of the file.
 *
 * <p>A log can be iterated once. Close it when done (it closes the input); closing early is fine. Iteration throws a
 * {@link CloudTrailParseException} when the input cannot be read on (see its subtypes); every record before that
 * point has been delivered. With {@link ProblemPolicy#SKIP_AND_REPORT}, invalid records are skipped and listed in
 * {@link #problems()}, and damaged JSON inside the {@code Records} array costs only the damaged record: the reader
 * reports the span it passes over and reads on at the next record it can be sure of (an object with {@code
 * eventVersion} and {@code eventID} right after a comma, followed by a comma and an object or by the array's end);
 * every record it delivers after that is exactly what the file holds. Members that could not be read into their
 * typed accessor are in {@link #warnings()} (see {@link FieldPolicy}). Not thread-safe: read a log from one thread (the records it yields are immutable and can go
 * anywhere).
 *
 * <pre>{@code
 * try (CloudTrailLog log = CloudTrail.reader().onProblem(ProblemPolicy.SKIP_AND_REPORT).read(path)) {
 *     long rootCalls = log.stream()
 *             .filter(r -> r.userIdentity().flatMap(UserIdentity::type).orElse(null) == IdentityType.ROOT)
 *             .count();
 *     log.problems().forEach(System.err::println);
 * }
 * }</pre>
 */
public final class CloudTrailLog implements Iterable<CloudTrailRecord>, AutoCloseable {
    /**
     * How many problems a log keeps for {@link #problems()}: 1,000. Past that, problems are only counted ({@link
     * #problemCount()}), so that a file of millions of bad records costs bounded memory and reading goes on to its end.
     */
    public static final int MAX_PROBLEMS_KEPT = LogParser.MAX_PROBLEMS_KEPT;

    private final LogParser parser;
    private boolean iterated;

    CloudTrailLog(LogParser parser) {
        this.parser = parser;
    }

    /** The name the log is read under: a file path or an object key. */
    public String source() {
        return parser.source();
    }

    /**
     * The records, in file order.
     *
     * @throws IllegalStateException on a second call
     */
    @Override
    public Iterator<CloudTrailRecord> iterator() {
        if (iterated) {
            throw new IllegalStateException("a CloudTrailLog can be iterated once");
        }
        iterated = true;
        return new Iterator<>() {
            private CloudTrailRecord next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = parser.next();
                }
                return next != null;
            }

            @Override
            public CloudTrailRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                CloudTrailRecord r = next;
                next = null;
                return r;
            }
        };
    }

    /** The records as a sequential stream; closing the stream closes this log. */
    public Stream<CloudTrailRecord> stream() {
        Spliterator<CloudTrailRecord> s =
                Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(s, false).onClose(this::close);
    }

    /**
     * The records skipped so far, with their index, byte offset and reason, in file order; unmodifiable. At most the
     * first {@link #MAX_PROBLEMS_KEPT}: {@link #problemCount()} counts them all.
     */
    public List<RecordProblem> problems() {
        return List.copyOf(parser.problems());
    }

    /**
     * How many records were skipped so far: the size of {@link #problems()}, plus those past {@link
     * #MAX_PROBLEMS_KEPT} that were only counted.
     *
     * <pre>{@code
     * long notListed = log.problemCount() - log.problems().size();
     * }</pre>
     */
    public long problemCount() {
        return parser.problemCount();
    }

    /**
     * Members that could not be read into their typed accessor in the records delivered so far, in order: each record
     * was delivered, the accessor empty and the value kept as it came in {@code otherFields()} (see {@link
     * FieldPolicy#KEEP_AND_WARN}); each warning names the record's index and byte offset, and its reason starts with
     * the member's JSON pointer. At most 10,000 are kept; {@link #warningCount()} counts them all. Unmodifiable.
     *
     * <pre>{@code
     * log.warnings().forEach(w -> System.err.println("warning: " + w));
     * // warning: a.json: record 3 at byte 1412: /Records/3/eventTime: expected an ISO 8601 time ..., found "redacted"
     * }</pre>
     */
    public List<RecordProblem> warnings() {
        return List.copyOf(parser.warnings());
    }

    /** How many warnings there were so far, kept or not. */
    public long warningCount() {
        return parser.warningCount();
    }

    /** How many records were delivered so far. */
    public long recordsRead() {
        return parser.recordsRead();
    }

    /**
     * The index in the {@code Records} array of the record the iterator returned last, or -1 before the first. It
     * counts skipped records too, so it locates a record in its file ({@code Finding.at(source, index)}); in a file of
     * several concatenated documents, indexes go on from one document to the next.
     */
    public long lastRecordIndex() {
        return parser.lastIndex();
    }

    /** Closes the input. */
    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing " + source(), e);
        }
    }
}
