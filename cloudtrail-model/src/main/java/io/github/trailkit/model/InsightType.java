package io.github.trailkit.model;

import java.util.HashMap;
import java.util.Map;

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

    private static final Map<String, InsightType> BY_VALUE = new HashMap<>();

    static {
        for (InsightType v : values()) {
            if (v.value != null) {
                BY_VALUE.put(v.value, v);
            }
        }
    }

    private final String value;

    InsightType(String value) {
        this.value = value;
    }

    /**
     * The constant for a raw value as CloudTrail writes it; {@link #UNKNOWN_TO_TRAILKIT} for any other text,
     * {@code null} for {@code null}.
     */
    public static InsightType fromValue(String value) {
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
