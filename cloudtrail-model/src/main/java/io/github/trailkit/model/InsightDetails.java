package io.github.trailkit.model;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The details of an Insights event: a record's {@code insightDetails}.
 *
 * <pre>{@code
 * record.insightDetails().ifPresent(d -> System.out.println(
 *         d.state().orElse(null) + " " + d.eventSource().orElse("") + " " + d.eventName().orElse("")));
 * }</pre>
 */
@Value.Immutable
@TrailkitStyle
public abstract class InsightDetails {
    InsightDetails() {}

    /** The raw text of {@link #state()}. */
    public abstract Optional<String> stateAsString();

    /** Whether the unusual activity started or ended. {@link InsightState#UNKNOWN_TO_TRAILKIT} for a value this version does not know. */
    public Optional<InsightState> state() {
        return stateAsString().map(InsightState::fromValue);
    }

    /** The service with unusual activity. */
    public abstract Optional<String> eventSource();

    /** The API with unusual activity. */
    public abstract Optional<String> eventName();

    /** The raw text of {@link #insightType()}. */
    public abstract Optional<String> insightTypeAsString();

    /** Call rate or error rate. {@link InsightType#UNKNOWN_TO_TRAILKIT} for a value this version does not know. */
    public Optional<InsightType> insightType() {
        return insightTypeAsString().map(InsightType::fromValue);
    }

    /** The error code of an error-rate Insight. */
    public abstract Optional<String> errorCode();

    /** The statistics and attributions. */
    public abstract Optional<InsightContext> insightContext();

    /**
     * Members not read into a typed accessor, in their order: names this version of trailkit does not know, and
     * explicit JSON {@code null}s of typed fields, a typed field's value that could not be read (as it came;
     * its accessor is then empty) and a time's text when {@link java.time.Instant#toString()} would write it otherwise.
     * Kept so that the value is written back as it was read.
     */
    public abstract Map<String, JsonValue> otherFields();

    @Value.Check
    InsightDetails normalize() {
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

    /** Builds a {@link InsightDetails}; every attribute is optional. */
    public static final class Builder extends ImmutableInsightDetails.Builder {
        Builder() {}
    }
}
