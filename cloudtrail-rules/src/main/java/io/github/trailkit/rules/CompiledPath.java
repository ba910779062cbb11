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
import java.util.function.Function;

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
    private final Step[] steps;

    private CompiledPath(String[] segments, Step[] steps) {
        this.segments = segments;
        this.steps = steps;
    }

    /** The path of these segments, with as many leading segments compiled as the typed model allows. */
    static CompiledPath of(String[] segments) {
        List<Step> steps = new ArrayList<>();
        Class<?> type = CloudTrailRecord.class;
        for (String name : segments) {
            Map<String, Step> members = MEMBERS.get(type);
            Step step = members == null ? null : members.get(name);
            if (step == null) {
                break;
            }
            steps.add(step);
            type = step.valueType;
        }
        return new CompiledPath(segments, steps.toArray(new Step[0]));
    }

    /** How many leading segments are compiled to accessor calls. */
    int compiledSteps() {
        return steps.length;
    }

    /** Offers every leaf at this path of {@code record} to {@code visitor}; true when the visitor stopped the walk. */
    boolean walk(CloudTrailRecord record, Leaves.Visitor visitor) {
        Object node = record;
        Step[] s = steps;
        for (int i = 0; i < s.length; i++) {
            Object next = s[i].get(node);
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
     * The common case of an index lookup, answered without a visitor: null when the path is absent, the typed member
     * at its end when every segment is compiled and the walk goes only through typed members (a {@link String} or
     * {@link Boolean} is then the only leaf), else {@link #WALK}.
     */
    Object single(CloudTrailRecord record) {
        if (steps.length != segments.length) {
            return WALK;
        }
        Object node = record;
        for (Step step : steps) {
            node = step.get(node);
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

    /** Returned by a step given a node that is not of its owner type. */
    private static final Object FOREIGN = new Object();

    /** One typed member of one model type. */
    private static final class Step {
        final Class<?> owner;
        final String name;
        final Class<?> valueType;
        private final Function<Object, Object> typed;
        private final Function<Object, Map<String, JsonValue>> others;

        @SuppressWarnings("unchecked") // applied only to instances of owner, checked in get
        <T> Step(Class<T> owner, String name, Class<?> valueType, Function<T, Object> typed,
                Function<T, Map<String, JsonValue>> others) {
            this.owner = owner;
            this.name = name;
            this.valueType = valueType;
            this.typed = (Function<Object, Object>) typed;
            this.others = (Function<Object, Map<String, JsonValue>>) others;
        }

        /** The member of {@code node}: the typed value, else the one kept in other fields; null when absent. */
        Object get(Object node) {
            if (!owner.isInstance(node)) {
                return FOREIGN;
            }
            Object v = typed.apply(node);
            return v != null ? v : others.apply(node).get(name);
        }
    }

    private static final Map<Class<?>, Map<String, Step>> MEMBERS = new HashMap<>();

    private static final class Table<T> {
        final Class<T> owner;
        final Function<T, Map<String, JsonValue>> others;
        final Map<String, Step> steps = new HashMap<>();

        Table(Class<T> owner, Function<T, Map<String, JsonValue>> others) {
            this.owner = owner;
            this.others = others;
            MEMBERS.put(owner, steps);
        }

        Table<T> add(String name, Class<?> valueType, Function<T, Object> typed) {
            steps.put(name, new Step(owner, name, valueType, typed, others));
            return this;
        }
    }

    // Each accessor unwraps its Optional itself, so that the Optional never leaves the accessor and is not allocated
    // once compiled. Kept in step with RecordMembers, which is kept in step with the codec: a name missing here is
    // read by the generic walk, never wrongly.
    static {
        new Table<>(CloudTrailRecord.class, CloudTrailRecord::otherFields)
                .add("eventVersion", String.class, r -> r.eventVersion().map(EventVersion::toString).orElse(null))
                .add("userIdentity", UserIdentity.class, r -> r.userIdentity().orElse(null))
                .add("eventTime", String.class, r -> r.eventTime().map(Instant::toString).orElse(null))
                .add("eventSource", String.class, r -> r.eventSource().orElse(null))
                .add("eventName", String.class, r -> r.eventName().orElse(null))
                .add("awsRegion", String.class, r -> r.awsRegion().orElse(null))
                .add("sourceIPAddress", String.class, r -> r.sourceIPAddress().orElse(null))
                .add("userAgent", String.class, r -> r.userAgent().orElse(null))
                .add("errorCode", String.class, r -> r.errorCode().orElse(null))
                .add("errorMessage", String.class, r -> r.errorMessage().orElse(null))
                .add("requestParameters", JsonValue.class, r -> r.requestParameters().orElse(null))
                .add("responseElements", JsonValue.class, r -> r.responseElements().orElse(null))
                .add("additionalEventData", JsonValue.class, r -> r.additionalEventData().orElse(null))
                .add("requestID", String.class, r -> r.requestID().orElse(null))
                .add("eventID", String.class, r -> r.eventID().orElse(null))
                .add("eventType", String.class, r -> r.eventTypeAsString().orElse(null))
                .add("apiVersion", String.class, r -> r.apiVersion().orElse(null))
                .add("managementEvent", Boolean.class, r -> r.managementEvent().orElse(null))
                .add("readOnly", Boolean.class, r -> r.readOnly().orElse(null))
                .add("resources", List.class, r -> r.resources().orElse(null))
                .add("recipientAccountId", String.class, r -> r.recipientAccountId().orElse(null))
                .add("serviceEventDetails", JsonValue.class, r -> r.serviceEventDetails().orElse(null))
                .add("sharedEventID", String.class, r -> r.sharedEventID().orElse(null))
                .add("vpcEndpointId", String.class, r -> r.vpcEndpointId().orElse(null))
                .add("vpcEndpointAccountId", String.class, r -> r.vpcEndpointAccountId().orElse(null))
                .add("eventCategory", String.class, r -> r.eventCategoryAsString().orElse(null))
                .add("sessionCredentialFromConsole", String.class,
                        r -> r.sessionCredentialFromConsole().orElse(null))
                .add("addendum", Addendum.class, r -> r.addendum().orElse(null))
                .add("eventContext", JsonValue.class, r -> r.eventContext().orElse(null))
                .add("edgeDeviceDetails", EdgeDeviceDetails.class, r -> r.edgeDeviceDetails().orElse(null))
                .add("tlsDetails", TlsDetails.class, r -> r.tlsDetails().orElse(null))
                .add("insightDetails", InsightDetails.class, r -> r.insightDetails().orElse(null))
                .add("annotation", String.class, r -> r.annotation().orElse(null))
                .add("accountId", String.class, r -> r.accountId().orElse(null))
                .add("eventId", String.class, r -> r.aggregatedEventId().orElse(null))
                .add("timeWindow", AggregationTimeWindow.class, r -> r.timeWindow().orElse(null))
                .add("summary", JsonValue.class, r -> r.summary().orElse(null));
        new Table<>(UserIdentity.class, UserIdentity::otherFields)
                .add("type", String.class, v -> v.typeAsString().orElse(null))
                .add("principalId", String.class, v -> v.principalId().orElse(null))
                .add("arn", String.class, v -> v.arn().orElse(null))
                .add("accountId", String.class, v -> v.accountId().orElse(null))
                .add("accessKeyId", String.class, v -> v.accessKeyId().orElse(null))
                .add("userName", String.class, v -> v.userName().orElse(null))
                .add("sessionContext", SessionContext.class, v -> v.sessionContext().orElse(null))
                .add("invokedBy", String.class, v -> v.invokedBy().orElse(null))
                .add("invokedByDelegate", InvokedByDelegate.class, v -> v.invokedByDelegate().orElse(null))
                .add("onBehalfOf", OnBehalfOf.class, v -> v.onBehalfOf().orElse(null))
                .add("inScopeOf", InScopeOf.class, v -> v.inScopeOf().orElse(null))
                .add("credentialId", String.class, v -> v.credentialId().orElse(null))
                .add("identityProvider", String.class, v -> v.identityProvider().orElse(null));
        new Table<>(SessionContext.class, SessionContext::otherFields)
                .add("sessionIssuer", SessionIssuer.class, v -> v.sessionIssuer().orElse(null))
                .add("webIdFederationData", WebIdFederationData.class, v -> v.webIdFederationData().orElse(null))
                .add("attributes", SessionAttributes.class, v -> v.attributes().orElse(null))
                .add("sourceIdentity", String.class, v -> v.sourceIdentity().orElse(null))
                .add("ec2RoleDelivery", String.class, v -> v.ec2RoleDelivery().orElse(null))
                .add("assumedRoot", JsonValue.class, v -> v.assumedRoot().orElse(null))
                .add("signInSessionArn", String.class, v -> v.signInSessionArn().orElse(null))
                .add("ec2IssuedInVPC", String.class, v -> v.ec2IssuedInVPC().orElse(null));
        new Table<>(SessionIssuer.class, SessionIssuer::otherFields)
                .add("type", String.class, v -> v.type().orElse(null))
                .add("principalId", String.class, v -> v.principalId().orElse(null))
                .add("arn", String.class, v -> v.arn().orElse(null))
                .add("accountId", String.class, v -> v.accountId().orElse(null))
                .add("userName", String.class, v -> v.userName().orElse(null));
        new Table<>(SessionAttributes.class, SessionAttributes::otherFields)
                .add("creationDate", String.class, v -> v.creationDate().orElse(null))
                .add("mfaAuthenticated", String.class, v -> v.mfaAuthenticated().orElse(null));
        new Table<>(TlsDetails.class, TlsDetails::otherFields)
                .add("tlsVersion", String.class, v -> v.tlsVersion().orElse(null))
                .add("cipherSuite", String.class, v -> v.cipherSuite().orElse(null))
                .add("clientProvidedHostHeader", String.class, v -> v.clientProvidedHostHeader().orElse(null))
                .add("keyExchange", String.class, v -> v.keyExchange().orElse(null));
    }
}
