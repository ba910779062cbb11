package io.github.trailkit.rules.tree;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.github.trailkit.rules.internal.yaml.RuleText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The one reader of every rule format (rule documents, Sigma rules, the built-in packs) and of rule test files: JSON or
 * YAML into a located {@link Tree}, under one policy.
 *
 * <ul>
 *   <li>At most {@link #MAX_BYTES} bytes of strict UTF-8 (a leading byte order mark is skipped, a UTF-16 one refused);
 *       maps and lists nested at most {@link #MAX_NESTING_DEPTH} deep; keys and strings at most {@link
 *       #MAX_STRING_LENGTH} characters, and YAML runs without a space or line break no longer than that.
 *   <li>One YAML configuration: only {@code true} and {@code false} are booleans, so {@code yes}, {@code no}, {@code
 *       on} and {@code off} are strings, as in YAML 1.2.
 *   <li>YAML anchors and aliases are refused (never expanded), and so is a key given twice in one object (never
 *       silently replaced): each is a {@link TreeProblem}, and the reading goes on without the second value.
 * </ul>
 *
 * <p>Nothing is thrown for what the text holds: the {@link Tree} lists the problems with their line and column.
 *
 * <pre>{@code
 * byte[] bytes = TreeReader.readBounded(in);
 * Tree tree = TreeReader.read(bytes, TreeReader.Syntax.YAML);
 * for (TreeProblem p : tree.problems()) {
 *     System.err.println("rules.yaml:" + p.line() + ":" + p.column() + ": " + p.message());
 * }
 * }</pre>
 */
public final class TreeReader {
    /** The largest document read, in bytes. */
    public static final int MAX_BYTES = RuleText.MAX_BYTES;
    /** The deepest nesting of maps and lists (the document's own map included). */
    public static final int MAX_NESTING_DEPTH = RuleText.MAX_DEPTH;
    /** The longest string (value or key), in characters. */
    public static final int MAX_STRING_LENGTH = RuleText.MAX_STRING_LENGTH;

    /** How the text is read. */
    public enum Syntax {
        /** As JSON. */
        JSON,
        /** As YAML. */
        YAML,
        /** As JSON when the first character that is not white space is <code>{</code> or {@code [}, else as YAML. */
        DETECT
    }

    private TreeReader() {}

    /**
     * Reads at most {@link #MAX_BYTES} + 1 bytes of {@code in}, not closing it: an endless stream ends, and one byte
     * over is enough for {@link #read(byte[], Syntax)} to refuse it.
     */
    public static byte[] readBounded(InputStream in) throws IOException {
        return RuleText.readBounded(in);
    }

    /** Reads the first document of {@code bytes}, refusing more than {@link #MAX_BYTES} and bytes that are not UTF-8. */
    public static Tree read(byte[] bytes, Syntax syntax) {
        String text;
        try {
            RuleText.Refusal tooBig = RuleText.sizeRefusal(bytes);
            if (tooBig != null) {
                throw tooBig;
            }
            text = RuleText.decode(bytes);
        } catch (RuleText.Refusal r) {
            return refused(syntax == Syntax.JSON, r);
        }
        return read(text, syntax);
    }

    /** Reads the first document of {@code text}. */
    public static Tree read(String text, Syntax syntax) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1); // a byte order mark takes no column
        }
        boolean json = syntax == Syntax.JSON || syntax == Syntax.DETECT && looksLikeJson(text);
        if (!json) {
            try {
                RuleText.checkYamlRuns(text);
            } catch (RuleText.Refusal r) {
                return refused(false, r);
            }
        }
        List<TreeProblem> problems = new ArrayList<>();
        Node root = null;
        Tree.Position more = null;
        try (JsonParser p = json ? RuleText.JSON.createParser(text) : RuleText.YAML.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t != null) {
                root = value(p, t, problems, 1);
                if (p.nextToken() != null) {
                    JsonLocation l = p.currentTokenLocation();
                    more = new Tree.Position(l.getLineNr(), l.getColumnNr());
                }
            }
        } catch (JsonProcessingException e) {
            problems.add(syntaxError(e));
        } catch (Refused r) {
            problems.add(new TreeProblem(r.line, r.column, r.getMessage(), false));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String is never short of bytes
        }
        return new Tree(root, json, problems, more);
    }

    private static boolean looksLikeJson(String text) {
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        return start < text.length() && (text.charAt(start) == '{' || text.charAt(start) == '[');
    }

    private static Tree refused(boolean json, RuleText.Refusal r) {
        return new Tree(null, json, List.of(new TreeProblem(r.line, r.column, r.getMessage(), false)), null);
    }

    /** A bound hit while building the tree: the reading stops there. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;

        Refused(int line, int column, String message) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
        }
    }

    private static Node value(JsonParser p, JsonToken t, List<TreeProblem> problems, int depth) throws IOException {
        JsonLocation l = p.currentTokenLocation();
        int line = l.getLineNr();
        int column = l.getColumnNr();
        if (p instanceof YAMLParser y && y.isCurrentAlias()) {
            problems.add(new TreeProblem(
                    line,
                    column,
                    "YAML aliases (*" + p.getText() + ") are not supported in rule documents; write the value out",
                    false));
        } else if (p instanceof YAMLParser y && y.getObjectId() != null) {
            problems.add(new TreeProblem(
                    line,
                    column,
                    "YAML anchors (&" + y.getObjectId() + ") are not supported in rule documents; write the value out",
                    false));
        }
        if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && depth > MAX_NESTING_DEPTH) {
            throw new Refused(line, column, RuleText.tooDeep());
        }
        if (t.isScalarValue()) {
            String tooLong = RuleText.stringTooLong(p.getText()); // the YAML parser does not apply the JSON bound
            if (tooLong != null) {
                throw new Refused(line, column, tooLong);
            }
        }
        switch (t) {
            case START_OBJECT -> {
                List<Node.Member> members = new ArrayList<>();
                Map<String, Node.Member> seen = new HashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    JsonLocation kl = p.currentTokenLocation();
                    String key = p.currentName();
                    String tooLong = RuleText.stringTooLong(key);
                    if (tooLong != null) {
                        throw new Refused(kl.getLineNr(), kl.getColumnNr(), "a key: " + tooLong);
                    }
                    Node v = value(p, p.nextToken(), problems, depth + 1);
                    Node.Member m = new Node.Member(key, kl.getLineNr(), kl.getColumnNr(), v);
                    Node.Member first = seen.putIfAbsent(key, m);
                    if (first == null) {
                        members.add(m);
                    } else {
                        problems.add(new TreeProblem(
                                m.line(),
                                m.column(),
                                "duplicate key " + RuleText.quote(key) + "; first at line " + first.line() + ", column "
                                        + first.column(),
                                false));
                    }
                }
                return Node.object(line, column, members);
            }
            case START_ARRAY -> {
                List<Node> elements = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    elements.add(value(p, e, problems, depth + 1));
                }
                return Node.array(line, column, elements);
            }
            case VALUE_STRING -> {
                return Node.scalar(Node.Kind.STRING, line, column, p.getText(), 0);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return Node.scalar(Node.Kind.NUMBER, line, column, p.getText(), p.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return Node.scalar(Node.Kind.TRUE, line, column, p.getText(), 0);
            }
            case VALUE_FALSE -> {
                return Node.scalar(Node.Kind.FALSE, line, column, p.getText(), 0);
            }
            case VALUE_NULL -> {
                return Node.scalar(Node.Kind.NULL, line, column, "null", 0);
            }
            default -> {
                problems.add(new TreeProblem(
                        line,
                        column,
                        "unsupported value " + RuleText.quote(String.valueOf(p.getText()))
                                + "; expected a string, a number, true, false, null, a list or an object",
                        false));
                return Node.scalar(Node.Kind.NULL, line, column, "null", 0);
            }
        }
    }

    /** A syntax error with the best position and words the parser gives. */
    private static TreeProblem syntaxError(JsonProcessingException e) {
        Throwable cause = e.getCause();
        if (cause instanceof MarkedYAMLException y) {
            Mark mark = y.getProblemMark() != null ? y.getProblemMark() : y.getContextMark();
            String message = y.getProblem() != null ? y.getProblem() : String.valueOf(y.getContext());
            if (y.getContext() != null && y.getProblem() != null) {
                message += " (" + y.getContext()
                        + (y.getContextMark() != null
                                ? " that starts at line " + (y.getContextMark().getLine() + 1) + ", column "
                                        + (y.getContextMark().getColumn() + 1)
                                : "")
                        + ")";
            }
            int line = mark != null ? mark.getLine() + 1 : 1;
            int column = mark != null ? mark.getColumn() + 1 : 1;
            return new TreeProblem(line, column, message.replace('\n', ' ').trim(), true);
        }
        String message = e.getOriginalMessage();
        if (message == null && cause != null) {
            message = cause.getMessage();
        }
        message = withoutSources(String.valueOf(message)).replace('\n', ' ').trim();
        JsonLocation l = e.getLocation();
        return new TreeProblem(l != null ? l.getLineNr() : 1, l != null ? l.getColumnNr() : 1, message, true);
    }

    /** Jackson's {@code [Source: ...; line: 1, column: 2]} (about an earlier place) as {@code line 1, column 2}. */
    private static String withoutSources(String message) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        int at;
        while ((at = message.indexOf("[Source: ", from)) >= 0) {
            int line = message.indexOf("; line: ", at);
            int end = line < 0 ? -1 : message.indexOf(']', line);
            if (end < 0) {
                break;
            }
            out.append(message, from, at)
                    .append(message.substring(line + 2, end).replace(": ", " "));
            from = end + 1;
        }
        return out.append(message.substring(from)).toString();
    }
}
