package io.github.trailkit.model.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.IOContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;

/**
 * A Jackson factory whose parsers of UTF-8 bytes are {@link AsciiStringParser}s. It picks the encoding as Jackson
 * does (a UTF-8 byte order mark is passed over; a UTF-16 or UTF-32 one, or a zero byte in the first four, is another
 * encoding) and leaves everything but UTF-8 to Jackson, as it does input it would not read with canonical names.
 */
public final class AsciiStringJsonFactory extends JsonFactory {
    private static final long serialVersionUID = 1L;
    /** Bytes a parser reads from a stream at a time (Jackson's own: 8,000). */
    static final int READ_BUFFER = 32_000;

    AsciiStringJsonFactory(JsonFactoryBuilder builder) {
        super(builder);
    }

    @Override
    protected JsonParser _createParser(InputStream in, IOContext ctxt) throws IOException {
        if (!Feature.CANONICALIZE_FIELD_NAMES.enabledIn(_factoryFeatures)) {
            return super._createParser(in, ctxt);
        }
        byte[] buf = ctxt.allocReadIOBuffer(READ_BUFFER);
        int end = 0;
        while (end < 4) {
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                break;
            }
            end += n;
        }
        int start = utf8Start(buf, 0, end);
        if (start < 0) {
            byte[] head = Arrays.copyOf(buf, end);
            ctxt.releaseReadIOBuffer(buf);
            return super._createParser(new SequenceInputStream(new ByteArrayInputStream(head), in), ctxt);
        }
        ctxt.setEncoding(JsonEncoding.UTF8);
        return new AsciiStringParser(
                ctxt,
                _parserFeatures,
                in,
                _objectCodec,
                _byteSymbolCanonicalizer.makeChild(_factoryFeatures),
                buf,
                start,
                end,
                start,
                true);
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
        int start = utf8Start(data, offset, len);
        if (start < 0 || !Feature.CANONICALIZE_FIELD_NAMES.enabledIn(_factoryFeatures)) {
            return super._createParser(data, offset, len, ctxt);
        }
        _streamReadConstraints.validateDocumentLength(len);
        ctxt.setEncoding(JsonEncoding.UTF8);
        return new AsciiStringParser(
                ctxt,
                _parserFeatures,
                null,
                _objectCodec,
                _byteSymbolCanonicalizer.makeChild(_factoryFeatures),
                data,
                offset + start,
                offset + len,
                start,
                false);
    }

    /**
     * Where the JSON starts in UTF-8 bytes: 3 past a byte order mark, else 0; -1 if the bytes are in another encoding
     * (a UTF-16 or UTF-32 byte order mark, or a zero byte among the first four, as in {@code 00 7B} or {@code 7B 00}).
     */
    static int utf8Start(byte[] b, int off, int len) {
        if (len >= 3 && b[off] == (byte) 0xEF && b[off + 1] == (byte) 0xBB && b[off + 2] == (byte) 0xBF) {
            return 3;
        }
        if (len >= 2
                && (b[off] == (byte) 0xFE && b[off + 1] == (byte) 0xFF
                        || b[off] == (byte) 0xFF && b[off + 1] == (byte) 0xFE)) {
            return -1;
        }
        for (int i = off; i < off + Math.min(len, 4); i++) {
            if (b[i] == 0) {
                return -1;
            }
        }
        return 0;
    }
}
