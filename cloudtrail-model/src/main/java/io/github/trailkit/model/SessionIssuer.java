package io.github.trailkit.model;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The principal that issued temporary credentials: {@code sessionContext.sessionIssuer}.
 *
 * <pre>{@code
 * Optional<String> roleName = issuer.userName();   // the role name of an AssumedRole session
 * }</pre>
 */
@Value.Immutable
@TrailkitStyle
public abstract class SessionIssuer {
    SessionIssuer() {}

    /** The issuer kind, such as {@code Role}, {@code IAMUser} or {@code Root}. */
    public abstract Optional<String> type();

    /** The issuer's principal id. */
    public abstract Optional<String> principalId();

    /** The issuer's ARN. */
    public abstract Optional<String> arn();

    /** The account that owns the issuer. */
    public abstract Optional<String> accountId();

    /** The issuer's friendly name, such as the role name. */
    public abstract Optional<String> userName();

    /**
     * Members not read into a typed accessor, in their order: names this version of trailkit does not know, and
     * explicit JSON {@code null}s of typed fields, a typed field's value that could not be read (as it came;
     * its accessor is then empty) and a time's text when {@link java.time.Instant#toString()} would write it otherwise.
     * Kept so that the value is written back as it was read.
     */
    public abstract Map<String, JsonValue> otherFields();

    @Value.Check
    SessionIssuer normalize() {
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

    /** Builds a {@link SessionIssuer}; every attribute is optional. */
    public static final class Builder extends ImmutableSessionIssuer.Builder {
        Builder() {}
    }
}
