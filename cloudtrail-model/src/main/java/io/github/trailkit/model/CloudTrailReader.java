package io.github.trailkit.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.github.trailkit.model.internal.InflateAhead;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Reads CloudTrail log files: gzip-compressed ({@code .json.gz}, as CloudTrail delivers them) or plain JSON, told
 * apart by their first bytes, never by their name.
 *
 * <p>A reader is an immutable configuration: share one across threads and calls. Each {@code read} returns a {@link
 * CloudTrailLog} that streams the records of one input in constant memory.
 *
 * <pre>{@code
 * CloudTrailReader reader = CloudTrail.reader().onProblem(ProblemPolicy.SKIP_AND_REPORT);
 * try (CloudTrailLog log = reader.read(s3Object, key)) {
 *     for (CloudTrailRecord r : log) {
 *         handle(r);
 *     }
 *     log.problems().forEach(p -> System.err.println(p));
 * }
 * }</pre>
 */
public final class CloudTrailReader {
    private static final CloudTrailReader DEFAULT = new CloudTrailReader(
            ProblemPolicy.FAIL_FAST,
            FieldPolicy.KEEP_AND_WARN,
            ReadLimits.defaults(),
            Limits.factory(ReadLimits.defaults()),
            InflateAhead.automatic());

    private final ProblemPolicy policy;
    private final FieldPolicy fieldPolicy;
    private final ReadLimits limits;
    private final JsonFactory factory;
    /** Where gzip data is inflated ahead of the parsing; null: on the reading thread. */
    private final Executor inflater;

    private CloudTrailReader(
            ProblemPolicy policy, FieldPolicy fieldPolicy, ReadLimits limits, JsonFactory factory, Executor inflater) {
        this.policy = policy;
        this.fieldPolicy = fieldPolicy;
        this.limits = limits;
        this.factory = factory;
        this.inflater = inflater;
    }

    static CloudTrailReader defaults() {
        return DEFAULT;
    }

    /** A reader like this one with another policy for invalid records; the default is {@link ProblemPolicy#FAIL_FAST}. */
    public CloudTrailReader onProblem(ProblemPolicy policy) {
        return new CloudTrailReader(Objects.requireNonNull(policy, "policy"), fieldPolicy, limits, factory, inflater);
    }

    /**
     * A reader like this one with another policy for a member whose value cannot be read into its typed accessor; the
     * default is {@link FieldPolicy#KEEP_AND_WARN}: the record is delivered, and the problem is a warning.
     *
     * <pre>{@code
     * CloudTrailReader strict = CloudTrail.reader().onBadField(FieldPolicy.REJECT_RECORD);
     * }</pre>
     */
    public CloudTrailReader onBadField(FieldPolicy policy) {
        return new CloudTrailReader(this.policy, Objects.requireNonNull(policy, "policy"), limits, factory, inflater);
    }

    /** The policy for members whose value cannot be read into their typed accessor. */
    public FieldPolicy fieldPolicy() {
        return fieldPolicy;
    }

    /**
     * A reader like this one with other limits on its input; the default is {@link ReadLimits#defaults()}.
     *
     * <pre>{@code
     * CloudTrailReader reader = CloudTrail.reader().limits(ReadLimits.builder().maxRecordBytes(1 << 20).build());
     * }</pre>
     */
    public CloudTrailReader limits(ReadLimits limits) {
        Objects.requireNonNull(limits, "limits");
        return new CloudTrailReader(
                policy, fieldPolicy, limits, limits.equals(this.limits) ? factory : Limits.factory(limits), inflater);
    }

    /**
     * A reader like this one that inflates gzip logs on tasks of {@code executor}, one task per log read, ahead of the
     * thread that parses them (a few 64 KiB buffers apart): one log is read on two cores. The records, their order,
     * the limits, problems and exceptions are those of a read on one thread. By default, with more than one processor,
     * a shared pool of daemon threads inflates; with one, the reading thread does. {@code Runnable::run} reads on the
     * calling thread alone. Closing the log stops its task. A task that has not started within a few milliseconds of
     * the first read (a saturated pool) is done on the reading thread instead, so a pool may run readers and their
     * tasks both.
     *
     * <pre>{@code
     * ExecutorService pool = Executors.newFixedThreadPool(2);
     * CloudTrailReader reader = CloudTrail.reader().inflateOn(pool);
     * CloudTrailReader oneThread = CloudTrail.reader().inflateOn(Runnable::run);
     * }</pre>
     */
    public CloudTrailReader inflateOn(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        return new CloudTrailReader(policy, fieldPolicy, limits, factory, executor);
    }

    /** The limits on the input. */
    public ReadLimits limits() {
        return limits;
    }

    /** The policy for invalid records. */
    public ProblemPolicy problemPolicy() {
        return policy;
    }

    /**
     * Reads a log from a stream; {@code source} names it in problems and exceptions (an object key, a file name). The
     * returned log owns the stream and closes it.
     */
    public CloudTrailLog read(InputStream in, String source) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(source, "source");
        return new CloudTrailLog(new LogParser(in, source, policy, limits, factory)
                .keepBadFields(fieldPolicy == FieldPolicy.KEEP_AND_WARN)
                .inflateOn(inflater));
    }

    /** Reads a log file; its path names it in problems and exceptions. */
    public CloudTrailLog read(Path file) {
        try {
            return read(Files.newInputStream(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
    }

    /** Reads a log held in memory. */
    public CloudTrailLog read(byte[] log, String source) {
        return read(new ByteArrayInputStream(log), source);
    }

    /**
     * Reads one record from its JSON object text (as {@link CloudTrailWriter#toJson(CloudTrailRecord)} writes it).
     * Offsets in problems and exceptions count the bytes of the text in UTF-8. With {@link FieldPolicy#KEEP_AND_WARN},
     * a member whose value cannot be read is kept as it came in {@code otherFields()}, its accessor empty; with {@link
     * FieldPolicy#REJECT_RECORD} it is an {@link InvalidRecordException}.
     *
     * @throws InvalidRecordException if the text is JSON but not a valid record
     * @throws CloudTrailParseException if the text is not one JSON object
     */
    public CloudTrailRecord readRecord(String json) {
        Objects.requireNonNull(json, "json");
        // as UTF-8 bytes, so that payloads are kept as text and decoded on first use, as when reading a log
        try (JsonParser p = LogParser.valueParser(
                json.getBytes(StandardCharsets.UTF_8), limits, factory, fieldPolicy == FieldPolicy.KEEP_AND_WARN)) {
            try {
                return readOne(p);
            } catch (StreamConstraintsException e) {
                if (Limits.of(e) == ReadLimits.Limit.NAME_TABLE) {
                    LogParser.nameTableOverflowed(p); // before the close, which must not keep its table
                }
                throw e;
            }
        } catch (StreamConstraintsException e) {
            ReadLimits.Limit limit = Limits.of(e);
            throw new LimitExceededException(
                    "<record>",
                    0,
                    e.getLocation() == null ? -1 : e.getLocation().getByteOffset(),
                    limit,
                    limits.value(limit),
                    Limits.what(limit),
                    e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CloudTrailParseException(
                    "<record>", 0, e.getLocation().getByteOffset(), "invalid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CloudTrailRecord readOne(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        CloudTrailRecord r;
        try {
            r = RecordCodec.readCloudTrailRecord(p, t);
        } catch (InvalidFieldException e) {
            throw new InvalidRecordException(problem(e.getMessage(), p), e);
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException(problem(e.getMessage(), p), e);
        }
        if (p.nextToken() != null) {
            throw new CloudTrailParseException(
                    "<record>", 0, p.currentTokenLocation().getByteOffset(), "more than one JSON value", null);
        }
        return r;
    }

    private static RecordProblem problem(String reason, JsonParser p) {
        return RecordProblem.builder()
                .source("<record>")
                .recordIndex(0)
                .byteOffset(p.currentTokenLocation().getByteOffset())
                .reason(reason)
                .build();
    }
}
