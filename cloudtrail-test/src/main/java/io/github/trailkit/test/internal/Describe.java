package io.github.trailkit.test.internal;

import io.github.trailkit.model.CloudTrailRecord;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Short, readable descriptions of records and values for failure messages.
 *
 * <pre>{@code
 * Describe.record(record);              // sns.amazonaws.com CreateTopic (eventID 3f…, 2024-01-15T12:00:00Z)
 * Describe.value(record.errorCode());   // "AccessDenied", or absent
 * }</pre>
 */
public final class Describe {
    private Describe() {}

    /**
     * One line naming a record: {@code sns.amazonaws.com CreateTopic (eventID 3f…, 2024-01-01T12:00:00Z)}; the whole
     * JSON would drown the message.
     */
    public static String record(CloudTrailRecord r) {
        if (r == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(r.eventSource().orElse("<no eventSource>"))
                .append(' ')
                .append(r.eventName().orElse("<no eventName>"));
        StringBuilder details = new StringBuilder();
        r.eventID().ifPresent(id -> details.append("eventID ").append(id));
        r.eventTime()
                .ifPresent(
                        t -> details.append(details.length() == 0 ? "" : ", ").append(t));
        if (details.length() > 0) {
            sb.append(" (").append(details).append(')');
        }
        return sb.toString();
    }

    /** A value in quotes, or {@code absent} when empty. */
    public static String value(Optional<?> value) {
        return value.isPresent() ? quote(value.get()) : "absent";
    }

    /** Strings in double quotes, other values as they print. */
    public static String quote(Object value) {
        if (value instanceof String) {
            return '"' + ((String) value).replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        if (value instanceof Enum && value.toString() == null) {
            return ((Enum<?>) value).name(); // UNKNOWN_TO_TRAILKIT writes no text of its own
        }
        return String.valueOf(value);
    }

    /** Rule ids as {@code [a, b]}, in the given order. */
    public static String ids(Collection<String> ids) {
        return ids.stream().collect(Collectors.joining(", ", "[", "]"));
    }
}
