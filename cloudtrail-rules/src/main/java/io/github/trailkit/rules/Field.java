package io.github.trailkit.rules;

import io.github.trailkit.model.CloudTrailRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A place in a record, and the tests that can be made on the value found there. Get one from {@link Rules}: a typed
 * selector such as {@link Rules#eventName()}, or {@link Rules#field(String)} for any path, payloads included.
 *
 * <p>A path can run through arrays: the test holds when it holds for any element, as in EventBridge. String tests never
 * match numbers, booleans or {@code null}, and number tests never match strings ({@code "5"} is not 5).
 *
 * <pre>{@code
 * Condition c = field("requestParameters.bucketName").startsWith("prod-")
 *         .and(sourceIPAddress().inCidr("10.0.0.0/8").or(sourceIPAddress().is("AWS Internal")));
 * }</pre>
 */
public final class Field {
    private final String path;
    private final String[] segments;
    private final String dsl;
    private final Function<CloudTrailRecord, String> derived;
    private final CompiledPath compiled;

    private Field(String path, String dsl, Function<CloudTrailRecord, String> derived) {
        this.path = path;
        this.segments = path.split("\\.", -1);
        this.dsl = dsl;
        this.derived = derived;
        this.compiled = derived == null ? CompiledPath.of(segments) : null;
    }

    static Field of(String path, String dsl) {
        Objects.requireNonNull(path, "path");
        if (path.isEmpty() || Arrays.stream(path.split("\\.", -1)).anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException(
                    "a field path is dot-separated member names, was " + ValueMatcher.quote(path));
        }
        return new Field(path, dsl, null);
    }

    /** A value derived from the record, such as the EventBridge envelope's {@code source}. */
    static Field derived(String name, String dsl, Function<CloudTrailRecord, String> value) {
        return new Field(name, dsl, value);
    }

    /** The dotted JSON path this field reads, such as {@code userIdentity.type}. */
    public String path() {
        return path;
    }

    int depth() {
        return segments.length;
    }

    /** True when {@code visitor} accepts a leaf at this field of {@code record} (it then sees no further leaves). */
    boolean anyLeaf(CloudTrailRecord record, Leaves.Visitor visitor) {
        if (derived != null) {
            String v = derived.apply(record);
            return v != null && visitor.visit(v);
        }
        return compiled.walk(record, visitor);
    }

    /**
     * True when a leaf at this field of {@code record} passes {@code test}. A path of typed members that ends at a
     * string or a boolean has that one leaf, tested directly; any other is walked.
     */
    boolean anyLeafPasses(CloudTrailRecord record, ValueMatcher test) {
        if (derived == null) {
            Object single = compiled.single(record);
            if (single != CompiledPath.WALK) {
                return single != null && test.accepts(single);
            }
        }
        return anyLeaf(record, test);
    }

    /** True when some node the path ends at (a leaf, {@code null}, an object or an array) passes {@code test}. */
    boolean anyNode(CloudTrailRecord record, java.util.function.Predicate<Object> test) {
        if (derived != null) {
            String v = derived.apply(record);
            return v != null && test.test(v);
        }
        return Leaves.nodes(record, segments, 0, test::test);
    }

    /** The nodes the path ends at, in words: {@code requestParameters is an object}. */
    String describeNodes(CloudTrailRecord record) {
        List<String> shown = new ArrayList<>();
        boolean[] more = {false};
        anyNode(record, node -> {
            if (shown.size() == 5) {
                more[0] = true;
                return true;
            }
            shown.add(showNode(node));
            return false;
        });
        if (shown.isEmpty()) {
            return path + " is absent";
        }
        if (shown.size() == 1) {
            return path + " is " + shown.get(0);
        }
        return path + " has " + String.join(", ", shown) + (more[0] ? ", …" : "");
    }

    private static String showNode(Object node) {
        if (node instanceof List) {
            return ((List<?>) node).isEmpty() ? "an empty array" : "an array";
        }
        if (node instanceof io.github.trailkit.model.JsonValue) {
            io.github.trailkit.model.JsonValue v = (io.github.trailkit.model.JsonValue) node;
            if (v.isArray()) {
                return v.elements().isEmpty() ? "an empty array" : "an array";
            }
            if (v.isObject()) {
                return v.members().isEmpty() ? "an empty object" : "an object";
            }
        }
        Object leaf = Leaves.leafOf(node);
        return leaf == Leaves.OBJECT ? "an object" : show(leaf);
    }

    /** The path, resolved against the typed model once (for the rule index). */
    CompiledPath compiled() {
        return compiled;
    }

    /** True for a value derived from the record rather than read at a path. */
    boolean isDerived() {
        return derived != null;
    }

    /** The record's values at this field, in words: {@code eventName is "DeleteTopic"}. */
    String describeValues(CloudTrailRecord record) {
        List<Object> values = new ArrayList<>();
        anyLeaf(record, leaf -> {
            values.add(leaf);
            return values.size() > 5;
        });
        if (values.isEmpty()) {
            return path + " is absent";
        }
        List<String> shown = values.stream().limit(5).map(Field::show).collect(Collectors.toList());
        if (values.size() == 1) {
            return path + " is " + shown.get(0);
        }
        return path + " has " + String.join(", ", shown) + (values.size() > 5 ? ", …" : "");
    }

    private static String show(Object leaf) {
        if (leaf instanceof String s) {
            return ValueMatcher.quote(s.length() > 80 ? s.substring(0, 77) + "..." : s);
        }
        if (leaf instanceof Double) {
            return ValueMatcher.number((Double) leaf);
        }
        return String.valueOf(leaf);
    }

    /** The DSL expression that selects this field, such as {@code eventName()}. */
    @Override
    public String toString() {
        return dsl;
    }

    private Condition test(ValueMatcher t) {
        return new Condition.FieldCondition(this, t);
    }

    private static List<String> strings(String first, String... more) {
        List<String> all = new ArrayList<>(1 + more.length);
        all.add(Objects.requireNonNull(first, "value"));
        for (String m : more) {
            all.add(Objects.requireNonNull(m, "value"));
        }
        return all;
    }

    /* ------------------------------------------------------------------ equality */

    /** Equals one of the values, case-sensitively: {@code eventName().is("StopLogging", "DeleteTrail")}. */
    public Condition is(String first, String... more) {
        return test(new ValueMatcher.OneOf(new LinkedHashSet<>(strings(first, more))));
    }

    /** Equals one of the values, case-sensitively (the same as {@link #is(String, String...)}). */
    public Condition in(String first, String... more) {
        return test(new ValueMatcher.OneOf(new LinkedHashSet<>(strings(first, more))));
    }

    /** Equals one of the values, case-sensitively. */
    public Condition in(Collection<String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("in() needs at least one value");
        }
        return test(new ValueMatcher.OneOf(new LinkedHashSet<>(values)));
    }

    /**
     * Is one of the JSON numbers, compared as numbers (5 equals 5.0): {@code field("count").is(5)}; with several, the
     * same as {@link #in(double, double...)}.
     */
    public Condition is(double first, double... more) {
        return more.length == 0 ? test(new ValueMatcher.NumberEquals(first)) : in(first, more);
    }

    /** Is one of the JSON numbers (compared as numbers). */
    public Condition in(double first, double... more) {
        ValueMatcher.AnyOf any = numbers(first, more);
        if (more.length == 0) {
            return test(any.tests.get(0));
        }
        return test(new ValueMatcher.Named(
                any,
                "in("
                        + any.tests.stream()
                                .map(t -> ValueMatcher.number(((ValueMatcher.NumberEquals) t).value))
                                .collect(Collectors.joining(", "))
                        + ")"));
    }

    /** Is the JSON boolean {@code value} (the string {@code "true"} is not {@code true}). */
    public Condition is(boolean value) {
        return test(new ValueMatcher.BooleanEquals(value));
    }

    /** Is a JSON {@code null} (an absent field is not {@code null}; see {@link #absentOrNull()}). */
    public Condition isNull() {
        return test(new ValueMatcher.IsNull());
    }

    /**
     * Equals one of the values, ignoring case as EventBridge does: each character of a value matches itself, its lower
     * case or its upper case (full mappings, {@link java.util.Locale#ROOT}), so {@code equalsIgnoreCase("straße")}
     * matches {@code "STRASSE"}, while {@code "İ"} does not match {@code "i"}. The same holds for {@link
     * #startsWithIgnoreCase}, {@link #endsWithIgnoreCase} and {@link #sameAsIgnoreCase}.
     */
    public Condition equalsIgnoreCase(String first, String... more) {
        return test(new ValueMatcher.EqualsIgnoreCase(strings(first, more)));
    }

    /* ------------------------------------------------------------------ strings */

    /** Starts with one of the prefixes. */
    public Condition startsWith(String first, String... more) {
        return anyString(strings(first, more), p -> new ValueMatcher.Prefix(p, false), "startsWith");
    }

    /** Starts with one of the prefixes, ignoring case. */
    public Condition startsWithIgnoreCase(String first, String... more) {
        return anyString(strings(first, more), p -> new ValueMatcher.Prefix(p, true), "startsWithIgnoreCase");
    }

    /** Ends with one of the suffixes. */
    public Condition endsWith(String first, String... more) {
        return anyString(strings(first, more), p -> new ValueMatcher.Suffix(p, false), "endsWith");
    }

    /** Ends with one of the suffixes, ignoring case. */
    public Condition endsWithIgnoreCase(String first, String... more) {
        return anyString(strings(first, more), p -> new ValueMatcher.Suffix(p, true), "endsWithIgnoreCase");
    }

    /** Contains one of the parts. */
    public Condition contains(String first, String... more) {
        return anyString(strings(first, more), ValueMatcher.Contains::new, "contains");
    }

    /**
     * Contains one of the parts, ignoring case: {@code userAgent().containsIgnoreCase("trufflehog")}. Case is folded
     * character by character (Unicode simple case folding), so {@code "ß"} does not match {@code "SS"} here.
     */
    public Condition containsIgnoreCase(String first, String... more) {
        return anyString(strings(first, more), ValueMatcher.ContainsIgnoreCase::new, "containsIgnoreCase");
    }

    /**
     * Matches one of the patterns, where {@code *} stands for any characters (none included); {@code \*} is a star
     * and {@code \\} a backslash. Two stars in a row are rejected, as EventBridge does.
     */
    public Condition wildcard(String first, String... more) {
        return anyString(strings(first, more), ValueMatcher.Wildcard::new, "wildcard");
    }

    /** Matches one of the wildcard patterns (as {@link #wildcard}), ignoring case as {@link #containsIgnoreCase} does. */
    public Condition wildcardIgnoreCase(String first, String... more) {
        return anyString(strings(first, more), ValueMatcher.WildcardIgnoreCase::new, "wildcardIgnoreCase");
    }

    /**
     * The whole value matches one of the regular expressions, RE2 expressions (linear time, no backreferences); use
     * {@code .*} at either end to search within the value, and {@code (?i)} to ignore case.
     */
    public Condition matchesRegex(String first, String... more) {
        return anyString(strings(first, more), ValueMatcher.Regex::new, "matchesRegex");
    }

    private Condition anyString(List<String> values, Function<String, ValueMatcher> make, String name) {
        if (values.size() == 1) {
            return test(make.apply(values.get(0)));
        }
        List<ValueMatcher> tests = values.stream().map(make).collect(Collectors.toList());
        return test(new ValueMatcher.Named(
                new ValueMatcher.AnyOf(tests), name + "(" + ValueMatcher.quoteAll(values) + ")"));
    }

    /* ------------------------------------------------------------------ presence */

    /**
     * The field is there, whatever its value: a string, a number, a boolean, {@code null}, an object or an array (empty
     * ones included). Through an array on the way, some element has it. The negation of {@link #absent()}.
     */
    public Condition exists() {
        return new Condition.Presence(this, Condition.Presence.Kind.EXISTS);
    }

    /** The field is not there: no member at this path (a {@code null}, {@code ""}, {@code {}} or {@code []} is there). */
    public Condition absent() {
        return new Condition.Presence(this, Condition.Presence.Kind.ABSENT);
    }

    /** The field is absent or {@code null}: Python's {@code is None} on a {@code get}. */
    public Condition absentOrNull() {
        return new Condition.Presence(this, Condition.Presence.Kind.ABSENT_OR_NULL);
    }

    /** The field is {@code ""}, an empty array or an empty object (absent and {@code null} are not empty). */
    public Condition isEmpty() {
        return new Condition.Presence(this, Condition.Presence.Kind.EMPTY);
    }

    /**
     * The field is there and true as Python and Panther's rules take it: not {@code null}, {@code ""}, 0, {@code
     * false}, {@code []} or {@code {}}. The negation of {@link #isFalsy()}.
     */
    public Condition isTruthy() {
        return new Condition.Presence(this, Condition.Presence.Kind.TRUTHY);
    }

    /** The field is absent, {@code null}, {@code ""}, 0, {@code false}, {@code []} or {@code {}}. */
    public Condition isFalsy() {
        return new Condition.Presence(this, Condition.Presence.Kind.FALSY);
    }

    /**
     * EventBridge's {@code "exists": true}: the field has a leaf value, {@code null} included; an object or an empty
     * array is not a leaf value. Rule documents use it; in Java, {@link #exists()} is usually what is meant.
     */
    public Condition existsAsLeaf() {
        return test(new ValueMatcher.Exists());
    }

    /**
     * EventBridge's {@code "exists": false}: no leaf value (absent, an empty array, or an object); the negation of
     * {@link #existsAsLeaf()}. In Java, {@link #absent()} is usually what is meant.
     */
    public Condition absentAsLeaf() {
        return new Condition.Absent(this);
    }

    /* ------------------------------------------------------------------ two fields */

    /**
     * A value of this field equals a value of {@code other} in the same record (strings exactly, numbers as numbers);
     * false when either is absent: {@code requestParameter("userName").sameAs(userIdentity().userName())}.
     */
    public Condition sameAs(Field other) {
        return new Condition.SameAs(this, Objects.requireNonNull(other, "other"), false);
    }

    /** As {@link #sameAs(Field)}, ignoring case as {@link #equalsIgnoreCase} does. */
    public Condition sameAsIgnoreCase(Field other) {
        return new Condition.SameAs(this, Objects.requireNonNull(other, "other"), true);
    }

    /**
     * {@code not(sameAs(other))}: no value of this field equals a value of {@code other}, which holds too when either
     * is absent (Python's {@code !=}). Combine with {@link #exists()} to require both.
     */
    public Condition differsFrom(Field other) {
        return Rules.not(sameAs(other));
    }

    /* ------------------------------------------------------------------ numbers and addresses */

    /** A number above {@code bound}. */
    public Condition greaterThan(double bound) {
        return test(new ValueMatcher.Range(bound, false, Double.POSITIVE_INFINITY, false));
    }

    /** A number at or above {@code bound}. */
    public Condition atLeast(double bound) {
        return test(new ValueMatcher.Range(bound, true, Double.POSITIVE_INFINITY, false));
    }

    /** A number below {@code bound}. */
    public Condition lessThan(double bound) {
        return test(new ValueMatcher.Range(Double.NEGATIVE_INFINITY, false, bound, false));
    }

    /** A number at or below {@code bound}. */
    public Condition atMost(double bound) {
        return test(new ValueMatcher.Range(Double.NEGATIVE_INFINITY, false, bound, true));
    }

    /** A number from {@code lower} to {@code upper}, both included. */
    public Condition between(double lower, double upper) {
        return test(new ValueMatcher.Range(lower, true, upper, true));
    }

    /**
     * A number in a range with explicit bounds: {@code lowerOp} is {@code ">"} or {@code ">="}, {@code upperOp} is
     * {@code "<"} or {@code "<="}.
     */
    public Condition range(String lowerOp, double lower, String upperOp, double upper) {
        if (!lowerOp.equals(">") && !lowerOp.equals(">=")) {
            throw new IllegalArgumentException(
                    "lower bound operator must be > or >=, was " + ValueMatcher.quote(lowerOp));
        }
        if (!upperOp.equals("<") && !upperOp.equals("<=")) {
            throw new IllegalArgumentException(
                    "upper bound operator must be < or <=, was " + ValueMatcher.quote(upperOp));
        }
        return test(new ValueMatcher.Range(lower, lowerOp.equals(">="), upper, upperOp.equals("<=")));
    }

    /** An IPv4 or IPv6 address inside one of the CIDR ranges (or equal to one of the addresses given). */
    public Condition inCidr(String first, String... more) {
        return test(new ValueMatcher.InCidr(
                strings(first, more).stream().map(Cidr::parse).collect(Collectors.toList())));
    }

    /* ------------------------------------------------------------------ negations */

    /**
     * Equals none of the strings: {@code not(is(...))}, so it holds for an absent field, {@code null}, and any other
     * value (Python's {@code !=}). EventBridge's {@code anything-but} is {@link #anythingBut(String, String...)}.
     */
    public Condition isNot(String first, String... more) {
        return Rules.not(is(first, more));
    }

    /** Is none of these numbers: {@code not(...)} of the numbers, so it holds for an absent field. */
    public Condition isNot(double first, double... more) {
        return Rules.not(in(first, more));
    }

    /** Starts with none of the prefixes: {@code not(startsWith(...))}, so it holds for an absent field. */
    public Condition notStartsWith(String first, String... more) {
        return Rules.not(startsWith(first, more));
    }

    /** Ends with none of the suffixes: {@code not(endsWith(...))}, so it holds for an absent field. */
    public Condition notEndsWith(String first, String... more) {
        return Rules.not(endsWith(first, more));
    }

    /** Contains none of the parts: {@code not(contains(...))}, so it holds for an absent field. */
    public Condition notContains(String first, String... more) {
        return Rules.not(contains(first, more));
    }

    /** Equals none of the strings, ignoring case: {@code not(equalsIgnoreCase(...))}. */
    public Condition isNotIgnoreCase(String first, String... more) {
        return Rules.not(equalsIgnoreCase(first, more));
    }

    /** Matches none of the wildcard patterns: {@code not(wildcard(...))}. */
    public Condition notWildcard(String first, String... more) {
        return Rules.not(wildcard(first, more));
    }

    /* ------------------------------------------------------------------ EventBridge anything-but */

    /**
     * EventBridge's {@code anything-but}: has a leaf value ({@code null} and other types included) that is none of these
     * strings; false when the field is absent. Rule documents use it; {@link #isNot(String, String...)} is Python's
     * {@code !=}.
     */
    public Condition anythingBut(String first, String... more) {
        List<String> values = strings(first, more);
        return test(new ValueMatcher.AnythingBut(
                new ValueMatcher.OneOf(new LinkedHashSet<>(values)),
                "anythingBut(" + ValueMatcher.quoteAll(values) + ")"));
    }

    /** EventBridge's numeric {@code anything-but}: has a leaf value that is none of these numbers. */
    public Condition anythingBut(double first, double... more) {
        ValueMatcher.AnyOf any = numbers(first, more);
        return test(new ValueMatcher.AnythingBut(
                any,
                "anythingBut("
                        + any.tests.stream()
                                .map(t -> ValueMatcher.number(((ValueMatcher.NumberEquals) t).value))
                                .collect(Collectors.joining(", "))
                        + ")"));
    }

    /** EventBridge's {@code anything-but} {@code prefix}: has a leaf value that starts with none of the prefixes. */
    public Condition anythingButPrefix(String first, String... more) {
        List<String> values = strings(first, more);
        return test(new ValueMatcher.AnythingBut(
                new ValueMatcher.AnyOf(values.stream()
                        .map(p -> new ValueMatcher.Prefix(p, false))
                        .collect(Collectors.toList())),
                "anythingButPrefix(" + ValueMatcher.quoteAll(values) + ")"));
    }

    /** EventBridge's {@code anything-but} {@code suffix}: has a leaf value that ends with none of the suffixes. */
    public Condition anythingButSuffix(String first, String... more) {
        List<String> values = strings(first, more);
        return test(new ValueMatcher.AnythingBut(
                new ValueMatcher.AnyOf(values.stream()
                        .map(p -> new ValueMatcher.Suffix(p, false))
                        .collect(Collectors.toList())),
                "anythingButSuffix(" + ValueMatcher.quoteAll(values) + ")"));
    }

    /** EventBridge's {@code anything-but} {@code equals-ignore-case}. */
    public Condition anythingButIgnoreCase(String first, String... more) {
        List<String> values = strings(first, more);
        return test(new ValueMatcher.AnythingBut(
                new ValueMatcher.EqualsIgnoreCase(values),
                "anythingButIgnoreCase(" + ValueMatcher.quoteAll(values) + ")"));
    }

    /** EventBridge's {@code anything-but} {@code wildcard}: has a leaf value that matches none of the patterns. */
    public Condition anythingButWildcard(String first, String... more) {
        List<String> values = strings(first, more);
        return test(new ValueMatcher.AnythingBut(
                new ValueMatcher.AnyOf(
                        values.stream().map(ValueMatcher.Wildcard::new).collect(Collectors.toList())),
                "anythingButWildcard(" + ValueMatcher.quoteAll(values) + ")"));
    }

    private static ValueMatcher.AnyOf numbers(double first, double... more) {
        List<ValueMatcher> tests = new ArrayList<>();
        tests.add(new ValueMatcher.NumberEquals(first));
        for (double d : more) {
            tests.add(new ValueMatcher.NumberEquals(d));
        }
        return new ValueMatcher.AnyOf(tests);
    }
}
