package io.github.trailkit.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import io.github.trailkit.model.internal.AsciiStringParser;
import io.github.trailkit.model.internal.MemberNames;
import io.github.trailkit.model.internal.RetainingInput;
import java.io.IOException;

/**
 * Enforces {@link ReadLimits#maxRecordBytes()} between tokens, so that a record found too large can be skipped with
 * the parser in a consistent state. The check is a field comparison against the bytes handed to the parser so far
 * (which run ahead of the parser by at most one buffer); only near the limit is the exact location asked for.
 */
final class LimitedParser extends JsonParserDelegate {
    private final LimitedInput counted;
    private final long maxRecordBytes;
    private final int maxStringLength;
    /** Reads payload text again as the tree read does (see {@link #replay}). */
    private final ReadLimits limits;
    /** Built on the first replay: most parsers never need one, and a factory is costly to build. */
    private JsonFactory replayFactory;
    /** The input the parser reads, keeping what {@link #skipAndCapture} copies out; null when it cannot. */
    private final RetainingInput retained;
    /** The parser, if it can pass over a plain payload at once ({@link AsciiStringParser#skipPlainValue}); or null. */
    private final AsciiStringParser plain;
    /** Finds duplicate member names in place of Jackson; null when Jackson does (input that is not UTF-8 bytes). */
    private final MemberNames names;
    /** Whether {@link #names} are the thread's tables for parsers of one value, still to be given back on close. */
    private boolean namesBorrowed;
    /** Whether the last token handed out was a member name (then checked already). */
    private boolean afterName;

    private long recordStart = -1;
    /** Whether a typed member that cannot be read is kept as it came, with a warning ({@link BadFields}). */
    private boolean keepBadFields;
    /** The bad members kept since {@link #takeWarnings()}; null when none. */
    private java.util.List<InvalidFieldException> warnings;

    private long cheapThreshold = Long.MAX_VALUE;
    private boolean nameTableOverflowed;

    /**
     * A parser over {@code retained} (which reads {@code counted}); payloads are captured, and duplicate names found
     * here rather than by Jackson, only when {@code parser} reads UTF-8 bytes straight from {@code retained}, so that
     * its byte offsets are offsets into it. With {@code retained} null, payloads are trees and Jackson finds duplicates.
     */
    LimitedParser(JsonParser parser, LimitedInput counted, RetainingInput retained, ReadLimits limits) {
        this(parser, counted, retained, limits, false);
    }

    /**
     * As {@link #LimitedParser(JsonParser, LimitedInput, RetainingInput, ReadLimits)}, for a parser of one short value
     * ({@code oneValue}) that is closed once it is read, whose duplicate-name tables are the thread's reused ones.
     */
    LimitedParser(
            JsonParser parser, LimitedInput counted, RetainingInput retained, ReadLimits limits, boolean oneValue) {
        super(parser);
        this.counted = counted;
        this.maxRecordBytes = limits.maxRecordBytes();
        this.maxStringLength = limits.maxStringLength();
        this.limits = limits;
        boolean bytes = retained != null && parser instanceof UTF8StreamJsonParser;
        this.retained = bytes ? retained : null;
        this.plain = bytes && parser instanceof AsciiStringParser ? (AsciiStringParser) parser : null;
        this.namesBorrowed = bytes && oneValue;
        this.names = bytes ? (oneValue ? MemberNames.forValue() : new MemberNames()) : null;
        if (bytes) {
            parser.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION); // MemberNames does it, see nextToken()
        }
    }

    /**
     * How many bytes from a payload's start {@link RetainingInput} must keep so that {@link #checkStrings} can always
     * decide: a record over its limit is found at the first token boundary past it, and the token before (a string
     * being skipped) may then have run on; {@code 6 * maxStringLength + 6} bytes of a string hold more than {@code
     * maxStringLength} characters however they are written (an escaped character, a backslash, u and 4 hex digits, is 6 bytes), and the
     * parser reads at most a window ahead of its position.
     */
    static long retainedBytes(ReadLimits limits) {
        return limits.maxRecordBytes() + 6L * limits.maxStringLength() + 6 + 2L * RetainingInput.WINDOW;
    }

    /** Keeps a typed member that cannot be read as it came, with a warning, rather than fail the record. */
    void keepBadFields(boolean keep) {
        keepBadFields = keep;
    }

    boolean keepsBadFields() {
        return keepBadFields;
    }

    void warn(InvalidFieldException e) {
        if (warnings == null) {
            warnings = new java.util.ArrayList<>(2);
        }
        warnings.add(e);
    }

    /** Whether members were kept with a warning since the last {@link #takeWarnings()}. */
    boolean warned() {
        return warnings != null;
    }

    /** The bad members kept since the last call, in order; the list is then empty again. */
    java.util.List<InvalidFieldException> takeWarnings() {
        java.util.List<InvalidFieldException> w = warnings == null ? java.util.List.of() : warnings;
        warnings = null;
        return w;
    }

    /** Starts checking the size of a record that starts at {@code byteOffset}. */
    void startRecord(long byteOffset) {
        recordStart = byteOffset;
        cheapThreshold = byteOffset + maxRecordBytes;
    }

    /** Stops checking (at the end of the record, or to skip past a record found too large). */
    void endRecord() {
        recordStart = -1;
        cheapThreshold = Long.MAX_VALUE;
    }

    /**
     * Jackson's guard on its name table fired ({@link io.github.trailkit.model.ReadLimits.Limit#NAME_TABLE}): closing
     * then leaves the Jackson parser as it is. Closing it would merge its overflowing name table into the factory's,
     * from which every later parser of the factory starts, and they would all fail on their first new names.
     */
    public void nameTableOverflowed() {
        nameTableOverflowed = true;
    }

    @Override
    public void close() throws IOException {
        try {
            if (!nameTableOverflowed) {
                super.close();
            }
        } finally {
            if (namesBorrowed) {
                namesBorrowed = false; // once: a second close must not give back tables another parser has since
                names.release();
            }
        }
    }

    @Override
    public JsonToken nextToken() throws IOException {
        if (afterName) {
            // the value after a member name: Jackson has read it with the name (all but a string's text), so there
            // is no name to check and no input read since the size check at the name
            afterName = false;
            return delegate.nextToken();
        }
        JsonToken t;
        if (names == null) {
            t = delegate.nextToken();
        } else {
            try {
                t = delegate.nextToken();
            } catch (IOException e) {
                throw duplicateFirst(e);
            }
            afterName = t == JsonToken.FIELD_NAME;
            if (afterName) {
                JsonStreamContext object = delegate.getParsingContext();
                String name = object.getCurrentName();
                if (!names.add(object, name)) {
                    throw duplicate(name);
                }
            }
        }
        if (counted.count() > cheapThreshold) {
            check();
        }
        return t;
    }

    @Override
    public String nextFieldName() throws IOException {
        String name;
        if (names == null) {
            name = delegate.nextFieldName();
        } else {
            try {
                name = delegate.nextFieldName();
            } catch (IOException e) {
                throw duplicateFirst(e);
            }
            afterName = name != null;
            if (afterName && !names.add(delegate.getParsingContext(), name)) {
                throw duplicate(name);
            }
        }
        if (counted.count() > cheapThreshold) {
            check();
        }
        return name;
    }

    /*
     * Every way of moving the parser on goes through nextToken() or nextFieldName() above, so that no name escapes the
     * duplicate check and no token the size check; these are JsonParser's own definitions, which the delegate class
     * would otherwise send straight to the delegate.
     */

    @Override
    public JsonParser skipChildren() throws IOException {
        JsonToken t = delegate.currentToken();
        if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
            return this;
        }
        int open = 1;
        while (true) {
            JsonToken next = nextToken();
            if (next == null) {
                return this;
            }
            if (next.isStructStart()) {
                open++;
            } else if (next.isStructEnd() && --open == 0) {
                return this;
            }
        }
    }

    @Override
    public JsonToken nextValue() throws IOException {
        JsonToken t = nextToken();
        return t == JsonToken.FIELD_NAME ? nextToken() : t;
    }

    @Override
    public boolean nextFieldName(SerializableString str) throws IOException {
        return nextToken() == JsonToken.FIELD_NAME && str.getValue().equals(currentName());
    }

    @Override
    public String nextTextValue() throws IOException {
        return nextToken() == JsonToken.VALUE_STRING ? getText() : null;
    }

    @Override
    public int nextIntValue(int defaultValue) throws IOException {
        return nextToken() == JsonToken.VALUE_NUMBER_INT ? getIntValue() : defaultValue;
    }

    @Override
    public long nextLongValue(long defaultValue) throws IOException {
        return nextToken() == JsonToken.VALUE_NUMBER_INT ? getLongValue() : defaultValue;
    }

    @Override
    public Boolean nextBooleanValue() throws IOException {
        JsonToken t = nextToken();
        return t == JsonToken.VALUE_TRUE ? Boolean.TRUE : t == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
    }

    /**
     * What Jackson would have thrown where the delegate threw {@code e}: Jackson checks a member name as soon as it
     * has read it, before the colon and the value after it, so when the delegate failed after reading a new name
     * (its current token became that name) and the name is a duplicate, the duplicate is the error.
     */
    private IOException duplicateFirst(IOException e) {
        if (!afterName && delegate.currentToken() == JsonToken.FIELD_NAME) {
            JsonStreamContext object = delegate.getParsingContext();
            String name = object.getCurrentName();
            if (name != null && names.contains(object, name)) {
                return duplicate(name);
            }
        }
        return e;
    }

    /**
     * The exception Jackson throws for a duplicate name: its message, and the location just after the name's closing
     * quote, where Jackson's parser stands when it finds it (this parser may have read on to the value).
     */
    private JsonParseException duplicate(String name) {
        JsonLocation at = delegate.currentTokenLocation(); // the name's opening quote
        int length = retained.stringLength(at.getByteOffset());
        if (length < 0) {
            length = utf8Length(name) + 2; // no longer kept: exact unless the name has escapes
        }
        JsonLocation end = new JsonLocation(
                at.contentReference(),
                at.getByteOffset() + length,
                at.getCharOffset(),
                at.getLineNr(),
                at.getColumnNr() + length);
        return new JsonParseException(delegate, "Duplicate field '" + name + "'", end);
    }

    private static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    /**
     * Passes over the object or array that starts at {@code t} (the current token) as {@link #skipChildren()} would,
     * and returns its UTF-8 text; or returns {@code null}, the parser not moved, when its text cannot be kept (the
     * input is not UTF-8 bytes, or its start is no longer kept), for the caller to read it as a tree.
     *
     * <p>A plain payload that ends within the record size limit and is no longer than {@code maxStringLength} is
     * passed over at once, by a check no more lenient than Jackson's tokens ({@link AsciiStringParser#skipPlainValue}).
     * Any other goes token by token, through {@link #nextToken()}, so the record size limit and duplicate names are
     * checked at the same tokens as when the value is read as a tree, and Jackson still checks syntax, UTF-8, nesting
     * depth, number length and total size as it tokenizes. What differs when Jackson passes over a string instead of
     * building it: it does not check the string length, and it words some UTF-8 errors differently and finds them a
     * byte or three earlier. So the kept text is read again the tree's way ({@link #replay}) when that could matter:
     * when a payload is longer than {@code maxStringLength} bytes (it may hold a string over it), also when something
     * else stops the skip (the long string came first), and when the skip stops at invalid UTF-8.
     */
    byte[] skipAndCapture(JsonToken t) throws IOException {
        if (retained == null) {
            return null;
        }
        long start = delegate.currentTokenLocation().getByteOffset();
        if (!retained.retainFrom(start)) {
            return null;
        }
        try {
            // a plain payload that cannot reach the record's size limit, nor hold a string over its own, at once;
            // any other token by token
            if (plain == null || !plain.skipPlainValue(Math.min(cheapThreshold, start + maxStringLength))) {
                skipChildren();
            }
            if (delegate.currentToken() == null) {
                throw new IllegalStateException("the input ended inside a value"); // Jackson reports this first
            }
            long end = delegate.currentLocation().getByteOffset();
            if (end - start > maxStringLength) {
                IOException first = replay(start, end);
                if (first != null) {
                    throw first;
                }
            }
            byte[] json = retained.slice(start, end);
            if (json == null) {
                throw new IllegalStateException("a value within the limits was not kept");
            }
            return json;
        } catch (IOException | RuntimeException e) {
            IOException first = null;
            long at = delegate.currentLocation().getByteOffset();
            boolean badUtf8 = e instanceof JsonParseException jsonParseException
                    && String.valueOf(jsonParseException.getOriginalMessage()).startsWith("Invalid UTF-8");
            if (badUtf8) {
                first = replay(start, at + UTF8_LOOKAHEAD);
            } else if (at - start > maxStringLength && !isDuplicate(e)) {
                first = replay(start, at);
            }
            if (first != null) {
                throw first;
            }
            throw e;
        } finally {
            retained.release();
        }
    }

    /** How far past the byte where a skipped string was found to be invalid UTF-8 decoding it may read: a sequence. */
    private static final int UTF8_LOOKAHEAD = 4;

    private static boolean isDuplicate(Exception e) {
        return e instanceof JsonParseException jsonParseException
                && String.valueOf(jsonParseException.getOriginalMessage()).startsWith("Duplicate field");
    }

    /**
     * Reads the kept text of a skipped payload from {@code start} up to {@code end} again as the tree read does,
     * building its strings, and returns the error that read ends in, at its place in the input, or null for none
     * (running out of kept text is none). Nesting depth and duplicate names are left out: the skip checked them at
     * the same tokens already, relative to the whole record.
     */
    private IOException replay(long start, long end) {
        JsonParser p = null;
        try {
            if (replayFactory == null) {
                replayFactory = Limits.replayFactory(limits);
            }
            p = retained.kept(replayFactory, start, end);
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.VALUE_STRING) {
                    p.getText();
                }
            }
            return null;
        } catch (StreamConstraintsException e) {
            // a string over the limit: Jackson tells no location, and the reader then reports the parser's position
            JsonLocation where = e.getLocation() != null ? e.getLocation() : p.currentLocation();
            return new StreamConstraintsException(e.getOriginalMessage(), at(where, start));
        } catch (JsonParseException e) {
            if (String.valueOf(e.getOriginalMessage()).contains("end-of-input")) {
                return null; // the end of the kept text, not of the input
            }
            return new JsonParseException(delegate, e.getOriginalMessage(), at(e.getLocation(), start));
        } catch (IOException e) {
            return null;
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException e) {
                    // a parser over an array
                }
            }
        }
    }

    /** {@code where}, a location in text read from {@code start} of the input, as a location in the input. */
    private JsonLocation at(JsonLocation where, long start) {
        return new JsonLocation(
                delegate.currentLocation().contentReference(),
                start + where.getByteOffset(),
                -1,
                where.getLineNr(),
                where.getColumnNr());
    }

    private void check() throws LimitHit {
        long at = delegate.currentLocation().getByteOffset();
        if (recordStart >= 0 && at - recordStart > maxRecordBytes) {
            endRecord();
            throw new LimitHit(ReadLimits.Limit.RECORD_BYTES, at, "the record is over " + maxRecordBytes + " bytes");
        }
    }
}
