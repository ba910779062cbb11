package io.github.trailkit.rules.internal.sigma;

import io.github.trailkit.rules.internal.logic.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses a Sigma {@code condition} expression into a tree. Precedence from loosest: {@code or}, {@code and},
 * {@code not}, {@code 1 of} / {@code all of}, parentheses. Internal: users call {@code SigmaRules.read}.
 *
 * <pre>{@code
 * Expr n = SigmaCondition.parse("selection and not 1 of filter_*");
 * }</pre>
 */
public final class SigmaCondition {
    /**
     * A search identifier by name.
     *
     * @param name the identifier
     */
    public record Ref(String name) implements Expr {}

    /**
     * {@code 1 of pattern} or {@code all of pattern}; the pattern is {@code them} or a name with {@code *}.
     *
     * @param all true for {@code all of}
     * @param pattern {@code them} or a name pattern
     */
    public record Quantified(boolean all, String pattern) implements Expr {}

    /** A condition that cannot be read: what is wrong, for the message. */
    public static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        public Unsupported(String message) {
            super(message);
        }
    }

    /** The deepest nesting of parentheses in a condition; deeper is refused (hand-written conditions nest a few). */
    public static final int MAX_PARENTHESES_DEPTH = 64;

    /** One level of parentheses (or the whole condition) while it is read. */
    private static final class Group {
        final List<Expr> or = new ArrayList<>();
        List<Expr> and = new ArrayList<>();
        boolean negate; // an odd number of nots waits for the next operand
    }

    /**
     * Parses {@code text}; refuses aggregations ({@code |}), {@code near}, counts other than 1 and parentheses nested
     * deeper than {@link #MAX_PARENTHESES_DEPTH}. Iterative: no input can exhaust the stack. A run of {@code not}s is
     * one {@code not} or none, by its parity, so the tree is at most about three times the parenthesis depth deep.
     */
    public static Expr parse(String text) throws Unsupported {
        if (text.contains("|")) {
            throw new Unsupported("aggregation in the condition (\""
                    + text.substring(text.indexOf('|')).trim()
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
                while (p < text.length()
                        && !Character.isWhitespace(text.charAt(p))
                        && text.charAt(p) != '('
                        && text.charAt(p) != ')') {
                    p++;
                }
                tokens.add(text.substring(start, p));
            }
        }
        if (tokens.isEmpty()) {
            throw new Unsupported("the condition is empty");
        }
        List<Group> open = new ArrayList<>();
        Group g = new Group();
        boolean operand = true; // an operand is expected next (else and, or, ) or the end)
        int i = 0;
        while (i < tokens.size()) {
            String t = tokens.get(i);
            String lower = t.toLowerCase(Locale.ROOT);
            if (operand) {
                if (lower.equals("not")) {
                    g.negate = !g.negate;
                    i++;
                } else if (t.equals("(")) {
                    if (open.size() >= MAX_PARENTHESES_DEPTH) {
                        throw new Unsupported("the condition nests parentheses deeper than " + MAX_PARENTHESES_DEPTH);
                    }
                    open.add(g);
                    g = new Group();
                    i++;
                } else {
                    if (lower.equals("near")) {
                        throw new Unsupported("\"near\" (a correlation) is not supported");
                    }
                    if (lower.equals(")") || lower.equals("and") || lower.equals("or")) {
                        throw new Unsupported("unexpected \"" + t + "\" where a search identifier was expected");
                    }
                    Expr atom;
                    if (i + 1 < tokens.size() && tokens.get(i + 1).equalsIgnoreCase("of")) {
                        boolean all;
                        if (lower.equals("1") || lower.equals("any")) {
                            all = false;
                        } else if (lower.equals("all")) {
                            all = true;
                        } else {
                            throw new Unsupported("\"" + t + " of\" is not supported; use 1 of or all of");
                        }
                        String target = i + 2 < tokens.size() ? tokens.get(i + 2) : null;
                        if (target == null || target.equals("(") || target.equals(")")) {
                            throw new Unsupported(
                                    "expected them or a search identifier pattern after \"" + t + " of\"");
                        }
                        atom = new Quantified(all, target);
                        i += 3;
                    } else {
                        atom = new Ref(t);
                        i++;
                    }
                    operand(g, atom);
                    operand = false;
                }
            } else if (lower.equals("and")) {
                operand = true;
                i++;
            } else if (lower.equals("or")) {
                g.or.add(join(g.and, false));
                g.and = new ArrayList<>();
                operand = true;
                i++;
            } else if (t.equals(")") && !open.isEmpty()) {
                Expr inner = finish(g);
                g = open.remove(open.size() - 1);
                operand(g, inner);
                i++;
            } else {
                throw new Unsupported("unexpected \"" + t + "\" in the condition \"" + text + "\"");
            }
        }
        if (operand) {
            throw new Unsupported("the condition ends where a search identifier was expected");
        }
        if (!open.isEmpty()) {
            throw new Unsupported("a ( in the condition is not closed");
        }
        return finish(g);
    }

    private static void operand(Group g, Expr n) {
        g.and.add(g.negate ? new Expr.Not(n) : n);
        g.negate = false;
    }

    private static Expr finish(Group g) {
        g.or.add(join(g.and, false));
        return join(g.or, true);
    }

    private static Expr join(List<Expr> parts, boolean or) {
        return or ? Expr.anyOf(parts) : Expr.allOf(parts);
    }
}
