package io.github.trailkit.model;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One average of an Insights event: {@code statistics.baseline} or {@code statistics.insight}.
 *
 * <pre>{@code
 * BigDecimal perMinute = statistic.average().orElse(BigDecimal.ZERO);
 * }</pre>
 */
@Value.Immutable
@TrailkitStyle
public abstract class InsightStatistic {
    InsightStatistic() {}

    /** Calls or errors per minute, exact as written ({@code 9.82222E-5}). */
    public abstract Optional<BigDecimal> average();

    /**
     * Members not read into a typed accessor, in their order: names this version of trailkit does not know, and
     * explicit JSON {@code null}s of typed fields, a typed field's value that could not be read (as it came;
     * its accessor is then empty) and a time's text when {@link java.time.Instant#toString()} would write it otherwise.
     * Kept so that the value is written back as it was read.
     */
    public abstract Map<String, JsonValue> otherFields();

    @Value.Check
    InsightStatistic normalize() {
        return RecordCodec.normalize(this);
    }

    /** This value as compact CloudTrail JSON. */
    @Override
    public String toString() {
        return RecordCodec.toJson(this);
    }

    /** A new builder; {@code builder().from(value)} starts from an existing value. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link InsightStatistic}; every attribute is optional. */
    public static final class Builder extends ImmutableInsightStatistic.Builder {
        Builder() {}
    }
}
