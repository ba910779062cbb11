package io.github.trailkit.rules;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.github.trailkit.rules.internal.match.Glob;
import io.github.trailkit.rules.internal.match.RegexSize;
import io.github.trailkit.rules.internal.yaml.RuleText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A test on one leaf value (see {@link Leaves}): the operators of the DSL and of EventBridge patterns. Each test knows
 * its DSL text, and the exact strings it requires (for the rule index).
 */
abstract class ValueMatcher implements Leaves.Visitor {
    /** True when the leaf passes. */
    abstract boolean accepts(Object leaf);

    /** A walk over leaves stops at the first leaf that passes. */
    @Override
    public final boolean visit(Object leaf) {
        return accepts(leaf);
    }

    /** The DSL method call, such as {@code in("a", "b")}. */
    abstract String dsl();

    /** The strings a leaf must equal to pass, or null when the test is not an exact-string test. */
    Set<String> exactStrings() {
        return null;
    }

    /** A rough cost, to test cheap conditions first. */
    int cost() {
        return 1;
    }

    static String quote(String s) {
        return RuleText.quote(s);
    }

    static String quoteAll(Iterable<String> values) {
        List<String> q = new ArrayList<>();
        values.forEach(v -> q.add(quote(v)));
        return String.join(", ", q);
    }

    static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    /* ------------------------------------------------------------------ exact values */

    static final class OneOf extends ValueMatcher {
        final Set<String> values;

        OneOf(Set<String> values) {
            this.values = Set.copyOf(values);
            this.order = List.copyOf(values);
            this.only = this.values.size() == 1 ? this.order.get(0) : null;
        }

        private final List<String> order;
        private final String only; // the value when there is one: equals is cheaper than a set lookup

        @Override
        boolean accepts(Object leaf) {
            if (!(leaf instanceof String)) {
                return false;
            }
            return only != null ? only.equals(leaf) : values.contains(leaf);
        }

        @Override
        String dsl() {
            return order.size() == 1 ? "is(" + quote(order.get(0)) + ")" : "in(" + quoteAll(order) + ")";
        }

        @Override
        Set<String> exactStrings() {
            return values;
        }
    }

    static final class NumberEquals extends ValueMatcher {
        final double value;

        NumberEquals(double value) {
            this.value = value;
        }

        @Override
        boolean accepts(Object leaf) {
            return leaf instanceof Double && (Double) leaf == value;
        }

        @Override
        String dsl() {
            return "is(" + number(value) + ")";
        }
    }

    static final class BooleanEquals extends ValueMatcher {
        final boolean value;

        BooleanEquals(boolean value) {
            this.value = value;
        }

        @Override
        boolean accepts(Object leaf) {
            return leaf instanceof Boolean && (Boolean) leaf == value;
        }

        @Override
        String dsl() {
            return "is(" + value + ")";
        }
    }

    static final class IsNull extends ValueMatcher {
        @Override
        boolean accepts(Object leaf) {
            return leaf == Leaves.NULL;
        }

        @Override
        String dsl() {
            return "isNull()";
        }
    }

    /** Present as a value ({@code null} included), not as an object. EventBridge's {@code exists: true}. */
    static final class Exists extends ValueMatcher {
        @Override
        boolean accepts(Object leaf) {
            return leaf != Leaves.OBJECT;
        }

        @Override
        String dsl() {
            return "existsAsLeaf()";
        }
    }

    /* ------------------------------------------------------------------ strings */

    static final class Prefix extends ValueMatcher {
        final String prefix;
        final boolean ignoreCase;

        Prefix(String prefix, boolean ignoreCase) {
            this.prefix = prefix;
            this.ignoreCase = ignoreCase;
        }

        @Override
        boolean accepts(Object leaf) {
            if (!(leaf instanceof String)) {
                return false;
            }
            String s = (String) leaf;
            return ignoreCase ? IgnoreCase.startsWith(s, prefix) : s.startsWith(prefix);
        }

        @Override
        String dsl() {
            return (ignoreCase ? "startsWithIgnoreCase(" : "startsWith(") + quote(prefix) + ")";
        }
    }

    static final class Suffix extends ValueMatcher {
        final String suffix;
        final boolean ignoreCase;

        Suffix(String suffix, boolean ignoreCase) {
            this.suffix = suffix;
            this.ignoreCase = ignoreCase;
        }

        @Override
        boolean accepts(Object leaf) {
            if (!(leaf instanceof String)) {
                return false;
            }
            String s = (String) leaf;
            return ignoreCase ? IgnoreCase.endsWith(s, suffix) : s.endsWith(suffix);
        }

        @Override
        String dsl() {
            return (ignoreCase ? "endsWithIgnoreCase(" : "endsWith(") + quote(suffix) + ")";
        }
    }

    /**
     * Case-insensitive comparison as EventBridge (Event Ruler) does it: each character of the operand matches itself,
     * its lower case or its upper case ({@link Locale#ROOT}, full mappings), so {@code "straße"} matches {@code
     * "STRASSE"} (upper case of ß is SS) but {@code "STRASSE"} does not match {@code "straße"}, and {@code "İ"} (dotted
     * capital I) does not match {@code "i"}. Characters are taken by code point, so characters outside the BMP match
     * themselves too.
     */
    static final class IgnoreCase {
        private IgnoreCase() {}

        static boolean equals(String value, String operand) {
            boolean[] at = forward(value, operand);
            return at[value.length()];
        }

        static boolean startsWith(String value, String operand) {
            for (boolean b : forward(value, operand)) {
                if (b) {
                    return true;
                }
            }
            return false;
        }

        static boolean endsWith(String value, String operand) {
            boolean[] at = new boolean[value.length() + 1];
            at[value.length()] = true;
            for (int j = operand.length(); j > 0; ) {
                int cp = operand.codePointBefore(j);
                j -= Character.charCount(cp);
                String[] forms = forms(cp);
                boolean[] next = new boolean[at.length];
                boolean any = false;
                for (int i = 0; i < at.length; i++) {
                    if (at[i]) {
                        for (String f : forms) {
                            if (i >= f.length() && value.startsWith(f, i - f.length())) {
                                next[i - f.length()] = true;
                                any = true;
                            }
                        }
                    }
                }
                if (!any) {
                    return false;
                }
                at = next;
            }
            return true;
        }

        /** The positions of {@code value} the whole operand can reach from its start. */
        private static boolean[] forward(String value, String operand) {
            boolean[] at = new boolean[value.length() + 1];
            at[0] = true;
            for (int j = 0; j < operand.length(); ) {
                int cp = operand.codePointAt(j);
                j += Character.charCount(cp);
                String[] forms = forms(cp);
                boolean[] next = new boolean[at.length];
                for (int i = 0; i < at.length; i++) {
                    if (at[i]) {
                        for (String f : forms) {
                            if (value.startsWith(f, i)) {
                                next[i + f.length()] = true;
                            }
                        }
                    }
                }
                at = next;
            }
            return at;
        }

        private static String[] forms(int cp) {
            String c = new String(Character.toChars(cp));
            return new String[] {c, c.toLowerCase(Locale.ROOT), c.toUpperCase(Locale.ROOT)};
        }
    }

    static final class Contains extends ValueMatcher {
        final String part;
        private final Glob glob;

        Contains(String part) {
            this.part = part;
            this.glob = new Glob(List.of("", part, ""), false);
        }

        @Override
        boolean accepts(Object leaf) {
            return leaf instanceof String string && glob.matches(string); // linear, unlike String.contains
        }

        @Override
        String dsl() {
            return "contains(" + quote(part) + ")";
        }

        @Override
        int cost() {
            return 2;
        }
    }

    static final class EqualsIgnoreCase extends ValueMatcher {
        final List<String> values;

        EqualsIgnoreCase(List<String> values) {
            this.values = List.copyOf(values);
        }

        @Override
        boolean accepts(Object leaf) {
            if (!(leaf instanceof String)) {
                return false;
            }
            for (String v : values) {
                if (IgnoreCase.equals((String) leaf, v)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        String dsl() {
            return "equalsIgnoreCase(" + quoteAll(values) + ")";
        }
    }

    /** {@code *} is any run of characters (none included); {@code \*} is a star and {@code \\} a backslash. */
    static final class Wildcard extends ValueMatcher {
        final String pattern;
        private final Glob glob; // the literal runs between stars

        Wildcard(String pattern) {
            this.pattern = pattern;
            List<String> runs = new ArrayList<>();
            StringBuilder run = new StringBuilder();
            boolean lastWasStar = false;
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '\\') {
                    if (i + 1 >= pattern.length() || (pattern.charAt(i + 1) != '*' && pattern.charAt(i + 1) != '\\')) {
                        throw new IllegalArgumentException("wildcard: only \\* and \\\\ may be escaped, at position "
                                + i + " of " + quote(pattern));
                    }
                    run.append(pattern.charAt(++i));
                    lastWasStar = false;
                } else if (c == '*') {
                    if (lastWasStar) {
                        throw new IllegalArgumentException(
                                "wildcard: consecutive * at position " + i + " of " + quote(pattern));
                    }
                    runs.add(run.toString());
                    run.setLength(0);
                    lastWasStar = true;
                } else {
                    run.append(c);
                    lastWasStar = false;
                }
            }
            runs.add(run.toString());
            this.glob = new Glob(runs, false);
        }

        @Override
        boolean accepts(Object leaf) {
            if (!(leaf instanceof String)) {
                return false;
            }
            return glob.matches((String) leaf); // linear in the value, whatever the pattern
        }

        @Override
        String dsl() {
            return "wildcard(" + quote(pattern) + ")";
        }

        @Override
        int cost() {
            return 3;
        }
    }

    /** Contains {@code part}, case folded character by character (RE2's {@code (?i)}: linear in the value). */
    static final class ContainsIgnoreCase extends ValueMatcher {
        final String part;
        private final Pattern pattern;

        ContainsIgnoreCase(String part) {
            this.part = part;
            this.pattern = Pattern.compile("(?is).*" + Pattern.quote(part) + ".*");
        }

        @Override
        boolean accepts(Object leaf) {
            return leaf instanceof String string && pattern.matches(string);
        }

        @Override
        String dsl() {
            return "containsIgnoreCase(" + quote(part) + ")";
        }

        @Override
        int cost() {
            return 4;
        }
    }

    /** A wildcard pattern (as {@link Wildcard}) matched ignoring case, through RE2J (linear in the value). */
    static final class WildcardIgnoreCase extends ValueMatcher {
        final String wildcard;
        private final Pattern pattern;

        WildcardIgnoreCase(String wildcard) {
            new Wildcard(wildcard); // the same syntax and the same errors
            this.wildcard = wildcard;
            StringBuilder regex = new StringBuilder("(?is)");
            StringBuilder run = new StringBuilder();
            for (int i = 0; i < wildcard.length(); i++) {
                char c = wildcard.charAt(i);
                if (c == '\\') {
                    run.append(wildcard.charAt(++i));
                } else if (c == '*') {
                    regex.append(Pattern.quote(run.toString())).append(".*");
                    run.setLength(0);
                } else {
                    run.append(c);
                }
            }
            this.pattern =
                    Pattern.compile(regex.append(Pattern.quote(run.toString())).toString());
        }

        @Override
        boolean accepts(Object leaf) {
            return leaf instanceof String string && pattern.matches(string);
        }

        @Override
        String dsl() {
            return "wildcardIgnoreCase(" + quote(wildcard) + ")";
        }

        @Override
        int cost() {
            return 5;
        }
    }

    /** Another test under the name of the DSL call that made it, such as {@code startsWith("a", "b")}. */
    static final class Named extends ValueMatcher {
        final ValueMatcher inner;
        private final String dsl;

        Named(ValueMatcher inner, String dsl) {
            this.inner = inner;
            this.dsl = dsl;
        }

        @Override
        boolean accepts(Object leaf) {
            return inner.accepts(leaf);
        }

        @Override
        String dsl() {
            return dsl;
        }

        @Override
        Set<String> exactStrings() {
            return inner.exactStrings();
        }

        @Override
        int cost() {
            return inner.cost();
        }
    }

    /** RE2J: linear time in the input, whatever the expression. Must match the whole value. */
    static final class Regex extends ValueMatcher {
        final Pattern pattern;

        Regex(String regex) {
            String tooBig = RegexSize.refusal(regex);
            if (tooBig != null) {
                throw new IllegalArgumentException(
                        "regular expression " + quote(RegexSize.shown(regex)) + " is " + tooBig);
            }
            try {
                this.pattern = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        "invalid regular expression " + quote(regex) + ": " + e.getMessage(), e);
            }
        }

        @Override
        boolean accepts(Object leaf) {
            return leaf instanceof String string && pattern.matches(string);
        }

        @Override
        String dsl() {
            return "matchesRegex(" + quote(pattern.pattern()) + ")";
        }

        @Override
        int cost() {
            return 5;
        }
    }

    /* ------------------------------------------------------------------ numbers and addresses */

    static final class Range extends ValueMatcher {
        final double lower;
        final boolean lowerInclusive;
        final double upper;
        final boolean upperInclusive;

        Range(double lower, boolean lowerInclusive, double upper, boolean upperInclusive) {
            if (Double.isNaN(lower) || Double.isNaN(upper)) {
                throw new IllegalArgumentException("a numeric bound must be a number");
            }
            if (lower > upper) {
                throw new IllegalArgumentException(
                        "empty range: lower bound " + number(lower) + " is above upper bound " + number(upper));
            }
            this.lower = lower;
            this.lowerInclusive = lowerInclusive;
            this.upper = upper;
            this.upperInclusive = upperInclusive;
        }

        @Override
        boolean accepts(Object leaf) {
            if (!(leaf instanceof Double)) {
                return false;
            }
            double d = (Double) leaf;
            return (lowerInclusive ? d >= lower : d > lower) && (upperInclusive ? d <= upper : d < upper);
        }

        @Override
        String dsl() {
            boolean hasLower = lower != Double.NEGATIVE_INFINITY;
            boolean hasUpper = upper != Double.POSITIVE_INFINITY;
            if (hasLower && hasUpper) {
                if (lowerInclusive && upperInclusive) {
                    return "between(" + number(lower) + ", " + number(upper) + ")";
                }
                return "range(" + quote(lowerInclusive ? ">=" : ">") + ", " + number(lower) + ", "
                        + quote(upperInclusive ? "<=" : "<") + ", " + number(upper) + ")";
            }
            if (hasLower) {
                return (lowerInclusive ? "atLeast(" : "greaterThan(") + number(lower) + ")";
            }
            if (hasUpper) {
                return (upperInclusive ? "atMost(" : "lessThan(") + number(upper) + ")";
            }
            return "range(" + quote(">") + ", " + number(lower) + ", " + quote("<") + ", " + number(upper) + ")";
        }
    }

    static final class InCidr extends ValueMatcher {
        final List<Cidr> ranges;

        private final Cidr[] array; // iterated without an iterator

        InCidr(List<Cidr> ranges) {
            this.ranges = List.copyOf(ranges);
            this.array = this.ranges.toArray(new Cidr[0]);
        }

        @Override
        boolean accepts(Object leaf) {
            if (!(leaf instanceof String)) {
                return false;
            }
            String s = (String) leaf;
            if (s.indexOf(':') < 0) { // IPv4, or no address: read without allocating
                long bits = Cidr.parseV4Bits(s);
                if (bits < 0) {
                    return false;
                }
                for (Cidr r : array) {
                    if (r.containsV4((int) bits)) {
                        return true;
                    }
                }
                return false;
            }
            byte[] address = Cidr.parseAddress(s);
            if (address == null) {
                return false;
            }
            for (Cidr r : array) {
                if (r.contains(address)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        String dsl() {
            return "inCidr(" + quoteAll(ranges.stream().map(Cidr::toString).collect(Collectors.toList())) + ")";
        }

        @Override
        int cost() {
            return 3;
        }
    }

    /* ------------------------------------------------------------------ combinations */

    /** Passes when any of several tests passes: EventBridge's list of alternatives for one field. */
    static final class AnyOf extends ValueMatcher {
        final List<ValueMatcher> tests;
        private final ValueMatcher[] array; // iterated without an iterator

        AnyOf(List<ValueMatcher> tests) {
            this.tests = List.copyOf(tests);
            this.array = this.tests.toArray(new ValueMatcher[0]);
        }

        @Override
        boolean accepts(Object leaf) {
            for (ValueMatcher t : array) {
                if (t.accepts(leaf)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        String dsl() {
            return tests.stream().map(ValueMatcher::dsl).collect(Collectors.joining(" | "));
        }

        @Override
        Set<String> exactStrings() {
            Set<String> all = new LinkedHashSet<>();
            for (ValueMatcher t : tests) {
                Set<String> s = t.exactStrings();
                if (s == null) {
                    return null;
                }
                all.addAll(s);
            }
            return all;
        }

        @Override
        int cost() {
            return tests.stream().mapToInt(ValueMatcher::cost).sum();
        }
    }

    /**
     * EventBridge's {@code anything-but}: a value is present (not an object) and the excluded test rejects it. Against
     * an array, some element must pass.
     */
    static final class AnythingBut extends ValueMatcher {
        final ValueMatcher excluded;
        private final String dsl;

        AnythingBut(ValueMatcher excluded, String dsl) {
            this.excluded = excluded;
            this.dsl = dsl;
        }

        @Override
        boolean accepts(Object leaf) {
            return leaf != Leaves.OBJECT && !excluded.accepts(leaf);
        }

        @Override
        String dsl() {
            return dsl;
        }

        @Override
        int cost() {
            return excluded.cost();
        }
    }
}
