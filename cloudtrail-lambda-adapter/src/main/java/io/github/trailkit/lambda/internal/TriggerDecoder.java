package io.github.trailkit.lambda.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.trailkit.lambda.internal.Invocation.BatchJob;
import io.github.trailkit.lambda.internal.Invocation.BatchTask;
import io.github.trailkit.lambda.internal.Invocation.Kind;
import io.github.trailkit.lambda.internal.Invocation.SqsMessage;
import io.github.trailkit.model.ReadLimits;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Decodes the event of one Lambda invocation, whatever trigger sent it, into an {@link Invocation}.
 *
 * <p>Recognised shapes (see {@code reference/cloudtrail-formats.md} section 6):
 * <ul>
 *   <li><b>S3 event notification</b> sent straight to Lambda: {@code {"Records":[{"eventSource":"aws:s3",...}]}}.
 *       Only {@code ObjectCreated:*} records become objects; other event names are ignored with a reason.</li>
 *   <li><b>SNS to Lambda</b>: {@code {"Records":[{"EventSource":"aws:sns","Sns":{"Message":"..."}}]}} where the
 *       {@code Message} string holds an S3 event notification, an S3 EventBridge event, an {@code s3:TestEvent}, a
 *       CloudTrail trail notification {@code {"s3Bucket":"...","s3ObjectKey":["..."]}}, or the literal
 *       {@code CloudTrail validation message.} (ignored). When every message is CloudTrail's own, the kind is
 *       {@link Kind#CLOUDTRAIL_SNS}, else {@link Kind#SNS}.</li>
 *   <li><b>EventBridge</b> {@code "source":"aws.s3"} events sent straight to Lambda: {@code "Object Created"}
 *       becomes an object, any other S3 detail-type is ignored with a reason.</li>
 *   <li><b>SQS</b>: {@code {"Records":[{"eventSource":"aws:sqs","messageId":"...","body":"..."}]}}. Each body is
 *       decoded on its own and may be an S3 event notification, an SNS envelope ({@code "Type":"Notification"}) whose
 *       {@code Message} is any of the SNS payloads above, a raw-delivered SNS payload, an EventBridge event, or an
 *       {@code s3:TestEvent} (ignored). A body that cannot be decoded gives that {@link SqsMessage} a
 *       {@link SqsMessage#problem() problem}; it never fails the other messages of the batch.</li>
 *   <li><b>S3 Batch Operations</b> {@code LambdaInvoke}, schema 1.0 (bucket from {@code s3BucketArn}) and 2.0
 *       (bucket from {@code s3Bucket}).</li>
 *   <li>The bare <b>{@code s3:TestEvent}</b> {@code {"Service":"Amazon S3","Event":"s3:TestEvent",...}}.</li>
 * </ul>
 *
 * <p>And the shapes that carry CloudTrail records without a log file (section 10), which become
 * {@link EventRecord}s:
 * <ul>
 *   <li><b>EventBridge events CloudTrail sent</b>, every {@code detail-type} ending in " via CloudTrail" (API calls,
 *       console sign-in, service events, console actions, Insights): straight to Lambda ({@link Kind#CLOUDTRAIL_EVENT}),
 *       as an SQS body (raw, or inside an SNS envelope), as an SNS message, or as a Kinesis record's data. The
 *       record is the {@code detail} member's text, cut from the event as is.</li>
 *   <li><b>CloudWatch Logs subscription events</b> {@code {"awslogs":{"data":"<base64 gzip>"}}} straight to Lambda
 *       ({@link Kind#CLOUDWATCH_LOGS}), and base64 gzip messages as Kinesis record data: one record per
 *       {@code logEvents[].message} of a {@code DATA_MESSAGE}; a {@code CONTROL_MESSAGE} is ignored with a reason.</li>
 *   <li><b>Kinesis Data Streams</b> batches ({@link Kind#KINESIS}): each record's data is told apart by its first
 *       bytes (gzip magic: CloudWatch Logs; else an EventBridge event), never by the stream name. Each record is a
 *       {@link SqsMessage} whose id is its sequence number; a record that cannot be decoded has a problem and
 *       never fails the others.</li>
 * </ul>
 * A malformed event of these shapes (bad base64, data that is not gzip, a {@code detail} that is not an object)
 * fails its unit of work (its SQS message, its Kinesis record, else the invocation) with a reason saying so.
 *
 * <p><b>Keys.</b> S3 event notification keys and Batch Operations {@code s3Key}s are URL-encoded as form data and
 * are decoded with {@link URLDecoder} ({@code +} is a space, {@code %2B} a plus), as AWS documents. Keys from
 * EventBridge events ({@code detail.object.key}) and from CloudTrail's own SNS notification ({@code s3ObjectKey})
 * are taken <em>as is</em>, not URL-decoded: EventBridge and CloudTrail carry the raw key.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class TriggerDecoder {

    /** The literal SNS message CloudTrail publishes to check a trail's topic. */
    public static final String CLOUDTRAIL_VALIDATION_MESSAGE = "CloudTrail validation message.";

    private static final String OBJECT_CREATED_PREFIX = "ObjectCreated:";
    private static final int SNIPPET = 60;
    private static final int MAX_KEYS_NAMED = 20;

    private TriggerDecoder() {}

    /**
     * Decodes one invocation event.
     *
     * @param event the raw event bytes as Lambda handed them to the function (UTF-8 JSON)
     * @return what the invocation asks for
     * @throws IllegalArgumentException if the event is not JSON, is of no known shape (the message names the
     *     top-level keys seen), or is a known shape with a missing or malformed required field. SQS bodies never
     *     cause this: their problems are reported per message.
     */
    public static Invocation decode(byte[] event) {
        return decode(event, ReadLimits.defaults());
    }

    /**
     * Decodes one invocation event, inflating gzip payloads (CloudWatch Logs) within {@code limits}: at most
     * {@link ReadLimits#maxTotalBytes()} bytes and {@link ReadLimits#maxInflateRatio()} times their size.
     *
     * @param event the raw event bytes as Lambda handed them to the function (UTF-8 JSON)
     * @param limits the limits of the handler's reader
     * @return what the invocation asks for
     * @throws IllegalArgumentException as {@link #decode(byte[])}
     */
    public static Invocation decode(byte[] event, ReadLimits limits) {
        if (event == null || event.length == 0) {
            throw new IllegalArgumentException("unrecognised Lambda event: empty input");
        }
        JsonNode root;
        try {
            root = JsonTrees.read(event);
        } catch (IOException e) {
            throw new IllegalArgumentException("unrecognised Lambda event: not JSON (" + firstLine(e) + ")", e);
        }
        if (root == null || root.isMissingNode()) {
            throw new IllegalArgumentException("unrecognised Lambda event: empty input");
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException("unrecognised Lambda event: a JSON "
                    + root.getNodeType().name().toLowerCase(Locale.ROOT) + ", not an object");
        }
        try {
            return decodeObject(root, new String(event, StandardCharsets.UTF_8), limits);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (top-level keys: " + keys(root) + ")", e);
        }
    }

    private static Invocation decodeObject(JsonNode root, String text, ReadLimits limits) {
        if (root.has("invocationSchemaVersion") && root.has("tasks")) {
            return new Invocation(Kind.BATCH_OPERATIONS, List.of(), List.of(), batchJob(root), List.of());
        }
        JsonNode records = root.get("Records");
        if (records != null) {
            if (!records.isArray() || records.isEmpty()) {
                throw new IllegalArgumentException("unrecognised Lambda event: Records is not a non-empty array");
            }
            JsonNode first = records.get(0);
            String source = first.isObject() ? text(first, "eventSource") : null;
            if (source == null && first.isObject()) {
                source = text(first, "EventSource");
            }
            if ("aws:s3".equals(source)) {
                Collector c = new Collector(limits);
                s3Records(records, c);
                return new Invocation(Kind.S3_EVENT, c.objects, List.of(), null, c.ignored);
            }
            if ("aws:sns".equals(source)) {
                return sns(records, limits);
            }
            if ("aws:sqs".equals(source)) {
                return sqs(records, limits);
            }
            if ("aws:kinesis".equals(source)) {
                return kinesis(records, limits);
            }
            throw new IllegalArgumentException("unrecognised Lambda event: Records[0] has event source "
                    + (source == null ? "(none)" : quote(source)));
        }
        if (isEventBridge(root)) {
            Collector c = new Collector(limits);
            eventBridge(root, text, c);
            return new Invocation(
                    c.records.isEmpty() ? Kind.EVENTBRIDGE : Kind.CLOUDTRAIL_EVENT,
                    c.objects,
                    List.of(),
                    null,
                    c.ignored,
                    c.records);
        }
        if (CarriedEvents.isCloudWatchLogsEvent(root)) {
            Collector c = new Collector(limits);
            cloudWatchLogsEvent(root, c);
            return new Invocation(Kind.CLOUDWATCH_LOGS, List.of(), List.of(), null, c.ignored, c.records);
        }
        if (isTestEvent(root)) {
            Collector c = new Collector(limits);
            testEvent(root, c);
            return new Invocation(Kind.TEST_EVENT, List.of(), List.of(), null, c.ignored);
        }
        if (isCloudTrailNotification(root)) {
            Collector c = new Collector(limits);
            cloudTrailNotification(root, c);
            return new Invocation(Kind.CLOUDTRAIL_SNS, c.objects, List.of(), null, c.ignored);
        }
        throw new IllegalArgumentException("unrecognised Lambda event: not an S3, SNS, SQS, Kinesis, EventBridge, "
                + "CloudWatch Logs or S3 Batch Operations event");
    }

    // ---------------------------------------------------------------- SNS and SQS envelopes

    private static Invocation sns(JsonNode records, ReadLimits limits) {
        Collector c = new Collector(limits);
        int i = 0;
        for (JsonNode record : records) {
            String where = "Records[" + i++ + "]";
            if (!record.isObject() || !"aws:sns".equals(text(record, "EventSource"))) {
                throw new IllegalArgumentException("SNS event: " + where + " is not an SNS record");
            }
            JsonNode sns = record.get("Sns");
            if (sns == null || !sns.isObject()) {
                throw new IllegalArgumentException("SNS event: " + where + " has no Sns object");
            }
            JsonNode message = sns.get("Message");
            if (message == null || !message.isTextual()) {
                throw new IllegalArgumentException("SNS event: " + where + ".Sns.Message is not a string");
            }
            String id = text(sns, "MessageId");
            try {
                payload(message.asText(), c);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "SNS event: message " + (id == null ? where : id) + ": " + e.getMessage(), e);
            }
        }
        return new Invocation(
                c.sawNonCloudTrail ? Kind.SNS : Kind.CLOUDTRAIL_SNS, c.objects, List.of(), null, c.ignored, c.records);
    }

    private static Invocation sqs(JsonNode records, ReadLimits limits) {
        List<SqsMessage> messages = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        int i = 0;
        for (JsonNode record : records) {
            String where = "Records[" + i++ + "]";
            if (!record.isObject() || !"aws:sqs".equals(text(record, "eventSource"))) {
                throw new IllegalArgumentException("SQS event: " + where + " is not an SQS record");
            }
            String messageId = text(record, "messageId");
            if (messageId == null || messageId.isEmpty()) {
                throw new IllegalArgumentException("SQS event: " + where + " has no messageId");
            }
            String queueArn = text(record, "eventSourceARN");
            boolean fifo = queueArn != null && queueArn.endsWith(".fifo");
            Collector c = new Collector(limits);
            String problem = null;
            try {
                JsonNode body = record.get("body");
                if (body == null || !body.isTextual()) {
                    throw new IllegalArgumentException("body is missing or not a string");
                }
                sqsBody(body.asText(), c);
            } catch (RuntimeException e) {
                problem = e instanceof IllegalArgumentException ? e.getMessage() : e.toString();
            }
            if (problem != null) {
                messages.add(new SqsMessage(messageId, List.of(), problem, fifo));
            } else {
                messages.add(new SqsMessage(messageId, c.objects, null, fifo, c.records));
                for (String reason : c.ignored) {
                    ignored.add("SQS message " + messageId + ": " + reason);
                }
            }
        }
        return new Invocation(Kind.SQS, List.of(), messages, null, ignored);
    }

    /**
     * A Kinesis batch: each record's {@code data} is base64 of either gzip (a CloudWatch Logs subscription message)
     * or JSON (an EventBridge event a rule put on the stream). A record that cannot be decoded has a problem.
     */
    private static Invocation kinesis(JsonNode records, ReadLimits limits) {
        List<SqsMessage> items = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        int i = 0;
        for (JsonNode record : records) {
            String where = "Records[" + i++ + "]";
            if (!record.isObject() || !"aws:kinesis".equals(text(record, "eventSource"))) {
                throw new IllegalArgumentException("Kinesis event: " + where + " is not a Kinesis record");
            }
            JsonNode kinesis = record.path("kinesis");
            String sequence = text(kinesis, "sequenceNumber");
            if (sequence == null || sequence.isEmpty()) {
                throw new IllegalArgumentException("Kinesis event: " + where + " has no kinesis.sequenceNumber");
            }
            Collector c = new Collector(limits);
            String problem = null;
            try {
                JsonNode data = kinesis.get("data");
                if (data == null || !data.isTextual()) {
                    throw new IllegalArgumentException("kinesis.data is missing or not a string");
                }
                byte[] bytes = CarriedEvents.base64(data.asText(), "kinesis.data");
                if (CarriedEvents.isGzip(bytes)) {
                    byte[] json = CarriedEvents.inflate(bytes, limits, "kinesis.data");
                    JsonNode message = parseObject(CarriedEvents.utf8(json), "the inflated kinesis.data");
                    if (!CarriedEvents.isCloudWatchLogsMessage(message)) {
                        throw new IllegalArgumentException("the inflated kinesis.data is not a CloudWatch Logs message"
                                + " (keys: " + keys(message) + ")");
                    }
                    CarriedEvents.cloudWatchLogsMessage(message, c.records, c.ignored);
                } else {
                    String json = CarriedEvents.utf8(bytes);
                    payloadObject(parseObject(json, "kinesis.data"), json, c);
                }
            } catch (RuntimeException e) {
                problem = e instanceof IllegalArgumentException ? e.getMessage() : e.toString();
            }
            if (problem != null) {
                items.add(new SqsMessage(sequence, List.of(), problem, true));
            } else {
                items.add(new SqsMessage(sequence, c.objects, null, true, c.records));
                for (String reason : c.ignored) {
                    ignored.add("Kinesis record " + sequence + ": " + reason);
                }
            }
        }
        return new Invocation(Kind.KINESIS, List.of(), items, null, ignored);
    }

    /** {@code {"awslogs":{"data":"..."}}}: base64 gzip of a subscription message. */
    private static void cloudWatchLogsEvent(JsonNode node, Collector c) {
        byte[] json = CarriedEvents.awslogsData(node, c.limits);
        JsonNode message = parseObject(CarriedEvents.utf8(json), "the inflated CloudWatch Logs awslogs.data");
        if (!CarriedEvents.isCloudWatchLogsMessage(message)) {
            throw new IllegalArgumentException("the inflated CloudWatch Logs awslogs.data has no messageType and"
                    + " logEvents (keys: " + keys(message) + ")");
        }
        CarriedEvents.cloudWatchLogsMessage(message, c.records, c.ignored);
    }

    /** An SQS body: an SNS envelope, or any payload SNS could carry (raw delivery), or an S3 notification. */
    private static void sqsBody(String body, Collector c) {
        if (isValidationMessage(body)) {
            payload(body, c);
            return;
        }
        JsonNode node = parseObject(body, "body");
        if (node.has("Type") && (node.has("TopicArn") || node.has("Message")) && !isEventBridge(node)) {
            sqsSnsEnvelope(node, c);
            return;
        }
        payloadObject(node, body, c);
    }

    /** An SQS body that is an SNS envelope. */
    private static void sqsSnsEnvelope(JsonNode node, Collector c) {
        String type = text(node, "Type");
        if ("Notification".equals(type)) {
            JsonNode message = node.get("Message");
            if (message == null || !message.isTextual()) {
                throw new IllegalArgumentException("SNS envelope has no Message string");
            }
            try {
                payload(message.asText(), c);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("SNS envelope Message: " + e.getMessage(), e);
            }
            return;
        }
        if ("SubscriptionConfirmation".equals(type) || "UnsubscribeConfirmation".equals(type)) {
            c.ignored.add("SNS " + type + " for " + text(node, "TopicArn"));
            return;
        }
        throw new IllegalArgumentException("SNS envelope of Type " + quote(String.valueOf(type)));
    }

    /** What an SNS message (or a raw SQS body) carries, as text. */
    private static void payload(String text, Collector c) {
        if (isValidationMessage(text)) {
            c.ignored.add("CloudTrail validation message");
            return;
        }
        payloadObject(parseObject(text, "message"), text, c);
    }

    /**
     * An S3 event notification, an EventBridge event (from S3, or from CloudTrail), a CloudTrail notification, an
     * s3:TestEvent, or a CloudWatch Logs subscription event or message; {@code text} is the node's JSON text.
     */
    private static void payloadObject(JsonNode node, String text, Collector c) {
        JsonNode records = node.get("Records");
        if (records != null) {
            if (!records.isArray() || records.isEmpty()) {
                throw new IllegalArgumentException("Records is not a non-empty array");
            }
            s3Records(records, c);
        } else if (isEventBridge(node)) {
            eventBridge(node, text, c);
        } else if (CarriedEvents.isCloudWatchLogsEvent(node)) {
            cloudWatchLogsEvent(node, c);
        } else if (CarriedEvents.isCloudWatchLogsMessage(node)) {
            CarriedEvents.cloudWatchLogsMessage(node, c.records, c.ignored);
        } else if (isTestEvent(node)) {
            testEvent(node, c);
        } else if (isCloudTrailNotification(node)) {
            cloudTrailNotification(node, c);
        } else {
            throw new IllegalArgumentException("JSON of no known shape (keys: " + keys(node) + ")");
        }
    }

    // ---------------------------------------------------------------- payloads

    private static void s3Records(JsonNode records, Collector c) {
        c.sawNonCloudTrail = true;
        int i = 0;
        for (JsonNode record : records) {
            String where = "Records[" + i++ + "]";
            if (!record.isObject() || !"aws:s3".equals(text(record, "eventSource"))) {
                throw new IllegalArgumentException(where + " is not an S3 event record (eventSource "
                        + (record.isObject() ? quote(String.valueOf(text(record, "eventSource"))) : "missing") + ")");
            }
            String eventName = requiredText(record, "eventName", where);
            JsonNode s3 = record.path("s3");
            String bucket = requiredText(s3.path("bucket"), "name", where + ".s3.bucket");
            String rawKey = requiredText(s3.path("object"), "key", where + ".s3.object");
            if (eventName.startsWith(OBJECT_CREATED_PREFIX)) {
                JsonNode object = s3.path("object");
                c.objects.add(new ObjectRef(
                        bucket,
                        decodeKey(rawKey, where + ".s3.object.key"),
                        size(object.get("size")),
                        versionId(object.get("versionId"))));
            } else {
                c.ignored.add("S3 " + eventName + " s3://" + bucket + "/" + decodeKeyForDisplay(rawKey));
            }
        }
    }

    private static boolean isEventBridge(JsonNode node) {
        return node.has("detail-type") && node.has("source") && node.has("detail");
    }

    private static void eventBridge(JsonNode node, String text, Collector c) {
        c.sawNonCloudTrail = true;
        String source = text(node, "source");
        String detailType = text(node, "detail-type");
        if (CarriedEvents.isCloudTrailEvent(node)) {
            c.records.add(CarriedEvents.cloudTrailEvent(node, text));
            return;
        }
        if (!"aws.s3".equals(source)) {
            throw new IllegalArgumentException("EventBridge event from source " + quote(String.valueOf(source))
                    + " (detail-type " + quote(String.valueOf(detailType)) + "), not aws.s3 nor a CloudTrail event"
                    + " (detail-type \"... via CloudTrail\")");
        }
        JsonNode detail = node.get("detail");
        String bucket = requiredText(detail.path("bucket"), "name", "detail.bucket");
        JsonNode object = detail.path("object");
        String key = requiredText(object, "key", "detail.object");
        if ("Object Created".equals(detailType)) {
            c.objects.add(new ObjectRef(bucket, key, size(object.get("size")), versionId(object.get("version-id"))));
        } else {
            c.ignored.add("EventBridge " + detailType + " s3://" + bucket + "/" + key);
        }
    }

    private static boolean isTestEvent(JsonNode node) {
        return "s3:TestEvent".equals(text(node, "Event"));
    }

    private static void testEvent(JsonNode node, Collector c) {
        c.sawNonCloudTrail = true;
        String bucket = text(node, "Bucket");
        c.ignored.add("s3:TestEvent" + (bucket == null ? "" : " for bucket " + bucket));
    }

    private static boolean isCloudTrailNotification(JsonNode node) {
        return node.has("s3Bucket") && node.has("s3ObjectKey");
    }

    private static void cloudTrailNotification(JsonNode node, Collector c) {
        String bucket = requiredText(node, "s3Bucket", "CloudTrail notification");
        JsonNode keys = node.get("s3ObjectKey");
        if (keys.isTextual()) {
            c.objects.add(new ObjectRef(bucket, requiredText(node, "s3ObjectKey", "CloudTrail notification")));
            return;
        }
        if (!keys.isArray()) {
            throw new IllegalArgumentException("CloudTrail notification: s3ObjectKey is not an array");
        }
        if (keys.isEmpty()) {
            c.ignored.add("CloudTrail notification for bucket " + bucket + " with no keys");
        }
        int i = 0;
        for (JsonNode key : keys) {
            if (!key.isTextual() || key.asText().isEmpty()) {
                throw new IllegalArgumentException("CloudTrail notification: s3ObjectKey[" + i + "] is not a key");
            }
            c.objects.add(new ObjectRef(bucket, key.asText()));
            i++;
        }
    }

    private static boolean isValidationMessage(String text) {
        return CLOUDTRAIL_VALIDATION_MESSAGE.equals(text.strip());
    }

    // ---------------------------------------------------------------- Batch Operations

    private static BatchJob batchJob(JsonNode root) {
        String schemaVersion = requiredText(root, "invocationSchemaVersion", "S3 Batch Operations event");
        String invocationId = requiredText(root, "invocationId", "S3 Batch Operations event");
        JsonNode tasks = root.get("tasks");
        if (!tasks.isArray()) {
            throw new IllegalArgumentException("S3 Batch Operations event: tasks is not an array");
        }
        List<BatchTask> result = new ArrayList<>(tasks.size());
        int i = 0;
        for (JsonNode task : tasks) {
            String where = "S3 Batch Operations tasks[" + i++ + "]";
            if (!task.isObject()) {
                throw new IllegalArgumentException(where + " is not an object");
            }
            String taskId = requiredText(task, "taskId", where);
            String bucket = text(task, "s3Bucket");
            if (bucket == null || bucket.isEmpty()) {
                String arn = text(task, "s3BucketArn");
                if (arn == null) {
                    throw new IllegalArgumentException(
                            where + " (taskId " + taskId + ") has neither s3Bucket nor s3BucketArn");
                }
                bucket = bucketFromArn(arn, where);
            }
            String key = decodeKey(requiredText(task, "s3Key", where), where + ".s3Key");
            result.add(new BatchTask(
                    taskId, new ObjectRef(bucket, key, ObjectRef.UNKNOWN_SIZE, versionId(task.get("s3VersionId")))));
        }
        return new BatchJob(schemaVersion, invocationId, result);
    }

    /** {@code arn:aws:s3:::bucket} (any partition; region and account, if present, are skipped). */
    private static String bucketFromArn(String arn, String where) {
        String[] parts = arn.split(":", 6);
        if (parts.length != 6 || !"arn".equals(parts[0]) || !"s3".equals(parts[2]) || parts[5].isEmpty()) {
            throw new IllegalArgumentException(where + ": s3BucketArn " + quote(arn) + " is not an S3 bucket ARN");
        }
        return parts[5];
    }

    // ---------------------------------------------------------------- small helpers

    /** Collects what one payload (or several, for SNS) names. */
    private static final class Collector {
        final ReadLimits limits;
        final List<ObjectRef> objects = new ArrayList<>();
        final List<EventRecord> records = new ArrayList<>();
        final List<String> ignored = new ArrayList<>();

        Collector(ReadLimits limits) {
            this.limits = limits;
        }

        /** Set when anything other than CloudTrail's own SNS messages was seen. */
        boolean sawNonCloudTrail;
    }

    private static JsonNode parseObject(String text, String what) {
        JsonNode node;
        try {
            node = JsonTrees.read(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " is not JSON: " + quote(snippet(text)), e);
        }
        if (node == null || node.isMissingNode()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(what + " is a JSON "
                    + node.getNodeType().name().toLowerCase(Locale.ROOT) + ", not an object: " + quote(snippet(text)));
        }
        return node;
    }

    static String decodeKey(String raw, String where) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    where + " " + quote(snippet(raw)) + " is not URL-encoded as expected (" + e.getMessage() + ")", e);
        }
    }

    private static String decodeKeyForDisplay(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    private static long size(JsonNode node) {
        if (node == null) {
            return ObjectRef.UNKNOWN_SIZE;
        }
        if (node.isIntegralNumber() && node.canConvertToLong() && node.asLong() >= 0) {
            return node.asLong();
        }
        if (node.isTextual()) {
            try {
                long size = Long.parseLong(node.asText());
                return size >= 0 ? size : ObjectRef.UNKNOWN_SIZE;
            } catch (NumberFormatException e) {
                return ObjectRef.UNKNOWN_SIZE;
            }
        }
        return ObjectRef.UNKNOWN_SIZE;
    }

    private static String versionId(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static String requiredText(JsonNode node, String field, String where) {
        String value = text(node, field);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(where + ": " + field + " is missing or not a non-empty string");
        }
        return value;
    }

    private static String keys(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            if (names.size() == MAX_KEYS_NAMED) {
                names.add("...");
                break;
            }
            names.add(it.next());
        }
        return names.toString();
    }

    private static String snippet(String text) {
        String s = text.length() > SNIPPET ? text.substring(0, SNIPPET) + "..." : text;
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            b.append(Character.isISOControl(ch) ? ' ' : ch);
        }
        return b.toString();
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
