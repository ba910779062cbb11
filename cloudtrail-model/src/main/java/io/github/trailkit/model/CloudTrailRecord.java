package io.github.trailkit.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One CloudTrail event record: a management, data, network activity, Insights or aggregated event.
 *
 * <p>Every field of the record reference has a typed accessor; every accessor is optional because real records omit
 * fields that the documentation calls mandatory (Insights events have no {@code eventName}, service events may have a
 * {@code userIdentity} without {@code type}, aggregated events have their own schema). Free-form payloads are
 * {@link JsonValue}s. Members trailkit does not know by name, and explicit {@code null}s of typed fields, are kept in
 * {@link #otherFields()}, so that a record written back is the JSON it was read from.
 *
 * <p>Records are deeply immutable and safe to share between threads.
 *
 * <p>Any Jackson {@code ObjectMapper} reads and writes records with no module to register: a record is written as
 * the JSON {@link CloudTrail#writer()} gives (times as CloudTrail's text, whatever the mapper's date settings) and
 * read back with {@link CloudTrail#reader()}, as an equal record.
 *
 * <pre>{@code
 * try (CloudTrailLog log = CloudTrail.reader().read(Path.of("111122223333_CloudTrail_us-east-1_20240101T0000Z_abc.json.gz"))) {
 *     for (CloudTrailRecord r : log) {
 *         if (r.eventName().orElse("").equals("CreateTopic")) {
 *             System.out.println(r.userIdentity().flatMap(UserIdentity::arn).orElse("?"));
 *         }
 *     }
 * }
 *
 * CloudTrailRecord built = CloudTrailRecord.builder()
 *         .eventVersion(EventVersion.parse("1.09"))
 *         .eventSource("sns.amazonaws.com")
 *         .eventName("CreateTopic")
 *         .eventTime(Instant.parse("2024-01-01T00:00:00Z"))
 *         .build();
 * }</pre>
 *
 * <h2>Adding a field</h2>
 *
 * <p>The abstract accessors of this class and of the other record types are the schema: declared once here, they are
 * what the build's generator ({@code cloudtrail-model/src/build/java/RecordSchemaGenerator.java}) turns into the
 * codec (read, write, normalize), the {@link RecordMember} table that rules use and the parser's table of known names.
 * A new CloudTrail field is one accessor, {@code public abstract Optional<T> name();}, placed where it is to be
 * written, plus its test. {@code T} is {@code String}, {@code Boolean}, {@code Instant}, {@code BigDecimal}, {@link
 * JsonValue} (a payload), a record type or a {@code List} of one ({@code OptionalLong} for an integer). The JSON name is
 * the accessor's, less a trailing {@code AsString} (an open enum's raw value); a package-private {@code @JsonName}
 * annotation gives it when it differs (as for {@link #aggregatedEventId()}).
 */
@Value.Immutable
@TrailkitStyle
@JsonSerialize(using = JacksonBinding.RecordSerializer.class)
@JsonDeserialize(using = JacksonBinding.RecordDeserializer.class)
public abstract class CloudTrailRecord {
    CloudTrailRecord() {}

    /** The record format version, {@code major.minor}; compare with {@link EventVersion#compareTo}. */
    public abstract Optional<EventVersion> eventVersion();

    /** Who made the request. Absent in Insights and aggregated events. */
    public abstract Optional<UserIdentity> userIdentity();

    /** When the request completed (UTC). Absent in aggregated events, which have {@link #timeWindow()}. */
    public abstract Optional<Instant> eventTime();

    /** The service that received the request, such as {@code sns.amazonaws.com}. */
    public abstract Optional<String> eventSource();

    /** The API action, such as {@code CreateTopic}; may carry an API-date suffix ({@code GetFunction20150331}). */
    public abstract Optional<String> eventName();

    /** The region the request was made to, such as {@code us-east-2}. */
    public abstract Optional<String> awsRegion();

    /** The caller's IP address, or a service DNS name or {@code AWS Internal} for calls made by AWS. */
    public abstract Optional<String> sourceIPAddress();

    /** The agent through which the request was made (at most 1 KB; longer values are truncated by CloudTrail). */
    public abstract Optional<String> userAgent();

    /** The AWS error code when the request failed, such as {@code AccessDenied}. */
    public abstract Optional<String> errorCode();

    /** The error message when the request failed. */
    public abstract Optional<String> errorMessage();

    /**
     * The request's parameters, as the service logged them. An explicit JSON {@code null} reads as empty, as for every
     * typed field, and is kept in {@link #otherFields()} so that it is written back as {@code null}.
     */
    public abstract Optional<JsonValue> requestParameters();

    /** The response elements of a write action; often a JSON {@code null}. */
    public abstract Optional<JsonValue> responseElements();

    /** Service-specific extra data, such as {@code MFAUsed} of a console sign-in. */
    public abstract Optional<JsonValue> additionalEventData();

    /** The service's request id. */
    public abstract Optional<String> requestID();

    /** CloudTrail's id of this event; duplicates delivered twice share it. Not always a UUID in published samples. */
    public abstract Optional<String> eventID();

    /** The raw text of {@link #eventType()}. */
    public abstract Optional<String> eventTypeAsString();

    /** What kind of event this is. {@link EventType#UNKNOWN_TO_TRAILKIT} for a value this version does not know. */
    public Optional<EventType> eventType() {
        return eventTypeAsString().map(EventType::fromValue);
    }

    /** The API version of an {@code AwsApiCall}. */
    public abstract Optional<String> apiVersion();

    /** Whether this is a management event (eventVersion 1.06 and later). */
    public abstract Optional<Boolean> managementEvent();

    /** Whether the action only reads. */
    public abstract Optional<Boolean> readOnly();

    /** The resources the action touched, when the service reports them. */
    public abstract Optional<List<Resource>> resources();

    /** The account that received this copy of the event. */
    public abstract Optional<String> recipientAccountId();

    /** Details of an {@code AwsServiceEvent}. */
    public abstract Optional<JsonValue> serviceEventDetails();

    /** Shared by the copies of one event delivered to several accounts; links an Insights Start and End. */
    public abstract Optional<String> sharedEventID();

    /** The VPC endpoint the request went through. */
    public abstract Optional<String> vpcEndpointId();

    /** The account that owns the VPC endpoint (eventVersion 1.09 and later). */
    public abstract Optional<String> vpcEndpointAccountId();

    /** The raw text of {@link #eventCategory()}. */
    public abstract Optional<String> eventCategoryAsString();

    /** The event's category (eventVersion 1.07 and later). {@link EventCategory#UNKNOWN_TO_TRAILKIT} for a value this version does not know. */
    public Optional<EventCategory> eventCategory() {
        return eventCategoryAsString().map(EventCategory::fromValue);
    }

    /** Why and how CloudTrail amended an earlier delivery of this event. */
    public abstract Optional<Addendum> addendum();

    /** The raw text {@code "true"} or {@code "false"}: whether the credentials came from a console session. See {@link #isSessionCredentialFromConsole()}. */
    public abstract Optional<String> sessionCredentialFromConsole();

    /** Enrichment context (CloudTrail Lake event data stores only). */
    public abstract Optional<JsonValue> eventContext();

    /** The edge device of an S3 on Outposts or Snow request. */
    public abstract Optional<EdgeDeviceDetails> edgeDeviceDetails();

    /** The TLS session of the request. */
    public abstract Optional<TlsDetails> tlsDetails();

    /** The details of an Insights event. */
    public abstract Optional<InsightDetails> insightDetails();

    /** A user annotation (CloudTrail Lake). */
    public abstract Optional<String> annotation();

    /** The account of an aggregated event (aggregated events only; other records carry accounts in {@link #recipientAccountId()} and {@link #userIdentity()}). */
    public abstract Optional<String> accountId();

    /** The id of an aggregated event, written {@code eventId} (lower-case {@code d}) in that schema. */
    @JsonName("eventId")
    public abstract Optional<String> aggregatedEventId();

    /** The five-minute window an aggregated event summarizes. */
    public abstract Optional<AggregationTimeWindow> timeWindow();

    /** The statistics of an aggregated event. */
    public abstract Optional<JsonValue> summary();

    /**
     * Members not read into a typed accessor, in their order: names this version of trailkit does not know, and
     * explicit JSON {@code null}s of typed fields, a typed field's value that could not be read (as it came;
     * its accessor is then empty) and a time's text when {@link java.time.Instant#toString()} would write it otherwise.
     * Kept so that the value is written back as it was read.
     */
    public abstract Map<String, JsonValue> otherFields();

    /** True when {@link #sessionCredentialFromConsole()} is the text {@code "true"}. */
    public boolean isSessionCredentialFromConsole() {
        return sessionCredentialFromConsole().map("true"::equals).orElse(false);
    }

    @Value.Check
    CloudTrailRecord normalize() {
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

    /** Builds a {@link CloudTrailRecord}; every attribute is optional. */
    public static final class Builder extends ImmutableCloudTrailRecord.Builder {
        Builder() {}
    }
}
