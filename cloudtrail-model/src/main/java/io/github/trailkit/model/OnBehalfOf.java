package io.github.trailkit.model;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The IAM Identity Center user a call was made for: {@code userIdentity.onBehalfOf}.
 *
 * <pre>{@code
 * Optional<String> user = identity.onBehalfOf().flatMap(OnBehalfOf::userId);
 * }</pre>
 */
@Value.Immutable
@TrailkitStyle
public abstract class OnBehalfOf {
    OnBehalfOf() {}

    /** The Identity Center user id. */
    public abstract Optional<String> userId();

    /** The identity store of that user. */
    public abstract Optional<String> identityStoreArn();

    /**
     * Members not read into a typed accessor, in their order: names this version of trailkit does not know, and
     * explicit JSON {@code null}s of typed fields, a typed field's value that could not be read (as it came;
     * its accessor is then empty) and a time's text when {@link java.time.Instant#toString()} would write it otherwise.
     * Kept so that the value is written back as it was read.
     */
    public abstract Map<String, JsonValue> otherFields();

    @Value.Check
    OnBehalfOf normalize() {
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

    /** Builds a {@link OnBehalfOf}; every attribute is optional. */
    public static final class Builder extends ImmutableOnBehalfOf.Builder {
        Builder() {}
    }
}
