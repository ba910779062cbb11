package io.github.trailkit.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link KnownNames} finds exactly its names from their bytes, and the reader's parser, which reads those names the
 * shorter way, reads every document as Jackson's parser does when driven as the codec drives it (names by {@code
 * nextFieldName()}, values by {@code nextToken()}): the same names, tokens, texts, locations and errors.
 */
class KnownNamesTest {
    private static final StreamReadConstraints CONSTRAINTS =
            StreamReadConstraints.builder().build();
    private static final JsonFactory OURS = Json.readFactory(CONSTRAINTS);
    private static final JsonFactory JACKSONS = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .streamReadConstraints(CONSTRAINTS)
            .build();

    @Test
    void theTableHoldsEveryNameTheCodecReads() throws IOException {
        String codec =
                Files.readString(Path.of("target/generated-sources/schema/io/github/trailkit/model/RecordCodec.java"));
        Set<String> read = new TreeSet<>();
        Matcher m = Pattern.compile("case \"([A-Za-z0-9_]+)\":").matcher(codec);
        while (m.find()) {
            read.add(m.group(1));
        }
        assertThat(read).hasSizeGreaterThan(50);
        assertThat(new TreeSet<>(Arrays.asList(KnownNames.NAMES))).isEqualTo(read);
    }

    @Test
    void findsEachNameFromItsBytesAndNothingElse() {
        Random r = new Random(17);
        for (String name : KnownNames.NAMES) {
            byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
            for (int at = 0; at < 12; at++) {
                byte[] buf = new byte[at + bytes.length + 16];
                r.nextBytes(buf);
                System.arraycopy(bytes, 0, buf, at, bytes.length);
                assertThat(KnownNames.find(buf, at, bytes.length)).isSameAs(name);
                assertThat(KnownNames.find(buf, at, bytes.length - 1))
                        .as("%s cut", name)
                        .isEqualTo(known(buf, at, bytes.length - 1));
                buf[at + bytes.length] = 's';
                assertThat(KnownNames.find(buf, at, bytes.length + 1))
                        .as("%s lengthened", name)
                        .isEqualTo(known(buf, at, bytes.length + 1));
                for (int i = 0; i < bytes.length; i++) {
                    byte[] changed = buf.clone();
                    changed[at + i] ^= 0x20; // the case of a letter, or another byte
                    assertThat(KnownNames.find(changed, at, bytes.length))
                            .as("%s changed at %d", name, i)
                            .isEqualTo(known(changed, at, bytes.length));
                }
            }
        }
        byte[] other = "eventNameX requestParametersZ Records ".getBytes(StandardCharsets.US_ASCII);
        assertThat(KnownNames.find(other, 0, 10)).isNull();
        assertThat(KnownNames.find(other, 11, 18)).isNull();
        assertThat(KnownNames.find(other, 30, 7)).isNull();
        assertThat(KnownNames.find(other, 30, 0)).isNull();
    }

    /** The name of the table that the {@code length} bytes at {@code at} are, found by looking at each; or null. */
    private static String known(byte[] buf, int at, int length) {
        String text = new String(buf, at, length, StandardCharsets.ISO_8859_1);
        return Arrays.asList(KnownNames.NAMES).contains(text) ? text : null;
    }

    private static final String[] OTHER_NAMES = {
        "Records",
        "x",
        "",
        "bucketName",
        "Name With Space",
        "eventNam",
        "eventNamee",
        "event\\u004eame",
        "ev\\\"ent",
        "naïve",
        "typé"
    };
    private static final String[] VALUES = {
        "\"a\"",
        "\"\"",
        "\"AssumeRole\"",
        "\"with \\\"escapes\\\"\"",
        "\"é\"",
        "1",
        "-2.5e3",
        "true",
        "false",
        "null",
        "{}",
        "[]",
        "[1,\"x\",{\"type\":\"t\"}]"
    };
    private static final String[] SPACES = {"", "", "", "", " ", "\n", "\t "};

    private static void object(Random r, StringBuilder b, int depth) {
        b.append('{');
        for (int i = r.nextInt(7); i > 0; i--) {
            String name = r.nextInt(4) == 0
                    ? OTHER_NAMES[r.nextInt(OTHER_NAMES.length)]
                    : KnownNames.NAMES[r.nextInt(KnownNames.NAMES.length)];
            b.append(space(r))
                    .append('"')
                    .append(name)
                    .append('"')
                    .append(space(r))
                    .append(':')
                    .append(space(r));
            if (depth < 4 && r.nextInt(4) == 0) {
                object(r, b, depth + 1);
            } else {
                b.append(VALUES[r.nextInt(VALUES.length)]);
            }
            b.append(space(r)).append(i > 1 ? "," : "");
        }
        b.append('}');
    }

    private static String space(Random r) {
        return SPACES[r.nextInt(SPACES.length)];
    }

    /** Each step of reading {@code p} as the codec does, with what the parser tells after it; then its error. */
    private static List<String> steps(JsonParser p) {
        List<String> out = new ArrayList<>();
        try {
            JsonToken t = p.nextToken();
            while (t != null) {
                boolean byName = p.getParsingContext().inObject() && t != JsonToken.FIELD_NAME;
                String step;
                if (byName) {
                    String name = p.nextFieldName();
                    t = p.currentToken();
                    step = "name " + name;
                    if (name != null) {
                        step += " chars " + new String(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                    }
                } else {
                    t = p.nextToken();
                    step = "token " + t
                            + (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_FLOAT
                                    ? " " + p.getText()
                                    : "");
                }
                out.add(step + " " + t + " current " + p.currentName() + " at " + where(p.currentTokenLocation())
                        + " then " + where(p.currentLocation()));
            }
        } catch (JsonProcessingException e) {
            out.add("error " + e.getOriginalMessage() + " at " + where(e.getLocation()));
        } catch (IOException e) {
            out.add("error " + e);
        }
        return out;
    }

    private static String where(JsonLocation l) {
        return l.getByteOffset() + "/" + l.getLineNr() + ":" + l.getColumnNr();
    }

    private static void sameAsJackson(byte[] json, String what) throws IOException {
        try (JsonParser jackson = JACKSONS.createParser(json);
                JsonParser ours = OURS.createParser(json)) {
            assertThat(ours).isInstanceOf(AsciiStringParser.class);
            assertThat(steps(ours))
                    .as("%s from an array: %s", what, new String(json, StandardCharsets.UTF_8))
                    .isEqualTo(steps(jackson));
        }
        for (int chunk : new int[] {1, 7, 64}) {
            try (JsonParser jackson = JACKSONS.createParser(AsciiStringParserTest.chunked(json, chunk));
                    JsonParser ours = OURS.createParser(AsciiStringParserTest.chunked(json, chunk))) {
                assertThat(steps(ours))
                        .as("%s in chunks of %d: %s", what, chunk, new String(json, StandardCharsets.UTF_8))
                        .isEqualTo(steps(jackson));
            }
        }
    }

    @Test
    void readsEveryDocumentByNamesAsJacksonDoes() throws IOException {
        Random r = new Random(23);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder b = new StringBuilder();
            object(r, b, 1);
            sameAsJackson(b.toString().getBytes(StandardCharsets.UTF_8), "generated");
        }
    }

    @Test
    void readsBrokenDocumentsByNamesAsJacksonDoes() throws IOException {
        String[] broken = {
            "{\"eventName\":}",
            "{\"eventName\":\"x",
            "{\"eventName\":\"x\",}",
            "{\"eventName\":\"x\" \"type\":1}",
            "{\"eventName\":\"x\",\"eventName\":\"y\"}",
            "{\"type\":{},\"type\":[]}",
            "{\"eventName\"}",
            "{\"eventName\":\"x\"",
            "{\"eventName\":[1,}",
            "{\"eventName\":\"\\q\"}",
            "{\"eventName\":tru}",
            "{\"eventName\"::\"x\"}",
            "{,\"eventName\":\"x\"}",
            "{\"eventName\":\"x\"]",
        };
        for (String json : broken) {
            sameAsJackson(json.getBytes(StandardCharsets.UTF_8), "broken");
        }
    }

    @Test
    void aKnownNameComesBackAsTheConstantWhenReadTheShorterWay() throws IOException {
        byte[] json = "{\"eventName\":\"x\",\"Records\":[],\"userIdentity\" : {}}".getBytes(StandardCharsets.UTF_8);
        try (JsonParser p = OURS.createParser(new ByteArrayInputStream(json))) {
            p.nextToken();
            assertThat(p.nextFieldName()).isSameAs("eventName"); // compact: the shorter way
            p.nextToken();
            assertThat(p.nextFieldName()).isEqualTo("Records").isNotSameAs("Records"); // not known: Jackson's
            p.nextToken();
            p.nextToken();
            assertThat(p.nextFieldName()).isEqualTo("userIdentity").isNotSameAs("userIdentity"); // spaced: Jackson's
        }
    }
}
