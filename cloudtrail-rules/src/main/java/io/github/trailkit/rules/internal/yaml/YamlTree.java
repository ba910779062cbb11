package io.github.trailkit.rules.internal.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one YAML document into plain Java values: {@link LinkedHashMap} (keys in document order), {@link ArrayList},
 * {@link Scalar} and {@code null}. Each map and scalar remembers its line. Internal to the rule readers.
 *
 * <pre>{@code
 * YamlTree.Document doc = YamlTree.read(in);
 * Map<String, Object> top = (Map<String, Object>) doc.root;
 * }</pre>
 */
public final class YamlTree {
    private static final YAMLFactory YAML = new YAMLFactory();

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

    /** A YAML syntax error, with its line and column. */
    public static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        public final int line;
        public final int column;

        SyntaxError(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
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

    /** Reads the first document of {@code in}; {@link Document#moreDocuments} tells whether others follow. */
    public static Document read(InputStream in) throws IOException, SyntaxError {
        Map<Object, Integer> lines = new java.util.HashMap<>();
        try (JsonParser p = YAML.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return new Document(null, false, lines);
            }
            Object root = value(p, t, lines);
            boolean more = false;
            try {
                more = p.nextToken() != null;
            } catch (IOException e) {
                more = true;
            }
            return new Document(root, more, lines);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new SyntaxError(e.getOriginalMessage(), loc == null ? 0 : loc.getLineNr(),
                    loc == null ? 0 : loc.getColumnNr());
        }
    }

    private static Object value(JsonParser p, JsonToken t, Map<Object, Integer> lines) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                lines.put(new Identity(map), line);
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    Object v = value(p, p.nextToken(), lines);
                    map.put(name, v);
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                lines.put(new Identity(list), line);
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    list.add(value(p, e, lines));
                }
                return list;
            }
            case VALUE_NULL:
                return null;
            case VALUE_STRING:
                return new Scalar(p.getText(), true, line);
            default:
                return new Scalar(p.getText(), false, line);
        }
    }
}
