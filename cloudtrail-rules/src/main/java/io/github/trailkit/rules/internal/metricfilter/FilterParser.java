package io.github.trailkit.rules.internal.metricfilter;

import io.github.trailkit.rules.internal.logic.Expr;
import io.github.trailkit.rules.internal.metricfilter.FilterSyntax.Check;
import io.github.trailkit.rules.internal.metricfilter.FilterSyntax.CheckKind;
import io.github.trailkit.rules.internal.metricfilter.FilterSyntax.Comparison;
import io.github.trailkit.rules.internal.metricfilter.FilterSyntax.Operator;
import io.github.trailkit.rules.internal.metricfilter.FilterSyntax.Selector;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A recursive-descent parser for CloudWatch Logs JSON filter patterns (at most {@link #MAX_PATTERN_LENGTH} characters
 * and {@link #MAX_PARENTHESES_DEPTH} levels of parentheses, so the recursion is bounded):
 *
 * <pre>
 * pattern    = "{" or "}"
 * or         = and { "||" and }
 * and        = primary { "&amp;&amp;" primary }
 * primary    = "(" or ")" | selector test
 * selector   = "$" { "." name { "[" digits "]" } }
 * test       = op value | "IS NULL" | "NOT EXISTS" | "IS TRUE" | "IS FALSE"
 * op         = "=" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;="
 * value      = quoted string | number | unquoted word
 * </pre>
 *
 * <p>Errors are {@link FilterSyntaxError}s with the 1-based column. Example:
 *
 * <pre>{@code
 * Expr n = FilterParser.parse("{ ($.errorCode = \"AccessDenied*\") || ($.errorCode = \"*UnauthorizedOperation\") }");
 * }</pre>
 */
public final class FilterParser {
    /** A JSON-style number: sign, digits, optional fraction and exponent, as the CloudWatch documentation lists. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    /**
     * The longest filter pattern read, in characters: CloudWatch Logs' own limit (PutMetricFilter, filterPattern,
     * maximum length 1024, in the CloudWatch Logs API Reference).
     */
    public static final int MAX_PATTERN_LENGTH = 1024;
    /** The deepest nesting of parentheses read; deeper is refused (the parser recurses once per level). */
    public static final int MAX_PARENTHESES_DEPTH = 64;

    private final String text;
    private int pos;
    private int depth;

    private FilterParser(String text) {
        this.text = text;
    }

    /** Parses a whole pattern, braces included. */
    public static Expr parse(String pattern) {
        if (pattern.length() > MAX_PATTERN_LENGTH) {
            throw new FilterSyntaxError(
                    pattern.substring(0, MAX_PATTERN_LENGTH) + "...",
                    MAX_PATTERN_LENGTH + 1,
                    "the pattern has " + pattern.length() + " characters, over CloudWatch Logs' limit of "
                            + MAX_PATTERN_LENGTH + " (shown up to the limit)");
        }
        FilterParser p = new FilterParser(pattern);
        p.skipSpace();
        if (p.pos < pattern.length() && pattern.charAt(p.pos) == '%') {
            throw p.error("regular expression patterns (%...%) are not supported; use a JSON pattern { ... }");
        }
        p.expect('{', "a JSON filter pattern starts with {");
        p.skipSpace();
        if (p.peek() == '}') {
            throw p.error("empty pattern: expected a condition such as $.eventName = \"ConsoleLogin\"");
        }
        Expr n = p.or();
        p.skipSpace();
        p.expect('}', "expected && or || or the closing }");
        p.skipSpace();
        if (p.pos < pattern.length()) {
            throw p.error("unexpected text after the closing }");
        }
        return n;
    }

    private Expr or() {
        List<Expr> parts = new ArrayList<>();
        parts.add(and());
        while (true) {
            skipSpace();
            if (text.startsWith("||", pos)) {
                pos += 2;
                parts.add(and());
            } else {
                break;
            }
        }
        return Expr.anyOf(parts);
    }

    private Expr and() {
        List<Expr> parts = new ArrayList<>();
        parts.add(primary());
        while (true) {
            skipSpace();
            if (text.startsWith("&&", pos)) {
                pos += 2;
                parts.add(primary());
            } else {
                break;
            }
        }
        return Expr.allOf(parts);
    }

    private Expr primary() {
        skipSpace();
        char c = peek();
        if (c == '(') {
            if (depth == MAX_PARENTHESES_DEPTH) {
                throw error("parentheses nested deeper than " + MAX_PARENTHESES_DEPTH);
            }
            pos++;
            depth++;
            Expr inner = or();
            skipSpace();
            expect(')', "expected ) or && or ||");
            depth--;
            return inner;
        }
        if (c == '$') {
            Selector s = selector();
            return test(s);
        }
        if (c == '!' || (c == 'N' && text.startsWith("NOT ", pos))) {
            throw error("there is no general negation in filter patterns; use != or NOT EXISTS");
        }
        throw error(
                pos >= text.length() || c == '}'
                        ? "expected a condition such as $.eventName = \"X\""
                        : "expected ( or a property selector starting with $.");
    }

    private Selector selector() {
        int start = pos;
        pos++; // $
        List<Object> steps = new ArrayList<>();
        if (peek() != '.') {
            throw error("expected . after $ (a selector looks like $.userIdentity.type)");
        }
        while (peek() == '.') {
            pos++;
            int nameStart = pos;
            while (pos < text.length() && isNameChar(text.charAt(pos))) {
                pos++;
            }
            if (pos == nameStart) {
                throw error("expected a property name (letters, digits, - and _) after .");
            }
            steps.add(text.substring(nameStart, pos));
            while (peek() == '[') {
                pos++;
                int digitsStart = pos;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
                if (pos == digitsStart) {
                    throw error("expected an array index (digits) after [");
                }
                steps.add(Integer.valueOf(text.substring(digitsStart, pos)));
                expect(']', "expected ] after the array index");
            }
        }
        return new Selector(steps, text.substring(start, pos));
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    private Expr test(Selector s) {
        skipSpace();
        if (text.startsWith("IS NULL", pos)) {
            pos += 7;
            return new Check(s, CheckKind.IS_NULL);
        }
        if (text.startsWith("NOT EXISTS", pos)) {
            pos += 10;
            return new Check(s, CheckKind.NOT_EXISTS);
        }
        if (text.startsWith("IS TRUE", pos)) {
            pos += 7;
            return new Check(s, CheckKind.IS_TRUE);
        }
        if (text.startsWith("IS FALSE", pos)) {
            pos += 8;
            return new Check(s, CheckKind.IS_FALSE);
        }
        if (text.startsWith("IS NOT", pos)) {
            throw error("IS NOT is not part of the filter syntax; use != or NOT EXISTS");
        }
        if (text.startsWith("EXISTS", pos)) {
            throw error("EXISTS is not part of the filter syntax; use = \"*\" for a property with a value");
        }
        Operator op;
        if (text.startsWith("!=", pos)) {
            op = Operator.NE;
        } else if (text.startsWith("<=", pos)) {
            op = Operator.LE;
        } else if (text.startsWith(">=", pos)) {
            op = Operator.GE;
        } else if (text.startsWith("=", pos)) {
            op = Operator.EQ;
        } else if (text.startsWith("<", pos)) {
            op = Operator.LT;
        } else if (text.startsWith(">", pos)) {
            op = Operator.GT;
        } else {
            throw error(
                    "expected an operator (= != < <= > >=) or IS NULL, NOT EXISTS, IS TRUE, IS FALSE after " + s.text);
        }
        pos += op.symbol.length();
        if (peek() == '=') {
            throw error("== is not an operator; use =");
        }
        skipSpace();
        int valueStart = pos;
        char c = peek();
        if (c == '"') {
            String value = quoted();
            return comparison(s, op, value, text.substring(valueStart, pos), valueStart, true);
        }
        if (c == '%') {
            throw error("regular expression values (%...%) are not supported");
        }
        while (pos < text.length() && !isValueEnd(text.charAt(pos))) {
            pos++;
        }
        if (pos == valueStart) {
            throw error("expected a value after " + op.symbol);
        }
        String word = text.substring(valueStart, pos);
        return comparison(s, op, word, word, valueStart, false);
    }

    private static boolean isValueEnd(char c) {
        return Character.isWhitespace(c)
                || c == ')'
                || c == '('
                || c == '&'
                || c == '|'
                || c == '}'
                || c == '{'
                || c == '"';
    }

    private Expr comparison(Selector s, Operator op, String value, String written, int at, boolean quoted) {
        if (!quoted && NUMBER.matcher(value).matches()) {
            return new Comparison(s, op, new BigDecimal(value), null, false, false, false, written);
        }
        boolean numericOp = op != Operator.EQ && op != Operator.NE;
        if (numericOp) {
            throw new FilterSyntaxError(
                    text, at + 1, op.symbol + " compares numbers; expected a number, was " + written);
        }
        if (value.equals("*")) {
            return new Comparison(s, op, null, "", false, false, true, written);
        }
        boolean leading = value.startsWith("*");
        boolean trailing = value.length() > 1 && value.endsWith("*");
        String core = value.substring(leading ? 1 : 0, value.length() - (trailing ? 1 : 0));
        return new Comparison(s, op, null, core, leading, trailing, false, written);
    }

    private String quoted() {
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string: expected a closing \"");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\' && pos < text.length() && (text.charAt(pos) == '"' || text.charAt(pos) == '\\')) {
                sb.append(text.charAt(pos++));
            } else {
                sb.append(c);
            }
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private void expect(char c, String message) {
        if (peek() != c) {
            throw error(message);
        }
        pos++;
    }

    private FilterSyntaxError error(String reason) {
        return new FilterSyntaxError(text, pos + 1, reason);
    }
}
