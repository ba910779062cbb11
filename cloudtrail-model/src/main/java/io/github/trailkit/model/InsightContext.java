package io.github.trailkit.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The statistics and attributions of an Insights event: {@code insightDetails.insightContext}.
 *
 * <pre>{@code
 * Optional<BigDecimal> baseline = context.statistics().flatMap(InsightStatistics::baseline).flatMap(InsightStatistic::average);
 * }</pre>
 */
@Value.Immutable
@TrailkitStyle
public abstract class InsightContext {
    InsightContext() {}

    /** Baseline and insight averages and durations. */
    public abstract Optional<InsightStatistics> statistics();

    /** The top contributors to the unusual activity. */
    public abstract Optional<List<InsightAttribution>> attributions();

    /**
     * Members not read into a typed accessor, in their order: names this version of trailkit does not know, and
     * explicit JSON {@code null}s of typed fields, a typed field's value that could not be read (as it came;
     * its accessor is then empty) and a time's text when {@link java.time.Instant#toString()} would write it otherwise.
     * Kept so that the value is written back as it was read.
     */
    public abstract Map<String, JsonValue> otherFields();

    @Value.Check
    InsightContext normalize() {
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

    /** Builds a {@link InsightContext}; every attribute is optional. */
    public static final class Builder extends ImmutableInsightContext.Builder {
        Builder() {}
    }
}
