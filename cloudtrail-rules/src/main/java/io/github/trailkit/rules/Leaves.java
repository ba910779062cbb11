package io.github.trailkit.rules;

import io.github.trailkit.model.JsonValue;
import io.github.trailkit.model.RecordMember;
import java.math.BigDecimal;
import java.util.List;

/**
 * Walks a dotted path through a record and offers each leaf value to a visitor, as EventBridge sees the record: arrays
 * (of any depth) are flattened, so a path matches when any element does.
 *
 * <p>Leaves are normalized to {@link String}, {@link Boolean}, {@link Double} (every JSON number), {@link #NULL} (a JSON
 * {@code null}) and {@link #OBJECT} (an object where a leaf was expected: present, but not a value).
 */
final class Leaves {
    private Leaves() {}

    /** A JSON {@code null} leaf. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** An object where the path ends: present, but not a leaf value. */
    static final Object OBJECT = new Object() {
        @Override
        public String toString() {
            return "an object";
        }
    };

    /** Receives leaves; returns true to stop the walk. */
    interface Visitor {
        boolean visit(Object leaf);
    }

    /** Offers every leaf at {@code path} to {@code visitor}; true when the visitor stopped the walk. */
    static boolean walk(Object node, String[] path, Visitor visitor) {
        return walk(node, path, 0, visitor);
    }

    /** Offers every leaf at {@code path[i..]} below {@code node} to {@code visitor}; true when it stopped the walk. */
    static boolean walk(Object node, String[] path, int i, Visitor visitor) {
        if (node == null) {
            return false;
        }
        if (node instanceof String || node instanceof Boolean) { // the most common leaves, tested first
            return i == path.length && visitor.visit(node);
        }
        if (node instanceof List) {
            for (Object element : (List<?>) node) {
                if (walk(element, path, i, visitor)) {
                    return true;
                }
            }
            return false;
        }
        if (node instanceof JsonValue jsonValue && jsonValue.isArray()) {
            for (JsonValue element : jsonValue.elements()) {
                if (walk(element, path, i, visitor)) {
                    return true;
                }
            }
            return false;
        }
        if (i == path.length) {
            return visitor.visit(leaf(node));
        }
        if (node instanceof JsonValue jsonValue && !jsonValue.isObject()) {
            return false;
        }
        if (node instanceof Number) {
            return false;
        }
        return walk(RecordMember.lookup(node, path[i]), path, i + 1, visitor);
    }

    /**
     * Offers every node the path ends at to {@code visitor}, as the Java DSL sees presence: arrays on the way are
     * flattened, but the node at the end is offered whole, be it a leaf, {@link JsonValue#nullValue() null}, an object or
     * an array (a {@link JsonValue}, a nested record type or a {@link List}); true when the visitor stopped the walk.
     */
    static boolean nodes(Object node, String[] path, int i, Visitor visitor) {
        if (node == null) {
            return false;
        }
        if (i == path.length) {
            return visitor.visit(node);
        }
        if (node instanceof List) {
            for (Object element : (List<?>) node) {
                if (nodes(element, path, i, visitor)) {
                    return true;
                }
            }
            return false;
        }
        if (node instanceof JsonValue v) {
            if (v.isArray()) {
                for (JsonValue element : v.elements()) {
                    if (nodes(element, path, i, visitor)) {
                        return true;
                    }
                }
                return false;
            }
            if (!v.isObject()) {
                return false;
            }
        } else if (node instanceof String || node instanceof Boolean || node instanceof Number) {
            return false;
        }
        return nodes(RecordMember.lookup(node, path[i]), path, i + 1, visitor);
    }

    /** True for a JSON {@code null} node. */
    static boolean isNull(Object node) {
        return node instanceof JsonValue jsonValue && jsonValue.isNull();
    }

    /**
     * True for a node that is {@code null}, {@code ""}, zero, {@code false}, an empty array or an empty object: what
     * Python and Panther's rules take as false.
     */
    static boolean falsy(Object node) {
        if (node == null) {
            return true;
        }
        if (node instanceof String) {
            return ((String) node).isEmpty();
        }
        if (node instanceof Boolean) {
            return !((Boolean) node);
        }
        if (node instanceof Number) {
            return ((Number) node).doubleValue() == 0;
        }
        if (node instanceof List) {
            return ((List<?>) node).isEmpty();
        }
        if (node instanceof JsonValue v) {
            switch (v.kind()) {
                case NULL:
                    return true;
                case STRING:
                    return v.asString().orElseThrow().isEmpty();
                case NUMBER:
                    return v.asNumber().orElseThrow().signum() == 0;
                case BOOLEAN:
                    return !v.asBoolean().orElseThrow();
                case ARRAY:
                    return v.elements().isEmpty();
                default:
                    return v.isObject() && v.members().isEmpty();
            }
        }
        return false; // a nested record type holds at least the members it was read with
    }

    /** True for {@code ""}, an empty array or an empty object. */
    static boolean empty(Object node) {
        if (node instanceof String) {
            return ((String) node).isEmpty();
        }
        if (node instanceof List) {
            return ((List<?>) node).isEmpty();
        }
        if (node instanceof JsonValue v) {
            switch (v.kind()) {
                case STRING:
                    return v.asString().orElseThrow().isEmpty();
                case ARRAY:
                    return v.elements().isEmpty();
                case OBJECT:
                    return v.members().isEmpty();
                default:
                    return false;
            }
        }
        return false;
    }

    /** The leaf a node stands for (see the class comment). */
    static Object leafOf(Object node) {
        return leaf(node);
    }

    private static Object leaf(Object node) {
        if (node instanceof String || node instanceof Boolean) {
            return node;
        }
        if (node instanceof BigDecimal) {
            return ((BigDecimal) node).doubleValue();
        }
        if (node instanceof Number) {
            return ((Number) node).doubleValue();
        }
        if (node instanceof JsonValue v) {
            switch (v.kind()) {
                case STRING:
                    return v.asString().orElseThrow();
                case NUMBER:
                    return v.asNumber().orElseThrow().doubleValue();
                case BOOLEAN:
                    return v.asBoolean().orElseThrow();
                case NULL:
                    return NULL;
                default:
                    return OBJECT;
            }
        }
        return OBJECT; // a nested record type
    }
}
