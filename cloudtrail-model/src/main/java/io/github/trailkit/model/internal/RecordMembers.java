package io.github.trailkit.model.internal;

import io.github.trailkit.model.Addendum;
import io.github.trailkit.model.AggregationTimeWindow;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.EdgeDeviceDetails;
import io.github.trailkit.model.EventVersion;
import io.github.trailkit.model.InScopeOf;
import io.github.trailkit.model.InsightAttribution;
import io.github.trailkit.model.InsightAttributionValue;
import io.github.trailkit.model.InsightContext;
import io.github.trailkit.model.InsightDetails;
import io.github.trailkit.model.InsightStatistic;
import io.github.trailkit.model.InsightStatistics;
import io.github.trailkit.model.InvokedByDelegate;
import io.github.trailkit.model.JsonValue;
import io.github.trailkit.model.OnBehalfOf;
import io.github.trailkit.model.Resource;
import io.github.trailkit.model.SessionAttributes;
import io.github.trailkit.model.SessionContext;
import io.github.trailkit.model.SessionIssuer;
import io.github.trailkit.model.TlsDetails;
import io.github.trailkit.model.UserIdentity;
import io.github.trailkit.model.WebIdFederationData;
import java.time.Instant;

/**
 * The member of a record value by its JSON name, without writing the value out: what rule engines use to follow a
 * path such as {@code userIdentity.sessionContext.attributes.mfaAuthenticated}.
 *
 * <p>A member comes back as the JSON it stands for: a {@link String} (times and versions in their JSON text, enums as
 * their raw value), a {@link Boolean}, a {@link java.math.BigDecimal} or {@link Long} for numbers, a {@link JsonValue}
 * for payloads and unknown members, a nested record type, or a {@link java.util.List} of record types. An explicit
 * {@code null} comes back as {@link JsonValue#nullValue()}; an absent member as Java {@code null}. Kept in step with
 * {@link RecordCodec}: one case per member it reads.
 */
public final class RecordMembers {
    private RecordMembers() {}

    /** The member {@code name} of {@code node}, a record type or a {@link JsonValue}; {@code null} when absent. */
    public static Object get(Object node, String name) {
        if (node instanceof JsonValue) {
            JsonValue v = ((JsonValue) node).get(name);
            return v.isPresent() ? v : null;
        }
        if (node instanceof CloudTrailRecord) {
            return member((CloudTrailRecord) node, name);
        }
        if (node instanceof UserIdentity) {
            return member((UserIdentity) node, name);
        }
        if (node instanceof SessionContext) {
            return member((SessionContext) node, name);
        }
        if (node instanceof SessionIssuer) {
            return member((SessionIssuer) node, name);
        }
        if (node instanceof SessionAttributes) {
            return member((SessionAttributes) node, name);
        }
        if (node instanceof WebIdFederationData) {
            return member((WebIdFederationData) node, name);
        }
        if (node instanceof InvokedByDelegate) {
            return member((InvokedByDelegate) node, name);
        }
        if (node instanceof OnBehalfOf) {
            return member((OnBehalfOf) node, name);
        }
        if (node instanceof InScopeOf) {
            return member((InScopeOf) node, name);
        }
        if (node instanceof Resource) {
            return member((Resource) node, name);
        }
        if (node instanceof TlsDetails) {
            return member((TlsDetails) node, name);
        }
        if (node instanceof Addendum) {
            return member((Addendum) node, name);
        }
        if (node instanceof EdgeDeviceDetails) {
            return member((EdgeDeviceDetails) node, name);
        }
        if (node instanceof InsightDetails) {
            return member((InsightDetails) node, name);
        }
        if (node instanceof InsightContext) {
            return member((InsightContext) node, name);
        }
        if (node instanceof InsightStatistics) {
            return member((InsightStatistics) node, name);
        }
        if (node instanceof InsightStatistic) {
            return member((InsightStatistic) node, name);
        }
        if (node instanceof InsightAttribution) {
            return member((InsightAttribution) node, name);
        }
        if (node instanceof InsightAttributionValue) {
            return member((InsightAttributionValue) node, name);
        }
        if (node instanceof AggregationTimeWindow) {
            return member((AggregationTimeWindow) node, name);
        }
        return null;
    }

    private static Object member(CloudTrailRecord v, String name) {
        Object typed;
        switch (name) {
            case "eventVersion":
                typed = v.eventVersion().map(EventVersion::toString).orElse(null);
                break;
            case "userIdentity":
                typed = v.userIdentity().orElse(null);
                break;
            case "eventTime":
                typed = v.otherFields().containsKey(name)
                        ? null
                        : v.eventTime().map(Instant::toString).orElse(null);
                break;
            case "eventSource":
                typed = v.eventSource().orElse(null);
                break;
            case "eventName":
                typed = v.eventName().orElse(null);
                break;
            case "awsRegion":
                typed = v.awsRegion().orElse(null);
                break;
            case "sourceIPAddress":
                typed = v.sourceIPAddress().orElse(null);
                break;
            case "userAgent":
                typed = v.userAgent().orElse(null);
                break;
            case "errorCode":
                typed = v.errorCode().orElse(null);
                break;
            case "errorMessage":
                typed = v.errorMessage().orElse(null);
                break;
            case "requestParameters":
                typed = v.requestParameters().orElse(null);
                break;
            case "responseElements":
                typed = v.responseElements().orElse(null);
                break;
            case "additionalEventData":
                typed = v.additionalEventData().orElse(null);
                break;
            case "requestID":
                typed = v.requestID().orElse(null);
                break;
            case "eventID":
                typed = v.eventID().orElse(null);
                break;
            case "eventType":
                typed = v.eventTypeAsString().orElse(null);
                break;
            case "apiVersion":
                typed = v.apiVersion().orElse(null);
                break;
            case "managementEvent":
                typed = v.managementEvent().orElse(null);
                break;
            case "readOnly":
                typed = v.readOnly().orElse(null);
                break;
            case "resources":
                typed = v.resources().orElse(null);
                break;
            case "recipientAccountId":
                typed = v.recipientAccountId().orElse(null);
                break;
            case "serviceEventDetails":
                typed = v.serviceEventDetails().orElse(null);
                break;
            case "sharedEventID":
                typed = v.sharedEventID().orElse(null);
                break;
            case "vpcEndpointId":
                typed = v.vpcEndpointId().orElse(null);
                break;
            case "vpcEndpointAccountId":
                typed = v.vpcEndpointAccountId().orElse(null);
                break;
            case "eventCategory":
                typed = v.eventCategoryAsString().orElse(null);
                break;
            case "addendum":
                typed = v.addendum().orElse(null);
                break;
            case "sessionCredentialFromConsole":
                typed = v.sessionCredentialFromConsole().orElse(null);
                break;
            case "eventContext":
                typed = v.eventContext().orElse(null);
                break;
            case "edgeDeviceDetails":
                typed = v.edgeDeviceDetails().orElse(null);
                break;
            case "tlsDetails":
                typed = v.tlsDetails().orElse(null);
                break;
            case "insightDetails":
                typed = v.insightDetails().orElse(null);
                break;
            case "annotation":
                typed = v.annotation().orElse(null);
                break;
            case "accountId":
                typed = v.accountId().orElse(null);
                break;
            case "eventId":
                typed = v.aggregatedEventId().orElse(null);
                break;
            case "timeWindow":
                typed = v.timeWindow().orElse(null);
                break;
            case "summary":
                typed = v.summary().orElse(null);
                break;
            default:
                return v.otherFields().get(name);
        }
        return typed != null ? typed : v.otherFields().get(name);
    }

    private static Object member(UserIdentity v, String name) {
        Object typed;
        switch (name) {
            case "type":
                typed = v.typeAsString().orElse(null);
                break;
            case "principalId":
                typed = v.principalId().orElse(null);
                break;
            case "arn":
                typed = v.arn().orElse(null);
                break;
            case "accountId":
                typed = v.accountId().orElse(null);
                break;
            case "accessKeyId":
                typed = v.accessKeyId().orElse(null);
                break;
            case "userName":
                typed = v.userName().orElse(null);
                break;
            case "sessionContext":
                typed = v.sessionContext().orElse(null);
                break;
            case "invokedBy":
                typed = v.invokedBy().orElse(null);
                break;
            case "invokedByDelegate":
                typed = v.invokedByDelegate().orElse(null);
                break;
            case "onBehalfOf":
                typed = v.onBehalfOf().orElse(null);
                break;
            case "inScopeOf":
                typed = v.inScopeOf().orElse(null);
                break;
            case "credentialId":
                typed = v.credentialId().orElse(null);
                break;
            case "identityProvider":
                typed = v.identityProvider().orElse(null);
                break;
            default:
                return v.otherFields().get(name);
        }
        return typed != null ? typed : v.otherFields().get(name);
    }

    private static Object member(SessionContext v, String name) {
        Object typed;
        switch (name) {
            case "sessionIssuer":
                typed = v.sessionIssuer().orElse(null);
                break;
            case "webIdFederationData":
                typed = v.webIdFederationData().orElse(null);
                break;
            case "attributes":
                typed = v.attributes().orElse(null);
                break;
            case "sourceIdentity":
                typed = v.sourceIdentity().orElse(null);
                break;
            case "ec2RoleDelivery":
                typed = v.ec2RoleDelivery().orElse(null);
                break;
            case "assumedRoot":
                typed = v.assumedRoot().orElse(null);
                break;
            case "signInSessionArn":
                typed = v.signInSessionArn().orElse(null);
                break;
            case "ec2IssuedInVPC":
                typed = v.ec2IssuedInVPC().orElse(null);
                break;
            default:
                return v.otherFields().get(name);
        }
        return typed != null ? typed : v.otherFields().get(name);
    }

    private static Object member(SessionIssuer v, String name) {
        Object typed;
        switch (name) {
            case "type":
                typed = v.type().orElse(null);
                break;
            case "principalId":
                typed = v.principalId().orElse(null);
                break;
            case "arn":
                typed = v.arn().orElse(null);
                break;
            case "accountId":
                typed = v.accountId().orElse(null);
                break;
            case "userName":
                typed = v.userName().orElse(null);
                break;
            default:
                return v.otherFields().get(name);
        }
        return typed != null ? typed : v.otherFields().get(name);
    }

    private static Object member(SessionAttributes v, String name) {
        Object typed;
        switch (name) {
            case "creationDate":
                typed = v.creationDate().orElse(null);
                break;
            case "mfaAuthenticated":
                typed = v.mfaAuthenticated().orElse(null);
                break;
            default:
                return v.otherFields().get(name);
        }
        return typed != null ? typed : v.otherFields().get(name);
    }

    private static Object member(WebIdFederationData v, String name) {
        Object typed;
        switch (name) {
            case "federatedProvider":
                typed = v.federatedProvider().orElse(null);
                break;
            case "attributes":
                typed = v.attributes().orElse(null);
                break;
            default:
                return v.otherFields().get(name);
        }
        return typed != null ? typed : v.otherFields().get(name);
    }

    private static Object member(InvokedByDelegate v, String name) {
        Object typed;
        switch (name) {
            case "accountId":
                typed = v.accountId().orElse(null);
                break;
            default:
                return v.otherFields().get(name);
        }
        return typed != null ? typed : v.otherFields().get(name);
    }

    private static Object member(OnBehalfOf v, String name) {
        Object typed;
        switch (name) {
            case "userId":
                typed = v.userId().orElse(null);
                break;
            case "identityStoreArn":
                typed = v.identityStoreArn().orElse(null);
                break;
            default:
                return v.otherFields().get(name);
        }
        return typed != null ? typed : v.otherFields().get(name);
    }

    private static Object member(InScopeOf v, String name) {
        Object typed;
        switch (name) {
            case "sourceArn":
                typed = v.sourceArn().orElse(null);
                break;
            case "sourceAccount":
                typed = v.sourceAccount().orElse(null);
                break;
            case "issuerType":
                typed = v.issuerType().orElse(null);
                break;
            case "credentialsIssuedTo":
                typed = v.credentialsIssuedTo().orElse(null);
                break;
            default:
                return v.otherFields().get(name);
        }
        return typed != null ? typed : v.otherFields().get(name);
    }

    private static Object member(Resource v, String name) {
        Object typed;
        switch (name) {
            case "ARN":
                typed = v.arn().orElse(null);
                break;
            case "accountId":
                typed = v.accountId().orElse(null);
                break;
            case "type":
                typed = v.type().orElse(null);
                break;
            case "ARNPrefix":
                typed = v.arnPrefix().orElse(null);
                break;
            default:
                return v.otherFields().get(name);
        }
        return typed != null ? typed : v.otherFields().get(name);
    }

    private static Object member(TlsDetails v, String name) {
        Object typed;
        switch (name) {
            case "tlsVersion":
                typed = v.tlsVersion().orElse(null);
                break;
            case "cipherSuite":
                typed = v.cipherSuite().orElse(null);
                break;
            case "clientProvidedHostHeader":
                typed = v.clientProvidedHostHeader().orElse(null);
                break;
            case "keyExchange":
                typed = v.keyExchange().orElse(null);
                break;
            default:
                return v.otherFields().get(name);
        }
        return typed != null ? typed : v.otherFields().get(name);
    }

    private static Object member(Addendum v, String name) {
        Object typed;
        switch (name) {
            case "reason":
                typed = v.reasonAsString().orElse(null);
                break;
            case "updatedFields":
                typed = v.updatedFields().orElse(null);
                break;
            case "originalRequestID":
                typed = v.originalRequestID().orElse(null);
                break;
            case "originalEventID":
                typed = v.originalEventID().orElse(null);
                break;
            default:
                return v.otherFields().get(name);
        }
        return typed != null ? typed : v.otherFields().get(name);
    }

    private static Object member(EdgeDeviceDetails v, String name) {
        Object typed;
        switch (name) {
            case "type":
                typed = v.type().orElse(null);
                break;
            case "deviceID":
                typed = v.deviceID().orElse(null);
                break;
            case "deviceFamily":
                typed = v.deviceFamily().orElse(null);
                break;
            case "snowJobId":
                typed = v.snowJobId().orElse(null);
                break;
            case "attributes":
                typed = v.attributes().orElse(null);
                break;
            default:
                return v.otherFields().get(name);
        }
        return typed != null ? typed : v.otherFields().get(name);
    }

    private static Object member(InsightDetails v, String name) {
        Object typed;
        switch (name) {
            case "state":
                typed = v.stateAsString().orElse(null);
                break;
            case "eventSource":
                typed = v.eventSource().orElse(null);
                break;
            case "eventName":
                typed = v.eventName().orElse(null);
                break;
            case "insightType":
                typed = v.insightTypeAsString().orElse(null);
                break;
            case "errorCode":
                typed = v.errorCode().orElse(null);
                break;
            case "insightContext":
                typed = v.insightContext().orElse(null);
                break;
            default:
                return v.otherFields().get(name);
        }
        return typed != null ? typed : v.otherFields().get(name);
    }

    private static Object member(InsightContext v, String name) {
        Object typed;
        switch (name) {
            case "statistics":
                typed = v.statistics().orElse(null);
                break;
            case "attributions":
                typed = v.attributions().orElse(null);
                break;
            default:
                return v.otherFields().get(name);
        }
        return typed != null ? typed : v.otherFields().get(name);
    }

    private static Object member(InsightStatistics v, String name) {
        Object typed;
        switch (name) {
            case "baseline":
                typed = v.baseline().orElse(null);
                break;
            case "insight":
                typed = v.insight().orElse(null);
                break;
            case "insightDuration":
                typed = v.insightDuration().isPresent()
                        ? (Object) v.insightDuration().getAsLong()
                        : null;
                break;
            case "baselineDuration":
                typed = v.baselineDuration().isPresent()
                        ? (Object) v.baselineDuration().getAsLong()
                        : null;
                break;
            default:
                return v.otherFields().get(name);
        }
        return typed != null ? typed : v.otherFields().get(name);
    }

    private static Object member(InsightStatistic v, String name) {
        Object typed;
        switch (name) {
            case "average":
                typed = v.average().orElse(null);
                break;
            default:
                return v.otherFields().get(name);
        }
        return typed != null ? typed : v.otherFields().get(name);
    }

    private static Object member(InsightAttribution v, String name) {
        Object typed;
        switch (name) {
            case "attribute":
                typed = v.attribute().orElse(null);
                break;
            case "insight":
                typed = v.insight().orElse(null);
                break;
            case "baseline":
                typed = v.baseline().orElse(null);
                break;
            default:
                return v.otherFields().get(name);
        }
        return typed != null ? typed : v.otherFields().get(name);
    }

    private static Object member(InsightAttributionValue v, String name) {
        Object typed;
        switch (name) {
            case "value":
                typed = v.value().orElse(null);
                break;
            case "average":
                typed = v.average().orElse(null);
                break;
            default:
                return v.otherFields().get(name);
        }
        return typed != null ? typed : v.otherFields().get(name);
    }

    private static Object member(AggregationTimeWindow v, String name) {
        Object typed;
        switch (name) {
            case "windowStart":
                typed = v.otherFields().containsKey(name)
                        ? null
                        : v.windowStart().map(Instant::toString).orElse(null);
                break;
            case "windowEnd":
                typed = v.otherFields().containsKey(name)
                        ? null
                        : v.windowEnd().map(Instant::toString).orElse(null);
                break;
            case "windowSize":
                typed = v.windowSize().orElse(null);
                break;
            default:
                return v.otherFields().get(name);
        }
        return typed != null ? typed : v.otherFields().get(name);
    }
}
