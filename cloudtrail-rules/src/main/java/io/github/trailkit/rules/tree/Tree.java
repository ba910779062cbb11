package io.github.trailkit.rules.tree;

import java.util.List;
import java.util.Optional;

/**
 * One read document: its root (absent when the document is empty or could not be read), the problems found, and where
 * content follows the first document, if it does (a second YAML document, a second JSON value).
 *
 * <pre>{@code
 * Tree tree = TreeReader.read(bytes, TreeReader.Syntax.DETECT);
 * if (tree.problems().isEmpty() && tree.root() != null) {
 *     Node rules = tree.root().get("rules");
 * }
 * }</pre>
 */
public final class Tree {
    /**
     * A place in the text.
     *
     * @param line the 1-based line
     * @param column the 1-based column
     */
    public record Position(int line, int column) {}

    private final Node root;
    private final boolean json;
    private final List<TreeProblem> problems;
    private final Position moreContent;

    Tree(Node root, boolean json, List<TreeProblem> problems, Position moreContent) {
        this.root = root;
        this.json = json;
        this.problems = List.copyOf(problems);
        this.moreContent = moreContent;
    }

    /**
     * The root value, or {@code null} when the document is empty, or could not be read (then {@link #problems()} says
     * why). A tree with problems may still have a root: the problems that do not stop the reading (an anchor, a
     * duplicate key, whose second value is left out) are listed beside it.
     */
    public Node root() {
        return root;
    }

    /** True when the text was read as JSON, false for YAML. */
    public boolean json() {
        return json;
    }

    /** The problems in the order found; empty when the document was read cleanly. */
    public List<TreeProblem> problems() {
        return problems;
    }

    /** Where content starts after the first document or value, when there is any. */
    public Optional<Position> moreContent() {
        return Optional.ofNullable(moreContent);
    }
}
