package io.github.trailkit.model;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The resource scope credentials were issued in: {@code userIdentity.inScopeOf}.
 *
 * <pre>{@code
 * Optional<String> function = identity.inScopeOf().flatMap(InScopeOf::sourceArn);
 * }</pre>
 */
@Value.Immutable
@TrailkitStyle
public abstract class InScopeOf {
    InScopeOf() {}

    /** The resource the credentials were issued for, such as a Lambda function. */
    public abstract Optional<String> sourceArn();

    /** The account of that resource. */
    public abstract Optional<String> sourceAccount();

    /** The kind of that resource, such as {@code AWS::Lambda::Function}. */
    public abstract Optional<String> issuerType();

    /** The entity the credentials were issued to. */
    public abstract Optional<String> credentialsIssuedTo();

    /**
     * Members not read into a typed accessor, in their order: names this version of trailkit does not know, and
     * explicit JSON {@code null}s of typed fields, a typed field's value that could not be read (as it came;
     * its accessor is then empty) and a time's text when {@link java.time.Instant#toString()} would write it otherwise.
     * Kept so that the value is written back as it was read.
     */
    public abstract Map<String, JsonValue> otherFields();

    @Value.Check
    InScopeOf normalize() {
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

    /** Builds a {@link InScopeOf}; every attribute is optional. */
    public static final class Builder extends ImmutableInScopeOf.Builder {
        Builder() {}
    }
}
