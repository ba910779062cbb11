package io.github.trailkit.rules.internal.logic;

import java.util.ArrayList;
import java.util.List;

/**
 * A boolean expression over leaves, as the two condition languages read into the rules are parsed: CloudWatch Logs
 * filter patterns ({@code &&}, {@code ||}, parentheses) and Sigma conditions ({@code and}, {@code or}, {@code not},
 * parentheses). Each parser adds its own leaves; both trees are turned into conditions by one {@link #fold}.
 *
 * <pre>{@code
 * Expr e = Expr.anyOf(List.of(a, Expr.allOf(List.of(b, new Expr.Not(c)))));
 * String text = Expr.fold(e, new Expr.Folder<String, RuntimeException>() {...});
 * }</pre>
 */
public interface Expr {
    /** Every part holds. */
    record And(List<Expr> parts) implements Expr {
        public And {
            parts = List.copyOf(parts);
        }
    }

    /** Some part holds. */
    record Or(List<Expr> parts) implements Expr {
        public Or {
            parts = List.copyOf(parts);
        }
    }

    /** The inner expression does not hold. */
    record Not(Expr inner) implements Expr {}

    /** The conjunction of {@code parts}: the part itself when there is one. */
    static Expr allOf(List<? extends Expr> parts) {
        return parts.size() == 1 ? parts.get(0) : new And(List.copyOf(parts));
    }

    /** The disjunction of {@code parts}: the part itself when there is one. */
    static Expr anyOf(List<? extends Expr> parts) {
        return parts.size() == 1 ? parts.get(0) : new Or(List.copyOf(parts));
    }

    /**
     * What an expression becomes: a value per leaf, and the ways values combine.
     *
     * @param <R> the result, such as a condition
     * @param <X> what a leaf may throw
     */
    interface Folder<R, X extends Exception> {
        R leaf(Expr leaf) throws X;

        R and(List<R> parts);

        R or(List<R> parts);

        R not(R inner);
    }

    /** Folds {@code e} bottom up: leaves by {@link Folder#leaf}, the rest by the folder's combinations. */
    static <R, X extends Exception> R fold(Expr e, Folder<R, X> folder) throws X {
        if (e instanceof And and) {
            return folder.and(foldAll(and.parts(), folder));
        }
        if (e instanceof Or or) {
            return folder.or(foldAll(or.parts(), folder));
        }
        if (e instanceof Not not) {
            return folder.not(fold(not.inner(), folder));
        }
        return folder.leaf(e);
    }

    private static <R, X extends Exception> List<R> foldAll(List<Expr> parts, Folder<R, X> folder) throws X {
        List<R> out = new ArrayList<>(parts.size());
        for (Expr p : parts) {
            out.add(fold(p, folder));
        }
        return out;
    }
}
