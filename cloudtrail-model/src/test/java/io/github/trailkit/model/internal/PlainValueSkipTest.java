package io.github.trailkit.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link AsciiStringParser#skipPlainValue} passes over an object or array only where Jackson's own parser, reading
 * every token and every string of it, finds nothing wrong, and leaves the parser where Jackson's would stand at the
 * value's end: the same token, location, line and column, context, and the same tokens after it. It declines, without
 * moving the parser, what it does not check itself (escaped or repeated names, limits, text past the buffer).
 */
class PlainValueSkipTest {
    private static final StreamReadConstraints DEFAULTS =
            StreamReadConstraints.builder().build();
    private static final JsonFactory OURS = Json.readFactory(DEFAULTS);

    /** Jackson's parser, as strict as the reader: duplicate names are errors. */
    private static JsonFactory jacksons(StreamReadConstraints constraints) {
        return JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                .streamReadConstraints(constraints)
                .build();
    }

    private static final String[] NAMES = {"a", "b", "key", "value", "Name With Spaces", "x-y_z.0", ""};
    private static final String[] PIECES = {
        "abc",
        "arn:aws:iam::123456789012:role/x",
        " ",
        "\\\"",
        "\\\\",
        "\\/",
        "\\n",
        "\\t",
        "\\u00e9",
        "\\uD83D\\uDE00",
        "é",
        "日本",
        "😀",
        "12345678",
        "~\u007f"
    };
    private static final String[] NUMBERS = {
        "0",
        "-0",
        "7",
        "-12",
        "3.25",
        "1e5",
        "1E+2",
        "-0.5e-3",
        "100.0",
        "9223372036854775808",
        "-9223372036854775809",
        "123456789012345678901234567890"
    };
    private static final String[] SPACES = {"", "", "", "", " ", "\t", "\n", "  \n\t"};

    /**
     * A random object or array. Plain ones have unique names from {@link #NAMES} and no carriage return; others may
     * repeat a name, escape one, give a non-ASCII one, or use a carriage return.
     */
    private static void value(Random r, StringBuilder b, int depth, boolean plain, boolean container) {
        int kind = container ? 4 + r.nextInt(2) : r.nextInt(depth > 5 ? 4 : 6);
        switch (kind) {
            case 0:
                b.append('"');
                for (int i = r.nextInt(4) == 0 ? 20 : r.nextInt(4); i > 0; i--) {
                    b.append(PIECES[r.nextInt(PIECES.length)]);
                }
                b.append('"');
                return;
            case 1:
                b.append(NUMBERS[r.nextInt(NUMBERS.length)]);
                return;
            case 2:
                b.append(new String[] {"true", "false", "null"}[r.nextInt(3)]);
                return;
            case 3:
            case 4: {
                b.append('{');
                List<String> used = new ArrayList<>();
                for (int i = r.nextInt(6); i > 0; i--) {
                    String name = NAMES[r.nextInt(NAMES.length)];
                    if (plain && used.contains(name)) {
                        continue;
                    }
                    if (!plain && r.nextInt(8) == 0) {
                        name = new String[] {"\\u0061", "k\\n", "naïve", name + "\\\""}[r.nextInt(4)];
                    }
                    b.append(used.isEmpty() ? "" : ",")
                            .append(space(r, plain))
                            .append('"')
                            .append(name)
                            .append('"')
                            .append(space(r, plain))
                            .append(':')
                            .append(space(r, plain));
                    used.add(name);
                    value(r, b, depth + 1, plain, false);
                    b.append(space(r, plain));
                }
                b.append('}');
                return;
            }
            default: {
                b.append('[').append(space(r, plain));
                for (int i = r.nextInt(5); i > 0; i--) {
                    value(r, b, depth + 1, plain, false);
                    b.append(space(r, plain)).append(i > 1 ? "," : "").append(space(r, plain));
                }
                b.append(']');
            }
        }
    }

    private static String space(Random r, boolean plain) {
        return !plain && r.nextInt(40) == 0 ? "\r\n" : SPACES[r.nextInt(SPACES.length)];
    }

    /** A document with the value of member {@code p} at some place in it, lines before, members around. */
    private static byte[] document(Random r, String payload) {
        String before = "\n".repeat(r.nextInt(3)) + "{\"first\":1,\n \"p\": ";
        return (before + payload + " ,\"after\":[true,\"x\"]}").getBytes(StandardCharsets.UTF_8);
    }

    /** A parser of {@code json} moved on to the start of member {@code p}'s value. */
    private static JsonParser atPayload(JsonFactory factory, InputStream json) throws IOException {
        JsonParser p = factory.createParser(json);
        while (p.nextToken() != JsonToken.FIELD_NAME || !p.currentName().equals("p")) {
            // on to the member
        }
        JsonToken t = p.nextToken();
        assertThat(t.isStructStart()).isTrue();
        return p;
    }

    /** Where the parser stands: its token, locations, line and column, and context. */
    private static String state(JsonParser p) {
        JsonStreamContext c = p.getParsingContext();
        return p.currentToken() + " at " + where(p.currentLocation()) + " token " + where(p.currentTokenLocation())
                + " in " + c.typeDesc() + " depth " + c.getNestingDepth() + " entry " + c.getCurrentIndex() + " name "
                + c.getCurrentName();
    }

    private static String where(JsonLocation l) {
        return l.getByteOffset() + "/" + l.getLineNr() + ":" + l.getColumnNr();
    }

    /** The tokens left, each with its text and location, and the error they end in, if any, with its location. */
    private static List<String> rest(JsonParser p) {
        List<String> out = new ArrayList<>();
        try {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                out.add(t + " " + p.getText() + " " + where(p.currentTokenLocation()) + " "
                        + where(p.currentLocation()));
            }
        } catch (JsonProcessingException e) {
            out.add(e.getOriginalMessage() + " at " + where(e.getLocation()));
        } catch (IOException e) {
            out.add(e.toString());
        }
        return out;
    }

    /** Jackson reading the value at the parser to its end, building every string; whether that worked. */
    private static boolean readsWhole(JsonParser p) {
        try {
            int open = 1;
            while (open > 0) {
                JsonToken t = p.nextToken();
                if (t == null) {
                    return false;
                }
                if (t == JsonToken.VALUE_STRING) {
                    p.getText();
                }
                open += t.isStructStart() ? 1 : t.isStructEnd() ? -1 : 0;
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Skips the payload of {@code json} with {@code ours} and compares with Jackson's parser of {@code constraints}
     * reading it; returns whether it was skipped.
     */
    private static boolean compare(
            byte[] json, JsonFactory ours, StreamReadConstraints constraints, long maxEnd, String what)
            throws IOException {
        try (JsonParser skipper = atPayload(ours, new ByteArrayInputStream(json));
                JsonParser jackson = atPayload(jacksons(constraints), new ByteArrayInputStream(json))) {
            String before = state(skipper);
            boolean skipped = ((AsciiStringParser) skipper).skipPlainValue(maxEnd);
            boolean valid = readsWhole(jackson);
            String text = new String(json, StandardCharsets.UTF_8);
            if (!skipped) {
                assertThat(state(skipper)).as("not moved: %s %s", what, text).isEqualTo(before);
                return false;
            }
            assertThat(valid)
                    .as("skipped only what Jackson reads: %s %s", what, text)
                    .isTrue();
            assertThat(state(skipper)).as("state after %s %s", what, text).isEqualTo(state(jackson));
            assertThat(rest(skipper)).as("tokens after %s %s", what, text).isEqualTo(rest(jackson));
            return true;
        }
    }

    private static boolean compare(byte[] json, String what) throws IOException {
        return compare(json, OURS, DEFAULTS, Long.MAX_VALUE, what);
    }

    @Test
    void skipsEveryPlainValueToWhereJacksonEndsIt() throws IOException {
        Random r = new Random(3);
        for (int n = 0; n < 3_000; n++) {
            StringBuilder b = new StringBuilder();
            value(r, b, 1, true, true);
            assertThat(compare(document(r, b.toString()), "plain"))
                    .as("skipped %s", b)
                    .isTrue();
        }
    }

    @Test
    void skipsOnlyWhatJacksonReadsAmongValuesThatAreNotPlain() throws IOException {
        Random r = new Random(5);
        int skipped = 0;
        int declined = 0;
        for (int n = 0; n < 3_000; n++) {
            StringBuilder b = new StringBuilder();
            value(r, b, 1, false, true);
            if (compare(document(r, b.toString()), "not plain")) {
                skipped++;
            } else {
                declined++;
            }
        }
        assertThat(skipped).isGreaterThan(500);
        assertThat(declined).isGreaterThan(100);
    }

    private static final byte[] INTERESTING =
            "\"\\,:{}[]0123456789eE.-+ \n\rtfnulx/".getBytes(StandardCharsets.US_ASCII);

    /** One byte of {@code json}'s payload replaced, dropped or added. */
    private static byte[] mutate(Random r, byte[] json, int from, int to) {
        int at = from + r.nextInt(to - from);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(json, 0, at);
        int how = r.nextInt(3);
        if (how != 1) { // replaced or added
            int b = r.nextInt(4) == 0 ? r.nextInt(256) : INTERESTING[r.nextInt(INTERESTING.length)];
            out.write(b);
        }
        int after = how == 2 ? at : at + 1;
        out.write(json, after, json.length - after);
        return out.toByteArray();
    }

    @Test
    void aValueBrokenAnyWayIsLeftToJacksonWhenJacksonWouldFail() throws IOException {
        Random r = new Random(9);
        int skipped = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            value(r, b, 1, true, true);
            byte[] json = document(r, b.toString());
            int start = new String(json, StandardCharsets.UTF_8).indexOf("\"p\": ") + 5;
            int end = start + b.toString().getBytes(StandardCharsets.UTF_8).length;
            if (compare(mutate(r, json, start + 1, end), "mutated")) {
                skipped++;
            }
        }
        assertThat(skipped).as("mutations that leave valid JSON").isGreaterThan(1_000);
    }

    private static String json(String payload) {
        return "{\"first\":1,\"p\":" + payload + ",\"after\":2}";
    }

    private static boolean skips(String payload) throws IOException {
        return compare(json(payload).getBytes(StandardCharsets.UTF_8), payload);
    }

    @Test
    void declinesWhatItDoesNotCheckItself() throws IOException {
        assertThat(skips("{\"a\":1,\"b\":{\"a\":[{\"a\":1}]},\"c\":{}}")).isTrue(); // the same name in other objects
        assertThat(skips("{\"a\":1,\"b\":2,\"a\":3}")).isFalse(); // Jackson reports the duplicate
        assertThat(skips("[{\"k\":1},{\"k\":2,\"k\":3}]")).isFalse();
        assertThat(skips("{\"ab\":1,\"a\\u0062\":2}")).isFalse(); // an escaped name could repeat one
        assertThat(skips("{\"é\":1}")).isFalse();
        assertThat(skips("[01]")).isFalse();
        assertThat(skips("[-01]")).isFalse();
        assertThat(skips("[0.5,-0,0e1]")).isTrue();
        assertThat(skips("[1.]")).isFalse();
        assertThat(skips("[1e]")).isFalse();
        assertThat(skips("[+1]")).isFalse();
        assertThat(skips("[1,]")).isFalse();
        assertThat(skips("{\"a\":1,}")).isFalse();
        assertThat(skips("[tru]")).isFalse();
        assertThat(skips("[truex]")).isFalse();
        assertThat(skips("[nul]")).isFalse();
        assertThat(skips("[NaN]")).isFalse();
        assertThat(skips("[1/*c*/]")).isFalse();
        assertThat(skips("[\"a\\x\"]")).isFalse();
        assertThat(skips("[\"\\u00g0\"]")).isFalse();
        assertThat(skips("[\"tab\there\"]")).isFalse();
        assertThat(skips("[1,\r\n2]")).isFalse(); // Jackson counts the lines
        assertThat(skips("[1,\n2]")).isTrue();
        assertThat(skips("{\"a\" : [ true , false , null ] }")).isTrue();
        assertThat(skips("[1}")).isFalse();
        assertThat(skips("{\"a\":1]")).isFalse();
    }

    @Test
    void declinesStringsThatAreNotWellFormedUtf8() throws IOException {
        assertThat(compare(bytes("[\"", 0xC3, 0xA9, "\"]"), "é")).isTrue();
        assertThat(compare(bytes("[\"", 0xF0, 0x9F, 0x98, 0x80, "\"]"), "😀")).isTrue();
        assertThat(compare(bytes("[\"", 0xC3, "\"]"), "cut short")).isFalse();
        assertThat(compare(bytes("[\"", 0xC0, 0xA9, "\"]"), "overlong")).isFalse();
        assertThat(compare(bytes("[\"", 0xED, 0xA0, 0x80, "\"]"), "a surrogate"))
                .isFalse();
        assertThat(compare(bytes("[\"", 0xF4, 0x90, 0x80, 0x80, "\"]"), "past U+10FFFF"))
                .isFalse();
        assertThat(compare(bytes("[\"", 0xA9, "\"]"), "a lone continuation")).isFalse();
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("{\"first\":1,\"p\":".getBytes(StandardCharsets.UTF_8));
        for (Object part : parts) {
            if (part instanceof String) {
                out.writeBytes(((String) part).getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) part);
            }
        }
        out.writeBytes("}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void aSequenceIsWellFormedExactlyWhenJavasStrictDecoderTakesIt() {
        Random r = new Random(13);
        for (int n = 0; n < 200_000; n++) {
            byte[] seq = new byte[4];
            seq[0] = (byte) (0x80 + r.nextInt(0x80));
            for (int i = 1; i < 4; i++) {
                seq[i] = (byte) (r.nextInt(3) == 0 ? r.nextInt(256) : 0x80 + r.nextInt(0x40));
            }
            int length = AsciiStringParser.utf8Sequence(seq, 0, seq.length);
            assertThat(length)
                    .as("%02x %02x %02x %02x", seq[0], seq[1], seq[2], seq[3])
                    .isEqualTo(decodedLength(seq));
            if (length > 0) {
                assertThat(AsciiStringParser.utf8Sequence(seq, 0, length - 1))
                        .as("cut by the limit")
                        .isEqualTo(-1);
            }
        }
    }

    /** The length of the one code point Java's strict UTF-8 decoder reads from the start of {@code seq}, or -1. */
    private static int decodedLength(byte[] seq) {
        for (int length = 2; length <= 4; length++) {
            try {
                String s = StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(seq, 0, length))
                        .toString();
                if (s.codePointCount(0, s.length()) == 1) {
                    return length;
                }
            } catch (CharacterCodingException e) {
                // too short, or malformed
            }
        }
        return -1;
    }

    @Test
    void declinesWhatWouldPassALimit() throws IOException {
        StreamReadConstraints depth5 =
                StreamReadConstraints.builder().maxNestingDepth(5).build();
        JsonFactory ours = Json.readFactory(depth5);
        // the root object is at depth 1, the payload at 2: four arrays reach 5, five 6
        assertThat(compare(json("[[[[]]]]").getBytes(StandardCharsets.UTF_8), ours, depth5, Long.MAX_VALUE, "deep"))
                .isTrue();
        assertThat(compare(
                        json("[[[[[]]]]]").getBytes(StandardCharsets.UTF_8), ours, depth5, Long.MAX_VALUE, "too deep"))
                .isFalse();
        String deep = "[".repeat(AsciiStringParser.MAX_SKIP_DEPTH) + "]".repeat(AsciiStringParser.MAX_SKIP_DEPTH);
        assertThat(skips(deep)).isTrue();
        assertThat(skips("[" + deep + "]")).isFalse(); // deeper than it follows; Jackson reads it

        StreamReadConstraints number5 =
                StreamReadConstraints.builder().maxNumberLength(5).build();
        JsonFactory numbers = Json.readFactory(number5);
        assertThat(compare(json("[1234]").getBytes(StandardCharsets.UTF_8), numbers, number5, Long.MAX_VALUE, "4"))
                .isTrue();
        assertThat(compare(json("[123456]").getBytes(StandardCharsets.UTF_8), numbers, number5, Long.MAX_VALUE, "6"))
                .isFalse();
        assertThat(skips("[" + "9".repeat(AsciiStringParser.MAX_SKIP_NUMBER - 1) + "]"))
                .isTrue();
        assertThat(skips("[" + "9".repeat(AsciiStringParser.MAX_SKIP_NUMBER) + "]"))
                .isFalse();

        String name = "n".repeat(AsciiStringParser.MAX_SKIP_NAME);
        assertThat(skips("{\"" + name + "\":1}")).isTrue();
        assertThat(skips("{\"" + name + "n\":1}")).isFalse();
        assertThat(skips(members(AsciiStringParser.MAX_SKIP_MEMBERS))).isTrue();
        assertThat(skips(members(AsciiStringParser.MAX_SKIP_MEMBERS + 1))).isFalse();

        byte[] doc = json("{\"a\":[1,2]}").getBytes(StandardCharsets.UTF_8);
        long end = new String(doc, StandardCharsets.UTF_8).indexOf(",\"after\"");
        assertThat(compare(doc, OURS, DEFAULTS, end, "ending at the limit")).isTrue();
        assertThat(compare(doc, OURS, DEFAULTS, end - 1, "ending past the limit"))
                .isFalse();
    }

    private static String members(int n) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            b.append(i > 0 ? "," : "").append("\"m").append(i).append("\":").append(i);
        }
        return b.append('}').toString();
    }

    @Test
    void declinesAValueNotWholeInTheBufferAndJacksonReadsOnFromThere() throws IOException {
        byte[] doc = json("{\"a\":[1,2,3],\"b\":\"text\"}").getBytes(StandardCharsets.UTF_8);
        List<String> expected;
        try (JsonParser p = atPayload(jacksons(DEFAULTS), new ByteArrayInputStream(doc))) {
            expected = rest(p);
        }
        try (JsonParser p = atPayload(OURS, AsciiStringParserTest.chunked(doc, 20))) {
            assertThat(((AsciiStringParser) p).skipPlainValue(Long.MAX_VALUE)).isFalse();
            assertThat(rest(p)).isEqualTo(expected);
        }
        try (JsonParser p = atPayload(OURS, new ByteArrayInputStream(doc))) {
            assertThat(((AsciiStringParser) p).skipPlainValue(Long.MAX_VALUE)).isTrue();
            assertThat(p.currentToken()).isEqualTo(JsonToken.END_OBJECT);
        }
    }
}
