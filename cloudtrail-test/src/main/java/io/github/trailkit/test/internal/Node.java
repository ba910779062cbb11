package io.github.trailkit.test.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A JSON or YAML value read with its position, and scalars with the exact text written (so that YAML's {@code 1.10}
 * stays {@code 1.10}, not the double {@code 1.1}).
 *
 * <pre>{@code
 * parser.nextToken();
 * Node root = Node.read(parser, problems::add);
 * root.get("cases").elements().get(0).line();
 * }</pre>
 */
public final class Node {
    /** The kind of a value: {@code node.kind() == Kind.OBJECT}. */
    public enum Kind {
        OBJECT,
        ARRAY,
        STRING,
        NUMBER,
        BOOLEAN,
        NULL
    }

    private final Kind kind;
    private final String text;
    private final Map<String, Node> members;
    private final List<Node> elements;
    private final int line;
    private final int column;

    private Node(Kind kind, String text, Map<String, Node> members, List<Node> elements, int line, int column) {
        this.kind = kind;
        this.text = text;
        this.members = members;
        this.elements = elements;
        this.line = line;
        this.column = column;
    }

    /**
     * Reads the value at the parser's current token (which must be set); duplicate member names go to {@code
     * problems} as {@code line: message}.
     */
    public static Node read(JsonParser p, Consumer<String> problems) throws IOException {
        JsonToken t = p.currentToken();
        int line = p.currentTokenLocation().getLineNr();
        int column = p.currentTokenLocation().getColumnNr();
        switch (t) {
            case START_OBJECT: {
                Map<String, Node> members = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    int nameLine = p.currentTokenLocation().getLineNr();
                    p.nextToken();
                    Node value = read(p, problems);
                    if (members.put(name, value) != null) {
                        problems.accept(nameLine + ": duplicate key " + Describe.quote(name));
                    }
                }
                return new Node(Kind.OBJECT, null, Collections.unmodifiableMap(members), List.of(), line, column);
            }
            case START_ARRAY: {
                List<Node> elements = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    elements.add(read(p, problems));
                }
                return new Node(Kind.ARRAY, null, Map.of(), Collections.unmodifiableList(elements), line, column);
            }
            case VALUE_STRING:
                return scalar(Kind.STRING, p.getText(), line, column);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return scalar(Kind.NUMBER, p.getText(), line, column);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return scalar(Kind.BOOLEAN, p.getText(), line, column);
            case VALUE_NULL:
                return scalar(Kind.NULL, "null", line, column);
            default:
                throw new IOException("unexpected " + t + " at line " + line);
        }
    }

    private static Node scalar(Kind kind, String text, int line, int column) {
        return new Node(kind, text, Map.of(), List.of(), line, column);
    }

    /** The kind. */
    public Kind kind() {
        return kind;
    }

    /** The text of a scalar as written ({@code true}, {@code 1.10}, {@code null} …); {@code null} for containers. */
    public String text() {
        return text;
    }

    /** The members of an object, in order. */
    public Map<String, Node> members() {
        return members;
    }

    /** The member {@code name}, or {@code null}. */
    public Node get(String name) {
        return members.get(name);
    }

    /** The elements of an array. */
    public List<Node> elements() {
        return elements;
    }

    /** The 1-based line the value starts on. */
    public int line() {
        return line;
    }

    /** The 1-based column the value starts at. */
    public int column() {
        return column;
    }
}
