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
            throw new IllegalArgumentException("a field path is dot-separated member names, was " + ValueTest.quote(path));
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
    boolean anyLeafPasses(CloudTrailRecord record, ValueTest test) {
        if (derived == null) {
            Object single = compiled.single(record);
            if (single != CompiledPath.WALK) {
                return single != null && test.accepts(single);
            }
        }
        return anyLeaf(record, test);
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
        if (leaf instanceof String) {
            String s = (String) leaf;
            return ValueTest.quote(s.length() > 80 ? s.substring(0, 77) + "..." : s);
        }
        if (leaf instanceof Double) {
            return ValueTest.number((Double) leaf);
        }
        return String.valueOf(leaf);
    }

    /** The DSL expression that selects this field, such as {@code eventName()}. */
    @Override
    public String toString() {
        return dsl;
    }

    private Condition test(ValueTest t) {
        return new Condition.FieldTest(this, t);
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

    /** Equals {@code value}, case-sensitively. */
    public Condition is(String value) {
        return test(new ValueTest.OneOf(new LinkedHashSet<>(strings(value))));
    }

    /** Equals one of the values, case-sensitively. */
    public Condition in(String first, String... more) {
        return test(new ValueTest.OneOf(new LinkedHashSet<>(strings(first, more))));
    }

    /** Equals one of the values, case-sensitively. */
    public Condition in(Collection<String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("in() needs at least one value");
        }
        return test(new ValueTest.OneOf(new LinkedHashSet<>(values)));
    }

    /** Is the JSON number {@code value} (compared as numbers: 5 equals 5.0). */
    public Condition is(double value) {
        return test(new ValueTest.NumberEquals(value));
    }

    /** Is the JSON boolean {@code value} (the string {@code "true"} is not {@code true}). */
    public Condition is(boolean value) {
        return test(new ValueTest.BooleanEquals(value));
    }

    /** Is a JSON {@code null} (an absent field is not {@code null}). */
    public Condition isNull() {
        return test(new ValueTest.IsNull());
    }

    /**
     * Equals one of the values, ignoring case as EventBridge does: each character of a value matches itself, its lower
     * case or its upper case (full mappings, {@link java.util.Locale#ROOT}), so {@code equalsIgnoreCase("straße")}
     * matches {@code "STRASSE"}, while {@code "İ"} does not match {@code "i"}. The same holds for every ignore-case
     * method.
     */
    public Condition equalsIgnoreCase(String first, String... more) {
        return test(new ValueTest.EqualsIgnoreCase(strings(first, more)));
    }

    /* ------------------------------------------------------------------ strings */

    /** Starts with {@code prefix}. */
    public Condition startsWith(String prefix) {
        return test(new ValueTest.Prefix(Objects.requireNonNull(prefix, "prefix"), false));
    }

    /** Starts with {@code prefix}, ignoring case. */
    public Condition startsWithIgnoreCase(String prefix) {
        return test(new ValueTest.Prefix(Objects.requireNonNull(prefix, "prefix"), true));
    }

    /** Ends with {@code suffix}. */
    public Condition endsWith(String suffix) {
        return test(new ValueTest.Suffix(Objects.requireNonNull(suffix, "suffix"), false));
    }

    /** Ends with {@code suffix}, ignoring case. */
    public Condition endsWithIgnoreCase(String suffix) {
        return test(new ValueTest.Suffix(Objects.requireNonNull(suffix, "suffix"), true));
    }

    /** Contains {@code part}. */
    public Condition contains(String part) {
        return test(new ValueTest.Contains(Objects.requireNonNull(part, "part")));
    }

    /**
     * Matches {@code pattern}, where {@code *} stands for any characters (none included); {@code \*} is a star and
     * {@code \\} a backslash. Two stars in a row are rejected, as EventBridge does.
     */
    public Condition wildcard(String pattern) {
        return test(new ValueTest.Wildcard(Objects.requireNonNull(pattern, "pattern")));
    }

    /**
     * The whole value matches {@code regex}, a RE2 expression (linear time, no backreferences); use {@code .*} at
     * either end to search within the value.
     */
    public Condition matchesRegex(String regex) {
        return test(new ValueTest.Regex(Objects.requireNonNull(regex, "regex")));
    }

    /* ------------------------------------------------------------------ presence */

    /** Has a value, {@code null} included (an object or an empty array is not a value), as EventBridge's {@code exists}. */
    public Condition exists() {
        return test(new ValueTest.Exists());
    }

    /** Has no value: absent, an empty array, or an object; the negation of {@link #exists()}. */
    public Condition absent() {
        return new Condition.Absent(this);
    }

    /* ------------------------------------------------------------------ numbers and addresses */

    /** A number above {@code bound}. */
    public Condition greaterThan(double bound) {
        return test(new ValueTest.Range(bound, false, Double.POSITIVE_INFINITY, false));
    }

    /** A number at or above {@code bound}. */
    public Condition atLeast(double bound) {
        return test(new ValueTest.Range(bound, true, Double.POSITIVE_INFINITY, false));
    }

    /** A number below {@code bound}. */
    public Condition lessThan(double bound) {
        return test(new ValueTest.Range(Double.NEGATIVE_INFINITY, false, bound, false));
    }

    /** A number at or below {@code bound}. */
    public Condition atMost(double bound) {
        return test(new ValueTest.Range(Double.NEGATIVE_INFINITY, false, bound, true));
    }

    /** A number from {@code lower} to {@code upper}, both included. */
    public Condition between(double lower, double upper) {
        return test(new ValueTest.Range(lower, true, upper, true));
    }

    /**
     * A number in a range with explicit bounds: {@code lowerOp} is {@code ">"} or {@code ">="}, {@code upperOp} is
     * {@code "<"} or {@code "<="}.
     */
    public Condition range(String lowerOp, double lower, String upperOp, double upper) {
        if (!lowerOp.equals(">") && !lowerOp.equals(">=")) {
            throw new IllegalArgumentException("lower bound operator must be > or >=, was " + ValueTest.quote(lowerOp));
        }
        if (!upperOp.equals("<") && !upperOp.equals("<=")) {
            throw new IllegalArgumentException("upper bound operator must be < or <=, was " + ValueTest.quote(upperOp));
        }
        return test(new ValueTest.Range(lower, lowerOp.equals(">="), upper, upperOp.equals("<=")));
    }

    /** An IPv4 or IPv6 address inside one of the CIDR ranges (or equal to one of the addresses given). */
    public Condition inCidr(String first, String... more) {
        return test(new ValueTest.InCidr(strings(first, more).stream().map(Cidr::parse).collect(Collectors.toList())));
    }

    /* ------------------------------------------------------------------ anything but */

    /** Has a value that is none of these strings ({@code null} and other types included), as {@code anything-but}. */
    public Condition isNot(String first, String... more) {
        List<String> values = strings(first, more);
        return test(new ValueTest.AnythingBut(
                new ValueTest.OneOf(new LinkedHashSet<>(values)), "isNot(" + ValueTest.quoteAll(values) + ")"));
    }

    /** Has a value that is none of these numbers (compared as numbers). */
    public Condition isNot(double first, double... more) {
        List<ValueTest> tests = new ArrayList<>();
        List<String> text = new ArrayList<>();
        tests.add(new ValueTest.NumberEquals(first));
        text.add(ValueTest.number(first));
        for (double d : more) {
            tests.add(new ValueTest.NumberEquals(d));
            text.add(ValueTest.number(d));
        }
        return test(new ValueTest.AnythingBut(new ValueTest.AnyOf(tests), "isNot(" + String.join(", ", text) + ")"));
    }

    /** Has a value that starts with none of the prefixes. */
    public Condition notStartsWith(String first, String... more) {
        List<String> values = strings(first, more);
        return test(new ValueTest.AnythingBut(
                new ValueTest.AnyOf(values.stream().map(p -> new ValueTest.Prefix(p, false)).collect(Collectors.toList())),
                "notStartsWith(" + ValueTest.quoteAll(values) + ")"));
    }

    /** Has a value that ends with none of the suffixes. */
    public Condition notEndsWith(String first, String... more) {
        List<String> values = strings(first, more);
        return test(new ValueTest.AnythingBut(
                new ValueTest.AnyOf(values.stream().map(p -> new ValueTest.Suffix(p, false)).collect(Collectors.toList())),
                "notEndsWith(" + ValueTest.quoteAll(values) + ")"));
    }

    /** Has a value that equals none of the strings, ignoring case. */
    public Condition isNotIgnoreCase(String first, String... more) {
        List<String> values = strings(first, more);
        return test(new ValueTest.AnythingBut(
                new ValueTest.EqualsIgnoreCase(values), "isNotIgnoreCase(" + ValueTest.quoteAll(values) + ")"));
    }

    /** Has a value that matches none of the wildcard patterns. */
    public Condition notWildcard(String first, String... more) {
        List<String> values = strings(first, more);
        return test(new ValueTest.AnythingBut(
                new ValueTest.AnyOf(values.stream().map(ValueTest.Wildcard::new).collect(Collectors.toList())),
                "notWildcard(" + ValueTest.quoteAll(values) + ")"));
    }
}
