package io.github.trailkit.model;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The window an aggregated event summarizes: its {@code timeWindow}.
 *
 * <pre>{@code
 * Optional<Instant> from = window.windowStart();
 * }</pre>
 */
@Value.Immutable
@TrailkitStyle
public abstract class AggregationTimeWindow {
    AggregationTimeWindow() {}

    /** The start of the window, inclusive. */
    public abstract Optional<Instant> windowStart();

    /** The end of the window, exclusive. */
    public abstract Optional<Instant> windowEnd();

    /** The window's length as an ISO 8601 duration, such as {@code PT5M}. */
    public abstract Optional<String> windowSize();

    /**
     * Members not read into a typed accessor, in their order: names this version of trailkit does not know, and
     * explicit JSON {@code null}s of typed fields, a typed field's value that could not be read (as it came;
     * its accessor is then empty) and a time's text when {@link java.time.Instant#toString()} would write it otherwise.
     * Kept so that the value is written back as it was read.
     */
    public abstract Map<String, JsonValue> otherFields();

    @Value.Check
    AggregationTimeWindow normalize() {
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

    /** Builds a {@link AggregationTimeWindow}; every attribute is optional. */
    public static final class Builder extends ImmutableAggregationTimeWindow.Builder {
        Builder() {}
    }
}
