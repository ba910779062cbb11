package io.github.trailkit.test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/**
 * Lambda events that carry CloudTrail records without a log file, built from records, to test a handler on every
 * path a record can take to it: EventBridge events CloudTrail sends (straight, in SQS, SNS or Kinesis), and
 * CloudWatch Logs subscription events (straight or in Kinesis). The shapes follow the AWS documentation and samples
 * (EventBridge's event envelope, Lambda's SQS, SNS and Kinesis events, CloudWatch Logs' {@code DATA_MESSAGE} and
 * {@code CONTROL_MESSAGE}). Every value that AWS generates (event ids, message ids, sequence numbers) is derived from
 * the content, so the same input always gives the same event.
 *
 * <pre>{@code
 * CloudTrailRecord created = CloudTrailRecords.apiCall("sns.amazonaws.com", "CreateTopic").build();
 *
 * String direct = LambdaEvents.eventBridge(created);                       // EventBridge rule -> Lambda
 * String viaSqs = LambdaEvents.sqs(LambdaEvents.eventBridge(created));    // EventBridge rule -> SQS -> Lambda
 * String viaSns = LambdaEvents.sns(LambdaEvents.eventBridge(created));    // EventBridge rule -> SNS -> Lambda
 * String viaKinesis = LambdaEvents.kinesis(LambdaEvents.eventBridge(created).getBytes(UTF_8));
 * String logs = LambdaEvents.cloudWatchLogs(created);                     // subscription filter -> Lambda
 * String logsViaKinesis = LambdaEvents.kinesis(LambdaEvents.cloudWatchLogsData(created));
 *
 * handler.handleRequest(new ByteArrayInputStream(direct.getBytes(UTF_8)), out, context);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class LambdaEvents {
    /** The account of the queue, topic, stream and log group in the events (when a record names none). */
    public static final String ACCOUNT = CloudTrailRecords.DEFAULT_ACCOUNT;
    /** The Region of the queue, topic and stream in the events. */
    public static final String REGION = "us-east-1";
    /** The log group of {@link #cloudWatchLogs(CloudTrailRecord...)}. */
    public static final String LOG_GROUP = "aws-cloudtrail-logs-" + ACCOUNT;
    /** The log stream of {@link #cloudWatchLogs(CloudTrailRecord...)}: CloudTrail's naming, account_CloudTrail_region. */
    public static final String LOG_STREAM = ACCOUNT + "_CloudTrail_" + REGION;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BigInteger FIRST_SEQUENCE =
            new BigInteger("49590338271490256608559692538361571095921575989136588898");
    private static final BigInteger FIRST_LOG_EVENT =
            new BigInteger("31953106606966983378809025079804211143289615424298221568");

    private LambdaEvents() {}

    /* ---------------------------------------------------------------- EventBridge */

    /**
     * The EventBridge event CloudTrail sends for a record, as a rule hands it to its target: envelope {@code version}
     * {@code "0"}, an {@code id} derived from the {@code eventID}, {@code detail-type} from the {@code eventType}
     * ({@link #detailType(String)}), {@code source} {@code aws.<service>} from the {@code eventSource}, {@code account}
     * the {@code recipientAccountId} (else {@code userIdentity.accountId}, else {@link #ACCOUNT}), {@code time} the
     * {@code eventTime}, {@code region} the {@code awsRegion}, {@code resources} empty, and the record as
     * {@code detail}.
     */
    public static String eventBridge(CloudTrailRecord record) {
        return eventBridge(CloudTrail.writer().toJson(Objects.requireNonNull(record, "record")));
    }

    /**
     * The EventBridge event for a record given as its JSON text, which becomes the {@code detail} exactly as given
     * (see {@link #eventBridge(CloudTrailRecord)} for the envelope).
     *
     * @throws IllegalArgumentException if the text is not a JSON object
     */
    public static String eventBridge(String recordJson) {
        JsonNode record = object(recordJson, "record");
        String eventSource = record.path("eventSource").asText("unknown.amazonaws.com");
        String service = eventSource.endsWith(".amazonaws.com")
                ? eventSource.substring(0, eventSource.length() - ".amazonaws.com".length())
                : eventSource;
        String account = record.path("recipientAccountId")
                .asText(record.path("userIdentity").path("accountId").asText(ACCOUNT));
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("version", "0");
        envelope.put("id", uuid("eventbridge", record.path("eventID").asText(recordJson)));
        envelope.put("detail-type", detailType(record.path("eventType").asText("AwsApiCall")));
        envelope.put("source", "aws." + service);
        envelope.put("account", account);
        envelope.put("time", time(record.path("eventTime").asText(null)));
        envelope.put("region", record.path("awsRegion").asText(REGION));
        envelope.putArray("resources");
        String head = envelope.toString();
        return head.substring(0, head.length() - 1) + ",\"detail\":" + recordJson.strip() + "}";
    }

    /**
     * The EventBridge {@code detail-type} CloudTrail uses for an {@code eventType}: {@code AwsApiCall} "AWS API Call via
     * CloudTrail", {@code AwsConsoleSignIn} "AWS Console Sign In via CloudTrail", {@code AwsServiceEvent} "AWS Service
     * Event via CloudTrail", {@code AwsConsoleAction} "AWS Console Action via CloudTrail", {@code AwsCloudTrailInsight}
     * "AWS Insight via CloudTrail", {@code AwsVpceEvent} "AWS Network Activity Event via CloudTrail"; any other type
     * "AWS API Call via CloudTrail".
     */
    public static String detailType(String eventType) {
        return switch (String.valueOf(eventType)) {
            case "AwsConsoleSignIn" -> "AWS Console Sign In via CloudTrail";
            case "AwsServiceEvent" -> "AWS Service Event via CloudTrail";
            case "AwsConsoleAction" -> "AWS Console Action via CloudTrail";
            case "AwsCloudTrailInsight" -> "AWS Insight via CloudTrail";
            case "AwsVpceEvent" -> "AWS Network Activity Event via CloudTrail";
            default -> "AWS API Call via CloudTrail";
        };
    }

    /* ---------------------------------------------------------------- CloudWatch Logs */

    /**
     * The event a CloudWatch Logs subscription filter hands a Lambda, {@code {"awslogs":{"data":"..."}}}, for the
     * records CloudTrail wrote to the log group {@link #LOG_GROUP}, stream {@link #LOG_STREAM}: one
     * {@code DATA_MESSAGE}, one log event per record, gzip-compressed and base64-encoded.
     */
    public static String cloudWatchLogs(CloudTrailRecord... records) {
        return awslogs(cloudWatchLogsData(records));
    }

    /** As {@link #cloudWatchLogs(CloudTrailRecord...)}, for records given as JSON text (each log event's message as given). */
    public static String cloudWatchLogs(List<String> recordJson) {
        return awslogs(cloudWatchLogsData(LOG_GROUP, LOG_STREAM, recordJson));
    }

    /** {@code {"awslogs":{"data":"<base64 of data>"}}}: wraps gzip data (from the methods below, or any bytes). */
    public static String awslogs(byte[] data) {
        ObjectNode event = JSON.createObjectNode();
        event.putObject("awslogs").put("data", Base64.getEncoder().encodeToString(data));
        return event.toString();
    }

    /** The gzip-compressed {@code DATA_MESSAGE} for these records, in {@link #LOG_GROUP} / {@link #LOG_STREAM}. */
    public static byte[] cloudWatchLogsData(CloudTrailRecord... records) {
        return cloudWatchLogsData(
                LOG_GROUP,
                LOG_STREAM,
                java.util.Arrays.stream(records)
                        .map(r -> CloudTrail.writer().toJson(r))
                        .toList());
    }

    /**
     * The gzip-compressed {@code DATA_MESSAGE} a subscription filter sends for these log events: {@code owner}
     * {@link #ACCOUNT}, the log group and stream given, {@code subscriptionFilters} {@code ["trailkit"]}, and one
     * log event per message ({@code id} a 56-digit number, {@code timestamp} the record's {@code eventTime} when it
     * has one).
     */
    public static byte[] cloudWatchLogsData(String logGroup, String logStream, List<String> messages) {
        ObjectNode message = JSON.createObjectNode();
        message.put("messageType", "DATA_MESSAGE");
        message.put("owner", ACCOUNT);
        message.put("logGroup", Objects.requireNonNull(logGroup, "logGroup"));
        message.put("logStream", Objects.requireNonNull(logStream, "logStream"));
        message.putArray("subscriptionFilters").add("trailkit");
        ArrayNode events = message.putArray("logEvents");
        BigInteger id = FIRST_LOG_EVENT.add(BigInteger.valueOf(
                        Integer.toUnsignedLong(String.join("\n", messages).hashCode()))
                .shiftLeft(16));
        for (String text : messages) {
            ObjectNode event = events.addObject();
            event.put("id", id.toString());
            event.put("timestamp", timestamp(text));
            event.put("message", text);
            id = id.add(BigInteger.ONE);
        }
        return gzip(message.toString());
    }

    /**
     * The gzip-compressed {@code CONTROL_MESSAGE} CloudWatch Logs sends to check that a destination is reachable, as
     * recorded in AWS's samples: {@code owner} {@code CloudwatchLogs}, empty group and stream, one log event whose
     * message is plain text.
     */
    public static byte[] cloudWatchLogsControlMessage() {
        return gzip("{\"messageType\":\"CONTROL_MESSAGE\",\"owner\":\"CloudwatchLogs\",\"logGroup\":\"\","
                + "\"logStream\":\"\",\"subscriptionFilters\":[],\"logEvents\":[{\"id\":\"\",\"timestamp\":"
                + "1510254469274,\"message\":\"CWL CONTROL MESSAGE: Checking health of destination Lambda.\"}]}");
    }

    /* ---------------------------------------------------------------- SQS, SNS, Kinesis */

    /**
     * An SQS event (a standard queue, {@code ReportBatchItemFailures}-style ids) with one message per body, in order:
     * bodies can be EventBridge events, SNS envelopes ({@link #snsEnvelope(String)}) or S3 notifications. Each
     * {@code messageId} is derived from its body and position.
     */
    public static String sqs(String... bodies) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        int i = 0;
        for (String body : bodies) {
            ObjectNode r = records.addObject();
            r.put("messageId", sqsMessageId(i++, body));
            r.put("receiptHandle", "AQEB" + Base64.getEncoder().encodeToString(md5(body)));
            r.put("body", body);
            ObjectNode attributes = r.putObject("attributes");
            attributes.put("ApproximateReceiveCount", "1");
            attributes.put("SentTimestamp", "1705320000000");
            attributes.put("SenderId", "AIDAIENQZJOLO23YVJ4VO");
            attributes.put("ApproximateFirstReceiveTimestamp", "1705320000001");
            r.putObject("messageAttributes");
            r.put("md5OfBody", HexFormat.of().formatHex(md5(body)));
            r.put("eventSource", "aws:sqs");
            r.put("eventSourceARN", "arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":trailkit-events");
            r.put("awsRegion", REGION);
        }
        return event.toString();
    }

    /** The {@code messageId} {@link #sqs(String...)} gives the message at {@code index} with this body. */
    public static String sqsMessageId(int index, String body) {
        return uuid("sqs", index + "\n" + body);
    }

    /** An SNS event (SNS invoking Lambda) with one record per message, in order. */
    public static String sns(String... messages) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (String message : messages) {
            ObjectNode r = records.addObject();
            r.put("EventSource", "aws:sns");
            r.put("EventVersion", "1.0");
            r.put(
                    "EventSubscriptionArn",
                    "arn:aws:sns:" + REGION + ":" + ACCOUNT + ":trailkit-events:"
                            + uuid("subscription", "trailkit-events"));
            r.set("Sns", envelope(message));
        }
        return event.toString();
    }

    /** The body of an SQS message an SNS topic delivered (raw message delivery off): the SNS JSON envelope. */
    public static String snsEnvelope(String message) {
        return envelope(message).toString();
    }

    /**
     * A Kinesis Data Streams event with one record per data, in order: {@code data} base64-encoded, sequence numbers
     * rising from {@link #kinesisSequenceNumber(int) kinesisSequenceNumber(0)}. Pass an EventBridge event's UTF-8
     * bytes for a stream an EventBridge rule targets, or {@link #cloudWatchLogsData} for a stream a subscription
     * filter writes to.
     */
    public static String kinesis(byte[]... data) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        int i = 0;
        for (byte[] d : data) {
            String sequence = kinesisSequenceNumber(i++);
            ObjectNode r = records.addObject();
            ObjectNode k = r.putObject("kinesis");
            k.put("kinesisSchemaVersion", "1.0");
            k.put("partitionKey", uuid("partition", sequence));
            k.put("sequenceNumber", sequence);
            k.put("data", Base64.getEncoder().encodeToString(d));
            k.put("approximateArrivalTimestamp", 1705320000.5);
            r.put("eventSource", "aws:kinesis");
            r.put("eventVersion", "1.0");
            r.put("eventID", "shardId-000000000000:" + sequence);
            r.put("eventName", "aws:kinesis:record");
            r.put("invokeIdentityArn", "arn:aws:iam::" + ACCOUNT + ":role/trailkit-function");
            r.put("awsRegion", REGION);
            r.put("eventSourceARN", "arn:aws:kinesis:" + REGION + ":" + ACCOUNT + ":stream/trailkit-events");
        }
        return event.toString();
    }

    /** The sequence number {@link #kinesis(byte[]...)} gives the record at {@code index}. */
    public static String kinesisSequenceNumber(int index) {
        return FIRST_SEQUENCE.add(BigInteger.valueOf(index)).toString();
    }

    /* ---------------------------------------------------------------- helpers */

    private static ObjectNode envelope(String message) {
        ObjectNode sns = JSON.createObjectNode();
        sns.put("Type", "Notification");
        sns.put("MessageId", uuid("sns", message));
        sns.put("TopicArn", "arn:aws:sns:" + REGION + ":" + ACCOUNT + ":trailkit-events");
        sns.putNull("Subject");
        sns.put("Message", Objects.requireNonNull(message, "message"));
        sns.put("Timestamp", "2024-01-15T12:00:00.000Z");
        sns.put("SignatureVersion", "1");
        sns.put("Signature", "EXAMPLE");
        sns.put("SigningCertUrl", "https://sns." + REGION + ".amazonaws.com/SimpleNotificationService-EXAMPLE.pem");
        sns.put("UnsubscribeUrl", "https://sns." + REGION + ".amazonaws.com/?Action=Unsubscribe");
        sns.putObject("MessageAttributes");
        return sns;
    }

    private static JsonNode object(String json, String what) {
        Objects.requireNonNull(json, what);
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(what + " is not a JSON object");
        }
        return node;
    }

    private static String time(String eventTime) {
        if (eventTime == null) {
            return CloudTrailRecords.DEFAULT_TIME.toString();
        }
        try {
            return Instant.parse(eventTime).toString();
        } catch (DateTimeParseException e) {
            return eventTime;
        }
    }

    private static long timestamp(String recordJson) {
        try {
            JsonNode time = JSON.readTree(recordJson).path("eventTime");
            return Instant.parse(time.asText()).toEpochMilli();
        } catch (IOException | DateTimeParseException | NullPointerException e) {
            return CloudTrailRecords.DEFAULT_TIME.toEpochMilli();
        }
    }

    private static String uuid(String kind, String content) {
        return UUID.nameUUIDFromBytes((kind + "\n" + content).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static byte[] md5(String text) {
        try {
            return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JDK", e);
        }
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
