package io.github.trailkit.model;

/**
 * The kind of an Insights event: {@code insightDetails.insightType}.
 *
 * <p>The set is open: a value CloudTrail adds later reads as {@link #UNKNOWN_TO_TRAILKIT}, and the raw text is
 * always available from the {@code …AsString()} accessor next to the one returning this enum.
 *
 * <pre>{@code
 * boolean errors = details.insightType().orElse(null) == InsightType.API_ERROR_RATE_INSIGHT;
 * }</pre>
 */
public enum InsightType {
    /** An unusual rate of API calls. */
    API_CALL_RATE_INSIGHT("ApiCallRateInsight"),

    /** An unusual rate of API errors. */
    API_ERROR_RATE_INSIGHT("ApiErrorRateInsight"),

    /** A value this version of trailkit does not know; read the raw text from the {@code …AsString()} accessor. */
    UNKNOWN_TO_TRAILKIT(null);

    private static final OpenEnum<InsightType> VALUES = new OpenEnum<>(values(), e -> e.value, UNKNOWN_TO_TRAILKIT);

    private final String value;

    InsightType(String value) {
        this.value = value;
    }

    /**
     * The constant for a raw value as CloudTrail writes it; {@link #UNKNOWN_TO_TRAILKIT} for any other text,
     * {@code null} for {@code null}.
     */
    public static InsightType fromValue(String value) {
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
