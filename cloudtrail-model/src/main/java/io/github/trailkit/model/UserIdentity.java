package io.github.trailkit.model;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The principal that made a request: a record's {@code userIdentity}.
 *
 * <pre>{@code
 * boolean root = record.userIdentity().flatMap(UserIdentity::type).orElse(null) == IdentityType.ROOT;
 * boolean mfa = record.userIdentity().flatMap(UserIdentity::sessionContext)
 *         .flatMap(SessionContext::attributes).map(SessionAttributes::isMfaAuthenticated).orElse(false);
 * }</pre>
 */
@Value.Immutable
@TrailkitStyle
public abstract class UserIdentity {
    UserIdentity() {}

    /** The raw text of {@link #type()}. */
    public abstract Optional<String> typeAsString();

    /** The kind of principal. {@link IdentityType#UNKNOWN_TO_TRAILKIT} for a value this version does not know. */
    public Optional<IdentityType> type() {
        return typeAsString().map(IdentityType::fromValue);
    }

    /** The principal's unique id; for temporary credentials it ends with the session name. */
    public abstract Optional<String> principalId();

    /** The principal's ARN. */
    public abstract Optional<String> arn();

    /** The account that owns the principal. */
    public abstract Optional<String> accountId();

    /** The access key used; may be absent or empty for security reasons. */
    public abstract Optional<String> accessKeyId();

    /** The principal's friendly name; {@code HIDDEN_DUE_TO_SECURITY_REASONS} for failed sign-ins with a wrong user name. */
    public abstract Optional<String> userName();

    /** The session of temporary credentials. */
    public abstract Optional<SessionContext> sessionContext();

    /** The AWS service that made the request on the principal's behalf, such as {@code signin.amazonaws.com}. */
    public abstract Optional<String> invokedBy();

    /** The product provider that acted with delegated access. */
    public abstract Optional<InvokedByDelegate> invokedByDelegate();

    /** The IAM Identity Center user the call was made for. */
    public abstract Optional<OnBehalfOf> onBehalfOf();

    /** The resource scope the credentials were issued in (eventVersion 1.11 and later). */
    public abstract Optional<InScopeOf> inScopeOf();

    /** The bearer-token credential used, such as an IAM Identity Center access token. */
    public abstract Optional<String> credentialId();

    /** The SAML name qualifier or web-identity issuer of a {@code SAMLUser} or {@code WebIdentityUser}. */
    public abstract Optional<String> identityProvider();

    /**
     * Members not read into a typed accessor, in their order: names this version of trailkit does not know, and
     * explicit JSON {@code null}s of typed fields, a typed field's value that could not be read (as it came;
     * its accessor is then empty) and a time's text when {@link java.time.Instant#toString()} would write it otherwise.
     * Kept so that the value is written back as it was read.
     */
    public abstract Map<String, JsonValue> otherFields();

    @Value.Check
    UserIdentity normalize() {
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

    /** Builds a {@link UserIdentity}; every attribute is optional. */
    public static final class Builder extends ImmutableUserIdentity.Builder {
        Builder() {}
    }
}
