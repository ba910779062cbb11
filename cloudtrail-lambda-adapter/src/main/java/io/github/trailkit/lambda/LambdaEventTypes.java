package io.github.trailkit.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.joda.time.DateTime;

/**
 * Typed entry points for the event classes of {@code com.amazonaws:aws-lambda-java-events} (and the S3 SDK's
 * {@code S3EventNotification}), for a team that writes
 * its own {@code RequestHandler<SQSEvent, SQSBatchResponse>} (or {@code S3Event}, {@code SNSEvent},
 * {@code ScheduledEvent}) instead of deploying {@link TrailkitHandler} as a stream handler. Each method writes the
 * event as the JSON Lambda would have delivered and hands it to {@link TrailkitHandler#handleRequest}, so the result
 * (findings sent, objects read, the SQS batch item failures) is exactly the stream handler's for the same event.
 *
 * <p>{@code aws-lambda-java-events} (and the Joda-Time it brings) and {@code s3-event-notifications} are not
 * dependencies of trailkit's artifact: the team's own build supplies the one it uses, as it does for its handler's
 * signature; each method needs only its own event class.
 *
 * <pre>{@code
 * public final class TrailObjects implements RequestHandler<SQSEvent, SQSBatchResponse> {
 *     private static final LambdaEventTypes TRAILKIT = new LambdaEventTypes(TrailkitHandler.builder()
 *             .rules(RuleSet.of(RuleDocuments.readResource("/rules.yaml")))
 *             .sink(SnsSink.builder().client(SnsClient.create()).topicArn(System.getenv("TOPIC_ARN")).build())
 *             .build());
 *
 *     @Override
 *     public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
 *         return TRAILKIT.sqs(event, context);      // failed messages come back in batchItemFailures
 *     }
 * }
 * }</pre>
 *
 * <p>Thread-safe as the handler it wraps.
 */
public final class LambdaEventTypes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TrailkitHandler handler;

    /** Entry points that run {@code handler}. */
    public LambdaEventTypes(TrailkitHandler handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /**
     * Handles an SQS batch (bodies of S3 events, SNS envelopes, EventBridge events, CloudTrail's notifications).
     *
     * @return the partial batch response: the messages to be delivered again
     * @throws IllegalArgumentException when the event is of no known shape
     */
    public SQSBatchResponse sqs(SQSEvent event, Context context) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode records = root.putArray("Records");
        for (SQSEvent.SQSMessage m : list(event.getRecords())) {
            ObjectNode r = records.addObject();
            put(r, "messageId", m.getMessageId());
            put(r, "receiptHandle", m.getReceiptHandle());
            put(r, "body", m.getBody());
            if (m.getAttributes() != null) {
                ObjectNode a = r.putObject("attributes");
                m.getAttributes().forEach(a::put);
            }
            if (m.getMessageAttributes() != null) {
                ObjectNode attributes = r.putObject("messageAttributes");
                m.getMessageAttributes().forEach((name, v) -> {
                    ObjectNode a = attributes.putObject(name);
                    put(a, "stringValue", v.getStringValue());
                    if (v.getBinaryValue() != null) {
                        a.put("binaryValue", base64(v.getBinaryValue()));
                    }
                    ArrayNode strings = a.putArray("stringListValues");
                    list(v.getStringListValues()).forEach(strings::add);
                    ArrayNode binaries = a.putArray("binaryListValues");
                    list(v.getBinaryListValues()).forEach(b -> binaries.add(base64(b)));
                    put(a, "dataType", v.getDataType());
                });
            }
            put(r, "md5OfBody", m.getMd5OfBody());
            put(r, "md5OfMessageAttributes", m.getMd5OfMessageAttributes());
            put(r, "eventSource", m.getEventSource());
            put(r, "eventSourceARN", m.getEventSourceArn());
            put(r, "awsRegion", m.getAwsRegion());
        }
        JsonNode answer = run(root, context);
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (JsonNode f : answer.path("batchItemFailures")) {
            failures.add(new SQSBatchResponse.BatchItemFailure(
                    f.path("itemIdentifier").asText()));
        }
        return new SQSBatchResponse(failures);
    }

    /**
     * Handles an S3 event notification delivered straight to the function.
     *
     * @return the handler's summary of the invocation, as JSON
     * @throws IllegalArgumentException when the event is of no known shape
     * @throws RuntimeException when an object must be read again (Lambda then retries the event)
     */
    public String s3(S3Event event, Context context) {
        return run(s3Json(event), context).toString();
    }

    /**
     * Handles an SNS event (an S3 event, EventBridge event or CloudTrail notification in each message).
     *
     * @return the handler's summary of the invocation, as JSON
     * @throws IllegalArgumentException when the event is of no known shape
     * @throws RuntimeException when an object must be read again (Lambda then retries the event)
     */
    public String sns(SNSEvent event, Context context) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode records = root.putArray("Records");
        for (SNSEvent.SNSRecord record : list(event.getRecords())) {
            ObjectNode r = records.addObject();
            put(r, "EventSource", record.getEventSource());
            put(r, "EventVersion", record.getEventVersion());
            put(r, "EventSubscriptionArn", record.getEventSubscriptionArn());
            SNSEvent.SNS sns = record.getSNS();
            if (sns == null) {
                continue;
            }
            ObjectNode s = r.putObject("Sns");
            put(s, "Type", sns.getType());
            put(s, "MessageId", sns.getMessageId());
            put(s, "TopicArn", sns.getTopicArn());
            put(s, "Subject", sns.getSubject());
            put(s, "Message", sns.getMessage());
            put(s, "Timestamp", time(sns.getTimestamp()));
            put(s, "SignatureVersion", sns.getSignatureVersion());
            put(s, "Signature", sns.getSignature());
            put(s, "SigningCertUrl", sns.getSigningCertUrl());
            put(s, "UnsubscribeUrl", sns.getUnsubscribeUrl());
            if (sns.getMessageAttributes() != null) {
                ObjectNode attributes = s.putObject("MessageAttributes");
                sns.getMessageAttributes().forEach((name, v) -> {
                    ObjectNode a = attributes.putObject(name);
                    put(a, "Type", v.getType());
                    put(a, "Value", v.getValue());
                });
            }
        }
        return run(root, context).toString();
    }

    /**
     * Handles an EventBridge event ({@code ScheduledEvent} is the library's class for every EventBridge event): an S3
     * "Object Created" event, or a CloudTrail record ({@code AWS API Call via CloudTrail} and the other CloudTrail
     * detail types) that the function matches without a log file. {@code detail} is a {@code Map} in the event class,
     * so numbers in it are written back in Java's spelling of the type the deserializer chose.
     *
     * @return the handler's summary of the invocation, as JSON
     * @throws IllegalArgumentException when the event is of no known shape
     * @throws RuntimeException when an object must be read again (Lambda then retries the event)
     */
    public String eventBridge(ScheduledEvent event, Context context) {
        ObjectNode root = JSON.createObjectNode();
        put(root, "version", event.getVersion());
        put(root, "id", event.getId());
        put(root, "detail-type", event.getDetailType());
        put(root, "source", event.getSource());
        put(root, "account", event.getAccount());
        put(root, "time", time(event.getTime()));
        put(root, "region", event.getRegion());
        ArrayNode resources = root.putArray("resources");
        list(event.getResources()).forEach(resources::add);
        Map<String, Object> detail = event.getDetail();
        root.set("detail", detail == null ? null : JSON.valueToTree(detail));
        return run(root, context).toString();
    }

    /**
     * Handles an S3 event notification read with the S3 SDK's own class
     * ({@code software.amazon.awssdk:s3-event-notifications}), for instance from an SQS message body a function
     * reads itself.
     *
     * <pre>{@code
     * String summary = trailkit.s3Notification(S3EventNotification.fromJson(body), context);
     * }</pre>
     *
     * @return the handler's summary of the invocation, as JSON
     * @throws IllegalArgumentException when the event is of no known shape
     * @throws RuntimeException when an object must be read again
     */
    public String s3Notification(
            software.amazon.awssdk.eventnotifications.s3.model.S3EventNotification event, Context context) {
        try {
            return run((ObjectNode) JSON.readTree(event.toJson()), context).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode s3Json(S3EventNotification event) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode records = root.putArray("Records");
        for (S3EventNotification.S3EventNotificationRecord record : list(event.getRecords())) {
            ObjectNode r = records.addObject();
            put(r, "eventVersion", record.getEventVersion());
            put(r, "eventSource", record.getEventSource());
            put(r, "awsRegion", record.getAwsRegion());
            put(r, "eventTime", time(record.getEventTime()));
            put(r, "eventName", record.getEventName());
            if (record.getUserIdentity() != null) {
                put(
                        r.putObject("userIdentity"),
                        "principalId",
                        record.getUserIdentity().getPrincipalId());
            }
            if (record.getRequestParameters() != null) {
                put(
                        r.putObject("requestParameters"),
                        "sourceIPAddress",
                        record.getRequestParameters().getSourceIPAddress());
            }
            if (record.getResponseElements() != null) {
                ObjectNode e = r.putObject("responseElements");
                put(e, "x-amz-request-id", record.getResponseElements().getxAmzRequestId());
                put(e, "x-amz-id-2", record.getResponseElements().getxAmzId2());
            }
            S3EventNotification.S3Entity s3 = record.getS3();
            if (s3 == null) {
                continue;
            }
            ObjectNode s = r.putObject("s3");
            put(s, "s3SchemaVersion", s3.getS3SchemaVersion());
            put(s, "configurationId", s3.getConfigurationId());
            if (s3.getBucket() != null) {
                ObjectNode b = s.putObject("bucket");
                put(b, "name", s3.getBucket().getName());
                if (s3.getBucket().getOwnerIdentity() != null) {
                    put(
                            b.putObject("ownerIdentity"),
                            "principalId",
                            s3.getBucket().getOwnerIdentity().getPrincipalId());
                }
                put(b, "arn", s3.getBucket().getArn());
            }
            if (s3.getObject() != null) {
                ObjectNode o = s.putObject("object");
                put(o, "key", s3.getObject().getKey());
                if (s3.getObject().getSizeAsLong() != null) {
                    o.put("size", s3.getObject().getSizeAsLong());
                }
                put(o, "eTag", s3.getObject().geteTag());
                put(o, "versionId", s3.getObject().getVersionId());
                put(o, "sequencer", s3.getObject().getSequencer());
            }
        }
        return root;
    }

    private JsonNode run(ObjectNode event, Context context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out, context);
            return JSON.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private static String time(DateTime time) {
        return time == null ? null : Instant.ofEpochMilli(time.getMillis()).toString();
    }

    private static String base64(ByteBuffer bytes) {
        ByteBuffer b = bytes.duplicate();
        byte[] copy = new byte[b.remaining()];
        b.get(copy);
        return Base64.getEncoder().encodeToString(copy);
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }
}
