package io.github.trailkit.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The top contributors of one kind to an Insights event: an element of {@code insightContext.attributions}.
 *
 * <pre>{@code
 * Optional<String> kind = attribution.attribute();   // userIdentityArn, userAgent or errorCode
 * }</pre>
 */
@Value.Immutable
@TrailkitStyle
public abstract class InsightAttribution {
    InsightAttribution() {}

    /** What is attributed: {@code userIdentityArn}, {@code userAgent} or {@code errorCode}. */
    public abstract Optional<String> attribute();

    /** The top contributors during the unusual activity. */
    public abstract Optional<List<InsightAttributionValue>> insight();

    /** The top contributors during the baseline. */
    public abstract Optional<List<InsightAttributionValue>> baseline();

    /**
     * Members not read into a typed accessor, in their order: names this version of trailkit does not know, and
     * explicit JSON {@code null}s of typed fields, a typed field's value that could not be read (as it came;
     * its accessor is then empty) and a time's text when {@link java.time.Instant#toString()} would write it otherwise.
     * Kept so that the value is written back as it was read.
     */
    public abstract Map<String, JsonValue> otherFields();

    @Value.Check
    InsightAttribution normalize() {
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

    /** Builds a {@link InsightAttribution}; every attribute is optional. */
    public static final class Builder extends ImmutableInsightAttribution.Builder {
        Builder() {}
    }
}
