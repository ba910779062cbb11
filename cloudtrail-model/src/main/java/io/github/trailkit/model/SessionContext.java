package io.github.trailkit.model;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The session of temporary credentials: {@code userIdentity.sessionContext}.
 *
 * <pre>{@code
 * Optional<String> issuerArn = identity.sessionContext().flatMap(SessionContext::sessionIssuer).flatMap(SessionIssuer::arn);
 * }</pre>
 */
@Value.Immutable
@TrailkitStyle
public abstract class SessionContext {
    SessionContext() {}

    /** The principal that issued the session, such as the assumed role. */
    public abstract Optional<SessionIssuer> sessionIssuer();

    /** The web identity provider of the session, if any. */
    public abstract Optional<WebIdFederationData> webIdFederationData();

    /** When the session was created and whether MFA was used. */
    public abstract Optional<SessionAttributes> attributes();

    /** The STS source identity of the session. */
    public abstract Optional<String> sourceIdentity();

    /** {@code 1.0} for credentials from IMDSv1, {@code 2.0} for IMDSv2. */
    public abstract Optional<String> ec2RoleDelivery();

    /** Set for sessions from {@code sts:AssumeRoot}; written as a boolean or a string. See {@link #isAssumedRoot()}. */
    public abstract Optional<JsonValue> assumedRoot();

    /** The console sign-in session the credentials belong to. */
    public abstract Optional<String> signInSessionArn();

    /** The VPC an EC2 instance credential was issued in. */
    public abstract Optional<String> ec2IssuedInVPC();

    /**
     * Members not read into a typed accessor, in their order: names this version of trailkit does not know, and
     * explicit JSON {@code null}s of typed fields, a typed field's value that could not be read (as it came;
     * its accessor is then empty) and a time's text when {@link java.time.Instant#toString()} would write it otherwise.
     * Kept so that the value is written back as it was read.
     */
    public abstract Map<String, JsonValue> otherFields();

    /** True when {@link #assumedRoot()} is {@code true} or the text {@code "true"}. */
    public boolean isAssumedRoot() {
        return assumedRoot()
                .map(v -> v.asBoolean().orElse(false)
                        || v.asString().map("true"::equals).orElse(false))
                .orElse(false);
    }

    @Value.Check
    SessionContext normalize() {
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

    /** Builds a {@link SessionContext}; every attribute is optional. */
    public static final class Builder extends ImmutableSessionContext.Builder {
        Builder() {}
    }
}
