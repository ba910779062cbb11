package io.github.trailkit.lambda.ops;

import static io.github.trailkit.rules.Rules.eventSource;
import static io.github.trailkit.rules.Rules.rule;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.trailkit.lambda.FindingSink;
import io.github.trailkit.lambda.TrailkitHandler;
import io.github.trailkit.lambda.testing.LoopbackS3;
import io.github.trailkit.lambda.testing.TriggerEvents;
import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.rules.Finding;
import io.github.trailkit.rules.RuleSet;
import io.github.trailkit.test.CloudTrailRecords;
import io.github.trailkit.test.LambdaEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context.AfterExecution;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

/**
 * Deadlines: with a fake clock in a real Lambda context, where each S3 GET (or each sink call) lets a fixed time pass,
 * the handler starts no object or record batch once the time left is under the margin and hands it back whole, in
 * the way each trigger retries: SQS and Kinesis item failures, a Batch Operations {@code TemporaryFailure}, a failed
 * invocation for an S3 event. What was started is delivered in full; what was not is never half-delivered.
 */
class DeadlineHandBackTest {
    static final String BUCKET = "trail-bucket";
    static final ObjectMapper JSON = new ObjectMapper();
    static final int OBJECTS = 4;
    static final List<String> KEYS = new ArrayList<>();

    static LoopbackS3 s3;
    static RuleSet rules;

    final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    final List<Finding> found = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void start() throws IOException {
        rules = RuleSet.of(
                rule("sns-call").when(eventSource().is("sns.amazonaws.com")).build());
        s3 = LoopbackS3.inMemory();
        s3.createBucket(BUCKET);
        for (int i = 1; i <= OBJECTS; i++) {
            String key = "AWSLogs/123456789012/CloudTrail/us-east-1/2024/01/15/"
                    + "123456789012_CloudTrail_us-east-1_20240115T12" + i + "0Z_deadline000" + i + ".json.gz";
            KEYS.add(key);
            // three matching records per object: a half-delivered object would show as 1 or 2 findings
            List<CloudTrailRecord> records = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                records.add(CloudTrailRecords.apiCall("sns.amazonaws.com", "CreateTopic")
                        .eventId("obj" + i + "-rec" + r)
                        .build());
            }
            ByteArrayOutputStream gz = new ByteArrayOutputStream();
            CloudTrail.writer().gzip(true).writeLog(records, gz);
            s3.put(BUCKET, keyOf(i), gz.toByteArray());
        }
    }

    private static String keyOf(int i) {
        return KEYS.get(i - 1);
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
        }
    }

    /** An S3 client on the loopback server whose every GET lets {@code perGet} ms pass on the context's clock. */
    static S3Client slowS3(FakeClockContext clock, long perGet) {
        return S3Client.builder()
                .endpointOverride(s3.endpoint())
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void afterExecution(AfterExecution context, ExecutionAttributes attributes) {
                        if (context.request() instanceof GetObjectRequest) {
                            clock.advance(perGet);
                        }
                    }
                }))
                .build();
    }

    TrailkitHandler handler(S3Client client, FindingSink sink, Duration margin) {
        return TrailkitHandler.builder()
                .rules(rules)
                .s3(client)
                .sink(sink)
                .deadlineMargin(margin)
                .logTo(new PrintStream(logBytes, true, UTF_8))
                .build();
    }

    JsonNode invoke(TrailkitHandler handler, String event, FakeClockContext context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event.getBytes(UTF_8)), out, context);
            return JSON.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<JsonNode> logLines(String message) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : logBytes.toString(UTF_8).split("\n")) {
            try {
                JsonNode node = JSON.readTree(line);
                if (message.equals(node.path("message").asText())) {
                    lines.add(node);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lines;
    }

    List<String> sourcesFound() {
        return found.stream()
                .map(f -> f.source().orElse(""))
                .distinct()
                .sorted()
                .toList();
    }

    static String uri(int i) {
        return "s3://" + BUCKET + "/" + keyOf(i);
    }

    // 20 s left, each GET takes 6 s, margin 5 s: objects start at 20, 14 and 8 s left; at 2 s the fourth is refused

    @Test
    void anS3EventFailsTheInvocationForTheObjectsNotStartedAfterDeliveringTheOthersWhole() {
        FakeClockContext clock = new FakeClockContext(20_000);
        TrailkitHandler handler = handler(slowS3(clock, 6_000), found::addAll, Duration.ofSeconds(5));

        assertThatThrownBy(() -> invoke(handler, TriggerEvents.s3Event(BUCKET, KEYS.toArray(String[]::new)), clock))
                .hasMessageContaining("deadline");

        assertThat(sourcesFound()).containsExactly(uri(1), uri(2), uri(3));
        assertThat(found).hasSize(9);
        assertThat(logLines("deadline near: work handed back for retry"))
                .singleElement()
                .satisfies(l -> {
                    assertThat(l.path("level").asText()).isEqualTo("WARN");
                    assertThat(l.path("handedBackObjects").asLong()).isEqualTo(1);
                    assertThat(l.path("handedBackUnits").asLong()).isZero();
                    assertThat(l.path("remainingMillis").asLong()).isEqualTo(2_000);
                    assertThat(l.path("marginMillis").asLong()).isEqualTo(5_000);
                    assertThat(l.path("reason").asText()).contains("2000 ms left", "margin of 5000 ms");
                });
        assertThat(logLines("invocation done"))
                .singleElement()
                .satisfies(l -> assertThat(l.path("handedBack").asLong()).isEqualTo(1));
    }

    @Test
    void anSqsBatchNamesTheMessagesNotStartedAsItemFailures() {
        FakeClockContext clock = new FakeClockContext(20_000);
        TrailkitHandler handler = handler(slowS3(clock, 6_000), found::addAll, Duration.ofSeconds(5));
        String[] bodies =
                KEYS.stream().map(k -> TriggerEvents.s3Event(BUCKET, k)).toArray(String[]::new);

        JsonNode answer = invoke(handler, TriggerEvents.sqs(bodies), clock);

        assertThat(answer.path("batchItemFailures").findValuesAsText("itemIdentifier"))
                .containsExactly("msg-4");
        assertThat(sourcesFound()).containsExactly(uri(1), uri(2), uri(3));
        assertThat(found).hasSize(9);
        assertThat(logLines("deadline near: work handed back for retry"))
                .singleElement()
                .satisfies(l -> {
                    assertThat(l.path("trigger").asText()).isEqualTo("SQS");
                    assertThat(l.path("handedBackObjects").asLong()).isEqualTo(1);
                    assertThat(l.path("handedBackUnits").asLong()).isEqualTo(1);
                });
    }

    @Test
    void aBatchOperationsJobGetsTemporaryFailureForTheTasksNotStarted() {
        FakeClockContext clock = new FakeClockContext(20_000);
        TrailkitHandler handler = handler(slowS3(clock, 6_000), found::addAll, Duration.ofSeconds(5));

        JsonNode answer = invoke(handler, TriggerEvents.batchOperations(BUCKET, KEYS.toArray(String[]::new)), clock);

        assertThat(answer.path("results").findValuesAsText("resultCode"))
                .containsExactly("Succeeded", "Succeeded", "Succeeded", "TemporaryFailure");
        assertThat(answer.path("results").get(3).path("resultString").asText()).startsWith("deadline: 2000 ms left");
        assertThat(found).hasSize(9);
    }

    @Test
    void aKinesisBatchBehindASlowSinkHandsBackTheRecordsNotStarted() {
        FakeClockContext clock = new FakeClockContext(20_000);
        // no S3 here: the sink is what is slow, 6 s a call, one call per stream record
        FindingSink slowSink = findings -> {
            found.addAll(findings);
            clock.advance(6_000);
        };
        TrailkitHandler handler = handler(slowS3(clock, 0), slowSink, Duration.ofSeconds(5));
        byte[][] data = new byte[OBJECTS][];
        for (int i = 0; i < OBJECTS; i++) {
            data[i] = LambdaEvents.eventBridge(CloudTrailRecords.apiCall("sns.amazonaws.com", "CreateTopic")
                            .eventId("kinesis-" + i)
                            .build())
                    .getBytes(UTF_8);
        }

        JsonNode answer = invoke(handler, LambdaEvents.kinesis(data), clock);

        assertThat(answer.path("batchItemFailures").findValuesAsText("itemIdentifier"))
                .containsExactly(LambdaEvents.kinesisSequenceNumber(3));
        assertThat(found).hasSize(3);
        assertThat(logLines("deadline near: work handed back for retry"))
                .singleElement()
                .satisfies(l -> {
                    assertThat(l.path("handedBackRecordBatches").asLong()).isEqualTo(1);
                    assertThat(l.path("handedBackUnits").asLong()).isEqualTo(1);
                });
    }

    @Test
    void aMarginOfZeroTurnsTheCheckOff() {
        FakeClockContext clock = new FakeClockContext(20_000);
        TrailkitHandler handler = handler(slowS3(clock, 6_000), found::addAll, Duration.ZERO);

        invoke(handler, TriggerEvents.s3Event(BUCKET, KEYS.toArray(String[]::new)), clock);

        assertThat(found).hasSize(12);
        assertThat(logLines("deadline near: work handed back for retry")).isEmpty();
    }

    @Test
    void theMarginIsAtMostHalfTheTimeLeftAtTheStartSoAShortTimeoutStillMakesProgress() {
        // a 3 s function with the default 3 s margin: 1.5 s is kept in hand, not all 3 s
        FakeClockContext clock = new FakeClockContext(3_000);
        TrailkitHandler handler = TrailkitHandler.builder()
                .rules(rules)
                .s3(slowS3(clock, 600))
                .sink(found::addAll)
                .logTo(new PrintStream(logBytes, true, UTF_8))
                .build();

        assertThatThrownBy(() -> invoke(handler, TriggerEvents.s3Event(BUCKET, KEYS.toArray(String[]::new)), clock))
                .hasMessageContaining("margin of 1500 ms");

        // started at 3000, 2400 and 1800 ms left; the fourth refused at 1200
        assertThat(sourcesFound()).containsExactly(uri(1), uri(2), uri(3));
    }

    @Test
    void theEnvironmentSetsTheMarginAndABadValueIsNamed() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TrailkitHandler.builder()
                        .rules(rules)
                        .s3(s3.handlerClient())
                        .sink(found::addAll)
                        .logTo(new PrintStream(logBytes, true, UTF_8))
                        .environment(Map.of("TRAILKIT_LOG_FINDINGS", "false", "TRAILKIT_DEADLINE_MARGIN_MS", "soon"))
                        .build())
                .withMessageContaining("TRAILKIT_DEADLINE_MARGIN_MS");

        FakeClockContext clock = new FakeClockContext(20_000);
        TrailkitHandler handler = TrailkitHandler.builder()
                .rules(rules)
                .s3(slowS3(clock, 6_000))
                .sink(found::addAll)
                .logTo(new PrintStream(logBytes, true, UTF_8))
                .environment(Map.of("TRAILKIT_LOG_FINDINGS", "false", "TRAILKIT_DEADLINE_MARGIN_MS", "9000"))
                .build();
        assertThatThrownBy(() -> invoke(handler, TriggerEvents.s3Event(BUCKET, KEYS.toArray(String[]::new)), clock))
                .hasMessageContaining("margin of 9000 ms");
        assertThat(sourcesFound()).containsExactly(uri(1), uri(2));
    }
}
