package io.github.trailkit.model.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Parsers of {@link AsciiStringJsonFactory} read what Jackson's own read, token for token, text for text and offset for
 * offset, whatever the strings hold and wherever they fall against the parser's buffer.
 */
class AsciiStringParserTest {
    private static final StreamReadConstraints CONSTRAINTS =
            StreamReadConstraints.builder().build();
    private static final JsonFactory OURS = Json.readFactory(CONSTRAINTS);
    private static final JsonFactory JACKSONS = JsonFactory.builder()
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .streamReadConstraints(CONSTRAINTS)
            .build();

    /** The first byte of the eight in {@code w} (little-endian) that ends a plain ASCII string, or 8. */
    private static int firstStop(long w) {
        for (int i = 0; i < 8; i++) {
            int b = (int) (w >>> (8 * i)) & 0xFF;
            if (b == '"' || b == '\\' || b < 0x20 || b > 0x7F) {
                return i;
            }
        }
        return 8;
    }

    @Test
    void theMaskFindsTheFirstByteThatEndsAPlainAsciiString() {
        Random random = new Random(7);
        byte[] interesting = {
            '"',
            '\\',
            0,
            0x1F,
            ' ',
            '!',
            0x21,
            0x23,
            0x5B,
            0x5D,
            0x7E,
            0x7F,
            (byte) 0x80,
            (byte) 0xC3,
            (byte) 0xFF,
            'a',
            'Z',
            '0',
            0x01,
            0x02
        };
        for (int n = 0; n < 200_000; n++) {
            long w = 0;
            for (int i = 0; i < 8; i++) {
                int b = random.nextInt(4) == 0 ? interesting[random.nextInt(interesting.length)] : random.nextInt(256);
                w |= (long) (b & 0xFF) << (8 * i);
            }
            long stops = AsciiStringParser.stops(w);
            int expected = firstStop(w);
            int actual = stops == 0 ? 8 : Long.numberOfTrailingZeros(stops) >>> 3;
            assertThat(actual).as("first stop in %016x", w).isEqualTo(expected);
        }
    }

    /** A document of many strings of every kind: plain, escaped, non-ASCII, long, empty. */
    private static String document(Random random, int strings) {
        String[] pieces = {
            "abc",
            "AssumeRole",
            "arn:aws:iam::123456789012:role/x",
            "",
            " ",
            "\\\"",
            "\\\\",
            "\\n",
            "\\u00e9",
            "é",
            "日本",
            "😀",
            "~",
            "\u007f",
            "12345678",
            "a/b+c=d"
        };
        StringBuilder b = new StringBuilder("{\"Records\":[");
        for (int i = 0; i < strings; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"n").append(i % 37).append("\":\"");
            int parts = random.nextInt(6) == 0 ? 40 + random.nextInt(300) : random.nextInt(6);
            for (int p = 0; p < parts; p++) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            b.append("\",\"x\":[").append(i).append(",true,null,\"z\"]}");
        }
        return b.append("]}").toString();
    }

    /** Every token of {@code p}: its kind, text (asked twice, then as characters) and where the parser stands. */
    private static List<String> tokens(JsonParser p) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
            String text = p.getText();
            String again = p.getText();
            String chars = new String(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            out.add(t + " " + text + " " + again.equals(text) + " " + chars.equals(text) + " @"
                    + p.currentLocation().getByteOffset() + " from "
                    + p.currentTokenLocation().getByteOffset());
        }
        return out;
    }

    /** Delivers at most {@code chunk} bytes a read, so that strings fall across the parser's buffer ends. */
    static InputStream chunked(byte[] bytes, int chunk) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    @Test
    void readsEveryStringAsJacksonDoesFromStreamsAndArrays() throws IOException {
        Random random = new Random(11);
        for (int round = 0; round < 20; round++) {
            byte[] json = document(random, 50 + random.nextInt(400)).getBytes(StandardCharsets.UTF_8);
            int chunk = 1 + random.nextInt(9000);
            List<String> expected;
            try (JsonParser p = JACKSONS.createParser(json)) {
                expected = tokens(p);
            }
            try (JsonParser p = OURS.createParser(json)) {
                assertThat(p).isInstanceOf(AsciiStringParser.class);
                assertThat(tokens(p)).as("round %d from an array", round).isEqualTo(expected);
            }
            try (JsonParser p = OURS.createParser(chunked(json, chunk))) {
                assertThat(p).isInstanceOf(AsciiStringParser.class);
                assertThat(tokens(p))
                        .as("round %d in chunks of %d", round, chunk)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void aStringsLengthLimitHoldsAsInJackson() throws IOException {
        StreamReadConstraints small =
                StreamReadConstraints.builder().maxStringLength(10).build();
        JsonFactory ours = Json.readFactory(small);
        byte[] json = "{\"a\":\"0123456789\",\"b\":\"0123456789x\"}".getBytes(StandardCharsets.UTF_8);
        try (JsonParser p = ours.createParser(json)) {
            p.nextToken();
            p.nextToken();
            p.nextToken();
            assertThat(p.getText()).isEqualTo("0123456789");
            p.nextToken();
            p.nextToken();
            Throwable e = catchThrowable(p::getText);
            assertThat(e).isInstanceOf(StreamConstraintsException.class).hasMessageContaining("getMaxStringLength");
        }
    }

    private static byte[] encode(String text, Charset charset, byte... bom) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bom);
        out.writeBytes(text.getBytes(charset));
        return out.toByteArray();
    }

    private static byte[] utf32le(String text) {
        ByteBuffer b = ByteBuffer.allocate(text.length() * 4).order(ByteOrder.LITTLE_ENDIAN);
        text.chars().forEach(b::putInt);
        return b.array();
    }

    @Test
    void picksTheEncodingAsJacksonDoes() throws IOException {
        String text = "{\"k\":\"value é\",\"n\":[1,2]}";
        byte[][] inputs = {
            encode(text, StandardCharsets.UTF_8),
            encode(text, StandardCharsets.UTF_8, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF),
            encode(text, StandardCharsets.UTF_16BE),
            encode(text, StandardCharsets.UTF_16LE),
            encode(text, StandardCharsets.UTF_16BE, (byte) 0xFE, (byte) 0xFF),
            encode(text, StandardCharsets.UTF_16LE, (byte) 0xFF, (byte) 0xFE),
            utf32le(text),
            "7".getBytes(StandardCharsets.UTF_8),
            new byte[0],
        };
        for (byte[] input : inputs) {
            List<String> expected;
            try (JsonParser p = JACKSONS.createParser(input)) {
                expected = tokens(p);
            }
            try (JsonParser p = OURS.createParser(input)) {
                assertThat(tokens(p)).isEqualTo(expected);
            }
            try (JsonParser p = OURS.createParser(chunked(input, 1))) {
                assertThat(tokens(p)).isEqualTo(expected);
            }
            boolean utf8 = input.length < 2
                    || input[0] != 0 && input[1] != 0 && input[0] != (byte) 0xFE && input[0] != (byte) 0xFF;
            try (JsonParser p = OURS.createParser(input)) {
                assertThat(p instanceof AsciiStringParser).isEqualTo(utf8);
                assertThat(p instanceof UTF8StreamJsonParser || !utf8).isTrue();
            }
        }
        assertThat(tokensOf(encode(text, StandardCharsets.UTF_16LE)))
                .anyMatch(t -> t.startsWith("VALUE_STRING value é "));
    }

    private static List<String> tokensOf(byte[] input) throws IOException {
        try (JsonParser p = OURS.createParser(input)) {
            return tokens(p);
        }
    }

    @Test
    void aStreamIsReadInBuffersThatTheWindowKeptBehindCovers() throws IOException {
        byte[] json = document(new Random(3), 2_000).getBytes(StandardCharsets.UTF_8);
        try (JsonParser p = OURS.createParser(new ByteArrayInputStream(json))) {
            p.nextToken();
            // the first load fills the buffer; the parser has taken one byte of it, the opening brace
            assertThat(p.releaseBuffered(OutputStream.nullOutputStream()))
                    .isEqualTo(AsciiStringJsonFactory.READ_BUFFER - 1);
        }
        // a payload just started is kept behind the read position however far the parser has read ahead
        assertThat(RetainingInput.WINDOW).isGreaterThanOrEqualTo(2 * AsciiStringJsonFactory.READ_BUFFER);
    }
}
