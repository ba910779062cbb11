package io.github.trailkit.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.github.trailkit.model.internal.GzipMembers;
import io.github.trailkit.model.internal.InflateAhead;
import io.github.trailkit.model.internal.JacksonSupport;
import io.github.trailkit.model.internal.RetainingInput;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Streams the records of one log file: gzip or plain JSON (told apart by the gzip magic bytes), one {@code
 * {"Records":[...]}} object or several in a row (as concatenated gzip members produce), one record in memory at a
 * time. Gzip members are read strictly ({@link GzipMembers}): damage in any of them ends the read with a report.
 */
final class LogParser implements Closeable {
    /** How many problems a parser keeps; the ones after are counted (see {@code CloudTrailLog.MAX_PROBLEMS_KEPT}). */
    public static final int MAX_PROBLEMS_KEPT = 1000;

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;
    /** Warnings kept in memory for one log; more are counted only. */
    public static final int MAX_WARNINGS = 10_000;

    private final String source;
    private final ProblemPolicy policy;
    private final InputStream input;
    private final ReadLimits limits;
    private final JsonFactory factory;
    private final boolean fast;
    private LimitedParser limited;
    private final List<RecordProblem> problems = new ArrayList<>();
    /** Every problem found, kept or not: past {@link #MAX_PROBLEMS_KEPT}, problems are only counted. */
    private long problemCount;
    /** At most {@link #MAX_WARNINGS} of them; {@link #warningCount} counts all. */
    private final List<RecordProblem> warnings = new ArrayList<>();

    private long warningCount;
    private boolean keepBadFields = true;
    private java.util.concurrent.Executor inflater;
    private JsonParser parser;
    /** The JSON input as read (inflated if need be); what a resynchronisation reads on from. */
    private LimitedInput json;
    /** What the parser reads, keeping the bytes just read so that reading can go on after damage. */
    private RetainingInput retaining;
    /** The input after the last resynchronisation, or null before the first. */
    private ResyncInput resynced;
    /** The offset in the input of the parser's byte 0: 0 until a resynchronisation starts a parser mid-input. */
    private long base;
    /** The offset in the input of the record being read. */
    private long recordOffset = -1;

    private boolean gzip;
    private JsonStreamContext recordsArray;
    private long nextIndex;
    private int containers;
    private long recordsRead;
    private long lastIndex = -1;
    private boolean finished;

    public LogParser(InputStream raw, String source, ProblemPolicy policy) {
        this(raw, source, policy, ReadLimits.defaults(), Limits.factory(ReadLimits.defaults()));
    }

    /** A parser within {@code limits}; {@code factory} is {@link Limits#factory(ReadLimits)} of them. */
    public LogParser(InputStream raw, String source, ProblemPolicy policy, ReadLimits limits, JsonFactory factory) {
        this(raw, source, policy, limits, factory, true);
    }

    /**
     * A parser that reads payloads lazily and finds duplicate names itself ({@code fast}), or, as reference for tests
     * of those two, builds every payload as a tree and leaves duplicate names to Jackson: the two must be
     * indistinguishable, records and errors alike.
     */
    public LogParser(
            InputStream raw,
            String source,
            ProblemPolicy policy,
            ReadLimits limits,
            JsonFactory factory,
            boolean fast) {
        this.fast = fast;
        this.source = source;
        this.policy = policy;
        this.input = raw;
        this.limits = limits;
        this.factory = factory;
    }

    /**
     * A parser over the UTF-8 text of one JSON value, such as a single record, that reads payloads lazily and finds
     * duplicate names as the log reader does; its byte offsets are offsets into {@code json}. To be read in one go
     * and closed: it borrows the thread's tables for duplicate names until then.
     */
    public static JsonParser valueParser(byte[] json, ReadLimits limits, JsonFactory factory, boolean keepBadFields)
            throws IOException {
        RetainingInput all = RetainingInput.whole(json);
        LimitedParser p = new LimitedParser(factory.createParser(json), new LimitedInput(all), all, limits, true);
        p.keepBadFields(keepBadFields);
        return p;
    }

    /**
     * Whether a typed member whose value cannot be read is kept as it came, the record delivered and the problem a
     * warning (the default), or costs the record as the problem policy says. Set before the first record.
     */
    public LogParser keepBadFields(boolean keep) {
        this.keepBadFields = keep;
        return this;
    }

    /**
     * Where gzip data is inflated: on a task of {@code executor}, ahead of the parsing ({@link InflateAhead}), or, when
     * null, on the reading thread (the default). Set before the first record.
     */
    public LogParser inflateOn(java.util.concurrent.Executor executor) {
        this.inflater = executor;
        return this;
    }

    /**
     * Marks a parser of {@link #valueParser} whose name table overflowed (see {@link
     * LimitedParser#nameTableOverflowed()}), before it is closed.
     */
    public static void nameTableOverflowed(JsonParser valueParser) {
        ((LimitedParser) valueParser).nameTableOverflowed();
    }

    /** The next record, or {@code null} at the end of the log. */
    public CloudTrailRecord next() {
        while (!finished) {
            try {
                return read();
            } catch (JsonParseException e) {
                if (!resynchronisable(e)) {
                    throw fail(e);
                }
                resynchronise(e);
            } catch (IOException | RuntimeException e) {
                throw fail(e);
            }
        }
        return null;
    }

    /** The next record, or null at the end; any exception ends the read unless a resynchronisation can go on. */
    private CloudTrailRecord read() throws IOException {
        if (parser == null) {
            open();
        }
        {
            while (true) {
                if (recordsArray == null && !enterRecords()) {
                    finished = true;
                    return null;
                }
                JsonToken t = parser.nextToken();
                if (t == JsonToken.END_ARRAY) {
                    recordsArray = null;
                    finishContainer();
                    continue;
                }
                long index = nextIndex++;
                long relative = parser.currentTokenLocation().getByteOffset();
                long offset = at(relative);
                recordOffset = offset;
                if (t != JsonToken.START_OBJECT) {
                    String found = Fields.describe(t);
                    parser.skipChildren();
                    problem(index, offset, "/Records/" + index + ": a record must be an object, found " + found, null);
                    continue;
                }
                try {
                    limited.startRecord(relative);
                    CloudTrailRecord r = RecordCodec.readCloudTrailRecord(parser, t);
                    limited.endRecord();
                    if (limited.warned()) {
                        warnings(index, offset);
                    }
                    recordsRead++;
                    lastIndex = index;
                    return r;
                } catch (LimitHit e) {
                    if (!e.limit().perRecord()) {
                        throw e;
                    }
                    recordTooLarge(index, offset, e);
                } catch (InvalidFieldException e) {
                    skipToEndOfRecord();
                    problem(index, offset, pointerAt(index, e.pointer()) + ": " + e.problem(), e);
                } catch (IllegalArgumentException e) {
                    skipToEndOfRecord();
                    problem(index, offset, "/Records/" + index + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /** The exception that ends the read for {@code x}. */
    private RuntimeException fail(Exception x) {
        finished = true;
        try {
            throw x;
        } catch (CloudTrailParseException e) {
            return e;
        } catch (LimitHit e) {
            long at = e.limit() == ReadLimits.Limit.RECORD_BYTES ? at(e.byteOffset()) : e.byteOffset();
            return limitExceeded(e.limit(), at, e.getMessage(), e);
        } catch (StreamConstraintsException e) {
            ReadLimits.Limit limit = Limits.of(e);
            if (limit == ReadLimits.Limit.NAME_TABLE) {
                limited.nameTableOverflowed(); // before the close, which must not keep its table
            }
            return limitExceeded(
                    limit,
                    at(
                            e.getLocation() != null
                                    ? e.getLocation().getByteOffset()
                                    : parser.currentLocation().getByteOffset()),
                    Limits.what(limit),
                    e);
        } catch (JsonParseException e) {
            return damaged(
                    e,
                    "invalid JSON: " + e.getOriginalMessage(),
                    at(e.getLocation().getByteOffset()));
        } catch (JsonProcessingException e) {
            return damaged(
                    e,
                    e.getOriginalMessage(),
                    e.getLocation() == null ? -1 : at(e.getLocation().getByteOffset()));
        } catch (IOException e) {
            String what = gzip ? "gzip data is truncated or corrupt: " : "cannot read the input: ";
            // the input's bytes handed to the parser: where it broke, however they were sliced into reads (the
            // parser's own location counts a read that failed as if it had filled its buffer)
            return damaged(e, what + e.getMessage(), parser == null ? -1 : json.count());
        } catch (RuntimeException e) {
            return e;
        } catch (Exception e) {
            return new IllegalStateException(e);
        }
    }

    /** An offset of the current parser as an offset in the input. */
    private long at(long parserOffset) {
        return parserOffset < 0 ? parserOffset : base + parserOffset;
    }

    /**
     * Whether reading can go on after {@code e}: damaged JSON (a syntax error, invalid UTF-8, a duplicate name, a bad
     * number) inside the {@code Records} array, under {@link ProblemPolicy#SKIP_AND_REPORT}. Not the end of the input
     * inside a record (a truncated file), nor anything before the array or after it.
     */
    private boolean resynchronisable(JsonParseException e) {
        return policy == ProblemPolicy.SKIP_AND_REPORT
                && !(e instanceof JsonEOFException)
                && parser != null
                && recordsArray != null
                && insideRecords()
                && e.getLocation() != null
                && e.getLocation().getByteOffset() >= 0;
    }

    /** Whether the parser is in the Records array or deeper. */
    private boolean insideRecords() {
        for (JsonStreamContext c = parser.getParsingContext(); c != null; c = c.getParent()) {
            if (c == recordsArray) {
                return true;
            }
        }
        return false;
    }

    /**
     * After damaged JSON at {@code e}'s location: reports the damaged record, finds the next record ({@link Resync})
     * and starts a new parser there, or ends the read when none follows. A gzip stream that breaks while looking ends
     * the read as it would have anyway.
     */
    private void resynchronise(JsonParseException e) {
        long errorAt = e.getLocation().getByteOffset();
        boolean between = parser.getParsingContext() == recordsArray;
        long index = between ? nextIndex++ : nextIndex - 1;
        long start = between ? at(errorAt) : recordOffset;
        String what = "/Records/" + index + ": invalid JSON at byte " + at(errorAt) + ": " + e.getOriginalMessage();
        byte[] kept = retaining.keptFrom(errorAt);
        if (kept == null) {
            throw fail(e);
        }
        if (resynced != null) {
            byte[] ahead = resynced.drain();
            byte[] both = java.util.Arrays.copyOf(kept, kept.length + ahead.length);
            System.arraycopy(ahead, 0, both, kept.length, ahead.length);
            kept = both;
        }
        Resync.Found found;
        try {
            found = Resync.next(kept, json, factory, limits);
        } catch (IOException x) {
            problem(index, start, what + "; the input broke while looking for the next record", null);
            throw fail(x);
        }
        if (found == null) {
            problem(
                    index,
                    start,
                    what + "; no record follows it: bytes " + start + " to the end were passed over",
                    null);
            finished = true;
            return;
        }
        long next = at(errorAt) + found.at;
        problem(
                index,
                start,
                what + "; bytes " + start + " to " + (next - 1) + " were passed over, reading on at the"
                        + " next record, at byte " + next,
                null);
        byte[] pending = new byte[RECORDS_PREFIX.length + found.from.length];
        System.arraycopy(RECORDS_PREFIX, 0, pending, 0, RECORDS_PREFIX.length);
        System.arraycopy(found.from, 0, pending, RECORDS_PREFIX.length, found.from.length);
        base = next - RECORDS_PREFIX.length;
        resynced = new ResyncInput(pending, json, limits.maxTotalBytes());
        LimitedInput counted = new LimitedInput(resynced);
        retaining = new RetainingInput(counted, LimitedParser.retainedBytes(limits));
        try {
            limited = new LimitedParser(factory.createParser(retaining), counted, fast ? retaining : null, limits);
        } catch (IOException x) {
            throw fail(x);
        }
        limited.keepBadFields(keepBadFields);
        parser = limited; // the old parser is dropped, not closed: closing it would close the input
        recordsArray = null;
    }

    /** What a parser started at a record after damage reads first, so that it reads on as in a Records array. */
    private static final byte[] RECORDS_PREFIX = "{\"Records\":[".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** The members kept as they came in the records delivered so far, in order; at most {@link #MAX_WARNINGS}. */
    public List<RecordProblem> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    /** How many warnings there were, including those over {@link #MAX_WARNINGS} that were not kept. */
    public long warningCount() {
        return warningCount;
    }

    private void warnings(long index, long offset) {
        for (InvalidFieldException e : limited.takeWarnings()) {
            warningCount++;
            if (warnings.size() < MAX_WARNINGS) {
                warnings.add(RecordProblem.builder()
                        .source(source)
                        .recordIndex(index)
                        .byteOffset(offset)
                        .reason(pointerAt(index, e.pointer()) + ": " + e.problem())
                        .build());
            }
        }
    }

    /**
     * {@code pointer} with its record index, counted within one {@code Records} array by the parser, as the reader
     * counts it: across concatenated documents and resynchronisations.
     */
    private static String pointerAt(long index, String pointer) {
        if (pointer.startsWith("/Records/")) {
            int end = pointer.indexOf('/', 9);
            return "/Records/" + index + (end < 0 ? "" : pointer.substring(end));
        }
        return pointer;
    }

    /** How many problems were found so far, the kept ones and those past {@link #MAX_PROBLEMS_KEPT}. */
    public long problemCount() {
        return problemCount;
    }

    /** The first {@link #MAX_PROBLEMS_KEPT} problems found so far (skipped records), in order. */
    public List<RecordProblem> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** How many records were delivered so far. */
    public long recordsRead() {
        return recordsRead;
    }

    /** The {@code Records} index of the record delivered last, or -1 before the first. */
    public long lastIndex() {
        return lastIndex;
    }

    public String source() {
        return source;
    }

    @Override
    public void close() throws IOException {
        finished = true;
        try {
            if (parser != null) {
                parser.close();
            }
        } finally {
            input.close();
        }
    }

    private void open() throws IOException {
        LimitedInput compressed = new LimitedInput(input);
        BufferedInputStream buffered = new BufferedInputStream(compressed, 1 << 16);
        buffered.mark(2);
        int b1 = buffered.read();
        int b2 = buffered.read();
        buffered.reset();
        gzip = b1 == GZIP_MAGIC_1 && b2 == GZIP_MAGIC_2;
        if (gzip) {
            // inflated ahead on another thread when one is given; the ratio counts the compressed bytes behind the
            // inflated bytes handed over
            InflateAhead inflated = InflateAhead.over(new GzipMembers(buffered, 1 << 16), compressed::count, inflater);
            json = new LimitedInput(inflated, inflated::upstreamCount, limits.maxInflateRatio());
        } else {
            json = new LimitedInput(buffered);
        }
        if (!JacksonSupport.DOCUMENT_LENGTH) {
            json.total(limits.maxTotalBytes());
        }
        retaining = new RetainingInput(json, LimitedParser.retainedBytes(limits));
        limited = new LimitedParser(factory.createParser(retaining), json, fast ? retaining : null, limits);
        limited.keepBadFields(keepBadFields);
        parser = limited;
    }

    /** A record over the size limit: skipped and reported, or the end of the read with FAIL_FAST. */
    private void recordTooLarge(long index, long offset, LimitHit hit) throws IOException {
        ReadLimits.Limit limit = hit.limit();
        if (policy == ProblemPolicy.FAIL_FAST) {
            finished = true;
            throw new LimitExceededException(source, index, offset, limit, limits.value(limit), hit.getMessage(), hit);
        }
        skipToEndOfRecord();
        keep(RecordProblem.builder()
                .source(source)
                .recordIndex(index)
                .byteOffset(offset)
                .reason("/Records/" + index + ": " + Limits.reason(limit, limits.value(limit), hit.getMessage()))
                .build());
    }

    private LimitExceededException limitExceeded(ReadLimits.Limit limit, long offset, String what, Throwable cause) {
        long index = parser != null && recordsArray != null && parser.getParsingContext() != recordsArray
                ? nextIndex - 1
                : -1;
        return new LimitExceededException(source, index, offset, limit, limits.value(limit), what, cause);
    }

    /**
     * Moves into the next {@code Records} array. Returns false at the clean end of the input. Members other than
     * {@code Records} are passed over.
     */
    private boolean enterRecords() throws IOException {
        JsonToken t = parser.nextToken();
        if (t == null) {
            if (containers == 0) {
                throw new NotCloudTrailLogException(source, 0, "the input is empty", null);
            }
            return false;
        }
        if (t != JsonToken.START_OBJECT) {
            long at = at(parser.currentTokenLocation().getByteOffset());
            if (containers == 0) {
                throw new NotCloudTrailLogException(
                        source, at, "expected a JSON object with a Records array, found " + Fields.describe(t), null);
            }
            throw damaged(null, "unexpected " + Fields.describe(t) + " after the end of the log", at);
        }
        List<String> seen = new ArrayList<>();
        String name;
        while ((name = parser.nextFieldName()) != null) {
            t = parser.nextToken();
            if (name.equals("Records")) {
                if (t != JsonToken.START_ARRAY) {
                    throw new NotCloudTrailLogException(
                            source,
                            parser.currentTokenLocation().getByteOffset(),
                            "Records must be an array, found " + Fields.describe(t),
                            null);
                }
                recordsArray = parser.getParsingContext();
                containers++;
                return true;
            }
            if (seen.size() < 8) {
                seen.add(name);
            }
            parser.skipChildren();
        }
        String hint = seen.contains("digestStartTime") || seen.contains("logFiles")
                ? " (this is a CloudTrail digest file)"
                : seen.isEmpty() ? "" : " (members: " + String.join(", ", seen) + ")";
        throw new NotCloudTrailLogException(
                source, parser.currentTokenLocation().getByteOffset(), "no Records array" + hint, null);
    }

    /** After the Records array: pass over any other members up to the end of the enclosing object. */
    private void finishContainer() throws IOException {
        while (parser.nextFieldName() != null) {
            parser.nextToken();
            parser.skipChildren();
        }
    }

    /** After an invalid field: move the parser to the end of the current record. */
    private void skipToEndOfRecord() throws IOException {
        while (parser.getParsingContext() != recordsArray) {
            JsonToken t = parser.currentToken();
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                parser.skipChildren();
            }
            if (parser.getParsingContext() == recordsArray) {
                break;
            }
            if (parser.nextToken() == null) {
                throw damaged(
                        null,
                        "the input ended inside a record",
                        at(parser.currentLocation().getByteOffset()));
            }
        }
    }

    private void problem(long index, long offset, String reason, Throwable cause) {
        RecordProblem p = RecordProblem.builder()
                .source(source)
                .recordIndex(index)
                .byteOffset(offset)
                .reason(reason)
                .build();
        if (policy == ProblemPolicy.FAIL_FAST) {
            finished = true;
            throw new InvalidRecordException(p, cause);
        }
        keep(p);
    }

    /** Keeps a problem while fewer than {@link #MAX_PROBLEMS_KEPT} are kept, and counts it in any case. */
    private void keep(RecordProblem p) {
        problemCount++;
        if (problems.size() < MAX_PROBLEMS_KEPT) {
            problems.add(p);
        }
    }

    private CloudTrailParseException damaged(Throwable cause, String reason, long offset) {
        if (parser == null || containers == 0) {
            return new NotCloudTrailLogException(source, offset, reason, cause);
        }
        long index = recordsArray != null && parser.getParsingContext() != recordsArray ? nextIndex - 1 : -1;
        return new CloudTrailParseException(source, index, offset, reason, cause);
    }
}
