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
    private static Condition assumingEach(Condition whole, Condition[] parts, String path, String value, Condition decisive,
                                          Condition neutral, Function<List<Condition>, Condition> join) {
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

    static final class FieldTest extends Condition {
        final Field field;
        final ValueTest test;

        FieldTest(Field field, ValueTest test) {
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
        private static final ValueTest PRESENT = new ValueTest.Exists();

        Absent(Field field) {
            this.field = field;
        }

        @Override
        public boolean matches(CloudTrailRecord record) {
            return !field.anyLeafPasses(record, PRESENT);
        }

        @Override
        public String toString() {
            return field + ".absent()";
        }

        @Override
        Condition assuming(String path, String value) {
            return field.isDerived() || !field.path().equals(path) ? this : AnyOf.NEVER;
        }

        @Override
        String explainMiss(CloudTrailRecord record) {
            return matches(record) ? null : field.describeValues(record) + ", expected " + this;
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
            // chained calls read left to right, so a.or(b).and(c) is (a or b) and c: no brackets needed
            StringBuilder sb = new StringBuilder(parts.get(0).toString());
            for (int i = 1; i < parts.size(); i++) {
                sb.append(".and(").append(parts.get(i)).append(')');
            }
            return sb.toString();
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
            return assumingEach(this, cheapestFirst, path, value, AnyOf.NEVER, AllOf.ALWAYS,
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
            StringBuilder sb = new StringBuilder(parts.get(0).toString());
            for (int i = 1; i < parts.size(); i++) {
                sb.append(".or(").append(parts.get(i)).append(')');
            }
            return sb.toString();
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
            return matches(record) ? null : "expected " + this + ", but " + inner + " holds";
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

    /** A plain Java predicate: the escape hatch. The engine cannot see inside it, so it is never indexed. */
    static final class PredicateTest extends Condition {
        final String name;
        final Predicate<CloudTrailRecord> predicate;

        PredicateTest(String name, Predicate<CloudTrailRecord> predicate) {
            this.name = Objects.requireNonNull(name, "name");
            this.predicate = Objects.requireNonNull(predicate, "predicate");
        }

        @Override
        public boolean matches(CloudTrailRecord record) {
            return predicate.test(record);
        }

        @Override
        public String toString() {
            return "predicate(" + ValueTest.quote(name) + ", <java code>)";
        }

        @Override
        String explainMiss(CloudTrailRecord record) {
            return matches(record) ? null : "the predicate " + ValueTest.quote(name) + " returned false";
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
