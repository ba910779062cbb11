package io.github.trailkit.model.internal;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Jackson's UTF-8 parser, with a shorter way to the text of a string value that is plain ASCII (no escape, no control
 * character, no byte past 0x7F) and lies whole in the parser's buffer: most of a CloudTrail record's strings. It finds
 * the closing quote eight bytes at a time and makes the {@code String} straight from the bytes; Jackson's own way
 * decodes byte by byte into a {@code char[]} and compresses that into a second copy. Any other string goes Jackson's
 * way, so the text, the errors and the limits are Jackson's either way: the string length limit is checked by the
 * same call, and afterwards the parser is in the state Jackson leaves it in (token complete, text in its buffer, read
 * position past the quote).
 *
 * <p>It reads the member names of CloudTrail's record types ({@link KnownNames}) in compact JSON without Jackson's
 * byte-by-byte decoding and symbol table ({@link #nextFieldName()}), leaving the parser as Jackson would.
 *
 * <p>It also passes over a whole object or array at once ({@link #skipPlainValue}) when its text is plain: compact or
 * spaced JSON of well-formed UTF-8 strings with valid escapes, member names in ASCII without escapes, none given twice
 * in an object, and numbers and nesting well within the limits, all in the buffer. That is most of the payloads of a
 * CloudTrail record, which the reader keeps as text and checks token by token otherwise. Anything else is left to
 * Jackson's tokens, so every error is still Jackson's, found where Jackson finds it.
 */
public final class AsciiStringParser extends UTF8StreamJsonParser {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long QUOTES = '"' * ONES;
    private static final long BACKSLASHES = '\\' * ONES;
    private static final long SPACES = ' ' * ONES;

    /** Deepest nesting, inside the value passed over, that {@link #skipPlainValue} follows (one bit a level). */
    static final int MAX_SKIP_DEPTH = Long.SIZE;
    /** Most members of one object whose names {@link #skipPlainValue} compares (each with all before it). */
    static final int MAX_SKIP_MEMBERS = 64;
    /** Longest member name, in bytes, {@link #skipPlainValue} passes over (Jackson's limit is far above). */
    static final int MAX_SKIP_NAME = 256;
    /** Longest number, in bytes, {@link #skipPlainValue} passes over, when {@code maxNumberLength} is not lower. */
    static final int MAX_SKIP_NUMBER = 64;

    /**
     * The member names of the objects open while {@link #skipPlainValue} runs, each a hash (high half) and the offset
     * of its first byte; an object's names follow an entry holding where its parent's start. Made on first use.
     */
    private long[] skipNames;
    /** Lines ended in the value last passed over, and where the last one began (as {@code _currInputRowStart}). */
    private int skipRows;

    private int skipRowStart;

    AsciiStringParser(
            IOContext ctxt,
            int features,
            InputStream in,
            ObjectCodec codec,
            ByteQuadsCanonicalizer names,
            byte[] buffer,
            int start,
            int end,
            int bytesPreProcessed,
            boolean bufferRecyclable) {
        super(ctxt, features, in, codec, names, buffer, start, end, bytesPreProcessed, bufferRecyclable);
    }

    @Override
    public String getText() throws IOException {
        if (_tokenIncomplete && _currToken == JsonToken.VALUE_STRING) {
            String text = asciiString();
            if (text != null) {
                return text;
            }
        }
        return super.getText();
    }

    /**
     * The next member name as Jackson's reads it, taking a shorter way when the text from the read position is
     * compact and plain: the comma before the name if one is due, a name of {@link KnownNames} (found whole by its
     * bytes, the closing quote eight bytes at a time), the colon, and the first byte of a string, object or array
     * value, all in the buffer. Then the parser is left as Jackson's {@code nextFieldName()} leaves it: the name as
     * current name and token, with its location; the value's token next, its location read; a string's text still
     * to be read. Anything else goes Jackson's way.
     */
    @Override
    public String nextFieldName() throws IOException {
        if (_currToken != JsonToken.FIELD_NAME && !_tokenIncomplete && _parsingContext.inObject()) {
            String name = knownFieldName();
            if (name != null) {
                return name;
            }
        }
        return super.nextFieldName();
    }

    /** The member name at the read position the shorter way (see {@link #nextFieldName()}); or null, not moved. */
    private String knownFieldName() throws IOException {
        byte[] buf = _inputBuffer;
        int i = _inputPtr;
        int end = _inputEnd;
        if (_parsingContext.getEntryCount() > 0) { // (Jackson's expectComma() says the same, and counts the entry)
            if (i >= end || buf[i] != ',') {
                return null;
            }
            i++;
        }
        if (i >= end || buf[i] != '"') {
            return null;
        }
        int start = i + 1;
        int quote = nextStop(buf, start, end);
        if (quote + 2 >= end || buf[quote] != '"' || buf[quote + 1] != ':') {
            return null;
        }
        int first = buf[quote + 2];
        JsonToken value = first == '"'
                ? JsonToken.VALUE_STRING
                : first == '{' ? JsonToken.START_OBJECT : first == '[' ? JsonToken.START_ARRAY : null;
        if (value == null) {
            return null;
        }
        String name = KnownNames.find(buf, start, quote - start);
        if (name == null) {
            return null;
        }
        _numTypesValid = NR_UNKNOWN;
        _binaryValue = null;
        _parsingContext.expectComma();
        _nameStartRow = _currInputRow;
        _nameStartOffset = start;
        _nameStartCol = start - _currInputRowStart;
        _inputPtr = quote + 1;
        _parsingContext.setCurrentName(name); // (finds a repeated name here, as Jackson does, when asked to)
        _updateToken(JsonToken.FIELD_NAME);
        _inputPtr = quote + 3; // past the value's first byte
        tokenRead();
        _tokenIncomplete = value == JsonToken.VALUE_STRING;
        _nextToken = value;
        return name;
    }

    /**
     * Records the location of a token whose first byte was just read, as Jackson's own (private) {@code
     * _updateLocation()} does: the read position, one past that byte, and its line and column.
     */
    private void tokenRead() {
        _tokenInputRow = _currInputRow;
        _tokenInputTotal = _currInputProcessed + _inputPtr;
        _tokenInputCol = _inputPtr - _currInputRowStart;
    }

    /** The string value that starts at the read position, if it is plain ASCII and ends in the buffer; else null. */
    private String asciiString() throws IOException {
        int stop = nextStop(_inputBuffer, _inputPtr, _inputEnd);
        return stop < _inputEnd ? finish(_inputBuffer, _inputPtr, stop) : null;
    }

    /**
     * The offset of the first byte from {@code i} on that ends a plain ASCII string (a quote, a backslash, a control
     * character or a byte past 0x7F), eight bytes at a time; {@code end} if there is none before it.
     */
    static int nextStop(byte[] buf, int i, int end) {
        for (; i <= end - Long.BYTES; i += Long.BYTES) {
            long stops = stops((long) LONGS.get(buf, i));
            if (stops != 0) {
                return i + (Long.numberOfTrailingZeros(stops) >>> 3);
            }
        }
        for (; i < end; i++) {
            int b = buf[i];
            if (b == '"' || b == '\\' || b < ' ') { // (negative: a byte past 0x7F)
                return i;
            }
        }
        return end;
    }

    /** The string from {@code start} to the byte at {@code stop}, if that byte is its closing quote; else null. */
    private String finish(byte[] buf, int start, int stop) throws IOException {
        if (buf[stop] != '"') {
            return null;
        }
        String text = new String(buf, start, stop - start, StandardCharsets.ISO_8859_1);
        _inputPtr = stop + 1;
        _tokenIncomplete = false;
        _textBuffer.resetWithString(text); // (checks the string length limit, as Jackson's own way does)
        return text;
    }

    /**
     * Passes over the object or array whose start is the current token, as reading its tokens up to the matching end
     * would, if its text is plain (see the class comment), lies in the buffer and ends at or before {@code maxEnd} (an
     * offset in the input); then the current token is that end, with Jackson's context, location and line count, and
     * it returns true. Otherwise it returns false, and the parser has not moved.
     */
    public boolean skipPlainValue(long maxEnd) throws IOException {
        JsonToken t = _currToken;
        if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY || _nextToken != null || _trackMaxTokenCount) {
            return false;
        }
        int limit = (int) Math.max(0, Math.min(_inputEnd, maxEnd - _currInputProcessed));
        int maxDepth = Math.min(
                MAX_SKIP_DEPTH, _streamReadConstraints.getMaxNestingDepth() - _parsingContext.getNestingDepth() + 1);
        int maxNumber = Math.min(MAX_SKIP_NUMBER, _streamReadConstraints.getMaxNumberLength());
        int end = skip(_inputBuffer, _inputPtr, limit, t == JsonToken.START_OBJECT, maxDepth, maxNumber);
        if (end < 0) {
            return false;
        }
        // where Jackson's nextToken() leaves the parser at the end of the value
        if (skipRows > 0) {
            _currInputRow += skipRows;
            _currInputRowStart = skipRowStart;
        }
        _inputPtr = end;
        _numTypesValid = NR_UNKNOWN;
        _binaryValue = null;
        _parsingContext = _parsingContext.clearAndGetParent();
        tokenRead();
        _updateToken(t == JsonToken.START_OBJECT ? JsonToken.END_OBJECT : JsonToken.END_ARRAY);
        return true;
    }

    /**
     * The offset just past the end of the plain value whose content starts at {@code i} in {@code buf} (an object's
     * if {@code object}, else an array's), reading no byte at or past {@code limit}; or -1 when the value is not plain
     * or not whole before {@code limit}.
     */
    private int skip(byte[] buf, int i, int limit, boolean object, int maxDepth, int maxNumber) {
        long[] names = skipNames;
        if (names == null) {
            names = skipNames = new long[32];
        }
        skipRows = 0;
        int count = 0; // entries in names
        int base = 0; // where the innermost open object's names start
        long objects = object ? 1 : 0; // bit d - 1 set: the value open at depth d is an object
        int depth = 1;
        boolean first = true; // at the start of a container: its end may come
        while (true) {
            i = skipSpace(buf, i, limit);
            if (i < 0) {
                return -1;
            }
            boolean inObject = (objects >>> (depth - 1) & 1) != 0;
            int c = buf[i];
            if (!first || c != (inObject ? '}' : ']')) {
                if (inObject) {
                    if (c != '"') {
                        return -1;
                    }
                    int start = ++i;
                    int h = 0;
                    for (; ; i++) {
                        if (i >= limit) {
                            return -1;
                        }
                        c = buf[i];
                        if (c == '"') {
                            break;
                        }
                        if (c == '\\' || c < ' ') { // (negative: a byte past 0x7F)
                            return -1;
                        }
                        h = 31 * h + c;
                    }
                    int length = i - start;
                    i++;
                    if (length > MAX_SKIP_NAME || count - base >= MAX_SKIP_MEMBERS) {
                        return -1;
                    }
                    for (int j = base; j < count; j++) {
                        long n = names[j];
                        if ((int) (n >>> 32) == h && sameName(buf, (int) n, start, length)) {
                            return -1; // given twice: Jackson's tokens find it and say so
                        }
                    }
                    if (count == names.length) {
                        names = skipNames = Arrays.copyOf(names, count * 2);
                    }
                    names[count++] = (long) h << 32 | start;
                    i = skipSpace(buf, i, limit);
                    if (i < 0 || buf[i] != ':') {
                        return -1;
                    }
                    i = skipSpace(buf, i + 1, limit);
                    if (i < 0) {
                        return -1;
                    }
                    c = buf[i];
                }
                if (c == '{' || c == '[') {
                    if (++depth > maxDepth) {
                        return -1;
                    }
                    long bit = 1L << (depth - 1);
                    if (c == '{') {
                        objects |= bit;
                        if (count == names.length) {
                            names = skipNames = Arrays.copyOf(names, count * 2);
                        }
                        names[count++] = base;
                        base = count;
                    } else {
                        objects &= ~bit;
                    }
                    first = true;
                    i++;
                    continue;
                }
                i = skipScalar(buf, i, c, limit, maxNumber);
                if (i < 0) {
                    return -1;
                }
            }
            // after a value (or at the end of an empty container): a comma, or the end of one or more containers
            while (true) {
                i = skipSpace(buf, i, limit);
                if (i < 0) {
                    return -1;
                }
                c = buf[i++];
                inObject = (objects >>> (depth - 1) & 1) != 0;
                if (c == ',') {
                    first = false;
                    break;
                }
                if (c != (inObject ? '}' : ']')) {
                    return -1;
                }
                if (inObject && depth > 1) {
                    count = base - 1;
                    base = (int) names[count];
                }
                if (--depth == 0) {
                    return i;
                }
            }
        }
    }

    /** Whether the name at {@code other} (ending at its closing quote) is the {@code length} bytes at {@code start}. */
    private static boolean sameName(byte[] buf, int other, int start, int length) {
        return buf[other + length] == '"' && Arrays.equals(buf, other, other + length, buf, start, start + length);
    }

    /** The offset of the first byte at or after {@code i} that is not white space, or -1 if none before limit. */
    private int skipSpace(byte[] buf, int i, int limit) {
        for (; i < limit; i++) {
            int c = buf[i];
            if (c == '\n') {
                skipRows++;
                skipRowStart = i + 1;
            } else if (c != ' ' && c != '\t') {
                return i; // (a carriage return too: Jackson's tokens count its lines)
            }
        }
        return -1;
    }

    /**
     * The offset just past the string, number, true, false or null that starts with {@code c} at {@code i}, if it is
     * plain and there is a byte after it before {@code limit}; else -1.
     */
    private static int skipScalar(byte[] buf, int i, int c, int limit, int maxNumber) {
        switch (c) {
            case '"':
                return skipString(buf, i + 1, limit);
            case 't':
                return word(buf, i, limit, 't', 'r', 'u', 'e');
            case 'n':
                return word(buf, i, limit, 'n', 'u', 'l', 'l');
            case 'f':
                return word(buf, i + 1, limit, 'a', 'l', 's', 'e');
            default:
                return skipNumber(buf, i, limit, maxNumber);
        }
    }

    private static int word(byte[] buf, int i, int limit, char a, char b, char c, char d) {
        return i + 4 < limit && buf[i] == a && buf[i + 1] == b && buf[i + 2] == c && buf[i + 3] == d ? i + 4 : -1;
    }

    /**
     * As {@link #skipScalar}, for the content of a string from {@code i}: well-formed UTF-8 without control characters,
     * with escapes Jackson accepts.
     */
    private static int skipString(byte[] buf, int i, int limit) {
        while (true) {
            i = nextStop(buf, i, limit);
            if (i >= limit) {
                return -1;
            }
            int b = buf[i];
            if (b == '"') {
                return i + 1 < limit ? i + 1 : -1;
            }
            if (b < 0) {
                int n = utf8Sequence(buf, i, limit);
                if (n < 0) {
                    return -1;
                }
                i += n;
                continue;
            }
            if (b != '\\' || i + 1 >= limit) {
                return -1; // a control character
            }
            switch (buf[i + 1]) {
                case '"':
                case '\\':
                case '/':
                case 'b':
                case 'f':
                case 'n':
                case 'r':
                case 't':
                    i += 2;
                    break;
                case 'u':
                    if (i + 6 > limit || !hex(buf[i + 2]) || !hex(buf[i + 3]) || !hex(buf[i + 4]) || !hex(buf[i + 5])) {
                        return -1;
                    }
                    i += 6;
                    break;
                default:
                    return -1;
            }
        }
    }

    /**
     * The length of the UTF-8 sequence of two to four bytes at {@code i}, if it is well formed by RFC 3629 (no overlong
     * form, no surrogate, nothing past U+10FFFF) and ends before {@code limit}; else -1.
     */
    static int utf8Sequence(byte[] buf, int i, int limit) {
        int b = buf[i] & 0xFF;
        int n;
        int low = 0x80;
        int high = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) {
            n = 2;
        } else if (b >= 0xE0 && b <= 0xEF) {
            n = 3;
            low = b == 0xE0 ? 0xA0 : low; // (shorter forms are overlong)
            high = b == 0xED ? 0x9F : high; // (past it, surrogates)
        } else if (b >= 0xF0 && b <= 0xF4) {
            n = 4;
            low = b == 0xF0 ? 0x90 : low;
            high = b == 0xF4 ? 0x8F : high; // (past it, beyond U+10FFFF)
        } else {
            return -1;
        }
        if (i + n > limit) {
            return -1;
        }
        int second = buf[i + 1] & 0xFF;
        if (second < low || second > high) {
            return -1;
        }
        for (int k = 2; k < n; k++) {
            if ((buf[i + k] & 0xC0) != 0x80) {
                return -1;
            }
        }
        return n;
    }

    private static boolean hex(byte b) {
        return b >= '0' && b <= '9' || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F';
    }

    /** As {@link #skipScalar}, for a number as JSON writes it, shorter than {@code maxLength} bytes. */
    private static int skipNumber(byte[] buf, int i, int limit, int maxLength) {
        int start = i;
        if (i < limit && buf[i] == '-') {
            i++;
        }
        if (i >= limit) {
            return -1;
        }
        if (buf[i] == '0') {
            i++;
        } else if (buf[i] >= '1' && buf[i] <= '9') {
            i = digits(buf, i + 1, limit);
        } else {
            return -1;
        }
        if (i < limit && buf[i] == '.') {
            int from = i + 1;
            i = digits(buf, from, limit);
            if (i == from) {
                return -1;
            }
        }
        if (i < limit && (buf[i] == 'e' || buf[i] == 'E')) {
            int from = i + 1;
            if (from < limit && (buf[from] == '+' || buf[from] == '-')) {
                from++;
            }
            i = digits(buf, from, limit);
            if (i == from) {
                return -1;
            }
        }
        // (a digit after a leading zero is no number either: the byte after a value must end it, see skip)
        return i >= limit || i - start >= maxLength ? -1 : i;
    }

    private static int digits(byte[] buf, int i, int limit) {
        while (i < limit && buf[i] >= '0' && buf[i] <= '9') {
            i++;
        }
        return i;
    }

    /**
     * A mask with the high bit set in each of the eight bytes of {@code w} (little-endian) that ends a plain ASCII
     * string: a quote, a backslash, a control character or a byte past 0x7F. Only the lowest set bit is exact (a hit
     * can set bits in the bytes above it), which is the only one read.
     */
    static long stops(long w) {
        long quotes = w ^ QUOTES;
        long backslashes = w ^ BACKSLASHES;
        long zeroQuote = (quotes - ONES) & ~quotes;
        long zeroBackslash = (backslashes - ONES) & ~backslashes;
        long belowSpaceOrHigh = (w - SPACES) | w;
        return (zeroQuote | zeroBackslash | belowSpaceOrHigh) & HIGH_BITS;
    }
}
