package io.github.trailkit.rules;

import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.EventType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * The rule DSL: import its members statically and write rules as expressions.
 *
 * <pre>{@code
 * import static io.github.trailkit.rules.Rules.*;
 *
 * Rule rootLogin = rule("root-console-login")
 *         .title("Root user signed in to the console")
 *         .severity(Severity.HIGH)
 *         .when(eventName().is("ConsoleLogin").and(userIdentity().type().is("Root")))
 *         .build();
 *
 * Rule publicBucket = rule("s3-public-acl")
 *         .when(eventName().in("PutBucketAcl", "PutObjectAcl")
 *                 .and(requestParameter("x-amz-acl").in("public-read", "public-read-write")))
 *         .build();
 * }</pre>
 *
 * <p>Selectors name a place in the record ({@link #eventName()}, {@link #userIdentity()}{@code .arn()}, {@link
 * #field(String)} for any path); each returns a {@link Field} whose methods make {@link Condition}s, which combine with
 * {@code and}, {@code or}, {@link #not(Condition)}, {@link #allOf} and {@link #anyOf}.
 */
public final class Rules {
    private Rules() {}

    /** Starts a rule with this id; finish it with {@code .when(condition).build()}. */
    public static Rule.Builder rule(String id) {
        return Rule.builder().id(id);
    }

    /* ------------------------------------------------------------------ record fields */

    /** {@code eventVersion}, as text such as {@code 1.09}. */
    public static Field eventVersion() {
        return Field.of("eventVersion", "eventVersion()");
    }

    /** {@code eventSource}, such as {@code sns.amazonaws.com}. */
    public static Field eventSource() {
        return Field.of("eventSource", "eventSource()");
    }

    /** {@code eventName}, such as {@code CreateTopic}. */
    public static Field eventName() {
        return Field.of("eventName", "eventName()");
    }

    /** {@code eventType} as written, such as {@code AwsApiCall}. */
    public static Field eventType() {
        return Field.of("eventType", "eventType()");
    }

    /** {@code eventCategory} as written, such as {@code Management}. */
    public static Field eventCategory() {
        return Field.of("eventCategory", "eventCategory()");
    }

    /** {@code eventTime} as written, such as {@code 2024-01-31T23:59:59Z} (prefix tests select days and hours). */
    public static Field eventTime() {
        return Field.of("eventTime", "eventTime()");
    }

    /** {@code eventID}. */
    public static Field eventID() {
        return Field.of("eventID", "eventID()");
    }

    /** {@code awsRegion}. */
    public static Field awsRegion() {
        return Field.of("awsRegion", "awsRegion()");
    }

    /** {@code errorCode}, such as {@code AccessDenied}. */
    public static Field errorCode() {
        return Field.of("errorCode", "errorCode()");
    }

    /** {@code errorMessage}. */
    public static Field errorMessage() {
        return Field.of("errorMessage", "errorMessage()");
    }

    /** {@code sourceIPAddress}: an address, or a service name for calls AWS made. */
    public static Field sourceIPAddress() {
        return Field.of("sourceIPAddress", "sourceIPAddress()");
    }

    /** {@code userAgent}. */
    public static Field userAgent() {
        return Field.of("userAgent", "userAgent()");
    }

    /** {@code readOnly}, a boolean: {@code readOnly().is(false)} selects writes. */
    public static Field readOnly() {
        return Field.of("readOnly", "readOnly()");
    }

    /** {@code managementEvent}, a boolean. */
    public static Field managementEvent() {
        return Field.of("managementEvent", "managementEvent()");
    }

    /** {@code recipientAccountId}. */
    public static Field recipientAccountId() {
        return Field.of("recipientAccountId", "recipientAccountId()");
    }

    /** {@code vpcEndpointId}. */
    public static Field vpcEndpointId() {
        return Field.of("vpcEndpointId", "vpcEndpointId()");
    }

    /** The fields of {@code userIdentity}: {@code userIdentity().type().is("Root")}. */
    public static UserIdentityFields userIdentity() {
        return UserIdentityFields.INSTANCE;
    }

    /** A member of {@code requestParameters}, by dotted path: {@code requestParameter("bucketName")}. */
    public static Field requestParameter(String path) {
        return Field.of("requestParameters." + path, "requestParameter(" + ValueMatcher.quote(path) + ")");
    }

    /** The whole {@code requestParameters} payload: {@code requestParameters().absentOrNull()}. */
    public static Field requestParameters() {
        return Field.of("requestParameters", "requestParameters()");
    }

    /** The whole {@code responseElements} payload: {@code responseElements().isTruthy()}. */
    public static Field responseElements() {
        return Field.of("responseElements", "responseElements()");
    }

    /** A member of {@code responseElements}, by dotted path. */
    public static Field responseElement(String path) {
        return Field.of("responseElements." + path, "responseElement(" + ValueMatcher.quote(path) + ")");
    }

    /** A member of {@code additionalEventData}, by dotted path: {@code additionalEventData("MFAUsed")}. */
    public static Field additionalEventData(String path) {
        return Field.of("additionalEventData." + path, "additionalEventData(" + ValueMatcher.quote(path) + ")");
    }

    /**
     * Any place in the record by its dotted JSON path, such as {@code "resources.ARN"} or {@code
     * "requestParameters.ipPermissions.items.ipRanges.items.cidrIp"}. A path through arrays tests every element.
     */
    public static Field field(String path) {
        return Field.of(path, "field(" + ValueMatcher.quote(path) + ")");
    }

    /**
     * The {@code source} EventBridge gives this record's event, {@code aws.} and the service name: {@code aws.iam} for
     * {@code iam.amazonaws.com}.
     */
    public static Field eventBridgeSource() {
        return EVENTBRIDGE_SOURCE;
    }

    /**
     * The {@code detail-type} EventBridge gives this record's event: {@code AWS API Call via CloudTrail}, {@code AWS
     * Console Sign In via CloudTrail}, {@code AWS Service Event via CloudTrail}, {@code AWS Console Action via
     * CloudTrail} or {@code AWS Insight via CloudTrail}.
     */
    public static Field eventBridgeDetailType() {
        return EVENTBRIDGE_DETAIL_TYPE;
    }

    private static final Field EVENTBRIDGE_SOURCE = Field.derived("$eventbridge.source", "eventBridgeSource()", r -> {
        String s = r.eventSource().orElse(null);
        if (s == null) {
            return null;
        }
        int dot = s.indexOf('.');
        return "aws." + (dot < 0 ? s : s.substring(0, dot));
    });

    private static final Field EVENTBRIDGE_DETAIL_TYPE =
            Field.derived("$eventbridge.detail-type", "eventBridgeDetailType()", Rules::detailType);

    private static String detailType(CloudTrailRecord r) {
        EventType t = r.eventType().orElse(null);
        if (t == null) {
            return null;
        }
        switch (t) {
            case AWS_API_CALL:
                return "AWS API Call via CloudTrail";
            case AWS_CONSOLE_SIGN_IN:
                return "AWS Console Sign In via CloudTrail";
            case AWS_SERVICE_EVENT:
                return "AWS Service Event via CloudTrail";
            case AWS_CONSOLE_ACTION:
                return "AWS Console Action via CloudTrail";
            case AWS_CLOUD_TRAIL_INSIGHT:
                return "AWS Insight via CloudTrail";
            default:
                return null;
        }
    }

    /* ------------------------------------------------------------------ outcome */

    /**
     * The call succeeded: {@code errorCode} and {@code errorMessage} are both absent, {@code null} or {@code ""} (Panther's
     * {@code aws_cloudtrail_success}). {@code errorCode().absent()} alone would take {@code "errorCode": null} as a
     * failure.
     */
    public static Condition succeeded() {
        return SUCCEEDED;
    }

    /** The call failed: {@code errorCode} or {@code errorMessage} holds a value; the negation of {@link #succeeded()}. */
    public static Condition failed() {
        return FAILED;
    }

    private static final Condition SUCCEEDED =
            new Condition.Named(allOf(errorCode().isFalsy(), errorMessage().isFalsy()), "succeeded()");
    private static final Condition FAILED =
            new Condition.Named(anyOf(errorCode().isTruthy(), errorMessage().isTruthy()), "failed()");

    /* ------------------------------------------------------------------ combining */

    /** All conditions hold; {@code allOf()} with none always holds. */
    public static Condition allOf(Condition... conditions) {
        return allOf(Arrays.asList(conditions));
    }

    /** All conditions hold; an empty collection always holds. */
    public static Condition allOf(Collection<Condition> conditions) {
        List<Condition> flat = new ArrayList<>();
        for (Condition c : conditions) {
            if (c instanceof Condition.AllOf) {
                flat.addAll(((Condition.AllOf) c).parts);
            } else {
                flat.add(java.util.Objects.requireNonNull(c, "condition"));
            }
        }
        return flat.size() == 1 ? flat.get(0) : new Condition.AllOf(flat);
    }

    /** Some condition holds; {@code anyOf()} with none never holds. */
    public static Condition anyOf(Condition... conditions) {
        return anyOf(Arrays.asList(conditions));
    }

    /** Some condition holds; an empty collection never holds. */
    public static Condition anyOf(Collection<Condition> conditions) {
        List<Condition> flat = new ArrayList<>();
        for (Condition c : conditions) {
            if (c instanceof Condition.AnyOf) {
                flat.addAll(((Condition.AnyOf) c).parts);
            } else {
                flat.add(java.util.Objects.requireNonNull(c, "condition"));
            }
        }
        return flat.size() == 1 ? flat.get(0) : new Condition.AnyOf(flat);
    }

    /** The condition does not hold. */
    public static Condition not(Condition condition) {
        return new Condition.Not(java.util.Objects.requireNonNull(condition, "condition"));
    }

    /** Holds for every record (the identity of {@code and}). */
    public static Condition always() {
        return new Condition.AllOf(List.of());
    }

    /** Holds for no record (the identity of {@code or}). */
    public static Condition never() {
        return new Condition.AnyOf(List.of());
    }

    /**
     * The escape hatch: any Java predicate, named for {@code toString()} and {@code explain}. The engine cannot see
     * inside it, so a rule whose condition needs it is examined for every record unless another part of the condition
     * names its event names. Exceptions it throws are reported as {@link RuleError}s.
     */
    public static Condition predicate(String name, Predicate<CloudTrailRecord> predicate) {
        return new Condition.PredicateCondition(name, predicate);
    }

    /**
     * Selectors for {@code userIdentity}.
     *
     * <pre>{@code
     * userIdentity().sessionIssuer().arn().endsWith(":role/Admin")
     * }</pre>
     */
    public static final class UserIdentityFields {
        static final UserIdentityFields INSTANCE = new UserIdentityFields();

        private UserIdentityFields() {}

        private static Field f(String member) {
            return Field.of("userIdentity." + member, "userIdentity()." + member + "()");
        }

        /** {@code userIdentity.type} as written, such as {@code Root}, {@code IAMUser} or {@code AssumedRole}. */
        public Field type() {
            return f("type");
        }

        /** {@code userIdentity.arn}. */
        public Field arn() {
            return f("arn");
        }

        /** {@code userIdentity.accountId}. */
        public Field accountId() {
            return f("accountId");
        }

        /** {@code userIdentity.userName}. */
        public Field userName() {
            return f("userName");
        }

        /** {@code userIdentity.principalId}. */
        public Field principalId() {
            return f("principalId");
        }

        /** {@code userIdentity.accessKeyId}. */
        public Field accessKeyId() {
            return f("accessKeyId");
        }

        /** {@code userIdentity.invokedBy}, such as {@code signin.amazonaws.com}. */
        public Field invokedBy() {
            return f("invokedBy");
        }

        /** {@code userIdentity.identityProvider}. */
        public Field identityProvider() {
            return f("identityProvider");
        }

        /** {@code userIdentity.sessionContext.attributes.mfaAuthenticated}: the text {@code "true"} or {@code "false"}. */
        public Field mfaAuthenticated() {
            return Field.of(
                    "userIdentity.sessionContext.attributes.mfaAuthenticated", "userIdentity().mfaAuthenticated()");
        }

        /** {@code userIdentity.sessionContext.sourceIdentity}. */
        public Field sourceIdentity() {
            return Field.of("userIdentity.sessionContext.sourceIdentity", "userIdentity().sourceIdentity()");
        }

        /** The fields of {@code userIdentity.sessionContext.sessionIssuer}. */
        public SessionIssuerFields sessionIssuer() {
            return SessionIssuerFields.INSTANCE;
        }
    }

    /**
     * Selectors for {@code userIdentity.sessionContext.sessionIssuer}: the role or user that issued a session.
     *
     * <pre>{@code
     * userIdentity().sessionIssuer().userName().is("OrganizationAccountAccessRole")
     * }</pre>
     */
    public static final class SessionIssuerFields {
        static final SessionIssuerFields INSTANCE = new SessionIssuerFields();

        private SessionIssuerFields() {}

        private static Field f(String member) {
            return Field.of(
                    "userIdentity.sessionContext.sessionIssuer." + member,
                    "userIdentity().sessionIssuer()." + member + "()");
        }

        /** The issuer's type, such as {@code Role}. */
        public Field type() {
            return f("type");
        }

        /** The issuer's ARN. */
        public Field arn() {
            return f("arn");
        }

        /** The issuer's name, such as the role name. */
        public Field userName() {
            return f("userName");
        }

        /** The issuer's account. */
        public Field accountId() {
            return f("accountId");
        }

        /** The issuer's principal id. */
        public Field principalId() {
            return f("principalId");
        }
    }
}
