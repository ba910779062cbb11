package io.github.trailkit.lambda.handler;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.trailkit.lambda.FindingSink;
import io.github.trailkit.lambda.LambdaEventTypes;
import io.github.trailkit.lambda.TrailkitHandler;
import io.github.trailkit.lambda.testing.LoopbackS3;
import io.github.trailkit.lambda.testing.RecordingAwsEndpoint;
import io.github.trailkit.lambda.testing.TriggerEvents;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.rules.Finding;
import io.github.trailkit.rules.RuleDocuments;
import io.github.trailkit.rules.RuleSet;
import io.github.trailkit.test.CloudTrailRecords;
import io.github.trailkit.test.LambdaEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link LambdaEventTypes} against the stream handler: each event is built as JSON (from AWS's published samples by
 * {@link TriggerEvents}, or from records by {@link LambdaEvents}), read into {@code aws-lambda-java-events}' class by
 * the Lambda runtime's own serializer ({@code aws-lambda-java-serialization}), and handled both ways, by two handlers
 * on the same S3-compatible server on loopback: the findings, the answer and the SQS batch item failures are the
 * same.
 */
class LambdaEventTypesTest {
    static final String BUCKET = "trail-bucket";
    static final String KEY = "AWSLogs/123456789012/CloudTrail/us-east-1/2024/01/15/"
            + "123456789012_CloudTrail_us-east-1_20240115T1200Z_typedEvents0001.json.gz";
    static final String MISSING = "AWSLogs/123456789012/CloudTrail/us-east-1/2024/01/15/"
            + "123456789012_CloudTrail_us-east-1_20240115T1205Z_notThere00001.json.gz";
    static final ObjectMapper JSON = new ObjectMapper();

    static LoopbackS3 s3;
    static RuleSet rules;
    static byte[] log;

    @BeforeAll
    static void start() throws IOException {
        rules = RuleSet.of(RuleDocuments.readResource("/rules/realtime-rules.yaml"));
        s3 = LoopbackS3.inMemory();
        s3.createBucket(BUCKET);
        try (InputStream in = LambdaEventTypesTest.class.getResourceAsStream(
                "/logs/lambda-with-cloudtrail-CreateTopic-GetTopicAttributes.json.gz")) {
            log = in.readAllBytes();
        }
        s3.put(BUCKET, KEY, log);
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
        }
    }

    /** One handler's run: what it sent and what it answered. */
    record Run(List<String> findings, JsonNode answer) {}

    static final class Side {
        final List<Finding> found = Collections.synchronizedList(new ArrayList<>());
        final TrailkitHandler handler;

        Side() {
            FindingSink sink = found::addAll;
            handler = TrailkitHandler.builder()
                    .rules(rules)
                    .s3(s3.handlerClient())
                    .sink(sink)
                    .logTo(new PrintStream(new ByteArrayOutputStream(), true, UTF_8))
                    .build();
        }

        Run run(Function<TrailkitHandler, JsonNode> invocation) {
            JsonNode answer = invocation.apply(handler);
            return new Run(found.stream().map(f -> f.toJson(true)).sorted().collect(Collectors.toList()), answer);
        }
    }

    static Run stream(String event) {
        return new Side().run(h -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                h.handleRequest(new ByteArrayInputStream(event.getBytes(UTF_8)), out, null);
                return JSON.readTree(out.toByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static <T> T typed(Class<T> type, String json) {
        return LambdaEventSerializers.serializerFor(type, LambdaEventTypesTest.class.getClassLoader())
                .fromJson(json);
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void s3Event_sameAsStream() {
        String json = TriggerEvents.s3Event(BUCKET, KEY);
        Run expected = stream(json);
        Run actual = new Side().run(h -> tree(new LambdaEventTypes(h).s3(typed(S3Event.class, json), null)));

        assertThat(expected.findings()).isNotEmpty();
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void s3Event_keyWithSpaceAndPlus_sameAsStream() {
        String key = "trail logs+2024/AWSLogs/123456789012/CloudTrail/us-east-1/2024/01/15/"
                + "123456789012_CloudTrail_us-east-1_20240115T1210Z_plusSpace0001.json.gz";
        s3.put(BUCKET, key, log);
        String json = TriggerEvents.s3Event(BUCKET, key);
        Run expected = stream(json);
        Run actual = new Side().run(h -> tree(new LambdaEventTypes(h).s3(typed(S3Event.class, json), null)));

        assertThat(expected.findings()).isNotEmpty();
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void sdkS3EventNotification_sameAsStream() {
        String key = "trail logs+2024/AWSLogs/123456789012/CloudTrail/us-east-1/2024/01/15/"
                + "123456789012_CloudTrail_us-east-1_20240115T1215Z_sdkNotify0001.json.gz";
        s3.put(BUCKET, key, log);
        String json = TriggerEvents.s3Event(BUCKET, KEY, key);
        Run expected = stream(json);
        Run actual = new Side()
                .run(h -> tree(new LambdaEventTypes(h)
                        .s3Notification(
                                software.amazon.awssdk.eventnotifications.s3.model.S3EventNotification.fromJson(json),
                                null)));

        assertThat(expected.answer().path("read").asInt()).isEqualTo(2);
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void sqsEvent_sameFindingsAndBatchItemFailures() {
        CloudTrailRecord created = CloudTrailRecords.apiCall("sns.amazonaws.com", "CreateTopic")
                .eventId("typed-1")
                .build();
        String json = TriggerEvents.sqs(
                TriggerEvents.s3Event(BUCKET, KEY), // msg-1: an object with findings
                TriggerEvents.s3Event(BUCKET, MISSING), // msg-2: a missing object
                "not an event", // msg-3: not understood
                TriggerEvents.snsEnvelope(TriggerEvents.s3Event(BUCKET, KEY)),
                LambdaEvents.eventBridge(created)); // msg-5: a record without a log file
        Run expected = stream(json);
        SQSBatchResponse[] response = new SQSBatchResponse[1];
        Run actual = new Side().run(h -> {
            response[0] = new LambdaEventTypes(h).sqs(typed(SQSEvent.class, json), null);
            return JSON.valueToTree(java.util.Map.of(
                    "batchItemFailures",
                    response[0].getBatchItemFailures().stream()
                            .map(f -> java.util.Map.of("itemIdentifier", f.getItemIdentifier()))
                            .collect(Collectors.toList())));
        });

        assertThat(expected.answer().path("batchItemFailures")).hasSize(2);
        assertThat(response[0].getBatchItemFailures())
                .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("msg-2", "msg-3");
        assertThat(expected.findings()).anyMatch(f -> f.contains("typed-1"));
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void sqsEvent_fifo_sameBatchItemFailures() {
        String json = TriggerEvents.sqsFifo(
                TriggerEvents.s3Event(BUCKET, KEY), "not an event", TriggerEvents.s3Event(BUCKET, KEY));
        Run expected = stream(json);
        Run actual =
                new Side().run(h -> JSON.valueToTree(new LambdaEventTypes(h).sqs(typed(SQSEvent.class, json), null)));

        assertThat(expected.answer().path("batchItemFailures").findValuesAsText("itemIdentifier"))
                .containsExactly("msg-2", "msg-3");
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void snsEvent_s3EventAndEventBridgeRecord_sameAsStream() {
        for (String json : List.of(
                TriggerEvents.sns(TriggerEvents.s3Event(BUCKET, KEY)),
                LambdaEvents.sns(LambdaEvents.eventBridge(
                        CloudTrailRecords.consoleSignIn().eventId("typed-2").build())))) {
            Run expected = stream(json);
            Run actual = new Side().run(h -> tree(new LambdaEventTypes(h).sns(typed(SNSEvent.class, json), null)));

            assertThat(expected.findings()).as(json).isNotEmpty();
            assertThat(actual).as(json).isEqualTo(expected);
        }
    }

    @Test
    void eventBridge_objectCreatedAndCloudTrailRecord_sameAsStream() {
        for (String json : List.of(
                TriggerEvents.eventBridge(BUCKET, KEY),
                LambdaEvents.eventBridge(CloudTrailRecords.apiCall("ec2.amazonaws.com", "RunInstances")
                        .eventId("typed-3")
                        .byRoot()
                        .build()))) {
            Run expected = stream(json);
            Run actual = new Side()
                    .run(h -> tree(new LambdaEventTypes(h).eventBridge(typed(ScheduledEvent.class, json), null)));

            assertThat(expected.findings()).as(json).isNotEmpty();
            assertThat(actual).as(json).isEqualTo(expected);
        }
    }

    @Test
    void readmeHandler_publishesAndReturnsTheFailedMessages() {
        try (RecordingAwsEndpoint aws = RecordingAwsEndpoint.start()) {
            TrailObjects function =
                    new TrailObjects(s3.handlerClient(), aws.snsClient(), "arn:aws:sns:us-east-1:123456789012:alarms");
            SQSBatchResponse response = function.handleRequest(
                    typed(
                            SQSEvent.class,
                            TriggerEvents.sqs(
                                    TriggerEvents.s3Event(BUCKET, MISSING), TriggerEvents.s3Event(BUCKET, KEY))),
                    null);

            assertThat(response.getBatchItemFailures())
                    .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                    .containsExactly("msg-1");
            assertThat(aws.snsPublished())
                    .singleElement()
                    .satisfies(m -> assertThat(m.attributes()).containsEntry("ruleId", "sns-topic-created"));
        }
    }
}
