package io.github.trailkit.lambda.handler;

import static io.github.trailkit.lambda.testing.TriggerEvents.batchOperations;
import static io.github.trailkit.lambda.testing.TriggerEvents.eventBridge;
import static io.github.trailkit.lambda.testing.TriggerEvents.s3Event;
import static io.github.trailkit.lambda.testing.TriggerEvents.sns;
import static io.github.trailkit.lambda.testing.TriggerEvents.snsEnvelope;
import static io.github.trailkit.lambda.testing.TriggerEvents.sqs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.trailkit.lambda.FindingSink;
import io.github.trailkit.lambda.TrailkitHandler;
import io.github.trailkit.lambda.testing.LoopbackS3;
import io.github.trailkit.lambda.testing.RecordingAwsEndpoint;
import io.github.trailkit.lambda.testing.RecordingAwsEndpoint.SnsMessage;
import io.github.trailkit.lambda.testing.TriggerEvents;
import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.rules.RuleSet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The handler end to end: real gzip CloudTrail log files under real CloudTrail keys in an S3-compatible server on a
 * loopback port, the handler's real S3 client, and real SNS and EventBridge clients publishing to a loopback endpoint
 * that records what they sent.
 */
class TrailkitHandlerTest {
    static final String BUCKET = "trail-bucket";
    static final String TOPIC = "arn:aws:sns:us-east-2:123456789012:trailkit-findings";
    static final String BUS = "trailkit-findings";
    static final String DAY = "AWSLogs/123456789012/CloudTrail/us-east-2/2015/01/24/";
    /** The AWS documentation's log file: one CreateTopic (a finding) and one GetTopicAttributes. */
    static final String LOG = DAY + "123456789012_CloudTrail_us-east-2_20150124T2330Z_tKGwUkXxLSJzB0bm.json.gz";
    /** A key with a space and a plus, as S3 event notifications encode them ({@code +} and {@code %2B}). */
    static final String ODD_KEY =
            "my logs+archive/" + DAY + "123456789012_CloudTrail_us-east-2_20150124T2335Z_aB3dE5gH7jK9mN1p.json.gz";

    static final String NOT_GZIP = DAY + "123456789012_CloudTrail_us-east-2_20150124T2340Z_notAGzipFile0001.json.gz";
    static final String TRUNCATED = DAY + "123456789012_CloudTrail_us-east-2_20150124T2345Z_truncatedGzip0001.json.gz";
    static final String MISSING = DAY + "123456789012_CloudTrail_us-east-2_20150124T2350Z_neverWrittenX0001.json.gz";
    static final String DIGEST = "AWSLogs/123456789012/CloudTrail-Digest/us-east-2/2015/01/24/"
            + "123456789012_CloudTrail-Digest_us-east-2_management_us-east-2_20150124T233000Z.json.gz";
    static final String CONFIG_CHECK = "AWSLogs/123456789012/CloudTrail/ConfigWritabilityCheckFile";

    static final ObjectMapper JSON = new ObjectMapper();
    static LoopbackS3 s3;
    static RecordingAwsEndpoint aws;
    static byte[] sample;

    final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    final PrintStream logOut = new PrintStream(logBytes, true, StandardCharsets.UTF_8);

    @BeforeAll
    static void start() throws IOException {
        s3 = LoopbackS3.inMemory();
        aws = RecordingAwsEndpoint.start();
        s3.createBucket(BUCKET);
        sample = resource("/logs/lambda-with-cloudtrail-CreateTopic-GetTopicAttributes.json.gz");
        s3.put(BUCKET, LOG, sample);
        s3.put(BUCKET, ODD_KEY, logOf(createTopic("11111111-2222-3333-4444-555555555555")));
        s3.put(BUCKET, NOT_GZIP, "this is not a CloudTrail log".getBytes(StandardCharsets.UTF_8));
        byte[] big = logOf(manyRecordsAfterACreateTopic());
        s3.put(BUCKET, TRUNCATED, Arrays.copyOf(big, big.length * 2 / 3));
        s3.put(BUCKET, DIGEST, "{}".getBytes(StandardCharsets.UTF_8));
        s3.put(BUCKET, CONFIG_CHECK, new byte[0]);
    }

    @AfterAll
    static void stop() {
        if (aws != null) {
            aws.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @BeforeEach
    void resetEndpoint() {
        aws.reset();
    }

    /** The handler as deployed unchanged: configured by environment variables, clients pointed at loopback. */
    TrailkitHandler handler(Map<String, String> moreEnv) {
        Map<String, String> env = new HashMap<>(Map.of(
                "TRAILKIT_RULES", "classpath:/rules/sns-topic-created.yaml",
                "TRAILKIT_SNS_TOPIC_ARN", TOPIC,
                "TRAILKIT_EVENT_BUS", BUS));
        env.putAll(moreEnv);
        return TrailkitHandler.builder()
                .environment(env)
                .s3(s3.handlerClient())
                .sns(aws.snsClient())
                .eventBridge(aws.eventBridgeClient())
                .logTo(logOut)
                .build();
    }

    TrailkitHandler handler() {
        return handler(Map.of());
    }

    static JsonNode invoke(TrailkitHandler handler, String event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
            return JSON.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<JsonNode> logLines() {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : logBytes.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new AssertionError("log line is not JSON: " + line, e);
                }
            }
        }
        return lines;
    }

    List<JsonNode> logLines(String message) {
        return logLines().stream()
                .filter(l -> l.path("message").asText().equals(message))
                .toList();
    }

    @Test
    void anS3NotificationGivesOneFindingOnEverySink() {
        JsonNode summary = invoke(handler(), s3Event(BUCKET, LOG));

        assertThat(summary.path("read").asLong()).isEqualTo(1);
        assertThat(summary.path("records").asLong()).isEqualTo(2);
        assertThat(summary.path("findings").asLong()).isEqualTo(1);

        List<SnsMessage> published = aws.snsPublished();
        assertThat(published).hasSize(1);
        SnsMessage message = published.get(0);
        assertThat(message.topicArn()).isEqualTo(TOPIC);
        assertThat(message.attributes())
                .containsEntry("ruleId", "sns-topic-created")
                .containsEntry("severity", "HIGH");
        assertThat(message.message())
                .contains(
                        "CreateTopic",
                        "sns.amazonaws.com",
                        "arn:aws:iam::123456789012:root",
                        "s3://" + BUCKET + "/" + LOG);

        assertThat(aws.eventsPut()).singleElement().satisfies(e -> {
            assertThat(e.eventBusName()).isEqualTo(BUS);
            assertThat(e.detailType()).isEqualTo("trailkit Finding");
            assertThat(e.detailJson().path("ruleId").asText()).isEqualTo("sns-topic-created");
            assertThat(e.detailJson().path("eventName").asText()).isEqualTo("CreateTopic");
            assertThat(e.detailJson().path("recordIndex").asLong()).isZero();
        });

        assertThat(logLines("finding"))
                .singleElement()
                .satisfies(l ->
                        assertThat(l.path("finding").path("ruleId").asText()).isEqualTo("sns-topic-created"));
    }

    @Test
    void aKeyWithASpaceAndAPlusIsDecodedBeforeTheObjectIsRead() {
        assertThat(TriggerEvents.formEncoded(ODD_KEY)).startsWith("my+logs%2Barchive/");

        invoke(handler(), s3Event(BUCKET, ODD_KEY));

        assertThat(aws.eventsPut())
                .singleElement()
                .satisfies(e ->
                        assertThat(e.detailJson().path("source").asText()).isEqualTo("s3://" + BUCKET + "/" + ODD_KEY));
    }

    static Stream<Arguments> triggerShapes() {
        String s3 = s3Event(BUCKET, LOG);
        return Stream.of(
                Arguments.of("S3 event notification", s3),
                Arguments.of("SNS carrying an S3 notification", sns(s3)),
                Arguments.of("EventBridge Object Created", eventBridge(BUCKET, LOG)),
                Arguments.of("SQS carrying an S3 notification", sqs(s3)),
                Arguments.of("SQS carrying SNS carrying an S3 notification", sqs(snsEnvelope(s3))),
                Arguments.of("SQS carrying an EventBridge event", sqs(eventBridge(BUCKET, LOG))),
                Arguments.of("S3 Batch Operations", batchOperations(BUCKET, LOG)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("triggerShapes")
    void everyTriggerShapeReadsTheObjectAndPublishesTheFinding(String shape, String event) {
        invoke(handler(), event);

        assertThat(aws.snsPublished())
                .as(shape)
                .singleElement()
                .satisfies(m -> assertThat(m.attributes()).containsEntry("ruleId", "sns-topic-created"));
        assertThat(aws.eventsPut()).as(shape).hasSize(1);
    }

    @Test
    void sqsAnswersWithExactlyTheMessagesThatFailed() {
        JsonNode answer =
                invoke(handler(), sqs(s3Event(BUCKET, LOG), s3Event(BUCKET, MISSING), s3Event(BUCKET, ODD_KEY)));

        assertThat(answer.toString()).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"msg-2\"}]}");
        assertThat(aws.snsPublished()).hasSize(2);
        assertThat(logLines("object failed for good")).singleElement().satisfies(l -> {
            assertThat(l.path("bucket").asText()).isEqualTo(BUCKET);
            assertThat(l.path("key").asText()).isEqualTo(MISSING);
            assertThat(l.path("reason").asText()).contains("no longer exists");
        });
    }

    @Test
    void fromAFifoQueueNothingAfterAFailedMessageIsProcessed() {
        JsonNode answer = invoke(
                handler(),
                TriggerEvents.sqsFifo(s3Event(BUCKET, LOG), s3Event(BUCKET, MISSING), s3Event(BUCKET, ODD_KEY)));

        assertThat(answer.toString())
                .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"msg-2\"},{\"itemIdentifier\":\"msg-3\"}]}");
        assertThat(aws.snsPublished()).hasSize(1);
        assertThat(logLines("invocation done"))
                .singleElement()
                .satisfies(
                        l -> assertThat(l.path("fifoMessagesNotTried").asLong()).isEqualTo(1));
    }

    @Test
    void anSqsMessageThatIsNotUnderstoodFailsAloneAndTheBatchGoesOn() {
        JsonNode answer = invoke(handler(), sqs("not an S3 notification", s3Event(BUCKET, LOG)));

        assertThat(answer.toString()).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"msg-1\"}]}");
        assertThat(aws.snsPublished()).hasSize(1);
        assertThat(logLines("SQS message not understood")).hasSize(1);
    }

    @Test
    void sqsWithNothingFailedAnswersAnEmptyList() {
        JsonNode answer = invoke(handler(), sqs(s3Event(BUCKET, LOG), s3Event(BUCKET, ODD_KEY)));

        assertThat(answer.toString()).isEqualTo("{\"batchItemFailures\":[]}");
    }

    @Test
    void theSameEventTwiceInOneInvocationGivesOneFinding() {
        JsonNode summary = invoke(handler(), s3Event(BUCKET, LOG, LOG));

        assertThat(summary.path("findings").asLong()).isEqualTo(2);
        assertThat(summary.path("duplicates").asLong()).isEqualTo(1);
        assertThat(summary.path("delivered").asLong()).isEqualTo(1);
        assertThat(aws.snsPublished()).hasSize(1);
        assertThat(aws.eventsPut()).hasSize(1);
    }

    @Test
    void s3ThrottlingIsRetriedAndTheObjectIsRead() {
        int before = s3.gets().size();
        s3.failNextGets(1, 503, "SlowDown");

        JsonNode summary = invoke(handler(), s3Event(BUCKET, LOG));

        assertThat(s3.gets().subList(before, s3.gets().size()))
                .hasSize(2)
                .allSatisfy(p -> assertThat(p).endsWith(LOG));
        assertThat(summary.path("read").asLong()).isEqualTo(1);
        assertThat(aws.snsPublished()).hasSize(1);
    }

    @Test
    void s3ThatStaysDownFailsTheInvocationSoLambdaRetriesIt() {
        s3.failNextGets(10, 503, "SlowDown");
        try {
            assertThatThrownBy(() -> invoke(handler(), s3Event(BUCKET, LOG)))
                    .hasMessageContaining("s3://" + BUCKET + "/" + LOG)
                    .hasMessageContaining("transient failure")
                    .hasMessageContaining("503");
        } finally {
            s3.clearFaults();
        }
        assertThat(aws.snsPublished()).isEmpty();
        assertThat(logLines("object failed; it will be read again")).hasSize(1);
    }

    @Test
    void aConnectionThatBreaksMidObjectIsTransient() {
        // one cut per attempt the SDK may make, in case a connection drops before its headers were read
        s3.cutNextGetAfter(100).cutNextGetAfter(100).cutNextGetAfter(100);
        try {
            assertThatThrownBy(() -> invoke(handler(), s3Event(BUCKET, LOG)))
                    .hasMessageContaining("the object stream broke after 100 of " + sample.length + " bytes");
        } finally {
            s3.clearFaults();
        }

        // delivered again, it is read whole
        assertThat(invoke(handler(), s3Event(BUCKET, LOG)).path("read").asLong())
                .isEqualTo(1);
    }

    @Test
    void aSinkThatStaysDownFailsTheInvocation() {
        aws.failAlways(500);

        assertThatThrownBy(() -> invoke(handler(), s3Event(BUCKET, LOG)))
                .hasMessageContaining("sink sns:" + TOPIC + " failed");
        assertThat(logLines("findings not delivered; the objects will be read again"))
                .isNotEmpty();
    }

    @Test
    void aSinkThatStaysDownFailsOnlyTheSqsMessagesWithFindings() {
        aws.failAlways(500);

        JsonNode answer = invoke(handler(), sqs(s3Event(BUCKET, DIGEST), s3Event(BUCKET, LOG)));

        assertThat(answer.toString()).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"msg-2\"}]}");
    }

    @Test
    void anObjectThatIsNotGzipFailsForGoodWithoutCostingTheOthers() {
        JsonNode summary = invoke(handler(), s3Event(BUCKET, NOT_GZIP, LOG));

        assertThat(summary.path("failedForGood").asLong()).isEqualTo(1);
        assertThat(summary.path("read").asLong()).isEqualTo(1);
        assertThat(aws.snsPublished()).hasSize(1);
        assertThat(logLines("object failed for good")).singleElement().satisfies(l -> {
            assertThat(l.path("key").asText()).isEqualTo(NOT_GZIP);
            assertThat(l.path("reason").asText()).startsWith("not a CloudTrail log");
        });
    }

    @Test
    void aTruncatedLogStillSendsTheFindingsBeforeTheDamage() {
        JsonNode summary = invoke(handler(), s3Event(BUCKET, TRUNCATED));

        assertThat(summary.path("failedForGood").asLong()).isEqualTo(1);
        assertThat(summary.path("records").asLong()).isGreaterThan(1);
        assertThat(aws.snsPublished())
                .singleElement()
                .satisfies(m -> assertThat(m.message()).contains("99999999-0000-0000-0000-000000000000"));
        assertThat(logLines("object failed for good"))
                .singleElement()
                .satisfies(l -> assertThat(l.path("reason").asText())
                        .startsWith("damaged log: ")
                        .contains("gzip data is truncated"));
    }

    @Test
    void keysThatAreNotLogFilesAreSkippedAndCountedWithoutReadingThem() {
        int before = s3.gets().size();

        JsonNode summary = invoke(handler(), s3Event(BUCKET, DIGEST, CONFIG_CHECK));

        assertThat(summary.path("skipped").asLong()).isEqualTo(2);
        assertThat(summary.path("read").asLong()).isZero();
        assertThat(s3.gets()).hasSize(before);
        assertThat(logLines("object skipped")).hasSize(2);
    }

    @Test
    void theS3TestEventIsLoggedAndIgnored() {
        JsonNode summary = invoke(handler(), TriggerEvents.s3TestEvent());

        assertThat(summary.path("trigger").asText()).isEqualTo("TEST_EVENT");
        assertThat(summary.path("objects").asLong()).isZero();
        assertThat(logLines("event ignored"))
                .singleElement()
                .satisfies(l -> assertThat(l.path("reason").asText()).contains("s3:TestEvent"));
    }

    @Test
    void batchOperationsGetsOneResultCodePerTask() {
        JsonNode answer = invoke(handler(), batchOperations(BUCKET, LOG, MISSING, NOT_GZIP));

        assertThat(answer.path("invocationSchemaVersion").asText()).isEqualTo("2.0");
        assertThat(answer.path("invocationId").asText()).isEqualTo("Zm9vYmFyYmF6cXV4Cg");
        JsonNode results = answer.path("results");
        assertThat(results).hasSize(3);
        assertThat(results.get(0).path("taskId").asText()).isEqualTo("task-1");
        assertThat(results.get(0).path("resultCode").asText()).isEqualTo("Succeeded");
        assertThat(results.get(0).path("resultString").asText()).contains("2 records, 1 findings");
        assertThat(results.get(1).path("resultCode").asText()).isEqualTo("PermanentFailure");
        assertThat(results.get(1).path("resultString").asText()).contains("no longer exists");
        assertThat(results.get(2).path("resultCode").asText()).isEqualTo("PermanentFailure");
    }

    @Test
    void batchOperationsAsksForATaskAgainWhenS3StaysDown() {
        s3.failNextGets(10, 500, "InternalError");
        JsonNode answer;
        try {
            answer = invoke(handler(), batchOperations(BUCKET, LOG));
        } finally {
            s3.clearFaults();
        }
        assertThat(answer.path("results").get(0).path("resultCode").asText()).isEqualTo("TemporaryFailure");
    }

    @Test
    void rulesCanComeFromS3AndFindingsLoggingCanBeTurnedOff() {
        s3.createBucket("rules-bucket-2");
        s3.put("rules-bucket-2", "sns.yaml", resource("/rules/sns-topic-created.yaml"));
        TrailkitHandler handler =
                handler(Map.of("TRAILKIT_RULES", "s3://rules-bucket-2/sns.yaml", "TRAILKIT_LOG_FINDINGS", "false"));

        invoke(handler, s3Event(BUCKET, LOG));

        assertThat(handler.rules().rule("sns-topic-created")).isPresent();
        assertThat(handler.sinks()).extracting(s -> s.name()).noneMatch(n -> n.startsWith("log"));
        assertThat(aws.snsPublished()).hasSize(1);
        assertThat(logLines("finding")).isEmpty();
    }

    @Test
    void configurationMistakesAreNamedWhenTheHandlerIsCreated() {
        assertThatThrownBy(() -> TrailkitHandler.builder()
                        .environment(Map.of("TRAILKIT_LOG_FINDINGS", "true"))
                        .s3(s3.handlerClient())
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("no rules: set TRAILKIT_RULES");
        assertThatThrownBy(() -> handler(Map.of("TRAILKIT_LOG_FINDINGS", "yes")))
                .hasMessage("TRAILKIT_LOG_FINDINGS must be true or false, found \"yes\"");
        assertThatThrownBy(() -> handler(Map.of("TRAILKIT_RULES", "classpath:/rules/none.yaml")))
                .hasMessageContaining("rules/none.yaml");
        assertThatThrownBy(() -> handler(Map.of("TRAILKIT_RULES", "s3://rules-bucket-2")))
                .hasMessageContaining("s3://bucket/key");
    }

    @Test
    void aSettingGivenTwiceToTheBuilderIsRefusedByName() {
        RuleSet rules = RuleSet.of(List.of());
        assertThatThrownBy(() -> TrailkitHandler.builder().rules(rules).rules(rules))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("rules already set");
        assertThatThrownBy(() -> TrailkitHandler.builder().environment(Map.of()).environment(Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("environment already set");
        assertThatThrownBy(
                        () -> TrailkitHandler.builder().s3(s3.handlerClient()).s3(s3.handlerClient()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("s3 already set");
        assertThatThrownBy(() -> TrailkitHandler.builder().maxObjectBytes(1).maxObjectBytes(2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("maxObjectBytes already set");
        assertThatThrownBy(() ->
                        TrailkitHandler.builder().deadlineMargin(Duration.ZERO).deadlineMargin(Duration.ZERO))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("deadlineMargin already set");
        // both forms of a setting are one setting
        assertThatThrownBy(() -> TrailkitHandler.builder().metrics(false).metrics("ns"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("metrics already set");
        assertThatThrownBy(() -> TrailkitHandler.builder().verifyDigests(false).verifyDigests(true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("verifyDigests already set");
        // sinks add up; a value refused as invalid does not count as given
        TrailkitHandler.Builder builder =
                TrailkitHandler.builder().sink(FindingSink.of("a", f -> {})).sink(FindingSink.of("b", f -> {}));
        assertThatThrownBy(() -> builder.maxObjectBytes(-1)).isInstanceOf(IllegalArgumentException.class);
        TrailkitHandler built = builder.maxObjectBytes(10)
                .rules(rules)
                .s3(s3.handlerClient())
                .logTo(logOut)
                .build();
        assertThat(built.sinks()).extracting(FindingSink::name).containsExactly("a", "b");
    }

    @Test
    void anEventOfNoKnownShapeFailsTheInvocation() {
        assertThatThrownBy(() -> invoke(handler(), "{\"hello\":\"world\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hello");
        assertThat(logLines("unrecognised event")).hasSize(1);
    }

    static CloudTrailRecord createTopic(String eventId) {
        try (var log = CloudTrail.reader().read(sample, "sample")) {
            CloudTrailRecord first = log.iterator().next();
            return CloudTrailRecord.builder().from(first).eventID(eventId).build();
        }
    }

    static List<CloudTrailRecord> manyRecordsAfterACreateTopic() {
        List<CloudTrailRecord> records = new ArrayList<>();
        records.add(createTopic("99999999-0000-0000-0000-000000000000"));
        try (var log = CloudTrail.reader().read(sample, "sample")) {
            var it = log.iterator();
            it.next();
            CloudTrailRecord get = it.next();
            for (int i = 0; i < 2_000; i++) {
                records.add(
                        CloudTrailRecord.builder().from(get).eventID("get-" + i).build());
            }
        }
        return records;
    }

    static byte[] logOf(CloudTrailRecord... records) {
        return logOf(List.of(records));
    }

    static byte[] logOf(List<CloudTrailRecord> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CloudTrail.writer().gzip(true).writeLog(records, out);
        return out.toByteArray();
    }

    static byte[] resource(String name) {
        try (InputStream in = TrailkitHandlerTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
