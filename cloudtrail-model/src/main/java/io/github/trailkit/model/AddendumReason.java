package io.github.trailkit.model;

/**
 * Why CloudTrail delivered an addendum to an earlier event: {@code addendum.reason}.
 *
 * <p>The set is open: a value CloudTrail adds later reads as {@link #UNKNOWN_TO_TRAILKIT}, and the raw text is
 * always available from the {@code …AsString()} accessor next to the one returning this enum.
 *
 * <pre>{@code
 * if (record.addendum().flatMap(Addendum::reason).orElse(null) == AddendumReason.UPDATED_DATA) { ... }
 * }</pre>
 */
public enum AddendumReason {
    /** The event was delivered late. */
    DELIVERY_DELAY("DELIVERY_DELAY"),

    /** Fields of an earlier event were updated; see the addendum's other fields. */
    UPDATED_DATA("UPDATED_DATA"),

    /** A service outage delayed the event. */
    SERVICE_OUTAGE("SERVICE_OUTAGE"),

    /** A value this version of trailkit does not know; read the raw text from the {@code …AsString()} accessor. */
    UNKNOWN_TO_TRAILKIT(null);

    private static final OpenEnum<AddendumReason> VALUES = new OpenEnum<>(values(), e -> e.value, UNKNOWN_TO_TRAILKIT);

    private final String value;

    AddendumReason(String value) {
        this.value = value;
    }

    /**
     * The constant for a raw value as CloudTrail writes it; {@link #UNKNOWN_TO_TRAILKIT} for any other text,
     * {@code null} for {@code null}.
     */
    public static AddendumReason fromValue(String value) {
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
