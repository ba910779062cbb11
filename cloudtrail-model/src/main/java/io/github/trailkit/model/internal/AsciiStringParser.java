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

/**
 * Jackson's UTF-8 parser, with a shorter way to the text of a string value that is plain ASCII (no escape, no control
 * character, no byte past 0x7F) and lies whole in the parser's buffer: most of a CloudTrail record's strings. It finds
 * the closing quote eight bytes at a time and makes the {@code String} straight from the bytes; Jackson's own way
 * decodes byte by byte into a {@code char[]} and compresses that into a second copy. Any other string goes Jackson's
 * way, so the text, the errors and the limits are Jackson's either way: the string length limit is checked by the
 * same call, and afterwards the parser is in the state Jackson leaves it in (token complete, text in its buffer, read
 * position past the quote).
 */
final class AsciiStringParser extends UTF8StreamJsonParser {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long QUOTES = '"' * ONES;
    private static final long BACKSLASHES = '\\' * ONES;
    private static final long SPACES = ' ' * ONES;

    AsciiStringParser(IOContext ctxt, int features, InputStream in, ObjectCodec codec, ByteQuadsCanonicalizer names,
            byte[] buffer, int start, int end, int bytesPreProcessed, boolean bufferRecyclable) {
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

    /** The string value that starts at the read position, if it is plain ASCII and ends in the buffer; else null. */
    private String asciiString() throws IOException {
        byte[] buf = _inputBuffer;
        int start = _inputPtr;
        int end = _inputEnd;
        int i = start;
        for (; i <= end - Long.BYTES; i += Long.BYTES) {
            long stops = stops((long) LONGS.get(buf, i));
            if (stops != 0) {
                return finish(buf, start, i + (Long.numberOfTrailingZeros(stops) >>> 3));
            }
        }
        for (; i < end; i++) {
            int b = buf[i];
            if (b == '"' || b == '\\' || b < ' ') { // (negative: a byte past 0x7F)
                return finish(buf, start, i);
            }
        }
        return null;
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
