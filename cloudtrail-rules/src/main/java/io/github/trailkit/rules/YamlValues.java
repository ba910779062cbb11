package io.github.trailkit.rules;

import io.github.trailkit.rules.tree.Node;
import io.github.trailkit.rules.tree.Tree;
import io.github.trailkit.rules.tree.TreeProblem;
import io.github.trailkit.rules.tree.TreeReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as plain Java values, for the readers that walk maps (Sigma rules, the built-in packs): {@link
 * LinkedHashMap} (keys in document order), {@link ArrayList}, {@link Scalar} and {@code null}, each map and list with
 * its line. The reading is {@link TreeReader}'s, with its policy; the first problem it finds is thrown.
 *
 * <pre>{@code
 * YamlValues.Document doc = YamlValues.read(in);
 * Map<String, Object> top = (Map<String, Object>) doc.root;
 * }</pre>
 */
final class YamlValues {
    private YamlValues() {}

    /** A scalar: its text as written (numbers and booleans too), whether it is a string, and its line. */
    record Scalar(String text, boolean string, int line) {
        @Override
        public String toString() {
            return text;
        }
    }

    /** A read document: its root value, the line of each map and list, and whether more documents follow. */
    static final class Document {
        final Object root;
        final boolean moreDocuments;
        private final Map<Object, Integer> lines;

        Document(Object root, boolean moreDocuments, Map<Object, Integer> lines) {
            this.root = root;
            this.moreDocuments = moreDocuments;
            this.lines = lines;
        }

        /** The line where {@code value} (a map or list of this document) starts, or 0. */
        int lineOf(Object value) {
            Integer l = lines.get(value);
            return l == null ? 0 : l;
        }
    }

    /** The first problem of a document that cannot be read: a syntax error ({@link #syntax} true) or a refusal. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;
        final boolean syntax;

        SyntaxError(TreeProblem p) {
            super(p.message());
            this.line = p.line();
            this.column = p.column();
            this.syntax = p.syntax();
        }
    }

    /** Reads the first document of {@code in} (at most {@link TreeReader#MAX_BYTES} + 1 bytes of it). */
    static Document read(InputStream in) throws IOException, SyntaxError {
        Tree tree = TreeReader.read(TreeReader.readBounded(in), TreeReader.Syntax.YAML);
        if (!tree.problems().isEmpty()) {
            throw new SyntaxError(tree.problems().get(0));
        }
        Map<Object, Integer> lines = new IdentityHashMap<>();
        Object root = tree.root() == null ? null : plain(tree.root(), lines);
        return new Document(root, tree.moreContent().isPresent(), lines);
    }

    private static Object plain(Node n, Map<Object, Integer> lines) {
        switch (n.kind()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                lines.put(map, n.line());
                n.members().forEach(m -> map.put(m.key(), plain(m.value(), lines)));
                return map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                lines.put(list, n.line());
                n.elements().forEach(e -> list.add(plain(e, lines)));
                return list;
            }
            case NULL -> {
                return null;
            }
            default -> {
                return new Scalar(n.text(), n.kind() == Node.Kind.STRING, n.line());
            }
        }
    }
}
