package io.github.trailkit.test;

import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.EventCategory;
import io.github.trailkit.model.EventType;
import io.github.trailkit.model.IdentityType;
import io.github.trailkit.model.JsonValue;
import io.github.trailkit.model.SessionAttributes;
import io.github.trailkit.model.SessionContext;
import io.github.trailkit.model.UserIdentity;
import io.github.trailkit.test.internal.Describe;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.assertj.core.api.AbstractObjectAssert;

/**
 * The checks of {@link RecordAssert}, for assertions of your own that add checks and keep chaining: extend it with your class
 * as {@code SELF}, and every check here returns your type. {@link RecordAssert} is the one trailkit gives.
 *
 * <pre>{@code
 * public final class MyAssert extends AbstractRecordAssert<MyAssert> {
 *     public MyAssert(CloudTrailRecord actual) {
 *         super(actual, MyAssert.class);
 *     }
 *
 *     public MyAssert myCheck() {
 *         isNotNull();
 *         // ... failWithMessage(...) when the check does not hold
 *         return myself;
 *     }
 * }
 * }</pre>
 *
 * @param <SELF> the concrete assertion class, returned by every check
 */
public abstract class AbstractRecordAssert<SELF extends AbstractRecordAssert<SELF>>
        extends AbstractObjectAssert<SELF, CloudTrailRecord> {

    /**
     * An assertion on {@code actual} for the subclass {@code selfType}, which is what every check returns so that the
     * subclass's own checks chain with these.
     */
    protected AbstractRecordAssert(CloudTrailRecord actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /* ---------------------------------------------------------------- what and where */

    /** Checks the {@code eventName}, such as {@code CreateTopic}. */
    public SELF hasEventName(String expected) {
        return hasField("eventName", record().eventName(), expected);
    }

    /** Checks the {@code eventSource}, such as {@code sns.amazonaws.com}. */
    public SELF hasEventSource(String expected) {
        return hasField("eventSource", record().eventSource(), expected);
    }

    /** Checks the {@code eventType}, such as {@link EventType#AWS_API_CALL}. */
    public SELF hasEventType(EventType expected) {
        return hasField("eventType", record().eventType(), expected, record().eventTypeAsString());
    }

    /** Checks the {@code eventCategory}, such as {@link EventCategory#MANAGEMENT}. */
    public SELF hasEventCategory(EventCategory expected) {
        return hasField("eventCategory", record().eventCategory(), expected, record().eventCategoryAsString());
    }

    /** Checks the {@code awsRegion}, such as {@code us-east-1}. */
    public SELF hasAwsRegion(String expected) {
        return hasField("awsRegion", record().awsRegion(), expected);
    }

    /** Checks the {@code eventTime}. */
    public SELF hasEventTime(Instant expected) {
        return hasField("eventTime", record().eventTime(), expected);
    }

    /** Checks the {@code eventID}. */
    public SELF hasEventId(String expected) {
        return hasField("eventID", record().eventID(), expected);
    }

    /** Checks the {@code recipientAccountId}: the account that received the event. */
    public SELF hasRecipientAccountId(String expected) {
        return hasField("recipientAccountId", record().recipientAccountId(), expected);
    }

    /** Checks the {@code sourceIPAddress} (for calls made by AWS, a service name such as {@code ec2.amazonaws.com}). */
    public SELF hasSourceIPAddress(String expected) {
        return hasField("sourceIPAddress", record().sourceIPAddress(), expected);
    }

    /** Checks the {@code userAgent}. */
    public SELF hasUserAgent(String expected) {
        return hasField("userAgent", record().userAgent(), expected);
    }

    /** Checks that {@code readOnly} is {@code true}. */
    public SELF isReadOnly() {
        return hasField("readOnly", record().readOnly(), true);
    }

    /** Checks that {@code readOnly} is {@code false}. */
    public SELF isNotReadOnly() {
        return hasField("readOnly", record().readOnly(), false);
    }

    /** Checks that {@code managementEvent} is {@code true}. */
    public SELF isManagementEvent() {
        return hasField("managementEvent", record().managementEvent(), true);
    }

    /* ---------------------------------------------------------------- who */

    /** Checks {@code userIdentity.arn}, such as {@code arn:aws:iam::123456789012:user/alice}. */
    public SELF wasMadeBy(String expectedArn) {
        return hasField("userIdentity.arn", identity().flatMap(UserIdentity::arn), expectedArn);
    }

    /** Checks that {@code userIdentity.type} is {@code Root}: the account's root user made the request. */
    public SELF wasMadeByRoot() {
        return hasIdentityType(IdentityType.ROOT);
    }

    /** Checks that {@code userIdentity.type} is not {@code Root}; a record without an identity passes. */
    public SELF wasNotMadeByRoot() {
        isNotNull();
        if (identity().flatMap(UserIdentity::type).orElse(null) == IdentityType.ROOT) {
            failWithMessage(
                    "%nExpecting record%n  %s%nnot to have been made by the root user%nbut userIdentity.arn was%n  %s",
                    Describe.record(actual), Describe.value(identity().flatMap(UserIdentity::arn)));
        }
        return myself;
    }

    /** Checks {@code userIdentity.type}, such as {@link IdentityType#ASSUMED_ROLE}. */
    public SELF hasIdentityType(IdentityType expected) {
        return hasField(
                "userIdentity.type",
                identity().flatMap(UserIdentity::type),
                expected,
                identity().flatMap(UserIdentity::typeAsString));
    }

    /** Checks {@code userIdentity.userName}. */
    public SELF hasUserName(String expected) {
        return hasField("userIdentity.userName", identity().flatMap(UserIdentity::userName), expected);
    }

    /**
     * Checks whether MFA was used: {@code userIdentity.sessionContext.attributes.mfaAuthenticated} is {@code "true"},
     * or, for a console sign-in, {@code additionalEventData.MFAUsed} is {@code "Yes"} (in any case).
     */
    public SELF hasMfa(boolean expected) {
        isNotNull();
        boolean actualMfa = usedMfa(actual);
        if (actualMfa != expected) {
            Optional<String> attribute = identity()
                    .flatMap(UserIdentity::sessionContext)
                    .flatMap(SessionContext::attributes)
                    .flatMap(SessionAttributes::mfaAuthenticated);
            Optional<String> mfaUsed =
                    actual.additionalEventData().flatMap(d -> d.get("MFAUsed").asString());
            failWithActualExpectedAndMessage(
                    actualMfa,
                    expected,
                    "%nExpecting record%n  %s%n%s%nbut sessionContext.attributes.mfaAuthenticated was %s "
                            + "and additionalEventData.MFAUsed was %s",
                    Describe.record(actual),
                    expected ? "to have used MFA" : "not to have used MFA",
                    Describe.value(attribute),
                    Describe.value(mfaUsed));
        }
        return myself;
    }

    static boolean usedMfa(CloudTrailRecord r) {
        boolean session = r.userIdentity()
                .flatMap(UserIdentity::sessionContext)
                .flatMap(SessionContext::attributes)
                .map(SessionAttributes::isMfaAuthenticated)
                .orElse(false);
        boolean signIn = r.additionalEventData()
                .flatMap(d -> d.get("MFAUsed").asString())
                .map("yes"::equalsIgnoreCase)
                .orElse(false);
        return session || signIn;
    }

    /* ---------------------------------------------------------------- outcome */

    /** Checks the {@code errorCode}, such as {@code AccessDenied}. */
    public SELF hasErrorCode(String expected) {
        return hasField("errorCode", record().errorCode(), expected);
    }

    /** Checks the {@code errorMessage}. */
    public SELF hasErrorMessage(String expected) {
        return hasField("errorMessage", record().errorMessage(), expected);
    }

    /** Checks that the request succeeded: no {@code errorCode} and no {@code errorMessage}. */
    public SELF hasNoError() {
        isNotNull();
        if (actual.errorCode().isPresent() || actual.errorMessage().isPresent()) {
            failWithMessage(
                    "%nExpecting record%n  %s%nto have no error%nbut it had errorCode %s and errorMessage %s",
                    Describe.record(actual), Describe.value(actual.errorCode()), Describe.value(actual.errorMessage()));
        }
        return myself;
    }

    /* ---------------------------------------------------------------- payloads */

    /** Checks that {@code requestParameters} has a value (even JSON {@code null}) at {@code path}, such as {@code "name"}. */
    public SELF hasRequestParameter(String path) {
        return hasPayloadValue("requestParameters", record().requestParameters(), path);
    }

    /**
     * Checks the string at {@code path} in {@code requestParameters}; paths are dotted, with array indexes as
     * segments ({@code "ipPermissions.items.0.ipProtocol"}).
     */
    public SELF hasRequestParameter(String path, String expected) {
        return hasPayload("requestParameters", record().requestParameters(), path, JsonValue.of(expected));
    }

    /** Checks the number at {@code path} in {@code requestParameters} ({@code 1} and {@code 1.0} are equal). */
    public SELF hasRequestParameter(String path, long expected) {
        return hasPayload("requestParameters", record().requestParameters(), path, JsonValue.of(expected));
    }

    /** Checks the number at {@code path} in {@code requestParameters} ({@code 1} and {@code 1.0} are equal). */
    public SELF hasRequestParameter(String path, BigDecimal expected) {
        return hasPayload("requestParameters", record().requestParameters(), path, JsonValue.of(expected));
    }

    /** Checks the boolean at {@code path} in {@code requestParameters}. */
    public SELF hasRequestParameter(String path, boolean expected) {
        return hasPayload("requestParameters", record().requestParameters(), path, JsonValue.of(expected));
    }

    /** Checks the JSON value (an object, an array, {@code null} …) at {@code path} in {@code requestParameters}. */
    public SELF hasRequestParameter(String path, JsonValue expected) {
        return hasPayload("requestParameters", record().requestParameters(), path, expected);
    }

    /** Checks that {@code responseElements} has a value (even JSON {@code null}) at {@code path}. */
    public SELF hasResponseElement(String path) {
        return hasPayloadValue("responseElements", record().responseElements(), path);
    }

    /** Checks the string at {@code path} in {@code responseElements}, such as {@code "topicArn"}. */
    public SELF hasResponseElement(String path, String expected) {
        return hasPayload("responseElements", record().responseElements(), path, JsonValue.of(expected));
    }

    /** Checks the number at {@code path} in {@code responseElements}. */
    public SELF hasResponseElement(String path, long expected) {
        return hasPayload("responseElements", record().responseElements(), path, JsonValue.of(expected));
    }

    /** Checks the boolean at {@code path} in {@code responseElements}. */
    public SELF hasResponseElement(String path, boolean expected) {
        return hasPayload("responseElements", record().responseElements(), path, JsonValue.of(expected));
    }

    /** Checks the JSON value at {@code path} in {@code responseElements}. */
    public SELF hasResponseElement(String path, JsonValue expected) {
        return hasPayload("responseElements", record().responseElements(), path, expected);
    }

    /** Checks the string at {@code path} in {@code additionalEventData}, such as {@code "MFAUsed"}. */
    public SELF hasAdditionalEventData(String path, String expected) {
        return hasPayload("additionalEventData", record().additionalEventData(), path, JsonValue.of(expected));
    }

    /* ---------------------------------------------------------------- helpers */

    private CloudTrailRecord record() {
        isNotNull();
        return actual;
    }

    private Optional<UserIdentity> identity() {
        return record().userIdentity();
    }

    private <T> SELF hasField(String field, Optional<T> value, T expected) {
        return hasField(field, value, expected, Optional.empty());
    }

    /** {@code raw}: the text behind an open enum, shown when the enum is {@code UNKNOWN_TO_TRAILKIT}. */
    private <T> SELF hasField(String field, Optional<T> value, T expected, Optional<String> raw) {
        Objects.requireNonNull(expected, "expected value");
        if (!value.filter(expected::equals).isPresent()) {
            String shown = raw.filter(r -> !r.equals(String.valueOf(value.orElse(null))))
                    .map(r -> Describe.value(value) + " (written " + Describe.quote(r) + ")")
                    .orElse(Describe.value(value));
            failWithActualExpectedAndMessage(
                    value.orElse(null),
                    expected,
                    "%nExpecting record%n  %s%nto have %s%n  %s%nbut it was%n  %s",
                    Describe.record(actual),
                    field,
                    Describe.quote(expected),
                    shown);
        }
        return myself;
    }

    private SELF hasPayload(String field, Optional<JsonValue> payload, String path, JsonValue expected) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(expected, "expected value");
        JsonValue value = payload.orElse(JsonValue.missing()).path(path);
        if (!value.equals(expected)) {
            failWithActualExpectedAndMessage(
                    value.isPresent() ? value.toJson() : "absent",
                    expected.toJson(),
                    "%nExpecting record%n  %s%nto have %s.%s%n  %s%nbut it was%n  %s%nin %s%n  %s",
                    Describe.record(actual),
                    field,
                    path,
                    expected.toJson(),
                    value.isPresent() ? value.toJson() : "absent",
                    field,
                    shown(field, payload));
        }
        return myself;
    }

    private SELF hasPayloadValue(String field, Optional<JsonValue> payload, String path) {
        Objects.requireNonNull(path, "path");
        if (!payload.orElse(JsonValue.missing()).path(path).isPresent()) {
            failWithMessage(
                    "%nExpecting record%n  %s%nto have a value at %s.%s%nbut there was none in %s%n  %s",
                    Describe.record(actual), field, path, field, shown(field, payload));
        }
        return myself;
    }

    /** The payload as JSON; an explicit {@code null} is kept in {@code otherFields}, as for every typed field. */
    private String shown(String field, Optional<JsonValue> payload) {
        return payload.or(() -> Optional.ofNullable(actual.otherFields().get(field)))
                .map(JsonValue::toJson)
                .orElse("absent");
    }
}
