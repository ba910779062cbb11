package io.github.trailkit.rules.internal.metricfilter;

import io.github.trailkit.rules.internal.logic.Expr;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The leaves of a CloudWatch Logs JSON filter pattern, as {@link FilterParser} reads it into an {@link Expr}. Internal: users call
 * {@code MetricFilters.parse}.
 *
 * <pre>{@code
 * Expr n = FilterParser.parse("{ $.eventName = \"ConsoleLogin\" }");
 * // a Comparison of selector $.eventName, operator =, string operand ConsoleLogin
 * }</pre>
 */
public final class FilterSyntax {
    private FilterSyntax() {}

    /**
     * A property selector: {@code $.} and names, each followed by any number of {@code [n]} indexes. Each step is a
     * {@link String} member name or an {@link Integer} index.
     */
    public static final class Selector {
        public final List<Object> steps;
        public final String text;

        public Selector(List<Object> steps, String text) {
            this.steps = List.copyOf(steps);
            this.text = text;
        }

        /** The dotted path when the selector has no indexes, else null. */
        public String dottedPathOrNull() {
            List<String> names = new ArrayList<>();
            for (Object s : steps) {
                if (!(s instanceof String)) {
                    return null;
                }
                names.add((String) s);
            }
            return String.join(".", names);
        }
    }

    /** A comparison operator. */
    public enum Operator {
        EQ("="),
        NE("!="),
        LT("<"),
        LE("<="),
        GT(">"),
        GE(">=");

        public final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }
    }

    /**
     * {@code selector op operand}. The operand is a number ({@link #number} set) or a string ({@link #string} set, with
     * {@link #leadingStar} and {@link #trailingStar} for the wildcards); a lone {@code *} is a string operand with
     * {@code anyValue}.
     */
    public static final class Comparison implements Expr {
        public final Selector selector;
        public final Operator op;
        public final BigDecimal number;
        public final String string;
        public final boolean leadingStar;
        public final boolean trailingStar;
        public final boolean anyValue;
        /** The operand as written in the pattern. */
        public final String operandText;

        public Comparison(
                Selector selector,
                Operator op,
                BigDecimal number,
                String string,
                boolean leadingStar,
                boolean trailingStar,
                boolean anyValue,
                String operandText) {
            this.selector = Objects.requireNonNull(selector);
            this.op = Objects.requireNonNull(op);
            this.number = number;
            this.string = string;
            this.leadingStar = leadingStar;
            this.trailingStar = trailingStar;
            this.anyValue = anyValue;
            this.operandText = operandText;
        }
    }

    /** The postfix tests. */
    public enum CheckKind {
        IS_NULL("IS NULL"),
        NOT_EXISTS("NOT EXISTS"),
        IS_TRUE("IS TRUE"),
        IS_FALSE("IS FALSE");

        public final String text;

        CheckKind(String text) {
            this.text = text;
        }
    }

    /** {@code selector IS NULL}, {@code NOT EXISTS}, {@code IS TRUE} or {@code IS FALSE}. */
    public static final class Check implements Expr {
        public final Selector selector;
        public final CheckKind kind;

        public Check(Selector selector, CheckKind kind) {
            this.selector = Objects.requireNonNull(selector);
            this.kind = Objects.requireNonNull(kind);
        }
    }
}
