package io.github.trailkit.model;

import java.util.HashMap;
import java.util.Map;

/**
 * The category of a record: the record's {@code eventCategory} field (eventVersion 1.07 and later).
 *
 * <p>The set is open: a value CloudTrail adds later reads as {@link #UNKNOWN_TO_TRAILKIT}, and the raw text is
 * always available from the {@code …AsString()} accessor next to the one returning this enum.
 *
 * <pre>{@code
 * boolean dataEvent = record.eventCategory().orElse(null) == EventCategory.DATA;
 * }</pre>
 */
public enum EventCategory {
    /** A management (control plane) event. */
    MANAGEMENT("Management"),

    /** A data (resource operation) event. */
    DATA("Data"),

    /** A network activity event for a VPC endpoint. */
    NETWORK_ACTIVITY("NetworkActivity"),

    /** An Insights event. */
    INSIGHT("Insight"),

    /** An aggregated data event summary. */
    AGGREGATED("Aggregated"),

    /** CloudTrail Lake only: a configuration item. */
    CONFIGURATION_ITEM("ConfigurationItem"),

    /** CloudTrail Lake only: audit evidence. */
    EVIDENCE("Evidence"),

    /** CloudTrail Lake only: an activity audit log from an integration. */
    ACTIVITY_AUDIT_LOG("ActivityAuditLog"),

    /** A value this version of trailkit does not know; read the raw text from the {@code …AsString()} accessor. */
    UNKNOWN_TO_TRAILKIT(null);

    private static final Map<String, EventCategory> BY_VALUE = new HashMap<>();

    static {
        for (EventCategory v : values()) {
            if (v.value != null) {
                BY_VALUE.put(v.value, v);
            }
        }
    }

    private final String value;

    EventCategory(String value) {
        this.value = value;
    }

    /**
     * The constant for a raw value as CloudTrail writes it; {@link #UNKNOWN_TO_TRAILKIT} for any other text,
     * {@code null} for {@code null}.
     */
    public static EventCategory fromValue(String value) {
        if (value == null) {
            return null;
        }
        return BY_VALUE.getOrDefault(value, UNKNOWN_TO_TRAILKIT);
    }

    /** The value as CloudTrail writes it; {@code null} for {@link #UNKNOWN_TO_TRAILKIT}. */
    @Override
    public String toString() {
        return value;
    }
}
