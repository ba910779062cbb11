package io.github.trailkit.model.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.Version;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What the jackson-core on the class path supports, found once when the reader is first used. trailkit reads with
 * any jackson-core from {@value #MINIMUM_TEXT} on:
 *
 * <ul>
 *   <li>from 2.18 on, with {@link AsciiStringParser}, which extends Jackson's UTF-8 parser and so depends on its
 *       protected members as 2.18 has them;
 *   <li>before 2.18, with Jackson's own UTF-8 parser (same records, same errors; slower on plain strings, names and
 *       payloads);
 *   <li>before 2.16, which has no document length constraint, with the total size limit counted by the reader's own
 *       input instead of by Jackson.
 * </ul>
 *
 * <p>The fast parser is also tried once on a small document: a later Jackson whose internals moved makes that trial
 * fail with a {@link LinkageError}, and the reader then uses Jackson's parser rather than failing on the first log.
 */
public final class JacksonSupport {
    /** The oldest jackson-core trailkit reads with. */
    static final String MINIMUM_TEXT = "2.15";

    /** The jackson-core on the class path. */
    public static final Version VERSION = com.fasterxml.jackson.core.json.PackageVersion.VERSION;

    /** Whether {@code StreamReadConstraints} has a document length (2.16 and later). */
    public static final boolean DOCUMENT_LENGTH = atLeast(2, 16);

    /** Whether the reader's own parser ({@link AsciiStringParser}) works with this jackson-core. */
    public static final boolean FAST_PARSER;

    static {
        if (!atLeast(2, 15)) {
            throw new IllegalStateException("trailkit needs jackson-core " + MINIMUM_TEXT + " or later; the class path"
                    + " has " + VERSION + " (from " + where() + ")");
        }
        FAST_PARSER = !Boolean.getBoolean("trailkit.jackson.plainParser") && atLeast(2, 18) && fastParserWorks();
    }

    private JacksonSupport() {}

    /** Whether the jackson-core on the class path is {@code major.minor} or later. */
    static boolean atLeast(int major, int minor) {
        return VERSION.getMajorVersion() > major
                || VERSION.getMajorVersion() == major && VERSION.getMinorVersion() >= minor;
    }

    /** How the reader reads with this jackson-core, in a few words (for diagnostics and the README's table). */
    public static String describe() {
        return "jackson-core " + VERSION.toString() + ": "
                + (FAST_PARSER ? "trailkit's UTF-8 parser" : "Jackson's UTF-8 parser")
                + (DOCUMENT_LENGTH ? "" : ", total size counted by the reader");
    }

    /** Sets {@code maxDocumentLength} where this jackson-core has it; {@code -1} is no limit. */
    public static StreamReadConstraints.Builder documentLength(StreamReadConstraints.Builder b, long max) {
        return DOCUMENT_LENGTH ? b.maxDocumentLength(max) : b;
    }

    /** Reads a small record with the fast parser, the way the reader does; false on a linkage error. */
    private static boolean fastParserWorks() {
        byte[] json = ("{\"Records\":[{\"eventVersion\":\"1.08\",\"requestParameters\":{\"a\":[1,\"b\"]},"
                        + "\"eventName\":\"GetObject\"}]}")
                .getBytes(StandardCharsets.US_ASCII);
        JsonFactory f = new AsciiStringJsonFactory(new JsonFactoryBuilder()
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(1 << 20)
                        .build()));
        try (JsonParser p = f.createParser(new ByteArrayInputStream(json));
                JsonParser q = f.createParser(json)) {
            for (JsonParser parser : new JsonParser[] {p, q}) {
                AsciiStringParser a = (AsciiStringParser) parser;
                a.nextToken();
                a.nextFieldName();
                a.nextToken();
                a.nextToken();
                while (a.nextFieldName() != null) {
                    JsonToken t = a.nextToken();
                    if (t == JsonToken.START_OBJECT) {
                        a.skipPlainValue(Long.MAX_VALUE);
                    } else {
                        a.getText();
                    }
                }
            }
            return true;
        } catch (LinkageError | IOException | RuntimeException e) {
            return false;
        }
    }

    private static String where() {
        try {
            return String.valueOf(
                    JsonFactory.class.getProtectionDomain().getCodeSource().getLocation());
        } catch (RuntimeException e) {
            return "unknown";
        }
    }
}
