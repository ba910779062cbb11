package io.github.trailkit.rules.internal.yaml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The one input policy of every rule format (rule documents in JSON and YAML, Sigma rules, the built-in packs): the
 * size, depth and string-length bounds, strict UTF-8, and the JSON and YAML parser configurations. Internal to the
 * rule readers.
 *
 * <pre>{@code
 * byte[] bytes = RuleText.readBounded(in);            // at most MAX_BYTES + 1 bytes, whatever the stream
 * RuleText.Refusal r = RuleText.sizeRefusal(bytes);   // null when within MAX_BYTES
 * String text = RuleText.decode(bytes);               // throws Refusal naming line, column and byte offset
 * }</pre>
 */
public final class RuleText {
    /** The largest rule file read, in bytes. */
    public static final int MAX_BYTES = 4 << 20;
    /** The deepest nesting of maps and lists (the document's own map included). */
    public static final int MAX_DEPTH = 64;
    /** The longest string (value or key), in characters. */
    public static final int MAX_STRING_LENGTH = 64 * 1024;

    /** Jackson's bounds for every rule format. */
    public static final StreamReadConstraints LIMITS = limits();
    /** The JSON parser of every rule format. */
    public static final JsonFactory JSON =
            JsonFactory.builder().streamReadConstraints(LIMITS).build();
    /**
     * The YAML parser of every rule format: only {@code true} and {@code false} are booleans ({@code yes}, {@code no},
     * {@code on}, {@code off} are strings), and SnakeYAML's own code point limit is above {@link #MAX_BYTES} so that
     * the byte limit is the one that speaks.
     */
    public static final YAMLFactory YAML = YAMLFactory.builder()
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
            .loaderOptions(loaderOptions())
            .streamReadConstraints(LIMITS)
            .build();

    private RuleText() {}

    /**
     * The bounds above as Jackson's constraints. Name and document length exist in Jackson 2.16 and later; on 2.15
     * every text is measured before it is parsed anyway (at most {@link #MAX_BYTES} + 1 bytes are read), and a name is
     * bounded by that size.
     */
    private static StreamReadConstraints limits() {
        StreamReadConstraints.Builder b =
                StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_STRING_LENGTH);
        com.fasterxml.jackson.core.Version v = com.fasterxml.jackson.core.json.PackageVersion.VERSION;
        if (v.getMajorVersion() > 2 || v.getMinorVersion() >= 16) {
            b.maxNameLength(MAX_STRING_LENGTH).maxDocumentLength(MAX_BYTES);
        }
        return b.build();
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions o = new LoaderOptions();
        o.setCodePointLimit(MAX_BYTES + 1);
        o.setNestingDepthLimit(MAX_DEPTH + 1);
        o.setMaxAliasesForCollections(0);
        return o;
    }

    /** A rule file refused by the policy: where (1-based line and column) and why. */
    public static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        public final int line;
        public final int column;

        public Refusal(int line, int column, String message) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    /** Reads at most {@link #MAX_BYTES} + 1 bytes of {@code in}: an endless stream ends, and one byte over refuses it. */
    public static byte[] readBounded(InputStream in) throws IOException {
        return in.readNBytes(MAX_BYTES + 1);
    }

    /** The refusal of a file over {@link #MAX_BYTES}, or null. */
    public static Refusal sizeRefusal(byte[] bytes) {
        if (bytes.length <= MAX_BYTES) {
            return null;
        }
        return new Refusal(
                1,
                1,
                "the document is over " + MAX_BYTES + " bytes (RuleDocuments.MAX_DOCUMENT_BYTES); "
                        + "split it into several documents");
    }

    /**
     * The bytes as UTF-8 text, without a leading byte order mark.
     *
     * @throws Refusal at the first byte that is not UTF-8, naming its line, column and byte offset
     */
    public static String decode(byte[] bytes) throws Refusal {
        if (bytes.length >= 2
                && ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF
                        || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE)) {
            throw new Refusal(1, 1, "the file starts with a UTF-16 byte order mark; rule files are UTF-8");
        }
        CharsetDecoder d = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = d.decode(in, out, true);
        if (r.isUnderflow()) {
            r = d.flush(out);
        }
        if (r.isError()) {
            int offset = in.position();
            out.flip();
            int line = 1;
            int column = 1;
            for (int i = 0; i < out.length(); i++) {
                if (out.charAt(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            throw new Refusal(
                    line,
                    column,
                    String.format(
                            "not valid UTF-8: byte 0x%02X at byte offset %d "
                                    + "(rule files are UTF-8; a Latin-1 or Windows-1252 file must be converted)",
                            bytes[offset] & 0xFF, offset));
        }
        out.flip();
        String text = out.toString();
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    /** Decodes for sniffing only: bad bytes become U+FFFD (the reader proper refuses them). */
    public static String decodeLeniently(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    /**
     * Refuses YAML text with a run of more than {@link #MAX_STRING_LENGTH} characters without a space or line break
     * before it reaches the YAML scanner, whose time grows with the square of such a run; no valid rule file has one.
     *
     * @throws Refusal at the start of the run
     */
    public static void checkYamlRuns(String text) throws Refusal {
        int line = 1;
        int lineStart = 0;
        int runStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                runStart = i + 1;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                runStart = i + 1;
            } else if (i - runStart >= MAX_STRING_LENGTH) {
                throw new Refusal(
                        line,
                        runStart - lineStart + 1,
                        "more than " + MAX_STRING_LENGTH
                                + " characters without a space or line break, longer than any string may be "
                                + "(RuleDocuments.MAX_STRING_LENGTH); refused before the YAML scanner, which is slow on them");
            }
        }
    }

    /** The refusal of a string (a value or a key) over {@link #MAX_STRING_LENGTH}, or null. */
    public static String stringTooLong(String s) {
        return s != null && s.length() > MAX_STRING_LENGTH
                ? "a string of " + s.length() + " characters, over the limit of " + MAX_STRING_LENGTH
                        + " (RuleDocuments.MAX_STRING_LENGTH)"
                : null;
    }

    /** The refusal of nesting deeper than {@link #MAX_DEPTH}. */
    public static String tooDeep() {
        return "nested deeper than " + MAX_DEPTH + " maps and lists (RuleDocuments.MAX_NESTING_DEPTH)";
    }

    /** {@code s} in double quotes, with quotes, backslashes and control characters escaped as in JSON. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
