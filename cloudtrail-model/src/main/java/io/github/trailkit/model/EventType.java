package io.github.trailkit.model;

import java.util.Map;

/**
 * What kind of event a record is: the record's {@code eventType} field.
 *
 * <p>The set is open: a value CloudTrail adds later reads as {@link #UNKNOWN_TO_TRAILKIT}, and the raw text is
 * always available from the {@code …AsString()} accessor next to the one returning this enum.
 *
 * <pre>{@code
 * if (record.eventType().orElse(null) == EventType.AWS_CONSOLE_SIGN_IN) { ... }
 * }</pre>
 */
public enum EventType {
    /** An API was called. */
    AWS_API_CALL("AwsApiCall"),

    /** The service generated an event related to the trail, such as a KMS key rotation. */
    AWS_SERVICE_EVENT("AwsServiceEvent"),

    /** An action taken in the console that was not an API call. */
    AWS_CONSOLE_ACTION("AwsConsoleAction"),

    /** A console sign-in (root, IAM, federated, SAML or SwitchRole user). */
    AWS_CONSOLE_SIGN_IN("AwsConsoleSignIn"),

    /** A network activity event. The record-contents page spells it {@code AwsVpceEvents}; published records use {@code AwsVpceEvent}. Both read as this constant. */
    AWS_VPCE_EVENT("AwsVpceEvent"),

    /** An Insights event. */
    AWS_CLOUD_TRAIL_INSIGHT("AwsCloudTrailInsight"),

    /** A five-minute aggregated summary of data events. */
    AWS_AGGREGATED_EVENT("AwsAggregatedEvent"),

    /** CloudTrail Lake only: an event from a non-AWS integration. */
    ACTIVITY_LOG("ActivityLog"),

    /** CloudTrail Lake only: an AWS Config configuration item. */
    AWS_CONFIGURATION_ITEM("AwsConfigurationItem"),

    /** CloudTrail Lake only: AWS Audit Manager evidence. */
    AWS_AUDIT_MANAGER_EVIDENCE("AwsAuditManagerEvidence"),

    /** A value this version of trailkit does not know; read the raw text from the {@code …AsString()} accessor. */
    UNKNOWN_TO_TRAILKIT(null);

    private static final OpenEnum<EventType> VALUES =
            new OpenEnum<>(values(), e -> e.value, UNKNOWN_TO_TRAILKIT, Map.of("AwsVpceEvents", AWS_VPCE_EVENT));

    private final String value;

    EventType(String value) {
        this.value = value;
    }

    /**
     * The constant for a raw value as CloudTrail writes it; {@link #UNKNOWN_TO_TRAILKIT} for any other text,
     * {@code null} for {@code null}.
     */
    public static EventType fromValue(String value) {
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
