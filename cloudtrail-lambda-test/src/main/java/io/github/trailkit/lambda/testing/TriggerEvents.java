package io.github.trailkit.lambda.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.trailkit.test.LambdaEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Lambda events that name log objects, of every trigger shape: made from AWS's published examples (kept in this
 * artifact, see {@code events/README.md} beside this class) with the bucket and keys of a test put in: what S3, SQS,
 * SNS, EventBridge and S3 Batch Operations would send. The events that carry CloudTrail records without a log file
 * (EventBridge's CloudTrail events, CloudWatch Logs subscriptions, Kinesis) are built from records by
 * {@link LambdaEvents}, which this artifact brings along; the two compose, as in the example.
 *
 * <pre>{@code
 * String key = "AWSLogs/123456789012/CloudTrail/us-east-1/2024/01/15/file.json.gz";
 * String direct = TriggerEvents.s3Event("trail-bucket", key);                   // S3 -> Lambda
 * String viaSqs = TriggerEvents.sqs(direct, "not an event");                   // S3 -> SQS -> Lambda, msg-1 and msg-2
 * String viaSnsSqs = TriggerEvents.sqs(TriggerEvents.snsEnvelope(direct));     // S3 -> SNS -> SQS -> Lambda
 * String viaSns = TriggerEvents.sns(direct);                                   // S3 -> SNS -> Lambda
 * String rule = TriggerEvents.eventBridge("trail-bucket", key);                // EventBridge "Object Created"
 * String batch = TriggerEvents.batchOperations("trail-bucket", key);           // S3 Batch Operations, task-1
 * String record = TriggerEvents.sqs(LambdaEvents.eventBridge(                  // a record, no log file
 *         CloudTrailRecords.apiCall("sns.amazonaws.com", "CreateTopic").build()));
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class TriggerEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TriggerEvents() {}

    /** A key as S3 event notifications carry it: form-encoded ({@code " "} as {@code +}, {@code +} as {@code %2B}). */
    public static String formEncoded(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    /** An S3 event notification naming these objects (ObjectCreated:Put), as S3 hands it to Lambda. */
    public static String s3Event(String bucket, String... keys) {
        ObjectNode event = (ObjectNode) fixture("lambda-s3-event-ObjectCreated-Put.json");
        ArrayNode records = (ArrayNode) event.get("Records");
        JsonNode template = records.get(0);
        records.removeAll();
        for (String key : keys) {
            ObjectNode r = template.deepCopy();
            ((ObjectNode) r.path("s3").path("bucket")).put("name", bucket).put("arn", "arn:aws:s3:::" + bucket);
            ((ObjectNode) r.path("s3").path("object")).put("key", formEncoded(key));
            records.add(r);
        }
        return event.toString();
    }

    /** An EventBridge "Object Created" event for one object (keys are raw in EventBridge events). */
    public static String eventBridge(String bucket, String key) {
        ObjectNode event = (ObjectNode) fixture("eventbridge-s3-Object-Created.json");
        ObjectNode detail = (ObjectNode) event.get("detail");
        ((ObjectNode) detail.get("bucket")).put("name", bucket);
        ObjectNode object = (ObjectNode) detail.get("object");
        object.put("key", key);
        object.remove("version-id");
        object.remove("size");
        return event.toString();
    }

    /** The body of an SQS message that an SNS topic delivered (raw message delivery off): an SNS envelope. */
    public static String snsEnvelope(String message) {
        ObjectNode envelope = (ObjectNode) fixture("sns-notification-in-sqs-body.json");
        envelope.put("Message", message);
        return envelope.toString();
    }

    /** An SNS event as SNS hands it to Lambda, carrying {@code message}. */
    public static String sns(String message) {
        ObjectNode event = (ObjectNode) fixture("lambda-sns-event.json");
        ((ObjectNode) event.get("Records").get(0).get("Sns")).put("Message", message);
        return event.toString();
    }

    /** An SQS batch, one message per body, with message ids {@code msg-1}, {@code msg-2}, ... */
    public static String sqs(String... bodies) {
        ObjectNode event = (ObjectNode) fixture("lambda-sqs-event-standard.json");
        ArrayNode records = (ArrayNode) event.get("Records");
        JsonNode template = records.get(0);
        records.removeAll();
        for (int i = 0; i < bodies.length; i++) {
            ObjectNode r = template.deepCopy();
            r.put("messageId", "msg-" + (i + 1));
            r.put("body", bodies[i]);
            records.add(r);
        }
        return event.toString();
    }

    /** {@link #sqs} from a FIFO queue (its {@code eventSourceARN} ends in {@code .fifo}). */
    public static String sqsFifo(String... bodies) {
        ObjectNode event;
        try {
            event = (ObjectNode) JSON.readTree(sqs(bodies));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (JsonNode r : event.get("Records")) {
            ((ObjectNode) r).put("eventSourceARN", "arn:aws:sqs:us-east-2:123456789012:trail-objects.fifo");
        }
        return event.toString();
    }

    /** An S3 Batch Operations (schema 2.0) invocation, tasks {@code task-1}, {@code task-2}, ... */
    public static String batchOperations(String bucket, String... keys) {
        ObjectNode event = (ObjectNode) fixture("s3-batch-operations-schema-2.0.json");
        ArrayNode tasks = (ArrayNode) event.get("tasks");
        JsonNode template = tasks.get(0);
        tasks.removeAll();
        for (int i = 0; i < keys.length; i++) {
            ObjectNode t = template.deepCopy();
            t.put("taskId", "task-" + (i + 1));
            t.put("s3Bucket", bucket);
            t.put("s3Key", formEncoded(keys[i]));
            tasks.add(t);
        }
        return event.toString();
    }

    /** The bare {@code s3:TestEvent}, as published. */
    public static String s3TestEvent() {
        return fixture("s3-TestEvent.json").toString();
    }

    private static JsonNode fixture(String name) {
        try (InputStream in = TriggerEvents.class.getResourceAsStream("events/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture events/" + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
