package io.github.trailkit.model;

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

    private static final OpenEnum<EventCategory> VALUES = new OpenEnum<>(values(), e -> e.value, UNKNOWN_TO_TRAILKIT);

    private final String value;

    EventCategory(String value) {
        this.value = value;
    }

    /**
     * The constant for a raw value as CloudTrail writes it; {@link #UNKNOWN_TO_TRAILKIT} for any other text,
     * {@code null} for {@code null}.
     */
    public static EventCategory fromValue(String value) {
        return VALUES.fromValue(value);
    }

    /**
     * The value as CloudTrail writes it; {@code "UNKNOWN_TO_TRAILKIT"} for {@link #UNKNOWN_TO_TRAILKIT}, whose raw text
     * is on the record's {@code …AsString()} accessor. Never {@code null}.
     */
    @Override
    public String toString() {
        return OpenEnum.text(value, this);
    }
}
