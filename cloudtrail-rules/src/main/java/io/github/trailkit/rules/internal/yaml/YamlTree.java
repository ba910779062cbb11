package io.github.trailkit.rules.internal.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one YAML document into plain Java values: {@link LinkedHashMap} (keys in document order), {@link ArrayList},
 * {@link Scalar} and {@code null}. Each map and scalar remembers its line. Internal to the rule readers. The reading
 * follows {@link RuleText}'s policy, the same as rule documents: at most {@link RuleText#MAX_BYTES} bytes of strict
 * UTF-8, nesting and strings bounded, and aliases, anchors and duplicate keys refused (never silently resolved).
 *
 * <pre>{@code
 * YamlTree.Document doc = YamlTree.read(in);
 * Map<String, Object> top = (Map<String, Object>) doc.root;
 * }</pre>
 */
public final class YamlTree {
    private static final YAMLFactory YAML = RuleText.YAML;

    private YamlTree() {}

    /** A scalar: its text as written (numbers and booleans too), whether it was quoted-as-string, and its line. */
    public static final class Scalar {
        public final String text;
        public final boolean string;
        public final int line;

        Scalar(String text, boolean string, int line) {
            this.text = text;
            this.string = string;
            this.line = line;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A read document: its root value, the line of each map key (by identity of the map and key), and more docs. */
    public static final class Document {
        public final Object root;
        public final boolean moreDocuments;
        public final Map<Object, Integer> lines;

        Document(Object root, boolean moreDocuments, Map<Object, Integer> lines) {
            this.root = root;
            this.moreDocuments = moreDocuments;
            this.lines = lines;
        }

        /** The line where {@code value} (a map or list of this document) starts, or 0. */
        public int lineOf(Object value) {
            Integer l = lines.get(new Identity(value));
            return l == null ? 0 : l;
        }
    }

    /**
     * A document that cannot be read, with its line and column: a YAML syntax error ({@link #syntax} true) or a bound
     * or rule of {@link RuleText} (false; the message says which).
     */
    public static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        public final int line;
        public final int column;
        public final boolean syntax;

        SyntaxError(String message, int line, int column) {
            this(message, line, column, true);
        }

        SyntaxError(String message, int line, int column, boolean syntax) {
            super(message);
            this.line = line;
            this.column = column;
            this.syntax = syntax;
        }
    }

    private static final class Identity {
        final Object o;

        Identity(Object o) {
            this.o = o;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Identity && ((Identity) other).o == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(o);
        }
    }

    /** Reads the first document of {@code in} (at most {@link RuleText#MAX_BYTES} + 1 bytes of it). */
    public static Document read(InputStream in) throws IOException, SyntaxError {
        return read(RuleText.readBounded(in));
    }

    /** Reads the first document of {@code bytes}; {@link Document#moreDocuments} tells whether others follow. */
    public static Document read(byte[] bytes) throws IOException, SyntaxError {
        String text;
        try {
            RuleText.Refusal tooBig = RuleText.sizeRefusal(bytes);
            if (tooBig != null) {
                throw tooBig;
            }
            text = RuleText.decode(bytes);
            RuleText.checkYamlRuns(text);
        } catch (RuleText.Refusal r) {
            throw new SyntaxError(r.getMessage(), r.line, r.column, false);
        }
        Map<Object, Integer> lines = new java.util.HashMap<>();
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return new Document(null, false, lines);
            }
            Object root = value(p, t, lines, 1);
            boolean more = false;
            try {
                more = p.nextToken() != null;
            } catch (IOException e) {
                more = true;
            }
            return new Document(root, more, lines);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new SyntaxError(
                    e.getOriginalMessage(), loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr());
        }
    }

    private static Object value(JsonParser p, JsonToken t, Map<Object, Integer> lines, int depth)
            throws IOException, SyntaxError {
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr();
        if (p instanceof YAMLParser) {
            YAMLParser y = (YAMLParser) p;
            if (y.isCurrentAlias()) {
                throw new SyntaxError(
                        "YAML aliases (*" + p.getText() + ") are not supported; write the value out",
                        line,
                        at.getColumnNr(),
                        false);
            }
            if (y.getObjectId() != null) {
                throw new SyntaxError(
                        "YAML anchors (&" + y.getObjectId() + ") are not supported; write the value out",
                        line,
                        at.getColumnNr(),
                        false);
            }
        }
        if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && depth > RuleText.MAX_DEPTH) {
            throw new SyntaxError(RuleText.tooDeep(), line, at.getColumnNr(), false);
        }
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new java.util.HashMap<>();
                lines.put(new Identity(map), line);
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    JsonLocation kl = p.currentTokenLocation();
                    String tooLong = RuleText.stringTooLong(name);
                    if (tooLong != null) {
                        throw new SyntaxError("a key: " + tooLong, kl.getLineNr(), kl.getColumnNr(), false);
                    }
                    Integer first = keyLines.putIfAbsent(name, kl.getLineNr());
                    if (first != null) {
                        throw new SyntaxError(
                                "duplicate key \"" + name + "\"; first at line " + first,
                                kl.getLineNr(),
                                kl.getColumnNr(),
                                false);
                    }
                    Object v = value(p, p.nextToken(), lines, depth + 1);
                    map.put(name, v);
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                lines.put(new Identity(list), line);
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    list.add(value(p, e, lines, depth + 1));
                }
                return list;
            }
            case VALUE_NULL:
                return null;
            default: {
                String text = p.getText();
                String tooLong = RuleText.stringTooLong(text);
                if (tooLong != null) {
                    throw new SyntaxError(tooLong, line, at.getColumnNr(), false);
                }
                return new Scalar(text, t == JsonToken.VALUE_STRING, line);
            }
        }
    }
}
