package io.github.trailkit.rules.internal.match;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * An upper estimate of the size of the program RE2J compiles a regular expression to, computed from the text before
 * compiling: RE2J has no cap of its own, and a short expression of nested counted repetitions such as
 * {@code ((a{1000}){1000}){1000}} asks for a billion instructions (the heap is gone before compiling ends), while the
 * time to match grows with program size times value length. Each literal character, class, anchor and {@code .}
 * counts one, each {@code *}, {@code +}, {@code ?} and {@code |} one more, and {@code x{n,m}} counts
 * {@code max(n, m)} copies of {@code x} and as many more. Internal to the rule matchers.
 *
 * <pre>{@code
 * String refusal = RegexSize.refusal("((a{100}){100}){100}"); // "too large: ... over the limit of 10000 ..."
 * }</pre>
 */
public final class RegexSize {
    /** The largest estimated program compiled: far above hand-written expressions, which take hundreds. */
    public static final int MAX_PROGRAM_SIZE = 10_000;

    private static final long SATURATED = 1L << 40;

    private RegexSize() {}

    /** Why {@code regex} is refused (an estimated program over {@link #MAX_PROGRAM_SIZE}), or null. */
    public static String refusal(String regex) {
        long size = estimate(regex);
        return size <= MAX_PROGRAM_SIZE
                ? null
                : "too large: its RE2J program would have about "
                        + (size >= SATURATED ? "more than " + SATURATED : size) + " instructions, over the limit of "
                        + MAX_PROGRAM_SIZE + " (nested or large counted repetitions such as (x{100}){100}); "
                        + "write it smaller";
    }

    /** {@code regex} shortened for a message. */
    public static String shown(String regex) {
        return regex.length() <= 200 ? regex : regex.substring(0, 200) + "...";
    }

    private static final class Frame {
        long alternatives; // finished alternatives with their | instructions
        long current; // the concatenation being read
        long last; // the last atom of it, which a repetition applies to
    }

    private static long add(long a, long b) {
        return Math.min(SATURATED, a + b);
    }

    private static long times(long a, long b) {
        return a == 0 || b == 0 ? 0 : (a >= SATURATED / b ? SATURATED : a * b);
    }

    /** The estimated number of instructions; saturates at 2^40. Never below the real size for valid expressions. */
    public static long estimate(String regex) {
        Deque<Frame> stack = new ArrayDeque<>();
        Frame f = new Frame();
        int i = 0;
        int n = regex.length();
        while (i < n) {
            char c = regex.charAt(i);
            long atom = 1;
            switch (c) {
                case '\\': {
                    if (i + 1 < n && regex.charAt(i + 1) == 'Q') {
                        int end = regex.indexOf("\\E", i + 2);
                        int stop = end < 0 ? n : end;
                        long literal = stop - (i + 2);
                        f.current = add(f.current, literal);
                        f.last = literal > 0 ? 1 : 0;
                        i = end < 0 ? n : end + 2;
                        continue;
                    }
                    i += 2;
                    if (i <= n && i - 1 < n) {
                        char e = regex.charAt(i - 1);
                        if ((e == 'p' || e == 'P' || e == 'x') && i < n && regex.charAt(i) == '{') {
                            int close = regex.indexOf('}', i);
                            i = close < 0 ? n : close + 1;
                        }
                    }
                    break;
                }
                case '[': {
                    int j = i + 1;
                    if (j < n && regex.charAt(j) == '^') {
                        j++;
                    }
                    if (j < n && regex.charAt(j) == ']') {
                        j++; // a ] first is literal
                    }
                    while (j < n && regex.charAt(j) != ']') {
                        if (regex.charAt(j) == '\\') {
                            j++;
                        } else if (regex.charAt(j) == '[' && j + 1 < n && regex.charAt(j + 1) == ':') {
                            int close = regex.indexOf(":]", j + 2);
                            if (close >= 0) {
                                j = close + 1;
                            }
                        }
                        j++;
                    }
                    i = Math.min(n, j + 1);
                    break;
                }
                case '(': {
                    if (i + 1 < n && regex.charAt(i + 1) == '?') {
                        // (?flags) sets flags and is no group; (?flags:, (?P<name> and (?<name> open one
                        int j = i + 2;
                        while (j < n
                                && regex.charAt(j) != ')'
                                && regex.charAt(j) != ':'
                                && regex.charAt(j) != '<'
                                && regex.charAt(j) != '(') {
                            j++;
                        }
                        if (j < n && regex.charAt(j) == ')') {
                            i = j + 1;
                            continue;
                        }
                    }
                    stack.push(f);
                    f = new Frame();
                    i++;
                    continue;
                }
                case ')': {
                    long group = add(add(f.alternatives, f.current), 2);
                    if (stack.isEmpty()) {
                        i++;
                        f.current = add(f.current, 1);
                        f.last = 1;
                        continue; // an unmatched ) is RE2J's error; count it and go on
                    }
                    f = stack.pop();
                    f.current = add(f.current, group);
                    f.last = group;
                    i++;
                    continue;
                }
                case '|':
                    f.alternatives = add(add(f.alternatives, f.current), 1);
                    f.current = 0;
                    f.last = 0;
                    i++;
                    continue;
                case '*':
                case '+':
                case '?':
                    f.current = add(f.current, 1);
                    f.last = add(f.last, 1);
                    i++;
                    if (i < n && regex.charAt(i) == '?') {
                        i++;
                    }
                    continue;
                case '{': {
                    int j = i + 1;
                    long min = 0;
                    long max = -1;
                    int digits = 0;
                    while (j < n && Character.isDigit(regex.charAt(j)) && digits < 9) {
                        min = min * 10 + (regex.charAt(j) - '0');
                        j++;
                        digits++;
                    }
                    boolean valid = digits > 0 && j < n;
                    if (valid && regex.charAt(j) == ',') {
                        j++;
                        int maxDigits = 0;
                        long m = 0;
                        while (j < n && Character.isDigit(regex.charAt(j)) && maxDigits < 9) {
                            m = m * 10 + (regex.charAt(j) - '0');
                            j++;
                            maxDigits++;
                        }
                        max = maxDigits > 0 ? m : min + 1;
                    } else {
                        max = min;
                    }
                    if (valid && j < n && regex.charAt(j) == '}') {
                        long copies = Math.max(min, max);
                        long repeated = add(times(f.last, copies), copies);
                        f.current = add(f.current - f.last, repeated);
                        f.last = repeated;
                        i = j + 1;
                        if (i < n && regex.charAt(i) == '?') {
                            i++;
                        }
                        continue;
                    }
                    i++; // a { that starts no repetition is a literal
                    break;
                }
                default:
                    i++;
            }
            f.current = add(f.current, atom);
            f.last = atom;
        }
        while (!stack.isEmpty()) { // an unclosed ( is RE2J's error; count what was read
            long group = add(add(f.alternatives, f.current), 2);
            f = stack.pop();
            f.current = add(f.current, group);
        }
        return add(add(f.alternatives, f.current), 2);
    }
}
