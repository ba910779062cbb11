package io.github.trailkit.model;

/**
 * Whether an Insights event opens or closes a period of unusual activity: {@code insightDetails.state}.
 *
 * <p>The set is open: a value CloudTrail adds later reads as {@link #UNKNOWN_TO_TRAILKIT}, and the raw text is
 * always available from the {@code …AsString()} accessor next to the one returning this enum.
 *
 * <pre>{@code
 * if (details.state().orElse(null) == InsightState.START) { ... }
 * }</pre>
 */
public enum InsightState {
    /** The unusual activity started. */
    START("Start"),

    /** The unusual activity ended. */
    END("End"),

    /** A value this version of trailkit does not know; read the raw text from the {@code …AsString()} accessor. */
    UNKNOWN_TO_TRAILKIT(null);

    private static final OpenEnum<InsightState> VALUES = new OpenEnum<>(values(), e -> e.value, UNKNOWN_TO_TRAILKIT);

    private final String value;

    InsightState(String value) {
        this.value = value;
    }

    /**
     * The constant for a raw value as CloudTrail writes it; {@link #UNKNOWN_TO_TRAILKIT} for any other text,
     * {@code null} for {@code null}.
     */
    public static InsightState fromValue(String value) {
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
