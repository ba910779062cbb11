package io.github.trailkit.model;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * Baseline and insight averages and durations: {@code insightContext.statistics}.
 *
 * <pre>{@code
 * long minutes = statistics.insightDuration().orElse(0);
 * }</pre>
 */
@Value.Immutable
@TrailkitStyle
public abstract class InsightStatistics {
    InsightStatistics() {}

    /** The average during the seven days before the Insight. */
    public abstract Optional<InsightStatistic> baseline();

    /** The average during the unusual activity. */
    public abstract Optional<InsightStatistic> insight();

    /** How long the unusual activity lasted, in minutes. */
    public abstract OptionalLong insightDuration();

    /** How long the baseline period was, in minutes. */
    public abstract OptionalLong baselineDuration();

    /**
     * Members not read into a typed accessor, in their order: names this version of trailkit does not know, and
     * explicit JSON {@code null}s of typed fields, a typed field's value that could not be read (as it came;
     * its accessor is then empty) and a time's text when {@link java.time.Instant#toString()} would write it otherwise.
     * Kept so that the value is written back as it was read.
     */
    public abstract Map<String, JsonValue> otherFields();

    @Value.Check
    InsightStatistics normalize() {
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

    /** Builds a {@link InsightStatistics}; every attribute is optional. */
    public static final class Builder extends ImmutableInsightStatistics.Builder {
        Builder() {}
    }
}
