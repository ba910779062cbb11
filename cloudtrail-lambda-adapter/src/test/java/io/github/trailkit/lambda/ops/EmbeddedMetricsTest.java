package io.github.trailkit.lambda.ops;

import static io.github.trailkit.rules.Rules.eventSource;
import static io.github.trailkit.rules.Rules.rule;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.trailkit.lambda.TrailkitHandler;
import io.github.trailkit.lambda.testing.LoopbackS3;
import io.github.trailkit.lambda.testing.TriggerEvents;
import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.rules.RuleSet;
import io.github.trailkit.test.CloudTrailRecords;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One CloudWatch Embedded Metric Format line per invocation, parsed back: the {@code _aws} directive names the
 * namespace, one dimension set and every metric with its unit, and the root holds a value for each of them.
 */
class EmbeddedMetricsTest {
    static final String BUCKET = "metrics-bucket";
    static final String KEY = "AWSLogs/123456789012/CloudTrail/us-east-1/2024/01/15/"
            + "123456789012_CloudTrail_us-east-1_20240115T1200Z_metrics00001.json.gz";
    static final String MISSING = "AWSLogs/123456789012/CloudTrail/us-east-1/2024/01/15/"
            + "123456789012_CloudTrail_us-east-1_20240115T1205Z_missing00001.json.gz";
    static final String DIGEST = "AWSLogs/123456789012/CloudTrail-Digest/us-east-1/2024/01/15/"
            + "123456789012_CloudTrail-Digest_us-east-1_trail_us-east-1_20240115T130000Z.json.gz";
    static final ObjectMapper JSON = new ObjectMapper();

    static LoopbackS3 s3;
    static RuleSet rules;
    static long objectBytes;

    final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();

    @BeforeAll
    static void start() throws IOException {
        rules = RuleSet.of(
                rule("sns-call").when(eventSource().is("sns.amazonaws.com")).build());
        s3 = LoopbackS3.inMemory();
        s3.createBucket(BUCKET);
        List<CloudTrailRecord> records = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            records.add(CloudTrailRecords.apiCall("sns.amazonaws.com", "CreateTopic")
                    .eventId("m-" + r)
                    .build());
        }
        records.add(CloudTrailRecords.apiCall("s3.amazonaws.com", "GetObject")
                .eventId("m-other")
                .build());
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        CloudTrail.writer().gzip(true).writeLog(records, gz);
        objectBytes = gz.size();
        s3.put(BUCKET, KEY, gz.toByteArray());
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
        }
    }

    TrailkitHandler.Builder builder() {
        return TrailkitHandler.builder()
                .rules(rules)
                .s3(s3.handlerClient())
                .sink(findings -> {})
                .logTo(new PrintStream(logBytes, true, UTF_8));
    }

    void invoke(TrailkitHandler handler, String event) {
        try {
            handler.handleRequest(
                    new ByteArrayInputStream(event.getBytes(UTF_8)),
                    new ByteArrayOutputStream(),
                    new FakeClockContext(60_000));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<JsonNode> emfLines() {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : logBytes.toString(UTF_8).lines().toList()) {
            try {
                JsonNode node = JSON.readTree(line);
                if (node.has("_aws")) {
                    lines.add(node);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lines;
    }

    @Test
    void oneLineCarriesEveryCountUnderTheDirective() {
        TrailkitHandler handler = builder()
                .metrics("Security/CloudTrail", "FunctionName", "Trigger", "Stage=prod")
                .build();
        // the same object twice (its findings are duplicates the second time), one missing, one digest (skipped)
        String body = TriggerEvents.s3Event(BUCKET, KEY, MISSING, DIGEST);
        invoke(handler, TriggerEvents.sqs(body, TriggerEvents.s3Event(BUCKET, KEY)));

        assertThat(emfLines()).singleElement().satisfies(line -> {
            JsonNode aws = line.path("_aws");
            assertThat(aws.path("Timestamp").isIntegralNumber()).isTrue();
            assertThat(aws.path("Timestamp").asLong()).isGreaterThan(1_700_000_000_000L);
            assertThat(aws.path("CloudWatchMetrics")).hasSize(1);
            JsonNode directive = aws.path("CloudWatchMetrics").get(0);
            assertThat(directive.path("Namespace").asText()).isEqualTo("Security/CloudTrail");
            assertThat(directive.path("Dimensions")).hasSize(1);
            List<String> dimensionSet = new ArrayList<>();
            directive.path("Dimensions").get(0).forEach(d -> dimensionSet.add(d.asText()));
            assertThat(dimensionSet).containsExactly("FunctionName", "Trigger", "Stage");
            // every dimension is a string member of the root, every metric a number member
            assertThat(line.path("FunctionName").asText()).isEqualTo("trailkit");
            assertThat(line.path("Trigger").asText()).isEqualTo("SQS");
            assertThat(line.path("Stage").asText()).isEqualTo("prod");
            List<String> names = new ArrayList<>();
            for (JsonNode m : directive.path("Metrics")) {
                names.add(m.path("Name").asText());
                assertThat(line.path(m.path("Name").asText()).isNumber())
                        .as(m.toString())
                        .isTrue();
                assertThat(m.path("Unit").asText()).isIn("Count", "Bytes", "Milliseconds");
            }
            assertThat(names)
                    .contains(
                            "ObjectsRead",
                            "ObjectsSkipped",
                            "ObjectsFailed",
                            "ObjectsToRetry",
                            "HandedBack",
                            "Records",
                            "Findings",
                            "Duplicates",
                            "Bytes",
                            "Duration");
            assertThat(line.path("ObjectsRead").asLong()).isEqualTo(2);
            assertThat(line.path("ObjectsSkipped").asLong()).isEqualTo(1);
            assertThat(line.path("ObjectsFailed").asLong()).isEqualTo(1);
            assertThat(line.path("ObjectsToRetry").asLong()).isZero();
            assertThat(line.path("HandedBack").asLong()).isZero();
            assertThat(line.path("Records").asLong()).isEqualTo(8);
            assertThat(line.path("Findings").asLong()).isEqualTo(6);
            assertThat(line.path("FindingsDelivered").asLong()).isEqualTo(3);
            assertThat(line.path("Duplicates").asLong()).isEqualTo(3);
            assertThat(line.path("Bytes").asLong()).isEqualTo(2 * objectBytes);
            assertThat(line.path("Duration").asLong()).isNotNegative();
        });
    }

    @Test
    void offByDefaultOutsideLambdaOnInLambdaAndOffBySetting() {
        invoke(builder().build(), TriggerEvents.s3Event(BUCKET, KEY));
        assertThat(emfLines()).isEmpty();

        invoke(
                builder()
                        .environment(
                                Map.of("AWS_LAMBDA_FUNCTION_NAME", "trail-alarm", "TRAILKIT_LOG_FINDINGS", "false"))
                        .build(),
                TriggerEvents.s3Event(BUCKET, KEY));
        assertThat(emfLines()).singleElement().satisfies(line -> {
            JsonNode directive = line.path("_aws").path("CloudWatchMetrics").get(0);
            assertThat(directive.path("Namespace").asText()).isEqualTo("trailkit");
            assertThat(directive.path("Dimensions").get(0).get(0).asText()).isEqualTo("FunctionName");
            assertThat(directive.path("Dimensions").get(0)).hasSize(1);
        });

        logBytes.reset();
        invoke(
                builder()
                        .environment(Map.of(
                                "AWS_LAMBDA_FUNCTION_NAME",
                                "trail-alarm",
                                "TRAILKIT_LOG_FINDINGS",
                                "false",
                                "TRAILKIT_METRICS",
                                "false"))
                        .build(),
                TriggerEvents.s3Event(BUCKET, KEY));
        assertThat(emfLines()).isEmpty();

        invoke(
                builder()
                        .environment(Map.of(
                                "TRAILKIT_LOG_FINDINGS",
                                "false",
                                "TRAILKIT_METRICS",
                                "true",
                                "TRAILKIT_METRICS_NAMESPACE",
                                "Audit",
                                "TRAILKIT_METRICS_DIMENSIONS",
                                "none"))
                        .build(),
                TriggerEvents.s3Event(BUCKET, KEY));
        assertThat(emfLines()).singleElement().satisfies(line -> {
            JsonNode directive = line.path("_aws").path("CloudWatchMetrics").get(0);
            assertThat(directive.path("Namespace").asText()).isEqualTo("Audit");
            assertThat(directive.path("Dimensions").get(0)).isEmpty();
        });
    }

    @Test
    void badSettingsAreNamed() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> builder()
                        .environment(Map.of("TRAILKIT_LOG_FINDINGS", "false", "TRAILKIT_METRICS", "yes"))
                        .build())
                .withMessageContaining("TRAILKIT_METRICS");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> builder().metrics(" ").build())
                .withMessageContaining("namespace");
    }
}
