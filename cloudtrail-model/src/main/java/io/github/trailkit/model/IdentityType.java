package io.github.trailkit.model;

/**
 * The kind of principal that made a request: {@code userIdentity.type}.
 *
 * <p>The set is open: a value CloudTrail adds later reads as {@link #UNKNOWN_TO_TRAILKIT}, and the raw text is
 * always available from the {@code …AsString()} accessor next to the one returning this enum.
 *
 * <pre>{@code
 * boolean root = record.userIdentity().flatMap(UserIdentity::type).orElse(null) == IdentityType.ROOT;
 * }</pre>
 */
public enum IdentityType {
    /** The account's root user. */
    ROOT("Root"),

    /** An IAM user. */
    IAM_USER("IAMUser"),

    /** Temporary credentials from an assumed role. */
    ASSUMED_ROLE("AssumedRole"),

    /** A role (for example, a service-linked role acting without a session). */
    ROLE("Role"),

    /** Temporary credentials from {@code GetFederationToken}. */
    FEDERATED_USER("FederatedUser"),

    /** A directory service user (WorkDocs, Quick). */
    DIRECTORY("Directory"),

    /** Another AWS account. */
    AWS_ACCOUNT("AWSAccount"),

    /** An account that belongs to an AWS service. */
    AWS_SERVICE("AWSService"),

    /** An IAM Identity Center user. */
    IDENTITY_CENTER_USER("IdentityCenterUser"),

    /** A SAML-federated user ({@code AssumeRoleWithSAML}). */
    SAML_USER("SAMLUser"),

    /** A web-identity-federated user ({@code AssumeRoleWithWebIdentity}). */
    WEB_IDENTITY_USER("WebIdentityUser"),

    /** The value {@code Unknown} that CloudTrail itself writes when it cannot tell the identity (not to be confused with {@link #UNKNOWN_TO_TRAILKIT}). */
    UNKNOWN("Unknown"),

    /** A value this version of trailkit does not know; read the raw text from the {@code …AsString()} accessor. */
    UNKNOWN_TO_TRAILKIT(null);

    private static final OpenEnum<IdentityType> VALUES = new OpenEnum<>(values(), e -> e.value, UNKNOWN_TO_TRAILKIT);

    private final String value;

    IdentityType(String value) {
        this.value = value;
    }

    /**
     * The constant for a raw value as CloudTrail writes it; {@link #UNKNOWN_TO_TRAILKIT} for any other text,
     * {@code null} for {@code null}.
     */
    public static IdentityType fromValue(String value) {
        return VALUES.fromValue(value);
    }

    /**
     * The value as CloudTrail writes it; {@code "UNKNOWN_TO_TRAILKIT"} for {@link #UNKNOWN_TO_TRAILKIT}, whose raw text
     * is on the record's {@code …AsString()} accessor. Never {@code null}.
     */
    @Override
    public String toString() {
        return OpenEnum.text(value, this);
    }
}
