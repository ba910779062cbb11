package io.github.trailkit.rules.internal.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses a Sigma {@code condition} expression into a tree. Precedence from loosest: {@code or}, {@code and},
 * {@code not}, {@code 1 of} / {@code all of}, parentheses. Internal: users call {@code SigmaRules.read}.
 *
 * <pre>{@code
 * SigmaCondition.Node n = SigmaCondition.parse("selection and not 1 of filter_*");
 * }</pre>
 */
public final class SigmaCondition {
    /** A node: {@link And}, {@link Or}, {@link Not}, {@link Ref} or {@link Quantified}. */
    public interface Node {}

    /** Both sides hold. */
    public static final class And implements Node {
        public final List<Node> parts;

        And(List<Node> parts) {
            this.parts = List.copyOf(parts);
        }
    }

    /** Either side holds. */
    public static final class Or implements Node {
        public final List<Node> parts;

        Or(List<Node> parts) {
            this.parts = List.copyOf(parts);
        }
    }

    /** The inner node does not hold. */
    public static final class Not implements Node {
        public final Node inner;

        Not(Node inner) {
            this.inner = inner;
        }
    }

    /** A search identifier by name. */
    public static final class Ref implements Node {
        public final String name;

        Ref(String name) {
            this.name = name;
        }
    }

    /** {@code 1 of pattern} or {@code all of pattern}; the pattern is {@code them} or a name with {@code *}. */
    public static final class Quantified implements Node {
        public final boolean all;
        public final String pattern;

        Quantified(boolean all, String pattern) {
            this.all = all;
            this.pattern = pattern;
        }
    }

    /** A condition that cannot be read: what is wrong, for the message. */
    public static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        public Unsupported(String message) {
            super(message);
        }
    }

    private final List<String> tokens;
    private int i;

    private SigmaCondition(List<String> tokens) {
        this.tokens = tokens;
    }

    /** Parses {@code text}; refuses aggregations ({@code |}), {@code near} and counts other than 1. */
    public static Node parse(String text) throws Unsupported {
        if (text.contains("|")) {
            throw new Unsupported("aggregation in the condition (\"" + text.substring(text.indexOf('|')).trim()
                    + "\") is not supported; trailkit evaluates one record at a time");
        }
        List<String> tokens = new ArrayList<>();
        int p = 0;
        while (p < text.length()) {
            char c = text.charAt(p);
            if (Character.isWhitespace(c)) {
                p++;
            } else if (c == '(' || c == ')') {
                tokens.add(String.valueOf(c));
                p++;
            } else {
                int start = p;
                while (p < text.length() && !Character.isWhitespace(text.charAt(p)) && text.charAt(p) != '('
                        && text.charAt(p) != ')') {
                    p++;
                }
                tokens.add(text.substring(start, p));
            }
        }
        if (tokens.isEmpty()) {
            throw new Unsupported("the condition is empty");
        }
        SigmaCondition parser = new SigmaCondition(tokens);
        Node n = parser.or();
        if (parser.i < tokens.size()) {
            throw new Unsupported("unexpected \"" + tokens.get(parser.i) + "\" in the condition \"" + text + "\"");
        }
        return n;
    }

    private String peek() {
        return i < tokens.size() ? tokens.get(i) : null;
    }

    private boolean keyword(String word) {
        String t = peek();
        return t != null && t.toLowerCase(Locale.ROOT).equals(word);
    }

    private Node or() throws Unsupported {
        List<Node> parts = new ArrayList<>();
        parts.add(and());
        while (keyword("or")) {
            i++;
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new Or(parts);
    }

    private Node and() throws Unsupported {
        List<Node> parts = new ArrayList<>();
        parts.add(not());
        while (keyword("and")) {
            i++;
            parts.add(not());
        }
        return parts.size() == 1 ? parts.get(0) : new And(parts);
    }

    private Node not() throws Unsupported {
        if (keyword("not")) {
            i++;
            return new Not(not());
        }
        return primary();
    }

    private Node primary() throws Unsupported {
        String t = peek();
        if (t == null) {
            throw new Unsupported("the condition ends where a search identifier was expected");
        }
        if (t.equals("(")) {
            i++;
            Node inner = or();
            if (!")".equals(peek())) {
                throw new Unsupported("a ( in the condition is not closed");
            }
            i++;
            return inner;
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("near")) {
            throw new Unsupported("\"near\" (a correlation) is not supported");
        }
        if (lower.equals(")") || lower.equals("and") || lower.equals("or")) {
            throw new Unsupported("unexpected \"" + t + "\" where a search identifier was expected");
        }
        if (i + 1 < tokens.size() && tokens.get(i + 1).equalsIgnoreCase("of")) {
            boolean all;
            if (lower.equals("1") || lower.equals("any")) {
                all = false;
            } else if (lower.equals("all")) {
                all = true;
            } else {
                throw new Unsupported("\"" + t + " of\" is not supported; use 1 of or all of");
            }
            i += 2;
            String target = peek();
            if (target == null || target.equals("(") || target.equals(")")) {
                throw new Unsupported("expected them or a search identifier pattern after \"" + t + " of\"");
            }
            i++;
            return new Quantified(all, target);
        }
        i++;
        return new Ref(t);
    }
}
