package io.github.trailkit.rules;

import io.github.trailkit.rules.tree.Node;
import io.github.trailkit.rules.tree.Node.Member;
import io.github.trailkit.rules.tree.Tree;
import io.github.trailkit.rules.tree.TreeProblem;
import io.github.trailkit.rules.tree.TreeReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The problems of one rule document, each with its line and column, thrown together as one {@link
 * RuleDocumentException}; also the words for values in messages.
 *
 * <pre>{@code
 * DocumentProblems problems = new DocumentProblems("rules.yaml");
 * problems.at(node, "a rule must be an object, found " + DocumentProblems.describe(node));
 * problems.throwIfAny();
 * }</pre>
 */
final class DocumentProblems {
    private final String source;
    private final List<RuleDocumentProblem> list = new ArrayList<>();

    DocumentProblems(String source) {
        this.source = source;
    }

    void add(int line, int column, String message) {
        list.add(RuleDocumentProblem.of(source, line, column, message));
    }

    void at(Node n, String message) {
        add(n.line(), n.column(), message);
    }

    void atKey(Member e, String message) {
        add(e.line(), e.column(), message);
    }

    /**
     * The root of a document {@link TreeReader} read, with the reader's problems added; null when there is none (an
     * empty document is a problem too).
     */
    Node root(Tree tree) {
        for (TreeProblem p : tree.problems()) {
            add(p.line(), p.column(), p.message());
        }
        if (tree.root() == null) {
            if (tree.problems().isEmpty()) {
                add(1, 1, "empty document; expected an object with a \"rules\" list");
            }
            return null;
        }
        tree.moreContent()
                .ifPresent(at -> add(
                        at.line(),
                        at.column(),
                        "a rule document holds one " + (tree.json() ? "JSON value" : "YAML document")
                                + "; found more content"));
        return tree.root();
    }

    /** What a value is, for messages: {@code a string "x"}, {@code a number 5}, {@code true}, {@code an object}. */
    static String describe(Node n) {
        return switch (n.kind()) {
            case STRING ->
                "a string "
                        + ValueMatcher.quote(n.text().length() > 60 ? n.text().substring(0, 57) + "..." : n.text());
            case NUMBER -> "a number " + n.text();
            case TRUE -> "true";
            case FALSE -> "false";
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
        };
    }

    int size() {
        return list.size();
    }

    /** The members of a document object by key, reporting unknown keys. */
    Map<String, Member> keys(Node object, List<String> allowed) {
        Map<String, Member> out = new LinkedHashMap<>();
        for (Member e : object.members()) {
            if (!allowed.contains(e.key())) {
                atKey(
                        e,
                        "unknown key " + ValueMatcher.quote(e.key()) + "; expected "
                                + (allowed.size() == 1 ? allowed.get(0) : "one of " + String.join(", ", allowed)));
                continue;
            }
            out.put(e.key(), e); // the reader refuses a key given twice
        }
        return out;
    }

    void throwIfAny() {
        if (!list.isEmpty()) {
            List<RuleDocumentProblem> sorted = new ArrayList<>(list);
            sorted.sort(
                    Comparator.comparingInt(RuleDocumentProblem::line).thenComparingInt(RuleDocumentProblem::column));
            throw new RuleDocumentException(sorted);
        }
    }
}
