package io.github.trailkit.rules;

import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.JsonValue;
import io.github.trailkit.model.RecordMember;
import java.util.ArrayList;
import java.util.List;

/**
 * A field path resolved once, when the rule is built: the leading segments that name typed members of the record and
 * the record types nested in it become {@link RecordMember}s (direct accessor calls), and
 * the rest (payloads, arrays, members these types do not declare) is walked by {@link Leaves}, name by name.
 *
 * <p>A step gives what {@link RecordMember#lookup} gives for the same node and name: the typed value, else the member of
 * {@code otherFields} (an explicit {@code null} or a value of an unexpected type). When a node is not of the type the
 * step was compiled for (a {@link JsonValue} kept where a typed object was expected, or an array), the generic walk
 * takes over from that segment, so the leaves offered are the same as the generic walk's.
 */
final class CompiledPath {
    private final String[] segments;
    private final RecordMember[] steps;

    private CompiledPath(String[] segments, RecordMember[] steps) {
        this.segments = segments;
        this.steps = steps;
    }

    /** The path of these segments, with as many leading segments compiled as the typed model allows. */
    static CompiledPath of(String[] segments) {
        List<RecordMember> steps = new ArrayList<>();
        Class<?> type = CloudTrailRecord.class;
        for (String name : segments) {
            RecordMember step = RecordMember.of(type, name).orElse(null);
            if (step == null) {
                break;
            }
            steps.add(step);
            type = step.valueType();
        }
        return new CompiledPath(segments, steps.toArray(new RecordMember[0]));
    }

    /** How many leading segments are compiled to accessor calls. */
    int compiledSteps() {
        return steps.length;
    }

    /** Offers every leaf at this path of {@code record} to {@code visitor}; true when the visitor stopped the walk. */
    boolean walk(CloudTrailRecord record, Leaves.Visitor visitor) {
        Object node = record;
        RecordMember[] s = steps;
        for (int i = 0; i < s.length; i++) {
            Object next = get(s[i], node);
            if (next == FOREIGN) {
                return Leaves.walk(node, segments, i, visitor);
            }
            if (next == null) {
                return false;
            }
            node = next;
        }
        return Leaves.walk(node, segments, s.length, visitor);
    }

    /** Returned by {@link #single} when only {@link #walk} can tell the leaves. */
    static final Object WALK = new Object();

    /**
     * The common case of a test or an index lookup, answered without a visitor: null when the path is absent, the
     * typed member at its end when every segment is compiled and the walk goes only through typed members (a {@link
     * String} or {@link Boolean} is then the only leaf), else {@link #WALK}.
     */
    Object single(CloudTrailRecord record) {
        RecordMember[] s = steps;
        if (s.length != segments.length) {
            return WALK;
        }
        Object node = record;
        for (RecordMember step : s) {
            node = get(step, node);
            if (node == null) {
                return null;
            }
            if (node == FOREIGN) {
                return WALK;
            }
        }
        return node instanceof String || node instanceof Boolean ? node : WALK;
    }

    /* ------------------------------------------------------------------ the typed members */

    /** Returned for a node that is not of the type a member belongs to. */
    private static final Object FOREIGN = new Object();

    /**
     * The member {@code m} of {@code node}: the typed value, else the one kept in other fields (an explicit {@code
     * null}); null when absent, {@link #FOREIGN} when the node is not of the member's owner type.
     */
    private static Object get(RecordMember m, Object node) {
        return m.isMemberOf(node) ? m.get(node) : FOREIGN;
    }
}
