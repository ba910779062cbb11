package io.github.trailkit.model.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes every record type with the streaming parser and generator, one field at a time.
 *
 * <p>Each type has three methods written to one pattern: {@code readX} (a switch on the JSON member name; an explicit
 * {@code null} of a typed field, payloads included, goes to {@code otherFields}, unknown members too), {@code write(X)} (typed members in
 * declaration order, then {@code otherFields}) and {@code normalize(X)} (rejects an {@code otherFields} entry that
 * would shadow a typed member; copies mutable lists). A field added to a value type must be added to all three;
 * {@code RoundTripTest} fails when one is missed for a field that appears in the test data.
 */
public final class RecordCodec {
    private RecordCodec() {}

    /** Reads a {@link CloudTrailRecord}; the parser is on {@code t}, which must be the object's start. */
    public static CloudTrailRecord readCloudTrailRecord(JsonParser p, JsonToken t) throws IOException {
        Fields.expectObject(p, t);
        CloudTrailRecord.Builder b = CloudTrailRecord.builder();
        String name;
        while ((name = p.nextFieldName()) != null) {
            t = p.nextToken();
            try {
                switch (name) {
                    case "eventVersion":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.eventVersion(Fields.version(p, t));
                        }
                        break;
                    case "userIdentity":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.userIdentity(readUserIdentity(p, t));
                        }
                        break;
                    case "eventTime":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            String text = Fields.string(p, t);
                            Instant x = Fields.instant(p, text);
                            if (!Fields.writtenAsRead(text, x)) {
                                b.putOtherFields(name, JsonValue.of(text)); // written back as it came
                            }
                            b.eventTime(x);
                        }
                        break;
                    case "eventSource":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.eventSource(Fields.string(p, t));
                        }
                        break;
                    case "eventName":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.eventName(Fields.string(p, t));
                        }
                        break;
                    case "awsRegion":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.awsRegion(Fields.string(p, t));
                        }
                        break;
                    case "sourceIPAddress":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.sourceIPAddress(Fields.string(p, t));
                        }
                        break;
                    case "userAgent":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.userAgent(Fields.string(p, t));
                        }
                        break;
                    case "errorCode":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.errorCode(Fields.string(p, t));
                        }
                        break;
                    case "errorMessage":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.errorMessage(Fields.string(p, t));
                        }
                        break;
                    case "requestParameters":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.requestParameters(JsonValues.readPayload(p, t));
                        }
                        break;
                    case "responseElements":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.responseElements(JsonValues.readPayload(p, t));
                        }
                        break;
                    case "additionalEventData":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.additionalEventData(JsonValues.readPayload(p, t));
                        }
                        break;
                    case "requestID":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.requestID(Fields.string(p, t));
                        }
                        break;
                    case "eventID":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.eventID(Fields.string(p, t));
                        }
                        break;
                    case "eventType":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.eventTypeAsString(Fields.string(p, t));
                        }
                        break;
                    case "apiVersion":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.apiVersion(Fields.string(p, t));
                        }
                        break;
                    case "managementEvent":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.managementEvent(Fields.bool(p, t));
                        }
                        break;
                    case "readOnly":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.readOnly(Fields.bool(p, t));
                        }
                        break;
                    case "resources":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.resources(Fields.list(p, t, RecordCodec::readResource));
                        }
                        break;
                    case "recipientAccountId":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.recipientAccountId(Fields.string(p, t));
                        }
                        break;
                    case "serviceEventDetails":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.serviceEventDetails(JsonValues.readPayload(p, t));
                        }
                        break;
                    case "sharedEventID":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.sharedEventID(Fields.string(p, t));
                        }
                        break;
                    case "vpcEndpointId":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.vpcEndpointId(Fields.string(p, t));
                        }
                        break;
                    case "vpcEndpointAccountId":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.vpcEndpointAccountId(Fields.string(p, t));
                        }
                        break;
                    case "eventCategory":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.eventCategoryAsString(Fields.string(p, t));
                        }
                        break;
                    case "addendum":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.addendum(readAddendum(p, t));
                        }
                        break;
                    case "sessionCredentialFromConsole":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.sessionCredentialFromConsole(Fields.string(p, t));
                        }
                        break;
                    case "eventContext":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.eventContext(JsonValues.readPayload(p, t));
                        }
                        break;
                    case "edgeDeviceDetails":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.edgeDeviceDetails(readEdgeDeviceDetails(p, t));
                        }
                        break;
                    case "tlsDetails":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.tlsDetails(readTlsDetails(p, t));
                        }
                        break;
                    case "insightDetails":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.insightDetails(readInsightDetails(p, t));
                        }
                        break;
                    case "annotation":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.annotation(Fields.string(p, t));
                        }
                        break;
                    case "accountId":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.accountId(Fields.string(p, t));
                        }
                        break;
                    case "eventId":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.aggregatedEventId(Fields.string(p, t));
                        }
                        break;
                    case "timeWindow":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.timeWindow(readAggregationTimeWindow(p, t));
                        }
                        break;
                    case "summary":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.summary(JsonValues.readPayload(p, t));
                        }
                        break;
                    default:
                        b.putOtherFields(name, JsonValues.readPayload(p, t));
                }
            } catch (InvalidFieldException e) {
                b.putOtherFields(name, BadFields.keep(p, e));
            }
        }
        return b.build();
    }

    /** Writes a {@link CloudTrailRecord} as one JSON object. */
    public static void write(CloudTrailRecord v, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (v.eventVersion().isPresent()) {
            EventVersion x = v.eventVersion().get();
            g.writeStringField("eventVersion", x.toString());
        }
        if (v.userIdentity().isPresent()) {
            UserIdentity x = v.userIdentity().get();
            g.writeFieldName("userIdentity");
            write(x, g);
        }
        if (v.eventTime().isPresent() && !v.otherFields().containsKey("eventTime")) { // else written as it came, below
            Instant x = v.eventTime().get();
            g.writeStringField("eventTime", x.toString());
        }
        if (v.eventSource().isPresent()) {
            String x = v.eventSource().get();
            g.writeStringField("eventSource", x);
        }
        if (v.eventName().isPresent()) {
            String x = v.eventName().get();
            g.writeStringField("eventName", x);
        }
        if (v.awsRegion().isPresent()) {
            String x = v.awsRegion().get();
            g.writeStringField("awsRegion", x);
        }
        if (v.sourceIPAddress().isPresent()) {
            String x = v.sourceIPAddress().get();
            g.writeStringField("sourceIPAddress", x);
        }
        if (v.userAgent().isPresent()) {
            String x = v.userAgent().get();
            g.writeStringField("userAgent", x);
        }
        if (v.errorCode().isPresent()) {
            String x = v.errorCode().get();
            g.writeStringField("errorCode", x);
        }
        if (v.errorMessage().isPresent()) {
            String x = v.errorMessage().get();
            g.writeStringField("errorMessage", x);
        }
        if (v.requestParameters().isPresent()) {
            JsonValue x = v.requestParameters().get();
            g.writeFieldName("requestParameters");
            JsonValues.write(x, g);
        }
        if (v.responseElements().isPresent()) {
            JsonValue x = v.responseElements().get();
            g.writeFieldName("responseElements");
            JsonValues.write(x, g);
        }
        if (v.additionalEventData().isPresent()) {
            JsonValue x = v.additionalEventData().get();
            g.writeFieldName("additionalEventData");
            JsonValues.write(x, g);
        }
        if (v.requestID().isPresent()) {
            String x = v.requestID().get();
            g.writeStringField("requestID", x);
        }
        if (v.eventID().isPresent()) {
            String x = v.eventID().get();
            g.writeStringField("eventID", x);
        }
        if (v.eventTypeAsString().isPresent()) {
            String x = v.eventTypeAsString().get();
            g.writeStringField("eventType", x);
        }
        if (v.apiVersion().isPresent()) {
            String x = v.apiVersion().get();
            g.writeStringField("apiVersion", x);
        }
        if (v.managementEvent().isPresent()) {
            Boolean x = v.managementEvent().get();
            g.writeBooleanField("managementEvent", x);
        }
        if (v.readOnly().isPresent()) {
            Boolean x = v.readOnly().get();
            g.writeBooleanField("readOnly", x);
        }
        if (v.resources().isPresent()) {
            List<Resource> x = v.resources().get();
            g.writeArrayFieldStart("resources");
            for (Resource e : x) {
                write(e, g);
            }
            g.writeEndArray();
        }
        if (v.recipientAccountId().isPresent()) {
            String x = v.recipientAccountId().get();
            g.writeStringField("recipientAccountId", x);
        }
        if (v.serviceEventDetails().isPresent()) {
            JsonValue x = v.serviceEventDetails().get();
            g.writeFieldName("serviceEventDetails");
            JsonValues.write(x, g);
        }
        if (v.sharedEventID().isPresent()) {
            String x = v.sharedEventID().get();
            g.writeStringField("sharedEventID", x);
        }
        if (v.vpcEndpointId().isPresent()) {
            String x = v.vpcEndpointId().get();
            g.writeStringField("vpcEndpointId", x);
        }
        if (v.vpcEndpointAccountId().isPresent()) {
            String x = v.vpcEndpointAccountId().get();
            g.writeStringField("vpcEndpointAccountId", x);
        }
        if (v.eventCategoryAsString().isPresent()) {
            String x = v.eventCategoryAsString().get();
            g.writeStringField("eventCategory", x);
        }
        if (v.addendum().isPresent()) {
            Addendum x = v.addendum().get();
            g.writeFieldName("addendum");
            write(x, g);
        }
        if (v.sessionCredentialFromConsole().isPresent()) {
            String x = v.sessionCredentialFromConsole().get();
            g.writeStringField("sessionCredentialFromConsole", x);
        }
        if (v.eventContext().isPresent()) {
            JsonValue x = v.eventContext().get();
            g.writeFieldName("eventContext");
            JsonValues.write(x, g);
        }
        if (v.edgeDeviceDetails().isPresent()) {
            EdgeDeviceDetails x = v.edgeDeviceDetails().get();
            g.writeFieldName("edgeDeviceDetails");
            write(x, g);
        }
        if (v.tlsDetails().isPresent()) {
            TlsDetails x = v.tlsDetails().get();
            g.writeFieldName("tlsDetails");
            write(x, g);
        }
        if (v.insightDetails().isPresent()) {
            InsightDetails x = v.insightDetails().get();
            g.writeFieldName("insightDetails");
            write(x, g);
        }
        if (v.annotation().isPresent()) {
            String x = v.annotation().get();
            g.writeStringField("annotation", x);
        }
        if (v.accountId().isPresent()) {
            String x = v.accountId().get();
            g.writeStringField("accountId", x);
        }
        if (v.aggregatedEventId().isPresent()) {
            String x = v.aggregatedEventId().get();
            g.writeStringField("eventId", x);
        }
        if (v.timeWindow().isPresent()) {
            AggregationTimeWindow x = v.timeWindow().get();
            g.writeFieldName("timeWindow");
            write(x, g);
        }
        if (v.summary().isPresent()) {
            JsonValue x = v.summary().get();
            g.writeFieldName("summary");
            JsonValues.write(x, g);
        }
        writeOther(v.otherFields(), g);
        g.writeEndObject();
    }

    /** Checks a built {@link CloudTrailRecord}; copies mutable lists so that the value is deeply immutable. */
    public static CloudTrailRecord normalize(CloudTrailRecord v) {
        for (Map.Entry<String, JsonValue> e : v.otherFields().entrySet()) {
            boolean typedPresent;
            switch (e.getKey()) {
                case "eventVersion":
                    typedPresent = v.eventVersion().isPresent();
                    break;
                case "userIdentity":
                    typedPresent = v.userIdentity().isPresent();
                    break;
                case "eventTime":
                    if (v.eventTime().isPresent()
                            && Fields.isTextOf(e.getValue(), v.eventTime().get())) {
                        continue; // the text the time was written in
                    }
                    typedPresent = v.eventTime().isPresent();
                    break;
                case "eventSource":
                    typedPresent = v.eventSource().isPresent();
                    break;
                case "eventName":
                    typedPresent = v.eventName().isPresent();
                    break;
                case "awsRegion":
                    typedPresent = v.awsRegion().isPresent();
                    break;
                case "sourceIPAddress":
                    typedPresent = v.sourceIPAddress().isPresent();
                    break;
                case "userAgent":
                    typedPresent = v.userAgent().isPresent();
                    break;
                case "errorCode":
                    typedPresent = v.errorCode().isPresent();
                    break;
                case "errorMessage":
                    typedPresent = v.errorMessage().isPresent();
                    break;
                case "requestParameters":
                    typedPresent = v.requestParameters().isPresent();
                    break;
                case "responseElements":
                    typedPresent = v.responseElements().isPresent();
                    break;
                case "additionalEventData":
                    typedPresent = v.additionalEventData().isPresent();
                    break;
                case "requestID":
                    typedPresent = v.requestID().isPresent();
                    break;
                case "eventID":
                    typedPresent = v.eventID().isPresent();
                    break;
                case "eventType":
                    typedPresent = v.eventTypeAsString().isPresent();
                    break;
                case "apiVersion":
                    typedPresent = v.apiVersion().isPresent();
                    break;
                case "managementEvent":
                    typedPresent = v.managementEvent().isPresent();
                    break;
                case "readOnly":
                    typedPresent = v.readOnly().isPresent();
                    break;
                case "resources":
                    typedPresent = v.resources().isPresent();
                    break;
                case "recipientAccountId":
                    typedPresent = v.recipientAccountId().isPresent();
                    break;
                case "serviceEventDetails":
                    typedPresent = v.serviceEventDetails().isPresent();
                    break;
                case "sharedEventID":
                    typedPresent = v.sharedEventID().isPresent();
                    break;
                case "vpcEndpointId":
                    typedPresent = v.vpcEndpointId().isPresent();
                    break;
                case "vpcEndpointAccountId":
                    typedPresent = v.vpcEndpointAccountId().isPresent();
                    break;
                case "eventCategory":
                    typedPresent = v.eventCategoryAsString().isPresent();
                    break;
                case "addendum":
                    typedPresent = v.addendum().isPresent();
                    break;
                case "sessionCredentialFromConsole":
                    typedPresent = v.sessionCredentialFromConsole().isPresent();
                    break;
                case "eventContext":
                    typedPresent = v.eventContext().isPresent();
                    break;
                case "edgeDeviceDetails":
                    typedPresent = v.edgeDeviceDetails().isPresent();
                    break;
                case "tlsDetails":
                    typedPresent = v.tlsDetails().isPresent();
                    break;
                case "insightDetails":
                    typedPresent = v.insightDetails().isPresent();
                    break;
                case "annotation":
                    typedPresent = v.annotation().isPresent();
                    break;
                case "accountId":
                    typedPresent = v.accountId().isPresent();
                    break;
                case "eventId":
                    typedPresent = v.aggregatedEventId().isPresent();
                    break;
                case "timeWindow":
                    typedPresent = v.timeWindow().isPresent();
                    break;
                case "summary":
                    typedPresent = v.summary().isPresent();
                    break;
                default:
                    continue;
            }
            checkOther("CloudTrailRecord", e, typedPresent);
        }
        if (isNull(v.requestParameters())
                || isNull(v.responseElements())
                || isNull(v.additionalEventData())
                || isNull(v.serviceEventDetails())
                || isNull(v.summary())) {
            // an explicit null payload is kept as every typed field's is: empty, and a null in otherFields
            CloudTrailRecord.Builder b = CloudTrailRecord.builder().from(v);
            if (isNull(v.requestParameters())) {
                b.requestParameters(Optional.empty()).putOtherFields("requestParameters", JsonValue.nullValue());
            }
            if (isNull(v.responseElements())) {
                b.responseElements(Optional.empty()).putOtherFields("responseElements", JsonValue.nullValue());
            }
            if (isNull(v.additionalEventData())) {
                b.additionalEventData(Optional.empty()).putOtherFields("additionalEventData", JsonValue.nullValue());
            }
            if (isNull(v.serviceEventDetails())) {
                b.serviceEventDetails(Optional.empty()).putOtherFields("serviceEventDetails", JsonValue.nullValue());
            }
            if (isNull(v.summary())) {
                b.summary(Optional.empty()).putOtherFields("summary", JsonValue.nullValue());
            }
            return b.build();
        }
        if (!isImmutable(v.resources())) {
            return CloudTrailRecord.builder()
                    .from(v)
                    .resources(v.resources().map(List::copyOf))
                    .build();
        }
        return v;
    }

    /** Reads a {@link UserIdentity}; the parser is on {@code t}, which must be the object's start. */
    public static UserIdentity readUserIdentity(JsonParser p, JsonToken t) throws IOException {
        Fields.expectObject(p, t);
        UserIdentity.Builder b = UserIdentity.builder();
        String name;
        while ((name = p.nextFieldName()) != null) {
            t = p.nextToken();
            try {
                switch (name) {
                    case "type":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.typeAsString(Fields.string(p, t));
                        }
                        break;
                    case "principalId":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.principalId(Fields.string(p, t));
                        }
                        break;
                    case "arn":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.arn(Fields.string(p, t));
                        }
                        break;
                    case "accountId":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.accountId(Fields.string(p, t));
                        }
                        break;
                    case "accessKeyId":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.accessKeyId(Fields.string(p, t));
                        }
                        break;
                    case "userName":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.userName(Fields.string(p, t));
                        }
                        break;
                    case "sessionContext":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.sessionContext(readSessionContext(p, t));
                        }
                        break;
                    case "invokedBy":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.invokedBy(Fields.string(p, t));
                        }
                        break;
                    case "invokedByDelegate":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.invokedByDelegate(readInvokedByDelegate(p, t));
                        }
                        break;
                    case "onBehalfOf":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.onBehalfOf(readOnBehalfOf(p, t));
                        }
                        break;
                    case "inScopeOf":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.inScopeOf(readInScopeOf(p, t));
                        }
                        break;
                    case "credentialId":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.credentialId(Fields.string(p, t));
                        }
                        break;
                    case "identityProvider":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.identityProvider(Fields.string(p, t));
                        }
                        break;
                    default:
                        b.putOtherFields(name, JsonValues.readPayload(p, t));
                }
            } catch (InvalidFieldException e) {
                b.putOtherFields(name, BadFields.keep(p, e));
            }
        }
        return b.build();
    }

    /** Writes a {@link UserIdentity} as one JSON object. */
    public static void write(UserIdentity v, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (v.typeAsString().isPresent()) {
            String x = v.typeAsString().get();
            g.writeStringField("type", x);
        }
        if (v.principalId().isPresent()) {
            String x = v.principalId().get();
            g.writeStringField("principalId", x);
        }
        if (v.arn().isPresent()) {
            String x = v.arn().get();
            g.writeStringField("arn", x);
        }
        if (v.accountId().isPresent()) {
            String x = v.accountId().get();
            g.writeStringField("accountId", x);
        }
        if (v.accessKeyId().isPresent()) {
            String x = v.accessKeyId().get();
            g.writeStringField("accessKeyId", x);
        }
        if (v.userName().isPresent()) {
            String x = v.userName().get();
            g.writeStringField("userName", x);
        }
        if (v.sessionContext().isPresent()) {
            SessionContext x = v.sessionContext().get();
            g.writeFieldName("sessionContext");
            write(x, g);
        }
        if (v.invokedBy().isPresent()) {
            String x = v.invokedBy().get();
            g.writeStringField("invokedBy", x);
        }
        if (v.invokedByDelegate().isPresent()) {
            InvokedByDelegate x = v.invokedByDelegate().get();
            g.writeFieldName("invokedByDelegate");
            write(x, g);
        }
        if (v.onBehalfOf().isPresent()) {
            OnBehalfOf x = v.onBehalfOf().get();
            g.writeFieldName("onBehalfOf");
            write(x, g);
        }
        if (v.inScopeOf().isPresent()) {
            InScopeOf x = v.inScopeOf().get();
            g.writeFieldName("inScopeOf");
            write(x, g);
        }
        if (v.credentialId().isPresent()) {
            String x = v.credentialId().get();
            g.writeStringField("credentialId", x);
        }
        if (v.identityProvider().isPresent()) {
            String x = v.identityProvider().get();
            g.writeStringField("identityProvider", x);
        }
        writeOther(v.otherFields(), g);
        g.writeEndObject();
    }

    /** Checks a built {@link UserIdentity}; copies mutable lists so that the value is deeply immutable. */
    public static UserIdentity normalize(UserIdentity v) {
        for (Map.Entry<String, JsonValue> e : v.otherFields().entrySet()) {
            boolean typedPresent;
            switch (e.getKey()) {
                case "type":
                    typedPresent = v.typeAsString().isPresent();
                    break;
                case "principalId":
                    typedPresent = v.principalId().isPresent();
                    break;
                case "arn":
                    typedPresent = v.arn().isPresent();
                    break;
                case "accountId":
                    typedPresent = v.accountId().isPresent();
                    break;
                case "accessKeyId":
                    typedPresent = v.accessKeyId().isPresent();
                    break;
                case "userName":
                    typedPresent = v.userName().isPresent();
                    break;
                case "sessionContext":
                    typedPresent = v.sessionContext().isPresent();
                    break;
                case "invokedBy":
                    typedPresent = v.invokedBy().isPresent();
                    break;
                case "invokedByDelegate":
                    typedPresent = v.invokedByDelegate().isPresent();
                    break;
                case "onBehalfOf":
                    typedPresent = v.onBehalfOf().isPresent();
                    break;
                case "inScopeOf":
                    typedPresent = v.inScopeOf().isPresent();
                    break;
                case "credentialId":
                    typedPresent = v.credentialId().isPresent();
                    break;
                case "identityProvider":
                    typedPresent = v.identityProvider().isPresent();
                    break;
                default:
                    continue;
            }
            checkOther("UserIdentity", e, typedPresent);
        }
        return v;
    }

    /** Reads a {@link SessionContext}; the parser is on {@code t}, which must be the object's start. */
    public static SessionContext readSessionContext(JsonParser p, JsonToken t) throws IOException {
        Fields.expectObject(p, t);
        SessionContext.Builder b = SessionContext.builder();
        String name;
        while ((name = p.nextFieldName()) != null) {
            t = p.nextToken();
            try {
                switch (name) {
                    case "sessionIssuer":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.sessionIssuer(readSessionIssuer(p, t));
                        }
                        break;
                    case "webIdFederationData":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.webIdFederationData(readWebIdFederationData(p, t));
                        }
                        break;
                    case "attributes":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.attributes(readSessionAttributes(p, t));
                        }
                        break;
                    case "sourceIdentity":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.sourceIdentity(Fields.string(p, t));
                        }
                        break;
                    case "ec2RoleDelivery":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.ec2RoleDelivery(Fields.string(p, t));
                        }
                        break;
                    case "assumedRoot":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.assumedRoot(JsonValues.readPayload(p, t));
                        }
                        break;
                    case "signInSessionArn":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.signInSessionArn(Fields.string(p, t));
                        }
                        break;
                    case "ec2IssuedInVPC":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.ec2IssuedInVPC(Fields.string(p, t));
                        }
                        break;
                    default:
                        b.putOtherFields(name, JsonValues.readPayload(p, t));
                }
            } catch (InvalidFieldException e) {
                b.putOtherFields(name, BadFields.keep(p, e));
            }
        }
        return b.build();
    }

    /** Writes a {@link SessionContext} as one JSON object. */
    public static void write(SessionContext v, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (v.sessionIssuer().isPresent()) {
            SessionIssuer x = v.sessionIssuer().get();
            g.writeFieldName("sessionIssuer");
            write(x, g);
        }
        if (v.webIdFederationData().isPresent()) {
            WebIdFederationData x = v.webIdFederationData().get();
            g.writeFieldName("webIdFederationData");
            write(x, g);
        }
        if (v.attributes().isPresent()) {
            SessionAttributes x = v.attributes().get();
            g.writeFieldName("attributes");
            write(x, g);
        }
        if (v.sourceIdentity().isPresent()) {
            String x = v.sourceIdentity().get();
            g.writeStringField("sourceIdentity", x);
        }
        if (v.ec2RoleDelivery().isPresent()) {
            String x = v.ec2RoleDelivery().get();
            g.writeStringField("ec2RoleDelivery", x);
        }
        if (v.assumedRoot().isPresent()) {
            JsonValue x = v.assumedRoot().get();
            g.writeFieldName("assumedRoot");
            JsonValues.write(x, g);
        }
        if (v.signInSessionArn().isPresent()) {
            String x = v.signInSessionArn().get();
            g.writeStringField("signInSessionArn", x);
        }
        if (v.ec2IssuedInVPC().isPresent()) {
            String x = v.ec2IssuedInVPC().get();
            g.writeStringField("ec2IssuedInVPC", x);
        }
        writeOther(v.otherFields(), g);
        g.writeEndObject();
    }

    /** Checks a built {@link SessionContext}; copies mutable lists so that the value is deeply immutable. */
    public static SessionContext normalize(SessionContext v) {
        for (Map.Entry<String, JsonValue> e : v.otherFields().entrySet()) {
            boolean typedPresent;
            switch (e.getKey()) {
                case "sessionIssuer":
                    typedPresent = v.sessionIssuer().isPresent();
                    break;
                case "webIdFederationData":
                    typedPresent = v.webIdFederationData().isPresent();
                    break;
                case "attributes":
                    typedPresent = v.attributes().isPresent();
                    break;
                case "sourceIdentity":
                    typedPresent = v.sourceIdentity().isPresent();
                    break;
                case "ec2RoleDelivery":
                    typedPresent = v.ec2RoleDelivery().isPresent();
                    break;
                case "assumedRoot":
                    typedPresent = v.assumedRoot().isPresent();
                    break;
                case "signInSessionArn":
                    typedPresent = v.signInSessionArn().isPresent();
                    break;
                case "ec2IssuedInVPC":
                    typedPresent = v.ec2IssuedInVPC().isPresent();
                    break;
                default:
                    continue;
            }
            checkOther("SessionContext", e, typedPresent);
        }
        return v;
    }

    /** Reads a {@link SessionIssuer}; the parser is on {@code t}, which must be the object's start. */
    public static SessionIssuer readSessionIssuer(JsonParser p, JsonToken t) throws IOException {
        Fields.expectObject(p, t);
        SessionIssuer.Builder b = SessionIssuer.builder();
        String name;
        while ((name = p.nextFieldName()) != null) {
            t = p.nextToken();
            try {
                switch (name) {
                    case "type":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.type(Fields.string(p, t));
                        }
                        break;
                    case "principalId":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.principalId(Fields.string(p, t));
                        }
                        break;
                    case "arn":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.arn(Fields.string(p, t));
                        }
                        break;
                    case "accountId":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.accountId(Fields.string(p, t));
                        }
                        break;
                    case "userName":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.userName(Fields.string(p, t));
                        }
                        break;
                    default:
                        b.putOtherFields(name, JsonValues.readPayload(p, t));
                }
            } catch (InvalidFieldException e) {
                b.putOtherFields(name, BadFields.keep(p, e));
            }
        }
        return b.build();
    }

    /** Writes a {@link SessionIssuer} as one JSON object. */
    public static void write(SessionIssuer v, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (v.type().isPresent()) {
            String x = v.type().get();
            g.writeStringField("type", x);
        }
        if (v.principalId().isPresent()) {
            String x = v.principalId().get();
            g.writeStringField("principalId", x);
        }
        if (v.arn().isPresent()) {
            String x = v.arn().get();
            g.writeStringField("arn", x);
        }
        if (v.accountId().isPresent()) {
            String x = v.accountId().get();
            g.writeStringField("accountId", x);
        }
        if (v.userName().isPresent()) {
            String x = v.userName().get();
            g.writeStringField("userName", x);
        }
        writeOther(v.otherFields(), g);
        g.writeEndObject();
    }

    /** Checks a built {@link SessionIssuer}; copies mutable lists so that the value is deeply immutable. */
    public static SessionIssuer normalize(SessionIssuer v) {
        for (Map.Entry<String, JsonValue> e : v.otherFields().entrySet()) {
            boolean typedPresent;
            switch (e.getKey()) {
                case "type":
                    typedPresent = v.type().isPresent();
                    break;
                case "principalId":
                    typedPresent = v.principalId().isPresent();
                    break;
                case "arn":
                    typedPresent = v.arn().isPresent();
                    break;
                case "accountId":
                    typedPresent = v.accountId().isPresent();
                    break;
                case "userName":
                    typedPresent = v.userName().isPresent();
                    break;
                default:
                    continue;
            }
            checkOther("SessionIssuer", e, typedPresent);
        }
        return v;
    }

    /** Reads a {@link SessionAttributes}; the parser is on {@code t}, which must be the object's start. */
    public static SessionAttributes readSessionAttributes(JsonParser p, JsonToken t) throws IOException {
        Fields.expectObject(p, t);
        SessionAttributes.Builder b = SessionAttributes.builder();
        String name;
        while ((name = p.nextFieldName()) != null) {
            t = p.nextToken();
            try {
                switch (name) {
                    case "creationDate":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.creationDate(Fields.string(p, t));
                        }
                        break;
                    case "mfaAuthenticated":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.mfaAuthenticated(Fields.string(p, t));
                        }
                        break;
                    default:
                        b.putOtherFields(name, JsonValues.readPayload(p, t));
                }
            } catch (InvalidFieldException e) {
                b.putOtherFields(name, BadFields.keep(p, e));
            }
        }
        return b.build();
    }

    /** Writes a {@link SessionAttributes} as one JSON object. */
    public static void write(SessionAttributes v, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (v.creationDate().isPresent()) {
            String x = v.creationDate().get();
            g.writeStringField("creationDate", x);
        }
        if (v.mfaAuthenticated().isPresent()) {
            String x = v.mfaAuthenticated().get();
            g.writeStringField("mfaAuthenticated", x);
        }
        writeOther(v.otherFields(), g);
        g.writeEndObject();
    }

    /** Checks a built {@link SessionAttributes}; copies mutable lists so that the value is deeply immutable. */
    public static SessionAttributes normalize(SessionAttributes v) {
        for (Map.Entry<String, JsonValue> e : v.otherFields().entrySet()) {
            boolean typedPresent;
            switch (e.getKey()) {
                case "creationDate":
                    typedPresent = v.creationDate().isPresent();
                    break;
                case "mfaAuthenticated":
                    typedPresent = v.mfaAuthenticated().isPresent();
                    break;
                default:
                    continue;
            }
            checkOther("SessionAttributes", e, typedPresent);
        }
        return v;
    }

    /** Reads a {@link WebIdFederationData}; the parser is on {@code t}, which must be the object's start. */
    public static WebIdFederationData readWebIdFederationData(JsonParser p, JsonToken t) throws IOException {
        Fields.expectObject(p, t);
        WebIdFederationData.Builder b = WebIdFederationData.builder();
        String name;
        while ((name = p.nextFieldName()) != null) {
            t = p.nextToken();
            try {
                switch (name) {
                    case "federatedProvider":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.federatedProvider(Fields.string(p, t));
                        }
                        break;
                    case "attributes":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.attributes(JsonValues.readPayload(p, t));
                        }
                        break;
                    default:
                        b.putOtherFields(name, JsonValues.readPayload(p, t));
                }
            } catch (InvalidFieldException e) {
                b.putOtherFields(name, BadFields.keep(p, e));
            }
        }
        return b.build();
    }

    /** Writes a {@link WebIdFederationData} as one JSON object. */
    public static void write(WebIdFederationData v, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (v.federatedProvider().isPresent()) {
            String x = v.federatedProvider().get();
            g.writeStringField("federatedProvider", x);
        }
        if (v.attributes().isPresent()) {
            JsonValue x = v.attributes().get();
            g.writeFieldName("attributes");
            JsonValues.write(x, g);
        }
        writeOther(v.otherFields(), g);
        g.writeEndObject();
    }

    /** Checks a built {@link WebIdFederationData}; copies mutable lists so that the value is deeply immutable. */
    public static WebIdFederationData normalize(WebIdFederationData v) {
        for (Map.Entry<String, JsonValue> e : v.otherFields().entrySet()) {
            boolean typedPresent;
            switch (e.getKey()) {
                case "federatedProvider":
                    typedPresent = v.federatedProvider().isPresent();
                    break;
                case "attributes":
                    typedPresent = v.attributes().isPresent();
                    break;
                default:
                    continue;
            }
            checkOther("WebIdFederationData", e, typedPresent);
        }
        return v;
    }

    /** Reads a {@link InvokedByDelegate}; the parser is on {@code t}, which must be the object's start. */
    public static InvokedByDelegate readInvokedByDelegate(JsonParser p, JsonToken t) throws IOException {
        Fields.expectObject(p, t);
        InvokedByDelegate.Builder b = InvokedByDelegate.builder();
        String name;
        while ((name = p.nextFieldName()) != null) {
            t = p.nextToken();
            try {
                switch (name) {
                    case "accountId":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.accountId(Fields.string(p, t));
                        }
                        break;
                    default:
                        b.putOtherFields(name, JsonValues.readPayload(p, t));
                }
            } catch (InvalidFieldException e) {
                b.putOtherFields(name, BadFields.keep(p, e));
            }
        }
        return b.build();
    }

    /** Writes a {@link InvokedByDelegate} as one JSON object. */
    public static void write(InvokedByDelegate v, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (v.accountId().isPresent()) {
            String x = v.accountId().get();
            g.writeStringField("accountId", x);
        }
        writeOther(v.otherFields(), g);
        g.writeEndObject();
    }

    /** Checks a built {@link InvokedByDelegate}; copies mutable lists so that the value is deeply immutable. */
    public static InvokedByDelegate normalize(InvokedByDelegate v) {
        for (Map.Entry<String, JsonValue> e : v.otherFields().entrySet()) {
            boolean typedPresent;
            switch (e.getKey()) {
                case "accountId":
                    typedPresent = v.accountId().isPresent();
                    break;
                default:
                    continue;
            }
            checkOther("InvokedByDelegate", e, typedPresent);
        }
        return v;
    }

    /** Reads a {@link OnBehalfOf}; the parser is on {@code t}, which must be the object's start. */
    public static OnBehalfOf readOnBehalfOf(JsonParser p, JsonToken t) throws IOException {
        Fields.expectObject(p, t);
        OnBehalfOf.Builder b = OnBehalfOf.builder();
        String name;
        while ((name = p.nextFieldName()) != null) {
            t = p.nextToken();
            try {
                switch (name) {
                    case "userId":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.userId(Fields.string(p, t));
                        }
                        break;
                    case "identityStoreArn":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.identityStoreArn(Fields.string(p, t));
                        }
                        break;
                    default:
                        b.putOtherFields(name, JsonValues.readPayload(p, t));
                }
            } catch (InvalidFieldException e) {
                b.putOtherFields(name, BadFields.keep(p, e));
            }
        }
        return b.build();
    }

    /** Writes a {@link OnBehalfOf} as one JSON object. */
    public static void write(OnBehalfOf v, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (v.userId().isPresent()) {
            String x = v.userId().get();
            g.writeStringField("userId", x);
        }
        if (v.identityStoreArn().isPresent()) {
            String x = v.identityStoreArn().get();
            g.writeStringField("identityStoreArn", x);
        }
        writeOther(v.otherFields(), g);
        g.writeEndObject();
    }

    /** Checks a built {@link OnBehalfOf}; copies mutable lists so that the value is deeply immutable. */
    public static OnBehalfOf normalize(OnBehalfOf v) {
        for (Map.Entry<String, JsonValue> e : v.otherFields().entrySet()) {
            boolean typedPresent;
            switch (e.getKey()) {
                case "userId":
                    typedPresent = v.userId().isPresent();
                    break;
                case "identityStoreArn":
                    typedPresent = v.identityStoreArn().isPresent();
                    break;
                default:
                    continue;
            }
            checkOther("OnBehalfOf", e, typedPresent);
        }
        return v;
    }

    /** Reads a {@link InScopeOf}; the parser is on {@code t}, which must be the object's start. */
    public static InScopeOf readInScopeOf(JsonParser p, JsonToken t) throws IOException {
        Fields.expectObject(p, t);
        InScopeOf.Builder b = InScopeOf.builder();
        String name;
        while ((name = p.nextFieldName()) != null) {
            t = p.nextToken();
            try {
                switch (name) {
                    case "sourceArn":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.sourceArn(Fields.string(p, t));
                        }
                        break;
                    case "sourceAccount":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.sourceAccount(Fields.string(p, t));
                        }
                        break;
                    case "issuerType":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.issuerType(Fields.string(p, t));
                        }
                        break;
                    case "credentialsIssuedTo":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.credentialsIssuedTo(Fields.string(p, t));
                        }
                        break;
                    default:
                        b.putOtherFields(name, JsonValues.readPayload(p, t));
                }
            } catch (InvalidFieldException e) {
                b.putOtherFields(name, BadFields.keep(p, e));
            }
        }
        return b.build();
    }

    /** Writes a {@link InScopeOf} as one JSON object. */
    public static void write(InScopeOf v, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (v.sourceArn().isPresent()) {
            String x = v.sourceArn().get();
            g.writeStringField("sourceArn", x);
        }
        if (v.sourceAccount().isPresent()) {
            String x = v.sourceAccount().get();
            g.writeStringField("sourceAccount", x);
        }
        if (v.issuerType().isPresent()) {
            String x = v.issuerType().get();
            g.writeStringField("issuerType", x);
        }
        if (v.credentialsIssuedTo().isPresent()) {
            String x = v.credentialsIssuedTo().get();
            g.writeStringField("credentialsIssuedTo", x);
        }
        writeOther(v.otherFields(), g);
        g.writeEndObject();
    }

    /** Checks a built {@link InScopeOf}; copies mutable lists so that the value is deeply immutable. */
    public static InScopeOf normalize(InScopeOf v) {
        for (Map.Entry<String, JsonValue> e : v.otherFields().entrySet()) {
            boolean typedPresent;
            switch (e.getKey()) {
                case "sourceArn":
                    typedPresent = v.sourceArn().isPresent();
                    break;
                case "sourceAccount":
                    typedPresent = v.sourceAccount().isPresent();
                    break;
                case "issuerType":
                    typedPresent = v.issuerType().isPresent();
                    break;
                case "credentialsIssuedTo":
                    typedPresent = v.credentialsIssuedTo().isPresent();
                    break;
                default:
                    continue;
            }
            checkOther("InScopeOf", e, typedPresent);
        }
        return v;
    }

    /** Reads a {@link Resource}; the parser is on {@code t}, which must be the object's start. */
    public static Resource readResource(JsonParser p, JsonToken t) throws IOException {
        Fields.expectObject(p, t);
        Resource.Builder b = Resource.builder();
        String name;
        while ((name = p.nextFieldName()) != null) {
            t = p.nextToken();
            try {
                switch (name) {
                    case "ARN":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.arn(Fields.string(p, t));
                        }
                        break;
                    case "accountId":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.accountId(Fields.string(p, t));
                        }
                        break;
                    case "type":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.type(Fields.string(p, t));
                        }
                        break;
                    case "ARNPrefix":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.arnPrefix(Fields.string(p, t));
                        }
                        break;
                    default:
                        b.putOtherFields(name, JsonValues.readPayload(p, t));
                }
            } catch (InvalidFieldException e) {
                b.putOtherFields(name, BadFields.keep(p, e));
            }
        }
        return b.build();
    }

    /** Writes a {@link Resource} as one JSON object. */
    public static void write(Resource v, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (v.arn().isPresent()) {
            String x = v.arn().get();
            g.writeStringField("ARN", x);
        }
        if (v.accountId().isPresent()) {
            String x = v.accountId().get();
            g.writeStringField("accountId", x);
        }
        if (v.type().isPresent()) {
            String x = v.type().get();
            g.writeStringField("type", x);
        }
        if (v.arnPrefix().isPresent()) {
            String x = v.arnPrefix().get();
            g.writeStringField("ARNPrefix", x);
        }
        writeOther(v.otherFields(), g);
        g.writeEndObject();
    }

    /** Checks a built {@link Resource}; copies mutable lists so that the value is deeply immutable. */
    public static Resource normalize(Resource v) {
        for (Map.Entry<String, JsonValue> e : v.otherFields().entrySet()) {
            boolean typedPresent;
            switch (e.getKey()) {
                case "ARN":
                    typedPresent = v.arn().isPresent();
                    break;
                case "accountId":
                    typedPresent = v.accountId().isPresent();
                    break;
                case "type":
                    typedPresent = v.type().isPresent();
                    break;
                case "ARNPrefix":
                    typedPresent = v.arnPrefix().isPresent();
                    break;
                default:
                    continue;
            }
            checkOther("Resource", e, typedPresent);
        }
        return v;
    }

    /** Reads a {@link TlsDetails}; the parser is on {@code t}, which must be the object's start. */
    public static TlsDetails readTlsDetails(JsonParser p, JsonToken t) throws IOException {
        Fields.expectObject(p, t);
        TlsDetails.Builder b = TlsDetails.builder();
        String name;
        while ((name = p.nextFieldName()) != null) {
            t = p.nextToken();
            try {
                switch (name) {
                    case "tlsVersion":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.tlsVersion(Fields.string(p, t));
                        }
                        break;
                    case "cipherSuite":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.cipherSuite(Fields.string(p, t));
                        }
                        break;
                    case "clientProvidedHostHeader":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.clientProvidedHostHeader(Fields.string(p, t));
                        }
                        break;
                    case "keyExchange":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.keyExchange(Fields.string(p, t));
                        }
                        break;
                    default:
                        b.putOtherFields(name, JsonValues.readPayload(p, t));
                }
            } catch (InvalidFieldException e) {
                b.putOtherFields(name, BadFields.keep(p, e));
            }
        }
        return b.build();
    }

    /** Writes a {@link TlsDetails} as one JSON object. */
    public static void write(TlsDetails v, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (v.tlsVersion().isPresent()) {
            String x = v.tlsVersion().get();
            g.writeStringField("tlsVersion", x);
        }
        if (v.cipherSuite().isPresent()) {
            String x = v.cipherSuite().get();
            g.writeStringField("cipherSuite", x);
        }
        if (v.clientProvidedHostHeader().isPresent()) {
            String x = v.clientProvidedHostHeader().get();
            g.writeStringField("clientProvidedHostHeader", x);
        }
        if (v.keyExchange().isPresent()) {
            String x = v.keyExchange().get();
            g.writeStringField("keyExchange", x);
        }
        writeOther(v.otherFields(), g);
        g.writeEndObject();
    }

    /** Checks a built {@link TlsDetails}; copies mutable lists so that the value is deeply immutable. */
    public static TlsDetails normalize(TlsDetails v) {
        for (Map.Entry<String, JsonValue> e : v.otherFields().entrySet()) {
            boolean typedPresent;
            switch (e.getKey()) {
                case "tlsVersion":
                    typedPresent = v.tlsVersion().isPresent();
                    break;
                case "cipherSuite":
                    typedPresent = v.cipherSuite().isPresent();
                    break;
                case "clientProvidedHostHeader":
                    typedPresent = v.clientProvidedHostHeader().isPresent();
                    break;
                case "keyExchange":
                    typedPresent = v.keyExchange().isPresent();
                    break;
                default:
                    continue;
            }
            checkOther("TlsDetails", e, typedPresent);
        }
        return v;
    }

    /** Reads a {@link Addendum}; the parser is on {@code t}, which must be the object's start. */
    public static Addendum readAddendum(JsonParser p, JsonToken t) throws IOException {
        Fields.expectObject(p, t);
        Addendum.Builder b = Addendum.builder();
        String name;
        while ((name = p.nextFieldName()) != null) {
            t = p.nextToken();
            try {
                switch (name) {
                    case "reason":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.reasonAsString(Fields.string(p, t));
                        }
                        break;
                    case "updatedFields":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.updatedFields(Fields.string(p, t));
                        }
                        break;
                    case "originalRequestID":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.originalRequestID(Fields.string(p, t));
                        }
                        break;
                    case "originalEventID":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.originalEventID(Fields.string(p, t));
                        }
                        break;
                    default:
                        b.putOtherFields(name, JsonValues.readPayload(p, t));
                }
            } catch (InvalidFieldException e) {
                b.putOtherFields(name, BadFields.keep(p, e));
            }
        }
        return b.build();
    }

    /** Writes a {@link Addendum} as one JSON object. */
    public static void write(Addendum v, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (v.reasonAsString().isPresent()) {
            String x = v.reasonAsString().get();
            g.writeStringField("reason", x);
        }
        if (v.updatedFields().isPresent()) {
            String x = v.updatedFields().get();
            g.writeStringField("updatedFields", x);
        }
        if (v.originalRequestID().isPresent()) {
            String x = v.originalRequestID().get();
            g.writeStringField("originalRequestID", x);
        }
        if (v.originalEventID().isPresent()) {
            String x = v.originalEventID().get();
            g.writeStringField("originalEventID", x);
        }
        writeOther(v.otherFields(), g);
        g.writeEndObject();
    }

    /** Checks a built {@link Addendum}; copies mutable lists so that the value is deeply immutable. */
    public static Addendum normalize(Addendum v) {
        for (Map.Entry<String, JsonValue> e : v.otherFields().entrySet()) {
            boolean typedPresent;
            switch (e.getKey()) {
                case "reason":
                    typedPresent = v.reasonAsString().isPresent();
                    break;
                case "updatedFields":
                    typedPresent = v.updatedFields().isPresent();
                    break;
                case "originalRequestID":
                    typedPresent = v.originalRequestID().isPresent();
                    break;
                case "originalEventID":
                    typedPresent = v.originalEventID().isPresent();
                    break;
                default:
                    continue;
            }
            checkOther("Addendum", e, typedPresent);
        }
        return v;
    }

    /** Reads a {@link EdgeDeviceDetails}; the parser is on {@code t}, which must be the object's start. */
    public static EdgeDeviceDetails readEdgeDeviceDetails(JsonParser p, JsonToken t) throws IOException {
        Fields.expectObject(p, t);
        EdgeDeviceDetails.Builder b = EdgeDeviceDetails.builder();
        String name;
        while ((name = p.nextFieldName()) != null) {
            t = p.nextToken();
            try {
                switch (name) {
                    case "type":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.type(Fields.string(p, t));
                        }
                        break;
                    case "deviceID":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.deviceID(Fields.string(p, t));
                        }
                        break;
                    case "deviceFamily":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.deviceFamily(Fields.string(p, t));
                        }
                        break;
                    case "snowJobId":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.snowJobId(Fields.string(p, t));
                        }
                        break;
                    case "attributes":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.attributes(JsonValues.readPayload(p, t));
                        }
                        break;
                    default:
                        b.putOtherFields(name, JsonValues.readPayload(p, t));
                }
            } catch (InvalidFieldException e) {
                b.putOtherFields(name, BadFields.keep(p, e));
            }
        }
        return b.build();
    }

    /** Writes a {@link EdgeDeviceDetails} as one JSON object. */
    public static void write(EdgeDeviceDetails v, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (v.type().isPresent()) {
            String x = v.type().get();
            g.writeStringField("type", x);
        }
        if (v.deviceID().isPresent()) {
            String x = v.deviceID().get();
            g.writeStringField("deviceID", x);
        }
        if (v.deviceFamily().isPresent()) {
            String x = v.deviceFamily().get();
            g.writeStringField("deviceFamily", x);
        }
        if (v.snowJobId().isPresent()) {
            String x = v.snowJobId().get();
            g.writeStringField("snowJobId", x);
        }
        if (v.attributes().isPresent()) {
            JsonValue x = v.attributes().get();
            g.writeFieldName("attributes");
            JsonValues.write(x, g);
        }
        writeOther(v.otherFields(), g);
        g.writeEndObject();
    }

    /** Checks a built {@link EdgeDeviceDetails}; copies mutable lists so that the value is deeply immutable. */
    public static EdgeDeviceDetails normalize(EdgeDeviceDetails v) {
        for (Map.Entry<String, JsonValue> e : v.otherFields().entrySet()) {
            boolean typedPresent;
            switch (e.getKey()) {
                case "type":
                    typedPresent = v.type().isPresent();
                    break;
                case "deviceID":
                    typedPresent = v.deviceID().isPresent();
                    break;
                case "deviceFamily":
                    typedPresent = v.deviceFamily().isPresent();
                    break;
                case "snowJobId":
                    typedPresent = v.snowJobId().isPresent();
                    break;
                case "attributes":
                    typedPresent = v.attributes().isPresent();
                    break;
                default:
                    continue;
            }
            checkOther("EdgeDeviceDetails", e, typedPresent);
        }
        return v;
    }

    /** Reads a {@link InsightDetails}; the parser is on {@code t}, which must be the object's start. */
    public static InsightDetails readInsightDetails(JsonParser p, JsonToken t) throws IOException {
        Fields.expectObject(p, t);
        InsightDetails.Builder b = InsightDetails.builder();
        String name;
        while ((name = p.nextFieldName()) != null) {
            t = p.nextToken();
            try {
                switch (name) {
                    case "state":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.stateAsString(Fields.string(p, t));
                        }
                        break;
                    case "eventSource":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.eventSource(Fields.string(p, t));
                        }
                        break;
                    case "eventName":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.eventName(Fields.string(p, t));
                        }
                        break;
                    case "insightType":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.insightTypeAsString(Fields.string(p, t));
                        }
                        break;
                    case "errorCode":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.errorCode(Fields.string(p, t));
                        }
                        break;
                    case "insightContext":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.insightContext(readInsightContext(p, t));
                        }
                        break;
                    default:
                        b.putOtherFields(name, JsonValues.readPayload(p, t));
                }
            } catch (InvalidFieldException e) {
                b.putOtherFields(name, BadFields.keep(p, e));
            }
        }
        return b.build();
    }

    /** Writes a {@link InsightDetails} as one JSON object. */
    public static void write(InsightDetails v, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (v.stateAsString().isPresent()) {
            String x = v.stateAsString().get();
            g.writeStringField("state", x);
        }
        if (v.eventSource().isPresent()) {
            String x = v.eventSource().get();
            g.writeStringField("eventSource", x);
        }
        if (v.eventName().isPresent()) {
            String x = v.eventName().get();
            g.writeStringField("eventName", x);
        }
        if (v.insightTypeAsString().isPresent()) {
            String x = v.insightTypeAsString().get();
            g.writeStringField("insightType", x);
        }
        if (v.errorCode().isPresent()) {
            String x = v.errorCode().get();
            g.writeStringField("errorCode", x);
        }
        if (v.insightContext().isPresent()) {
            InsightContext x = v.insightContext().get();
            g.writeFieldName("insightContext");
            write(x, g);
        }
        writeOther(v.otherFields(), g);
        g.writeEndObject();
    }

    /** Checks a built {@link InsightDetails}; copies mutable lists so that the value is deeply immutable. */
    public static InsightDetails normalize(InsightDetails v) {
        for (Map.Entry<String, JsonValue> e : v.otherFields().entrySet()) {
            boolean typedPresent;
            switch (e.getKey()) {
                case "state":
                    typedPresent = v.stateAsString().isPresent();
                    break;
                case "eventSource":
                    typedPresent = v.eventSource().isPresent();
                    break;
                case "eventName":
                    typedPresent = v.eventName().isPresent();
                    break;
                case "insightType":
                    typedPresent = v.insightTypeAsString().isPresent();
                    break;
                case "errorCode":
                    typedPresent = v.errorCode().isPresent();
                    break;
                case "insightContext":
                    typedPresent = v.insightContext().isPresent();
                    break;
                default:
                    continue;
            }
            checkOther("InsightDetails", e, typedPresent);
        }
        return v;
    }

    /** Reads a {@link InsightContext}; the parser is on {@code t}, which must be the object's start. */
    public static InsightContext readInsightContext(JsonParser p, JsonToken t) throws IOException {
        Fields.expectObject(p, t);
        InsightContext.Builder b = InsightContext.builder();
        String name;
        while ((name = p.nextFieldName()) != null) {
            t = p.nextToken();
            try {
                switch (name) {
                    case "statistics":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.statistics(readInsightStatistics(p, t));
                        }
                        break;
                    case "attributions":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.attributions(Fields.list(p, t, RecordCodec::readInsightAttribution));
                        }
                        break;
                    default:
                        b.putOtherFields(name, JsonValues.readPayload(p, t));
                }
            } catch (InvalidFieldException e) {
                b.putOtherFields(name, BadFields.keep(p, e));
            }
        }
        return b.build();
    }

    /** Writes a {@link InsightContext} as one JSON object. */
    public static void write(InsightContext v, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (v.statistics().isPresent()) {
            InsightStatistics x = v.statistics().get();
            g.writeFieldName("statistics");
            write(x, g);
        }
        if (v.attributions().isPresent()) {
            List<InsightAttribution> x = v.attributions().get();
            g.writeArrayFieldStart("attributions");
            for (InsightAttribution e : x) {
                write(e, g);
            }
            g.writeEndArray();
        }
        writeOther(v.otherFields(), g);
        g.writeEndObject();
    }

    /** Checks a built {@link InsightContext}; copies mutable lists so that the value is deeply immutable. */
    public static InsightContext normalize(InsightContext v) {
        for (Map.Entry<String, JsonValue> e : v.otherFields().entrySet()) {
            boolean typedPresent;
            switch (e.getKey()) {
                case "statistics":
                    typedPresent = v.statistics().isPresent();
                    break;
                case "attributions":
                    typedPresent = v.attributions().isPresent();
                    break;
                default:
                    continue;
            }
            checkOther("InsightContext", e, typedPresent);
        }
        if (!isImmutable(v.attributions())) {
            return InsightContext.builder()
                    .from(v)
                    .attributions(v.attributions().map(List::copyOf))
                    .build();
        }
        return v;
    }

    /** Reads a {@link InsightStatistics}; the parser is on {@code t}, which must be the object's start. */
    public static InsightStatistics readInsightStatistics(JsonParser p, JsonToken t) throws IOException {
        Fields.expectObject(p, t);
        InsightStatistics.Builder b = InsightStatistics.builder();
        String name;
        while ((name = p.nextFieldName()) != null) {
            t = p.nextToken();
            try {
                switch (name) {
                    case "baseline":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.baseline(readInsightStatistic(p, t));
                        }
                        break;
                    case "insight":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.insight(readInsightStatistic(p, t));
                        }
                        break;
                    case "insightDuration":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.insightDuration(Fields.integer(p, t));
                        }
                        break;
                    case "baselineDuration":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.baselineDuration(Fields.integer(p, t));
                        }
                        break;
                    default:
                        b.putOtherFields(name, JsonValues.readPayload(p, t));
                }
            } catch (InvalidFieldException e) {
                b.putOtherFields(name, BadFields.keep(p, e));
            }
        }
        return b.build();
    }

    /** Writes a {@link InsightStatistics} as one JSON object. */
    public static void write(InsightStatistics v, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (v.baseline().isPresent()) {
            InsightStatistic x = v.baseline().get();
            g.writeFieldName("baseline");
            write(x, g);
        }
        if (v.insight().isPresent()) {
            InsightStatistic x = v.insight().get();
            g.writeFieldName("insight");
            write(x, g);
        }
        if (v.insightDuration().isPresent()) {
            g.writeNumberField("insightDuration", v.insightDuration().getAsLong());
        }
        if (v.baselineDuration().isPresent()) {
            g.writeNumberField("baselineDuration", v.baselineDuration().getAsLong());
        }
        writeOther(v.otherFields(), g);
        g.writeEndObject();
    }

    /** Checks a built {@link InsightStatistics}; copies mutable lists so that the value is deeply immutable. */
    public static InsightStatistics normalize(InsightStatistics v) {
        for (Map.Entry<String, JsonValue> e : v.otherFields().entrySet()) {
            boolean typedPresent;
            switch (e.getKey()) {
                case "baseline":
                    typedPresent = v.baseline().isPresent();
                    break;
                case "insight":
                    typedPresent = v.insight().isPresent();
                    break;
                case "insightDuration":
                    typedPresent = v.insightDuration().isPresent();
                    break;
                case "baselineDuration":
                    typedPresent = v.baselineDuration().isPresent();
                    break;
                default:
                    continue;
            }
            checkOther("InsightStatistics", e, typedPresent);
        }
        return v;
    }

    /** Reads a {@link InsightStatistic}; the parser is on {@code t}, which must be the object's start. */
    public static InsightStatistic readInsightStatistic(JsonParser p, JsonToken t) throws IOException {
        Fields.expectObject(p, t);
        InsightStatistic.Builder b = InsightStatistic.builder();
        String name;
        while ((name = p.nextFieldName()) != null) {
            t = p.nextToken();
            try {
                switch (name) {
                    case "average":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.average(Fields.decimal(p, t));
                        }
                        break;
                    default:
                        b.putOtherFields(name, JsonValues.readPayload(p, t));
                }
            } catch (InvalidFieldException e) {
                b.putOtherFields(name, BadFields.keep(p, e));
            }
        }
        return b.build();
    }

    /** Writes a {@link InsightStatistic} as one JSON object. */
    public static void write(InsightStatistic v, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (v.average().isPresent()) {
            BigDecimal x = v.average().get();
            g.writeNumberField("average", x);
        }
        writeOther(v.otherFields(), g);
        g.writeEndObject();
    }

    /** Checks a built {@link InsightStatistic}; copies mutable lists so that the value is deeply immutable. */
    public static InsightStatistic normalize(InsightStatistic v) {
        for (Map.Entry<String, JsonValue> e : v.otherFields().entrySet()) {
            boolean typedPresent;
            switch (e.getKey()) {
                case "average":
                    typedPresent = v.average().isPresent();
                    break;
                default:
                    continue;
            }
            checkOther("InsightStatistic", e, typedPresent);
        }
        return v;
    }

    /** Reads a {@link InsightAttribution}; the parser is on {@code t}, which must be the object's start. */
    public static InsightAttribution readInsightAttribution(JsonParser p, JsonToken t) throws IOException {
        Fields.expectObject(p, t);
        InsightAttribution.Builder b = InsightAttribution.builder();
        String name;
        while ((name = p.nextFieldName()) != null) {
            t = p.nextToken();
            try {
                switch (name) {
                    case "attribute":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.attribute(Fields.string(p, t));
                        }
                        break;
                    case "insight":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.insight(Fields.list(p, t, RecordCodec::readInsightAttributionValue));
                        }
                        break;
                    case "baseline":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.baseline(Fields.list(p, t, RecordCodec::readInsightAttributionValue));
                        }
                        break;
                    default:
                        b.putOtherFields(name, JsonValues.readPayload(p, t));
                }
            } catch (InvalidFieldException e) {
                b.putOtherFields(name, BadFields.keep(p, e));
            }
        }
        return b.build();
    }

    /** Writes a {@link InsightAttribution} as one JSON object. */
    public static void write(InsightAttribution v, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (v.attribute().isPresent()) {
            String x = v.attribute().get();
            g.writeStringField("attribute", x);
        }
        if (v.insight().isPresent()) {
            List<InsightAttributionValue> x = v.insight().get();
            g.writeArrayFieldStart("insight");
            for (InsightAttributionValue e : x) {
                write(e, g);
            }
            g.writeEndArray();
        }
        if (v.baseline().isPresent()) {
            List<InsightAttributionValue> x = v.baseline().get();
            g.writeArrayFieldStart("baseline");
            for (InsightAttributionValue e : x) {
                write(e, g);
            }
            g.writeEndArray();
        }
        writeOther(v.otherFields(), g);
        g.writeEndObject();
    }

    /** Checks a built {@link InsightAttribution}; copies mutable lists so that the value is deeply immutable. */
    public static InsightAttribution normalize(InsightAttribution v) {
        for (Map.Entry<String, JsonValue> e : v.otherFields().entrySet()) {
            boolean typedPresent;
            switch (e.getKey()) {
                case "attribute":
                    typedPresent = v.attribute().isPresent();
                    break;
                case "insight":
                    typedPresent = v.insight().isPresent();
                    break;
                case "baseline":
                    typedPresent = v.baseline().isPresent();
                    break;
                default:
                    continue;
            }
            checkOther("InsightAttribution", e, typedPresent);
        }
        if (!isImmutable(v.insight()) || !isImmutable(v.baseline())) {
            return InsightAttribution.builder()
                    .from(v)
                    .insight(v.insight().map(List::copyOf))
                    .baseline(v.baseline().map(List::copyOf))
                    .build();
        }
        return v;
    }

    /** Reads a {@link InsightAttributionValue}; the parser is on {@code t}, which must be the object's start. */
    public static InsightAttributionValue readInsightAttributionValue(JsonParser p, JsonToken t) throws IOException {
        Fields.expectObject(p, t);
        InsightAttributionValue.Builder b = InsightAttributionValue.builder();
        String name;
        while ((name = p.nextFieldName()) != null) {
            t = p.nextToken();
            try {
                switch (name) {
                    case "value":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.value(Fields.string(p, t));
                        }
                        break;
                    case "average":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.average(Fields.decimal(p, t));
                        }
                        break;
                    default:
                        b.putOtherFields(name, JsonValues.readPayload(p, t));
                }
            } catch (InvalidFieldException e) {
                b.putOtherFields(name, BadFields.keep(p, e));
            }
        }
        return b.build();
    }

    /** Writes a {@link InsightAttributionValue} as one JSON object. */
    public static void write(InsightAttributionValue v, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (v.value().isPresent()) {
            String x = v.value().get();
            g.writeStringField("value", x);
        }
        if (v.average().isPresent()) {
            BigDecimal x = v.average().get();
            g.writeNumberField("average", x);
        }
        writeOther(v.otherFields(), g);
        g.writeEndObject();
    }

    /** Checks a built {@link InsightAttributionValue}; copies mutable lists so that the value is deeply immutable. */
    public static InsightAttributionValue normalize(InsightAttributionValue v) {
        for (Map.Entry<String, JsonValue> e : v.otherFields().entrySet()) {
            boolean typedPresent;
            switch (e.getKey()) {
                case "value":
                    typedPresent = v.value().isPresent();
                    break;
                case "average":
                    typedPresent = v.average().isPresent();
                    break;
                default:
                    continue;
            }
            checkOther("InsightAttributionValue", e, typedPresent);
        }
        return v;
    }

    /** Reads a {@link AggregationTimeWindow}; the parser is on {@code t}, which must be the object's start. */
    public static AggregationTimeWindow readAggregationTimeWindow(JsonParser p, JsonToken t) throws IOException {
        Fields.expectObject(p, t);
        AggregationTimeWindow.Builder b = AggregationTimeWindow.builder();
        String name;
        while ((name = p.nextFieldName()) != null) {
            t = p.nextToken();
            try {
                switch (name) {
                    case "windowStart":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            String text = Fields.string(p, t);
                            Instant x = Fields.instant(p, text);
                            if (!Fields.writtenAsRead(text, x)) {
                                b.putOtherFields(name, JsonValue.of(text)); // written back as it came
                            }
                            b.windowStart(x);
                        }
                        break;
                    case "windowEnd":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            String text = Fields.string(p, t);
                            Instant x = Fields.instant(p, text);
                            if (!Fields.writtenAsRead(text, x)) {
                                b.putOtherFields(name, JsonValue.of(text)); // written back as it came
                            }
                            b.windowEnd(x);
                        }
                        break;
                    case "windowSize":
                        if (t == JsonToken.VALUE_NULL) {
                            b.putOtherFields(name, JsonValue.nullValue());
                        } else {
                            b.windowSize(Fields.string(p, t));
                        }
                        break;
                    default:
                        b.putOtherFields(name, JsonValues.readPayload(p, t));
                }
            } catch (InvalidFieldException e) {
                b.putOtherFields(name, BadFields.keep(p, e));
            }
        }
        return b.build();
    }

    /** Writes a {@link AggregationTimeWindow} as one JSON object. */
    public static void write(AggregationTimeWindow v, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (v.windowStart().isPresent()
                && !v.otherFields().containsKey("windowStart")) { // else written as it came, below
            Instant x = v.windowStart().get();
            g.writeStringField("windowStart", x.toString());
        }
        if (v.windowEnd().isPresent() && !v.otherFields().containsKey("windowEnd")) { // else written as it came, below
            Instant x = v.windowEnd().get();
            g.writeStringField("windowEnd", x.toString());
        }
        if (v.windowSize().isPresent()) {
            String x = v.windowSize().get();
            g.writeStringField("windowSize", x);
        }
        writeOther(v.otherFields(), g);
        g.writeEndObject();
    }

    /** Checks a built {@link AggregationTimeWindow}; copies mutable lists so that the value is deeply immutable. */
    public static AggregationTimeWindow normalize(AggregationTimeWindow v) {
        for (Map.Entry<String, JsonValue> e : v.otherFields().entrySet()) {
            boolean typedPresent;
            switch (e.getKey()) {
                case "windowStart":
                    if (v.windowStart().isPresent()
                            && Fields.isTextOf(e.getValue(), v.windowStart().get())) {
                        continue; // the text the time was written in
                    }
                    typedPresent = v.windowStart().isPresent();
                    break;
                case "windowEnd":
                    if (v.windowEnd().isPresent()
                            && Fields.isTextOf(e.getValue(), v.windowEnd().get())) {
                        continue; // the text the time was written in
                    }
                    typedPresent = v.windowEnd().isPresent();
                    break;
                case "windowSize":
                    typedPresent = v.windowSize().isPresent();
                    break;
                default:
                    continue;
            }
            checkOther("AggregationTimeWindow", e, typedPresent);
        }
        return v;
    }

    /** Writes any record type as compact JSON. */
    public static String toJson(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            writeAny(value, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeAny(Object value, JsonGenerator g) throws IOException {
        if (value instanceof CloudTrailRecord) {
            write((CloudTrailRecord) value, g);
            return;
        }
        if (value instanceof UserIdentity) {
            write((UserIdentity) value, g);
            return;
        }
        if (value instanceof SessionContext) {
            write((SessionContext) value, g);
            return;
        }
        if (value instanceof SessionIssuer) {
            write((SessionIssuer) value, g);
            return;
        }
        if (value instanceof SessionAttributes) {
            write((SessionAttributes) value, g);
            return;
        }
        if (value instanceof WebIdFederationData) {
            write((WebIdFederationData) value, g);
            return;
        }
        if (value instanceof InvokedByDelegate) {
            write((InvokedByDelegate) value, g);
            return;
        }
        if (value instanceof OnBehalfOf) {
            write((OnBehalfOf) value, g);
            return;
        }
        if (value instanceof InScopeOf) {
            write((InScopeOf) value, g);
            return;
        }
        if (value instanceof Resource) {
            write((Resource) value, g);
            return;
        }
        if (value instanceof TlsDetails) {
            write((TlsDetails) value, g);
            return;
        }
        if (value instanceof Addendum) {
            write((Addendum) value, g);
            return;
        }
        if (value instanceof EdgeDeviceDetails) {
            write((EdgeDeviceDetails) value, g);
            return;
        }
        if (value instanceof InsightDetails) {
            write((InsightDetails) value, g);
            return;
        }
        if (value instanceof InsightContext) {
            write((InsightContext) value, g);
            return;
        }
        if (value instanceof InsightStatistics) {
            write((InsightStatistics) value, g);
            return;
        }
        if (value instanceof InsightStatistic) {
            write((InsightStatistic) value, g);
            return;
        }
        if (value instanceof InsightAttribution) {
            write((InsightAttribution) value, g);
            return;
        }
        if (value instanceof InsightAttributionValue) {
            write((InsightAttributionValue) value, g);
            return;
        }
        if (value instanceof AggregationTimeWindow) {
            write((AggregationTimeWindow) value, g);
            return;
        }
        throw new IllegalArgumentException(
                "not a record type: " + value.getClass().getName());
    }

    private static void writeOther(Map<String, JsonValue> other, JsonGenerator g) throws IOException {
        for (Map.Entry<String, JsonValue> e : other.entrySet()) {
            g.writeFieldName(e.getKey());
            JsonValues.write(e.getValue(), g);
        }
    }

    private static void checkOther(String type, Map.Entry<String, JsonValue> e, boolean typedPresent) {
        if (typedPresent) {
            throw new IllegalArgumentException(type + ".otherFields() may hold \"" + e.getKey()
                    + "\" only when the typed value is absent (a JSON null, or a value that could not be read, as it"
                    + " came), or for a time, the text that time was written in; set it through its typed accessor");
        }
    }

    private static boolean isNull(Optional<JsonValue> payload) {
        return payload.isPresent() && payload.get().isNull();
    }

    private static <T> boolean isImmutable(Optional<List<T>> list) {
        return list.isEmpty() || List.copyOf(list.get()) == list.get();
    }
}
