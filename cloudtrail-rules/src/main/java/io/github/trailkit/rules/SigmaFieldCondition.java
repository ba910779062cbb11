package io.github.trailkit.rules;

import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Predicate;

/**
 * A Sigma field condition: the field's values (arrays flattened, as Sigma backends do for JSON) seen as text, tested
 * against a list of value matchers, any of them or, with {@code |all}, every one. Numbers and booleans are seen as
 * their JSON text ({@code false}), and an object as its JSON, so {@code requestParameters|contains} searches the
 * serialized parameters.
 */
final class SigmaFieldCondition extends Condition {
    /** One value of a field condition. */
    interface Matcher extends Predicate<String> {}

    private final String path;
    private final String[] segments;
    private final List<Matcher> matchers;
    private final boolean all;
    private final String text;

    SigmaFieldCondition(String path, List<Matcher> matchers, boolean all, String text) {
        this.path = path;
        this.segments = path.split("\\.", -1);
        this.matchers = List.copyOf(matchers);
        this.all = all;
        this.text = text;
    }

    @Override
    public boolean matches(CloudTrailRecord record) {
        if (all) {
            for (Matcher m : matchers) {
                if (!anyText(record, segments, 0, m)) {
                    return false;
                }
            }
            return true;
        }
        for (Matcher m : matchers) {
            if (anyText(record, segments, 0, m)) {
                return true;
            }
        }
        return false;
    }

    /** Any text at the path matches: the path is walked as the DSL walks it, then every value there is tried. */
    private static boolean anyText(Object record, String[] path, int i, Matcher m) {
        return Leaves.nodes(record, path, i, node -> textMatches(node, m));
    }

    /** The node's text matches; arrays are tried element by element, objects as their JSON text and each value. */
    private static boolean textMatches(Object node, Matcher m) {
        if (node instanceof List<?> list) {
            for (Object e : list) {
                if (textMatches(e, m)) {
                    return true;
                }
            }
            return false;
        }
        if (node instanceof JsonValue jsonValue && jsonValue.isArray()) {
            for (JsonValue e : jsonValue.elements()) {
                if (textMatches(e, m)) {
                    return true;
                }
            }
            return false;
        }
        if (node instanceof JsonValue jsonValue && jsonValue.isObject()) {
            // an object is searched as its JSON text and as each value inside it
            return m.test(jsonValue.toJson()) || anyDescendant(jsonValue, m);
        }
        String t = text(node);
        return t != null && m.test(t);
    }

    private static boolean anyDescendant(JsonValue v, Matcher m) {
        if (v.isObject() || v.isArray()) {
            for (JsonValue child : v.isObject() ? v.members().values() : v.elements()) {
                if (anyDescendant(child, m)) {
                    return true;
                }
            }
            return false;
        }
        String t = text(v);
        return t != null && m.test(t);
    }

    private static String text(Object node) {
        if (node instanceof String) {
            return (String) node;
        }
        if (node instanceof Boolean || node instanceof Long || node instanceof Integer) {
            return node.toString();
        }
        if (node instanceof BigDecimal) {
            return ((BigDecimal) node).toString();
        }
        if (node instanceof JsonValue v) {
            switch (v.kind()) {
                case STRING:
                    return v.asString().orElseThrow();
                case NULL:
                    return null;
                case NUMBER:
                case BOOLEAN:
                case OBJECT:
                    return v.toJson();
                default:
                    return null;
            }
        }
        return null; // a nested record type has no text of its own
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    String explainMiss(CloudTrailRecord record) {
        if (matches(record)) {
            return null;
        }
        return Rules.field(path).describeValues(record) + ", expected " + text;
    }

    @Override
    int cost() {
        return 3 + segments.length;
    }
}
