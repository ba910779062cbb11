package io.github.trailkit.model;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One contributor and its average: an element of an attribution's {@code insight} or {@code baseline}.
 *
 * <pre>{@code
 * String who = value.value().orElse("?");
 * }</pre>
 */
@Value.Immutable
@TrailkitStyle
public abstract class InsightAttributionValue {
    InsightAttributionValue() {}

    /** The contributor: an ARN, a user agent or an error code (the string {@code null} when there were no errors). */
    public abstract Optional<String> value();

    /** Its calls or errors per minute. */
    public abstract Optional<BigDecimal> average();

    /**
     * Members not read into a typed accessor, in their order: names this version of trailkit does not know, and
     * explicit JSON {@code null}s of typed fields, a typed field's value that could not be read (as it came;
     * its accessor is then empty) and a time's text when {@link java.time.Instant#toString()} would write it otherwise.
     * Kept so that the value is written back as it was read.
     */
    public abstract Map<String, JsonValue> otherFields();

    @Value.Check
    InsightAttributionValue normalize() {
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

    /** Builds a {@link InsightAttributionValue}; every attribute is optional. */
    public static final class Builder extends ImmutableInsightAttributionValue.Builder {
        Builder() {}
    }
}
