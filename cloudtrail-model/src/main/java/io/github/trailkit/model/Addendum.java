package io.github.trailkit.model;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Why and how CloudTrail amended an earlier delivery of an event: a record's {@code addendum}.
 *
 * <pre>{@code
 * boolean late = record.addendum().flatMap(Addendum::reason).orElse(null) == AddendumReason.DELIVERY_DELAY;
 * }</pre>
 */
@Value.Immutable
@TrailkitStyle
public abstract class Addendum {
    Addendum() {}

    /** The raw text of {@link #reason()}. */
    public abstract Optional<String> reasonAsString();

    /** Why the addendum was delivered. {@link AddendumReason#UNKNOWN_TO_TRAILKIT} for a value this version does not know. */
    public Optional<AddendumReason> reason() {
        return reasonAsString().map(AddendumReason::fromValue);
    }

    /** The fields that changed (for {@code UPDATED_DATA}). */
    public abstract Optional<String> updatedFields();

    /** The request id of the original event (for {@code UPDATED_DATA}). */
    public abstract Optional<String> originalRequestID();

    /** The event id of the original event (for {@code UPDATED_DATA}). */
    public abstract Optional<String> originalEventID();

    /**
     * Members not read into a typed accessor, in their order: names this version of trailkit does not know, and
     * explicit JSON {@code null}s of typed fields, a typed field's value that could not be read (as it came;
     * its accessor is then empty) and a time's text when {@link java.time.Instant#toString()} would write it otherwise.
     * Kept so that the value is written back as it was read.
     */
    public abstract Map<String, JsonValue> otherFields();

    @Value.Check
    Addendum normalize() {
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

    /** Builds a {@link Addendum}; every attribute is optional. */
    public static final class Builder extends ImmutableAddendum.Builder {
        Builder() {}
    }
}
