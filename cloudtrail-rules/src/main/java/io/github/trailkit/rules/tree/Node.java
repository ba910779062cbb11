package io.github.trailkit.rules.tree;

import java.util.List;

/**
 * A JSON or YAML value as {@link TreeReader} reads it: its kind, the 1-based line and column where it starts, the text
 * of a scalar exactly as written (so YAML's {@code 1.10} stays {@code 1.10}), and the members of an object or the
 * elements of an array. Immutable.
 *
 * <pre>{@code
 * Node root = TreeReader.read(bytes, TreeReader.Syntax.YAML).root();
 * Node cases = root.get("cases");
 * cases.elements().get(0).line(); // where the first case starts
 * }</pre>
 */
public final class Node {
    /** The kind of a value. YAML's {@code yes}, {@code no}, {@code on} and {@code off} are {@link #STRING}s. */
    public enum Kind {
        OBJECT,
        ARRAY,
        STRING,
        NUMBER,
        TRUE,
        FALSE,
        NULL
    }

    /**
     * One member of an object: its key, where the key is, and its value.
     *
     * <pre>{@code
     * for (Node.Member m : object.members()) {
     *     System.out.println(m.key() + " at line " + m.line());
     * }
     * }</pre>
     *
     * @param key the key
     * @param line the 1-based line of the key
     * @param column the 1-based column of the key
     * @param value the value
     */
    public record Member(String key, int line, int column, Node value) {}

    private final Kind kind;
    private final int line;
    private final int column;
    private final String text;
    private final double number;
    private final List<Member> members;
    private final List<Node> elements;

    private Node(
            Kind kind, int line, int column, String text, double number, List<Member> members, List<Node> elements) {
        this.kind = kind;
        this.line = line;
        this.column = column;
        this.text = text;
        this.number = number;
        this.members = members;
        this.elements = elements;
    }

    static Node object(int line, int column, List<Member> members) {
        return new Node(Kind.OBJECT, line, column, null, 0, List.copyOf(members), List.of());
    }

    static Node array(int line, int column, List<Node> elements) {
        return new Node(Kind.ARRAY, line, column, null, 0, List.of(), List.copyOf(elements));
    }

    static Node scalar(Kind kind, int line, int column, String text, double number) {
        return new Node(kind, line, column, text, number, List.of(), List.of());
    }

    /** The kind. */
    public Kind kind() {
        return kind;
    }

    /** The 1-based line where the value starts. */
    public int line() {
        return line;
    }

    /** The 1-based column where the value starts. */
    public int column() {
        return column;
    }

    /**
     * The text of a scalar as written ({@code yes}, {@code 1.10}, {@code true}); {@code "null"} for a null, and {@code
     * null} for an object or an array.
     */
    public String text() {
        return text;
    }

    /** A {@link Kind#NUMBER}'s value as a double; 0 for every other kind. */
    public double number() {
        return number;
    }

    /** True for a string, a number, {@code true}, {@code false} and {@code null}. */
    public boolean isScalar() {
        return kind != Kind.OBJECT && kind != Kind.ARRAY;
    }

    /** The members of an object in document order (a key given twice is refused, so keys are unique); else empty. */
    public List<Member> members() {
        return members;
    }

    /** The value of member {@code key} of an object, or {@code null}. */
    public Node get(String key) {
        for (Member m : members) {
            if (m.key().equals(key)) {
                return m.value();
            }
        }
        return null;
    }

    /** The elements of an array in order; else empty. */
    public List<Node> elements() {
        return elements;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case OBJECT -> "object at " + line + ":" + column;
            case ARRAY -> "array at " + line + ":" + column;
            default -> text;
        };
    }
}
