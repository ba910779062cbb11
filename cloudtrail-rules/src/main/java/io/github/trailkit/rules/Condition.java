package io.github.trailkit.rules;

import io.github.trailkit.model.CloudTrailRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A test of a record: field tests joined by {@code and}, {@code or} and {@code not}. Conditions are immutable values
 * the engine can inspect (to index rules by the event names they require and to explain a miss), and their {@link
 * #toString()} is the DSL expression that builds them.
 *
 * <pre>{@code
 * import static io.github.trailkit.rules.Rules.*;
 *
 * Condition rootConsoleLogin = eventName().is("ConsoleLogin").and(userIdentity().type().is("Root"));
 * boolean hit = rootConsoleLogin.matches(record);
 * }</pre>
 */
public abstract class Condition {
    Condition() {}

    /** True when {@code record} satisfies this condition. */
    public abstract boolean matches(CloudTrailRecord record);

    /** This condition and {@code other}. */
    public final Condition and(Condition other) {
        return Rules.allOf(this, other);
    }

    /** This condition or {@code other}. */
    public final Condition or(Condition other) {
        return Rules.anyOf(this, other);
    }

    /** The DSL expression of this condition, such as {@code eventName().is("CreateTopic")}. */
    @Override
    public abstract String toString();

    /**
     * Why {@code record} does not match, in words; {@code null} when it matches. The words name the failing tests and the
     * record's actual values.
     */
    abstract String explainMiss(CloudTrailRecord record);

    /**
     * Why {@code record} matches, in words; {@code null} when it does not. The words name each test that held and the
     * record's values there.
     */
    String explainMatch(CloudTrailRecord record) {
        return matches(record) ? this + " held" : null;
    }

    /**
     * The DSL text of this condition as an operand of a chained call: a join of several parts is put in brackets by the
     * caller's {@code toString} when the grouping would otherwise be lost.
     */
    String grouped() {
        return toString();
    }

    /**
     * The exact strings one of which the field at {@code path} must equal for this condition to match, or null when
     * there is no such requirement (used by the rule index).
     */
    Set<String> required(String path) {
        return null;
    }

    /** A rough cost, so that cheap tests run first. */
    int cost() {
        return 1;
    }

    /**
     * This condition for records whose field at {@code path} has exactly one leaf, the string {@code value}: the tests
     * of that field are decided already, so what is left is simpler, or {@link AllOf#ALWAYS} or {@link AnyOf#NEVER}.
     * For a record with that single leaf, what is left matches exactly when this condition does (the rule index knows
     * such a value of every record it hands a rule, and so evaluates only what is left).
     */
    Condition assuming(String path, String value) {
        return this;
    }

    /**
     * What is left of {@code whole}, the {@code parts} joined by {@code and} or {@code or}: {@code decisive} is the
     * value that decides the join ({@link AnyOf#NEVER} for {@code and}, {@link AllOf#ALWAYS} for {@code or}),
     * {@code neutral} the one that drops out, and {@code join} joins the parts left. The parts left are tested in the
     * order the whole would test them, and a decisive part stops the test where the whole would stop, so that a part
     * that throws (a predicate, a payload that cannot be read) throws for the same records: only the decided tests,
     * which cannot throw, are taken out.
     */
    private static Condition assumingEach(
            Condition whole,
            Condition[] parts,
            String path,
            String value,
            Condition decisive,
            Condition neutral,
            Function<List<Condition>, Condition> join) {
        List<Condition> left = new ArrayList<>(parts.length);
        boolean changed = false;
        for (Condition c : parts) {
            Condition d = c.assuming(path, value);
            changed |= d != c;
            if (d == decisive) {
                left.add(d);
                return left.size() == 1 ? decisive : join.apply(left);
            }
            if (d != neutral) {
                left.add(d);
            }
        }
        if (!changed) {
            return whole;
        }
        return left.isEmpty() ? neutral : left.size() == 1 ? left.get(0) : join.apply(left);
    }

    /** True when the engine can see inside this condition (false for opaque predicates). */
    boolean indexable() {
        return true;
    }

    /* ------------------------------------------------------------------ implementations */

    static final class FieldCondition extends Condition {
        final Field field;
        final ValueMatcher test;

        FieldCondition(Field field, ValueMatcher test) {
            this.field = field;
            this.test = test;
        }

        @Override
        public boolean matches(CloudTrailRecord record) {
            return field.anyLeafPasses(record, test);
        }

        @Override
        public String toString() {
            return field + "." + test.dsl();
        }

        @Override
        String explainMiss(CloudTrailRecord record) {
            return matches(record) ? null : field.describeValues(record) + ", expected " + this;
        }

        @Override
        String explainMatch(CloudTrailRecord record) {
            return matches(record) ? this + " held: " + field.describeValues(record) : null;
        }

        @Override
        Set<String> required(String path) {
            return field.path().equals(path) ? test.exactStrings() : null;
        }

        @Override
        Condition assuming(String path, String value) {
            if (field.isDerived() || !field.path().equals(path)) {
                return this;
            }
            return test.accepts(value) ? AllOf.ALWAYS : AnyOf.NEVER;
        }

        @Override
        int cost() {
            return test.cost() + field.depth();
        }
    }

    /** EventBridge's {@code exists: false}: no value at the path (absent, an empty array, or only objects). */
    static final class Absent extends Condition {
        final Field field;
        private static final ValueMatcher PRESENT = new ValueMatcher.Exists();

        Absent(Field field) {
            this.field = field;
        }

        @Override
        public boolean matches(CloudTrailRecord record) {
            return !field.anyLeafPasses(record, PRESENT);
        }

        @Override
        public String toString() {
            return field + ".absentAsLeaf()";
        }

        @Override
        Condition assuming(String path, String value) {
            return field.isDerived() || !field.path().equals(path) ? this : AnyOf.NEVER;
        }

        @Override
        String explainMiss(CloudTrailRecord record) {
            return matches(record) ? null : field.describeValues(record) + ", expected " + this;
        }

        @Override
        String explainMatch(CloudTrailRecord record) {
            return matches(record) ? this + " held: " + field.describeValues(record) : null;
        }
    }

    /**
     * A test of the node a field's path ends at, whatever it is (a leaf, {@code null}, an object or an array): the Java
     * DSL's presence tests. Through an array on the way, the test looks at every element's node.
     */
    static final class Presence extends Condition {
        enum Kind {
            EXISTS("exists()"),
            ABSENT("absent()"),
            ABSENT_OR_NULL("absentOrNull()"),
            EMPTY("isEmpty()"),
            TRUTHY("isTruthy()"),
            FALSY("isFalsy()");

            final String dsl;

            Kind(String dsl) {
                this.dsl = dsl;
            }
        }

        final Field field;
        final Kind kind;

        Presence(Field field, Kind kind) {
            this.field = field;
            this.kind = kind;
        }

        @Override
        public boolean matches(CloudTrailRecord record) {
            switch (kind) {
                case EXISTS:
                    return field.anyNode(record, n -> true);
                case ABSENT:
                    return !field.anyNode(record, n -> true);
                case ABSENT_OR_NULL:
                    return !field.anyNode(record, n -> !Leaves.isNull(n));
                case EMPTY:
                    return field.anyNode(record, Leaves::empty);
                case TRUTHY:
                    return field.anyNode(record, n -> !Leaves.falsy(n));
                default:
                    return !field.anyNode(record, n -> !Leaves.falsy(n));
            }
        }

        @Override
        public String toString() {
            return field + "." + kind.dsl;
        }

        @Override
        String explainMiss(CloudTrailRecord record) {
            return matches(record) ? null : field.describeNodes(record) + ", expected " + this;
        }

        @Override
        String explainMatch(CloudTrailRecord record) {
            return matches(record) ? this + " held: " + field.describeNodes(record) : null;
        }

        @Override
        Condition assuming(String path, String value) {
            if (field.isDerived() || !field.path().equals(path)) {
                return this;
            }
            // the record has a string leaf there, so a node exists and is not null; emptiness and truth depend on
            // whether that leaf is the node or an element of it, so they stay to be tested
            switch (kind) {
                case EXISTS:
                    return AllOf.ALWAYS;
                case ABSENT:
                case ABSENT_OR_NULL:
                    return AnyOf.NEVER;
                default:
                    return this;
            }
        }
    }

    /**
     * Two fields of the same record compared: {@code sameAs} holds when a leaf of one equals a leaf of the other
     * (strings exactly, numbers as numbers, booleans, or both {@code null}).
     */
    static final class SameAs extends Condition {
        final Field field;
        final Field other;
        final boolean ignoreCase;

        SameAs(Field field, Field other, boolean ignoreCase) {
            this.field = field;
            this.other = other;
            this.ignoreCase = ignoreCase;
        }

        @Override
        public boolean matches(CloudTrailRecord record) {
            List<Object> theirs = new ArrayList<>(2);
            other.anyLeaf(record, leaf -> {
                if (leaf != Leaves.OBJECT) {
                    theirs.add(leaf);
                }
                return theirs.size() >= 1000;
            });
            if (theirs.isEmpty()) {
                return false;
            }
            return field.anyLeaf(record, leaf -> {
                for (Object o : theirs) {
                    if (same(leaf, o)) {
                        return true;
                    }
                }
                return false;
            });
        }

        private boolean same(Object a, Object b) {
            if (a == Leaves.OBJECT || b == Leaves.OBJECT) {
                return false;
            }
            if (ignoreCase && a instanceof String && b instanceof String) {
                return ValueMatcher.IgnoreCase.equals((String) a, (String) b);
            }
            return a.equals(b);
        }

        @Override
        public String toString() {
            return field + (ignoreCase ? ".sameAsIgnoreCase(" : ".sameAs(") + other + ")";
        }

        @Override
        String explainMiss(CloudTrailRecord record) {
            return matches(record)
                    ? null
                    : field.describeValues(record) + " and " + other.describeValues(record) + ", expected " + this;
        }

        @Override
        String explainMatch(CloudTrailRecord record) {
            return matches(record)
                    ? this + " held: " + field.describeValues(record) + " and " + other.describeValues(record)
                    : null;
        }

        @Override
        int cost() {
            return 4 + field.depth() + other.depth();
        }
    }

    static final class AllOf extends Condition {
        /** Holds for every record: what {@link #assuming} leaves of a test known to hold. */
        static final AllOf ALWAYS = new AllOf(List.of());

        final List<Condition> parts;
        private final Condition[] cheapestFirst;

        AllOf(List<Condition> parts) {
            this.parts = List.copyOf(parts);
            this.cheapestFirst = parts.stream()
                    .sorted(Comparator.comparingInt(Condition::cost))
                    .toArray(Condition[]::new);
        }

        /** Parts tested in exactly this order (what is left of a condition keeps the order of the original). */
        private AllOf(Condition[] inOrder) {
            this.parts = List.of(inOrder);
            this.cheapestFirst = inOrder;
        }

        @Override
        public boolean matches(CloudTrailRecord record) {
            for (Condition c : cheapestFirst) {
                if (!c.matches(record)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            if (parts.isEmpty()) {
                return "always()";
            }
            // a part that is itself an or is written as anyOf(...), so that the grouping shows: a.or(b).and(c) would
            // read as a or (b and c)
            StringBuilder sb = new StringBuilder(parts.get(0).grouped());
            for (int i = 1; i < parts.size(); i++) {
                sb.append(".and(").append(parts.get(i)).append(')');
            }
            return sb.toString();
        }

        @Override
        String explainMatch(CloudTrailRecord record) {
            if (!matches(record)) {
                return null;
            }
            if (parts.isEmpty()) {
                return "always() holds";
            }
            List<String> held = new ArrayList<>();
            for (Condition c : parts) {
                held.add(c.explainMatch(record));
            }
            return String.join("; and ", held);
        }

        @Override
        String explainMiss(CloudTrailRecord record) {
            List<String> misses = new ArrayList<>();
            for (Condition c : parts) {
                String m = c.explainMiss(record);
                if (m != null) {
                    misses.add(m);
                }
            }
            return misses.isEmpty() ? null : String.join("; and ", misses);
        }

        @Override
        Set<String> required(String path) {
            Set<String> best = null;
            for (Condition c : parts) {
                Set<String> r = c.required(path);
                if (r != null && (best == null || r.size() < best.size())) {
                    best = r;
                }
            }
            return best;
        }

        @Override
        int cost() {
            return parts.stream().mapToInt(Condition::cost).sum();
        }

        @Override
        boolean indexable() {
            return parts.stream().allMatch(Condition::indexable);
        }

        @Override
        Condition assuming(String path, String value) {
            return assumingEach(
                    this,
                    cheapestFirst,
                    path,
                    value,
                    AnyOf.NEVER,
                    AllOf.ALWAYS,
                    left -> new AllOf(left.toArray(new Condition[0])));
        }
    }

    static final class AnyOf extends Condition {
        /** Holds for no record: what {@link #assuming} leaves of a test known to fail. */
        static final AnyOf NEVER = new AnyOf(List.of());

        final List<Condition> parts;
        private final Condition[] array; // iterated without an iterator

        AnyOf(List<Condition> parts) {
            this.parts = List.copyOf(parts);
            this.array = this.parts.toArray(new Condition[0]);
        }

        @Override
        public boolean matches(CloudTrailRecord record) {
            for (Condition c : array) {
                if (c.matches(record)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            if (parts.isEmpty()) {
                return "never()";
            }
            StringBuilder sb = new StringBuilder(parts.get(0).grouped());
            for (int i = 1; i < parts.size(); i++) {
                sb.append(".or(").append(parts.get(i)).append(')');
            }
            return sb.toString();
        }

        @Override
        String grouped() {
            if (parts.size() < 2) {
                return toString();
            }
            return "anyOf(" + parts.stream().map(Condition::toString).collect(Collectors.joining(", ")) + ")";
        }

        @Override
        String explainMatch(CloudTrailRecord record) {
            for (Condition c : parts) {
                if (c.matches(record)) {
                    return c.explainMatch(record);
                }
            }
            return null;
        }

        @Override
        String explainMiss(CloudTrailRecord record) {
            if (matches(record)) {
                return null;
            }
            if (parts.isEmpty()) {
                return "never() matches nothing";
            }
            return "none of these held: "
                    + parts.stream().map(c -> "(" + c.explainMiss(record) + ")").collect(Collectors.joining(", "));
        }

        @Override
        Set<String> required(String path) {
            if (parts.isEmpty()) {
                return null;
            }
            Set<String> union = new LinkedHashSet<>();
            for (Condition c : parts) {
                Set<String> r = c.required(path);
                if (r == null) {
                    return null;
                }
                union.addAll(r);
            }
            return union;
        }

        @Override
        int cost() {
            return parts.stream().mapToInt(Condition::cost).sum();
        }

        @Override
        boolean indexable() {
            return parts.stream().allMatch(Condition::indexable);
        }

        @Override
        Condition assuming(String path, String value) {
            return assumingEach(this, array, path, value, AllOf.ALWAYS, AnyOf.NEVER, AnyOf::new);
        }
    }

    static final class Not extends Condition {
        final Condition inner;

        Not(Condition inner) {
            this.inner = inner;
        }

        @Override
        public boolean matches(CloudTrailRecord record) {
            return !inner.matches(record);
        }

        @Override
        public String toString() {
            return "not(" + inner + ")";
        }

        @Override
        String explainMiss(CloudTrailRecord record) {
            return matches(record) ? null : "expected " + this + ", but " + inner.explainMatch(record);
        }

        @Override
        String explainMatch(CloudTrailRecord record) {
            return matches(record) ? this + " held, as " + inner.explainMiss(record) : null;
        }

        @Override
        Condition assuming(String path, String value) {
            Condition d = inner.assuming(path, value);
            return d == inner ? this : d == AllOf.ALWAYS ? AnyOf.NEVER : d == AnyOf.NEVER ? AllOf.ALWAYS : new Not(d);
        }

        @Override
        int cost() {
            return inner.cost();
        }

        @Override
        boolean indexable() {
            return inner.indexable();
        }
    }

    /** Another condition under the name of the DSL call that made it, such as {@code succeeded()}. */
    static final class Named extends Condition {
        final Condition inner;
        private final String name;

        Named(Condition inner, String name) {
            this.inner = inner;
            this.name = name;
        }

        @Override
        public boolean matches(CloudTrailRecord record) {
            return inner.matches(record);
        }

        @Override
        public String toString() {
            return name;
        }

        @Override
        String explainMiss(CloudTrailRecord record) {
            String m = inner.explainMiss(record);
            return m == null ? null : name + " does not hold: " + m;
        }

        @Override
        String explainMatch(CloudTrailRecord record) {
            String m = inner.explainMatch(record);
            return m == null ? null : name + " held: " + m;
        }

        @Override
        Set<String> required(String path) {
            return inner.required(path);
        }

        @Override
        Condition assuming(String path, String value) {
            Condition d = inner.assuming(path, value);
            return d == inner ? this : d;
        }

        @Override
        int cost() {
            return inner.cost();
        }

        @Override
        boolean indexable() {
            return inner.indexable();
        }
    }

    /** A plain Java predicate: the escape hatch. The engine cannot see inside it, so it is never indexed. */
    static final class PredicateCondition extends Condition {
        final String name;
        final Predicate<CloudTrailRecord> predicate;

        PredicateCondition(String name, Predicate<CloudTrailRecord> predicate) {
            this.name = Objects.requireNonNull(name, "name");
            this.predicate = Objects.requireNonNull(predicate, "predicate");
        }

        @Override
        public boolean matches(CloudTrailRecord record) {
            return predicate.test(record);
        }

        @Override
        public String toString() {
            return "predicate(" + ValueMatcher.quote(name) + ", <java code>)";
        }

        @Override
        String explainMiss(CloudTrailRecord record) {
            return matches(record) ? null : "the predicate " + ValueMatcher.quote(name) + " returned false";
        }

        @Override
        String explainMatch(CloudTrailRecord record) {
            return matches(record) ? "the predicate " + ValueMatcher.quote(name) + " returned true" : null;
        }

        @Override
        int cost() {
            return 10;
        }

        @Override
        boolean indexable() {
            return false;
        }
    }
}
