package io.github.trailkit.rules;

import io.github.trailkit.model.Addendum;
import io.github.trailkit.model.AggregationTimeWindow;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.EdgeDeviceDetails;
import io.github.trailkit.model.EventVersion;
import io.github.trailkit.model.InScopeOf;
import io.github.trailkit.model.InsightDetails;
import io.github.trailkit.model.InvokedByDelegate;
import io.github.trailkit.model.JsonValue;
import io.github.trailkit.model.OnBehalfOf;
import io.github.trailkit.model.SessionAttributes;
import io.github.trailkit.model.SessionContext;
import io.github.trailkit.model.SessionIssuer;
import io.github.trailkit.model.TlsDetails;
import io.github.trailkit.model.UserIdentity;
import io.github.trailkit.model.WebIdFederationData;
import io.github.trailkit.model.internal.RecordMembers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A field path resolved once, when the rule is built: the leading segments that name typed members of the record, its
 * user identity, session context, session issuer, session attributes or TLS details become direct accessor calls, and
 * the rest (payloads, arrays, members these types do not declare) is walked by {@link Leaves}, name by name.
 *
 * <p>A step gives what {@link RecordMembers#get} gives for the same node and name: the typed value, else the member of
 * {@code otherFields} (an explicit {@code null} or a value of an unexpected type). When a node is not of the type the
 * step was compiled for (a {@link JsonValue} kept where a typed object was expected, or an array), the generic walk
 * takes over from that segment, so the leaves offered are the same as the generic walk's.
 */
final class CompiledPath {
    private final String[] segments;
    private final Member[] steps;

    private CompiledPath(String[] segments, Member[] steps) {
        this.segments = segments;
        this.steps = steps;
    }

    /** The path of these segments, with as many leading segments compiled as the typed model allows. */
    static CompiledPath of(String[] segments) {
        List<Member> steps = new ArrayList<>();
        Class<?> type = CloudTrailRecord.class;
        for (String name : segments) {
            Member step = Member.of(type, name);
            if (step == null) {
                break;
            }
            steps.add(step);
            type = step.valueType;
        }
        return new CompiledPath(segments, steps.toArray(new Member[0]));
    }

    /** How many leading segments are compiled to accessor calls. */
    int compiledSteps() {
        return steps.length;
    }

    /** Offers every leaf at this path of {@code record} to {@code visitor}; true when the visitor stopped the walk. */
    boolean walk(CloudTrailRecord record, Leaves.Visitor visitor) {
        Object node = record;
        Member[] s = steps;
        for (int i = 0; i < s.length; i++) {
            Object next = get(s[i], node);
            if (next == FOREIGN) {
                return Leaves.walk(node, segments, i, visitor);
            }
            if (next == null) {
                return false;
            }
            node = next;
        }
        return Leaves.walk(node, segments, s.length, visitor);
    }

    /** Returned by {@link #single} when only {@link #walk} can tell the leaves. */
    static final Object WALK = new Object();

    /**
     * The common case of a test or an index lookup, answered without a visitor: null when the path is absent, the
     * typed member at its end when every segment is compiled and the walk goes only through typed members (a {@link
     * String} or {@link Boolean} is then the only leaf), else {@link #WALK}.
     */
    Object single(CloudTrailRecord record) {
        Member[] s = steps;
        if (s.length != segments.length) {
            return WALK;
        }
        Object node = record;
        for (Member step : s) {
            node = get(step, node);
            if (node == null) {
                return null;
            }
            if (node == FOREIGN) {
                return WALK;
            }
        }
        return node instanceof String || node instanceof Boolean ? node : WALK;
    }

    /* ------------------------------------------------------------------ the typed members */

    /** Returned for a node that is not of the type a member belongs to. */
    private static final Object FOREIGN = new Object();

    /** The types whose members are compiled. */
    private enum Owner {
        RECORD(CloudTrailRecord.class),
        IDENTITY(UserIdentity.class),
        SESSION(SessionContext.class),
        ISSUER(SessionIssuer.class),
        ATTRIBUTES(SessionAttributes.class),
        TLS(TlsDetails.class);

        final Class<?> type;

        Owner(Class<?> type) {
            this.type = type;
        }
    }

    /**
     * A typed member of one of the owner types, with the type of its value (a nested owner type lets the next segment
     * be compiled too). Kept in step with RecordMembers, which is kept in step with the codec: a name missing here is
     * read by the generic walk, never wrongly.
     */
    private enum Member {
        EVENT_VERSION(Owner.RECORD, "eventVersion", String.class),
        USER_IDENTITY(Owner.RECORD, "userIdentity", UserIdentity.class),
        EVENT_TIME(Owner.RECORD, "eventTime", String.class),
        EVENT_SOURCE(Owner.RECORD, "eventSource", String.class),
        EVENT_NAME(Owner.RECORD, "eventName", String.class),
        AWS_REGION(Owner.RECORD, "awsRegion", String.class),
        SOURCE_IPADDRESS(Owner.RECORD, "sourceIPAddress", String.class),
        USER_AGENT(Owner.RECORD, "userAgent", String.class),
        ERROR_CODE(Owner.RECORD, "errorCode", String.class),
        ERROR_MESSAGE(Owner.RECORD, "errorMessage", String.class),
        REQUEST_PARAMETERS(Owner.RECORD, "requestParameters", JsonValue.class),
        RESPONSE_ELEMENTS(Owner.RECORD, "responseElements", JsonValue.class),
        ADDITIONAL_EVENT_DATA(Owner.RECORD, "additionalEventData", JsonValue.class),
        REQUEST_ID(Owner.RECORD, "requestID", String.class),
        EVENT_ID(Owner.RECORD, "eventID", String.class),
        EVENT_TYPE(Owner.RECORD, "eventType", String.class),
        API_VERSION(Owner.RECORD, "apiVersion", String.class),
        MANAGEMENT_EVENT(Owner.RECORD, "managementEvent", Boolean.class),
        READ_ONLY(Owner.RECORD, "readOnly", Boolean.class),
        RESOURCES(Owner.RECORD, "resources", List.class),
        RECIPIENT_ACCOUNT_ID(Owner.RECORD, "recipientAccountId", String.class),
        SERVICE_EVENT_DETAILS(Owner.RECORD, "serviceEventDetails", JsonValue.class),
        SHARED_EVENT_ID(Owner.RECORD, "sharedEventID", String.class),
        VPC_ENDPOINT_ID(Owner.RECORD, "vpcEndpointId", String.class),
        VPC_ENDPOINT_ACCOUNT_ID(Owner.RECORD, "vpcEndpointAccountId", String.class),
        EVENT_CATEGORY(Owner.RECORD, "eventCategory", String.class),
        ADDENDUM(Owner.RECORD, "addendum", Addendum.class),
        SESSION_CREDENTIAL_FROM_CONSOLE(Owner.RECORD, "sessionCredentialFromConsole", String.class),
        EVENT_CONTEXT(Owner.RECORD, "eventContext", JsonValue.class),
        EDGE_DEVICE_DETAILS(Owner.RECORD, "edgeDeviceDetails", EdgeDeviceDetails.class),
        TLS_DETAILS(Owner.RECORD, "tlsDetails", TlsDetails.class),
        INSIGHT_DETAILS(Owner.RECORD, "insightDetails", InsightDetails.class),
        ANNOTATION(Owner.RECORD, "annotation", String.class),
        ACCOUNT_ID(Owner.RECORD, "accountId", String.class),
        AGGREGATED_EVENT_ID(Owner.RECORD, "eventId", String.class),
        TIME_WINDOW(Owner.RECORD, "timeWindow", AggregationTimeWindow.class),
        SUMMARY(Owner.RECORD, "summary", JsonValue.class),
        IDENTITY_TYPE(Owner.IDENTITY, "type", String.class),
        IDENTITY_PRINCIPAL_ID(Owner.IDENTITY, "principalId", String.class),
        IDENTITY_ARN(Owner.IDENTITY, "arn", String.class),
        IDENTITY_ACCOUNT_ID(Owner.IDENTITY, "accountId", String.class),
        IDENTITY_ACCESS_KEY_ID(Owner.IDENTITY, "accessKeyId", String.class),
        IDENTITY_USER_NAME(Owner.IDENTITY, "userName", String.class),
        IDENTITY_SESSION_CONTEXT(Owner.IDENTITY, "sessionContext", SessionContext.class),
        IDENTITY_INVOKED_BY(Owner.IDENTITY, "invokedBy", String.class),
        IDENTITY_INVOKED_BY_DELEGATE(Owner.IDENTITY, "invokedByDelegate", InvokedByDelegate.class),
        IDENTITY_ON_BEHALF_OF(Owner.IDENTITY, "onBehalfOf", OnBehalfOf.class),
        IDENTITY_IN_SCOPE_OF(Owner.IDENTITY, "inScopeOf", InScopeOf.class),
        IDENTITY_CREDENTIAL_ID(Owner.IDENTITY, "credentialId", String.class),
        IDENTITY_IDENTITY_PROVIDER(Owner.IDENTITY, "identityProvider", String.class),
        SESSION_SESSION_ISSUER(Owner.SESSION, "sessionIssuer", SessionIssuer.class),
        SESSION_WEB_ID_FEDERATION_DATA(Owner.SESSION, "webIdFederationData", WebIdFederationData.class),
        SESSION_ATTRIBUTES(Owner.SESSION, "attributes", SessionAttributes.class),
        SESSION_SOURCE_IDENTITY(Owner.SESSION, "sourceIdentity", String.class),
        SESSION_EC2_ROLE_DELIVERY(Owner.SESSION, "ec2RoleDelivery", String.class),
        SESSION_ASSUMED_ROOT(Owner.SESSION, "assumedRoot", JsonValue.class),
        SESSION_SIGN_IN_SESSION_ARN(Owner.SESSION, "signInSessionArn", String.class),
        SESSION_EC2_ISSUED_IN_VPC(Owner.SESSION, "ec2IssuedInVPC", String.class),
        ISSUER_TYPE(Owner.ISSUER, "type", String.class),
        ISSUER_PRINCIPAL_ID(Owner.ISSUER, "principalId", String.class),
        ISSUER_ARN(Owner.ISSUER, "arn", String.class),
        ISSUER_ACCOUNT_ID(Owner.ISSUER, "accountId", String.class),
        ISSUER_USER_NAME(Owner.ISSUER, "userName", String.class),
        ATTRIBUTES_CREATION_DATE(Owner.ATTRIBUTES, "creationDate", String.class),
        ATTRIBUTES_MFA_AUTHENTICATED(Owner.ATTRIBUTES, "mfaAuthenticated", String.class),
        TLS_TLS_VERSION(Owner.TLS, "tlsVersion", String.class),
        TLS_CIPHER_SUITE(Owner.TLS, "cipherSuite", String.class),
        TLS_CLIENT_PROVIDED_HOST_HEADER(Owner.TLS, "clientProvidedHostHeader", String.class),
        TLS_KEY_EXCHANGE(Owner.TLS, "keyExchange", String.class);

        final Owner owner;
        final String json;
        final Class<?> valueType;

        Member(Owner owner, String json, Class<?> valueType) {
            this.owner = owner;
            this.json = json;
            this.valueType = valueType;
        }

        private static final Map<Class<?>, Map<String, Member>> BY_OWNER = new HashMap<>();

        static {
            for (Member m : values()) {
                BY_OWNER.computeIfAbsent(m.owner.type, k -> new HashMap<>()).put(m.json, m);
            }
        }

        /** The member {@code name} of {@code type}, or null when it is not compiled. */
        static Member of(Class<?> type, String name) {
            Map<String, Member> members = BY_OWNER.get(type);
            return members == null ? null : members.get(name);
        }
    }

    /**
     * The member {@code m} of {@code node}: the typed value, else the one kept in other fields (an explicit {@code
     * null}); null when absent, {@link #FOREIGN} when the node is not of the member's owner type. A switch, not a
     * function per member: the call costs no virtual dispatch, and each accessor's Optional stays inside.
     */
    private static Object get(Member m, Object node) {
        switch (m.owner) {
            case RECORD: {
                if (!(node instanceof CloudTrailRecord)) {
                    return FOREIGN;
                }
                CloudTrailRecord r = (CloudTrailRecord) node;
                Object v = record(r, m);
                return v != null ? v : r.otherFields().get(m.json);
            }
            case IDENTITY: {
                if (!(node instanceof UserIdentity)) {
                    return FOREIGN;
                }
                UserIdentity u = (UserIdentity) node;
                Object v = identity(u, m);
                return v != null ? v : u.otherFields().get(m.json);
            }
            case SESSION: {
                if (!(node instanceof SessionContext)) {
                    return FOREIGN;
                }
                SessionContext c = (SessionContext) node;
                Object v = session(c, m);
                return v != null ? v : c.otherFields().get(m.json);
            }
            case ISSUER: {
                if (!(node instanceof SessionIssuer)) {
                    return FOREIGN;
                }
                SessionIssuer i = (SessionIssuer) node;
                Object v = issuer(i, m);
                return v != null ? v : i.otherFields().get(m.json);
            }
            case ATTRIBUTES: {
                if (!(node instanceof SessionAttributes)) {
                    return FOREIGN;
                }
                SessionAttributes a = (SessionAttributes) node;
                Object v = attributes(a, m);
                return v != null ? v : a.otherFields().get(m.json);
            }
            case TLS: {
                if (!(node instanceof TlsDetails)) {
                    return FOREIGN;
                }
                TlsDetails t = (TlsDetails) node;
                Object v = tls(t, m);
                return v != null ? v : t.otherFields().get(m.json);
            }
            default:
                throw new AssertionError(m);
        }
    }

    private static Object record(CloudTrailRecord r, Member m) {
        switch (m) {
            case EVENT_VERSION:
                return r.eventVersion().map(EventVersion::toString).orElse(null);
            case USER_IDENTITY:
                return r.userIdentity().orElse(null);
            case EVENT_TIME:
                return r.eventTime().map(Instant::toString).orElse(null);
            case EVENT_SOURCE:
                return r.eventSource().orElse(null);
            case EVENT_NAME:
                return r.eventName().orElse(null);
            case AWS_REGION:
                return r.awsRegion().orElse(null);
            case SOURCE_IPADDRESS:
                return r.sourceIPAddress().orElse(null);
            case USER_AGENT:
                return r.userAgent().orElse(null);
            case ERROR_CODE:
                return r.errorCode().orElse(null);
            case ERROR_MESSAGE:
                return r.errorMessage().orElse(null);
            case REQUEST_PARAMETERS:
                return r.requestParameters().orElse(null);
            case RESPONSE_ELEMENTS:
                return r.responseElements().orElse(null);
            case ADDITIONAL_EVENT_DATA:
                return r.additionalEventData().orElse(null);
            case REQUEST_ID:
                return r.requestID().orElse(null);
            case EVENT_ID:
                return r.eventID().orElse(null);
            case EVENT_TYPE:
                return r.eventTypeAsString().orElse(null);
            case API_VERSION:
                return r.apiVersion().orElse(null);
            case MANAGEMENT_EVENT:
                return r.managementEvent().orElse(null);
            case READ_ONLY:
                return r.readOnly().orElse(null);
            case RESOURCES:
                return r.resources().orElse(null);
            case RECIPIENT_ACCOUNT_ID:
                return r.recipientAccountId().orElse(null);
            case SERVICE_EVENT_DETAILS:
                return r.serviceEventDetails().orElse(null);
            case SHARED_EVENT_ID:
                return r.sharedEventID().orElse(null);
            case VPC_ENDPOINT_ID:
                return r.vpcEndpointId().orElse(null);
            case VPC_ENDPOINT_ACCOUNT_ID:
                return r.vpcEndpointAccountId().orElse(null);
            case EVENT_CATEGORY:
                return r.eventCategoryAsString().orElse(null);
            case ADDENDUM:
                return r.addendum().orElse(null);
            case SESSION_CREDENTIAL_FROM_CONSOLE:
                return r.sessionCredentialFromConsole().orElse(null);
            case EVENT_CONTEXT:
                return r.eventContext().orElse(null);
            case EDGE_DEVICE_DETAILS:
                return r.edgeDeviceDetails().orElse(null);
            case TLS_DETAILS:
                return r.tlsDetails().orElse(null);
            case INSIGHT_DETAILS:
                return r.insightDetails().orElse(null);
            case ANNOTATION:
                return r.annotation().orElse(null);
            case ACCOUNT_ID:
                return r.accountId().orElse(null);
            case AGGREGATED_EVENT_ID:
                return r.aggregatedEventId().orElse(null);
            case TIME_WINDOW:
                return r.timeWindow().orElse(null);
            case SUMMARY:
                return r.summary().orElse(null);
            default:
                throw new AssertionError(m);
        }
    }

    private static Object identity(UserIdentity u, Member m) {
        switch (m) {
            case IDENTITY_TYPE:
                return u.typeAsString().orElse(null);
            case IDENTITY_PRINCIPAL_ID:
                return u.principalId().orElse(null);
            case IDENTITY_ARN:
                return u.arn().orElse(null);
            case IDENTITY_ACCOUNT_ID:
                return u.accountId().orElse(null);
            case IDENTITY_ACCESS_KEY_ID:
                return u.accessKeyId().orElse(null);
            case IDENTITY_USER_NAME:
                return u.userName().orElse(null);
            case IDENTITY_SESSION_CONTEXT:
                return u.sessionContext().orElse(null);
            case IDENTITY_INVOKED_BY:
                return u.invokedBy().orElse(null);
            case IDENTITY_INVOKED_BY_DELEGATE:
                return u.invokedByDelegate().orElse(null);
            case IDENTITY_ON_BEHALF_OF:
                return u.onBehalfOf().orElse(null);
            case IDENTITY_IN_SCOPE_OF:
                return u.inScopeOf().orElse(null);
            case IDENTITY_CREDENTIAL_ID:
                return u.credentialId().orElse(null);
            case IDENTITY_IDENTITY_PROVIDER:
                return u.identityProvider().orElse(null);
            default:
                throw new AssertionError(m);
        }
    }

    private static Object session(SessionContext c, Member m) {
        switch (m) {
            case SESSION_SESSION_ISSUER:
                return c.sessionIssuer().orElse(null);
            case SESSION_WEB_ID_FEDERATION_DATA:
                return c.webIdFederationData().orElse(null);
            case SESSION_ATTRIBUTES:
                return c.attributes().orElse(null);
            case SESSION_SOURCE_IDENTITY:
                return c.sourceIdentity().orElse(null);
            case SESSION_EC2_ROLE_DELIVERY:
                return c.ec2RoleDelivery().orElse(null);
            case SESSION_ASSUMED_ROOT:
                return c.assumedRoot().orElse(null);
            case SESSION_SIGN_IN_SESSION_ARN:
                return c.signInSessionArn().orElse(null);
            case SESSION_EC2_ISSUED_IN_VPC:
                return c.ec2IssuedInVPC().orElse(null);
            default:
                throw new AssertionError(m);
        }
    }

    private static Object issuer(SessionIssuer i, Member m) {
        switch (m) {
            case ISSUER_TYPE:
                return i.type().orElse(null);
            case ISSUER_PRINCIPAL_ID:
                return i.principalId().orElse(null);
            case ISSUER_ARN:
                return i.arn().orElse(null);
            case ISSUER_ACCOUNT_ID:
                return i.accountId().orElse(null);
            case ISSUER_USER_NAME:
                return i.userName().orElse(null);
            default:
                throw new AssertionError(m);
        }
    }

    private static Object attributes(SessionAttributes a, Member m) {
        switch (m) {
            case ATTRIBUTES_CREATION_DATE:
                return a.creationDate().orElse(null);
            case ATTRIBUTES_MFA_AUTHENTICATED:
                return a.mfaAuthenticated().orElse(null);
            default:
                throw new AssertionError(m);
        }
    }

    private static Object tls(TlsDetails t, Member m) {
        switch (m) {
            case TLS_TLS_VERSION:
                return t.tlsVersion().orElse(null);
            case TLS_CIPHER_SUITE:
                return t.cipherSuite().orElse(null);
            case TLS_CLIENT_PROVIDED_HOST_HEADER:
                return t.clientProvidedHostHeader().orElse(null);
            case TLS_KEY_EXCHANGE:
                return t.keyExchange().orElse(null);
            default:
                throw new AssertionError(m);
        }
    }
}
