package io.github.trailkit.rules.internal.match;

import java.util.List;

/**
 * A wildcard pattern given as its literal runs between {@code *}s, matched in time linear in the value plus the
 * pattern: each run between the first and the last is found at its leftmost place (never worse for the runs after it)
 * by a Knuth-Morris-Pratt search, which never steps back in the value. Optionally case-insensitive (each character
 * compared by its simple case fold). Internal to the rule matchers; immutable and thread-safe.
 *
 * <pre>{@code
 * Glob g = new Glob(List.of("arn:aws:iam::", ":root"), false); // arn:aws:iam::*:root
 * g.matches("arn:aws:iam::123456789012:root"); // true
 * }</pre>
 */
public final class Glob {
    private final char[][] runs;
    private final int[][] failure;
    private final boolean ignoreCase;

    /**
     * A pattern of {@code runs} separated by {@code *} (one run: no star, the value must equal it).
     *
     * @param ignoreCase compare characters by their case fold
     */
    public Glob(List<String> runs, boolean ignoreCase) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a wildcard has at least one run");
        }
        this.ignoreCase = ignoreCase;
        this.runs = new char[runs.size()][];
        this.failure = new int[runs.size()][];
        for (int k = 0; k < runs.size(); k++) {
            char[] r = runs.get(k).toCharArray();
            if (ignoreCase) {
                for (int i = 0; i < r.length; i++) {
                    r[i] = fold(r[i]);
                }
            }
            this.runs[k] = r;
            this.failure[k] = failure(r);
        }
    }

    /** The simple case fold of one character. */
    public static char fold(char c) {
        return c < 128 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(Character.toUpperCase(c));
    }

    private char at(String s, int i) {
        return ignoreCase ? fold(s.charAt(i)) : s.charAt(i);
    }

    /** True when the whole of {@code s} matches. */
    public boolean matches(String s) {
        return matches(s, null);
    }

    /**
     * The number of value characters {@link #matches} compares for {@code s}: at most two per value character plus
     * one per pattern character, whatever the pattern. For tests of the bound.
     */
    public long comparisons(String s) {
        long[] count = new long[1];
        matches(s, count);
        return count[0];
    }

    private boolean matches(String s, long[] count) {
        char[] first = runs[0];
        if (runs.length == 1) {
            return s.length() == first.length && regionMatches(s, 0, first, count);
        }
        char[] last = runs[runs.length - 1];
        if (s.length() < first.length + last.length
                || !regionMatches(s, 0, first, count)
                || !regionMatches(s, s.length() - last.length, last, count)) {
            return false;
        }
        int from = first.length;
        int end = s.length() - last.length;
        for (int k = 1; k < runs.length - 1; k++) {
            int at = indexOf(s, from, end, k, count);
            if (at < 0) {
                return false;
            }
            from = at + runs[k].length;
        }
        return true;
    }

    private boolean regionMatches(String s, int offset, char[] run, long[] count) {
        int i = 0;
        while (i < run.length && at(s, offset + i) == run[i]) {
            i++;
        }
        if (count != null) {
            count[0] += Math.min(i + 1, run.length);
        }
        return i == run.length;
    }

    /** The leftmost place in {@code s[from, end)} where run {@code k} lies wholly, or -1; linear in end - from. */
    private int indexOf(String s, int from, int end, int k, long[] count) {
        char[] run = runs[k];
        int[] f = failure[k];
        if (run.length == 0) {
            return from;
        }
        long steps = 0;
        int matched = 0;
        int found = -1;
        for (int i = from; i < end; i++) {
            char c = at(s, i);
            steps++;
            while (matched > 0 && run[matched] != c) {
                matched = f[matched - 1];
                steps++;
            }
            if (run[matched] == c) {
                matched++;
                if (matched == run.length) {
                    found = i - run.length + 1;
                    break;
                }
            }
        }
        if (count != null) {
            count[0] += steps;
        }
        return found;
    }

    /** KMP: for each prefix length i+1, the length of its longest proper prefix that is also a suffix. */
    private static int[] failure(char[] run) {
        int[] f = new int[run.length];
        int k = 0;
        for (int i = 1; i < run.length; i++) {
            while (k > 0 && run[i] != run[k]) {
                k = f[k - 1];
            }
            if (run[i] == run[k]) {
                k++;
            }
            f[i] = k;
        }
        return f;
    }
}
