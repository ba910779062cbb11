package io.github.trailkit.lambda.lean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.trailkit.lambda.TrailkitHandler;
import io.github.trailkit.lambda.testing.LoopbackS3;
import io.github.trailkit.lambda.testing.TriggerEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A function without the optional EventBridge and CloudTrail clients, as a team that uses neither packages it: runs
 * in its own surefire execution ({@code lean}) whose class path leaves both SDK modules out.
 */
@Tag("lean")
class LeanFunctionTest {
    static final String BUCKET = "trail-bucket";
    static final String LOG = "AWSLogs/123456789012/CloudTrail/us-east-2/2015/01/24/"
            + "123456789012_CloudTrail_us-east-2_20150124T2330Z_tKGwUkXxLSJzB0bm.json.gz";
    static LoopbackS3 s3;

    @BeforeAll
    static void start() throws IOException {
        s3 = LoopbackS3.inMemory();
        s3.createBucket(BUCKET);
        try (InputStream in = LeanFunctionTest.class.getResourceAsStream(
                "/logs/lambda-with-cloudtrail-CreateTopic-GetTopicAttributes.json.gz")) {
            s3.put(BUCKET, LOG, in.readAllBytes());
        }
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void theOptionalClients_areNotOnThisClassPath() {
        assertThatThrownBy(() -> Class.forName("software.amazon.awssdk.services.eventbridge.EventBridgeClient"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("software.amazon.awssdk.services.cloudtrail.CloudTrailClient"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void withoutThem_theHandlerReadsALogAndLogsItsFinding() throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TrailkitHandler handler = TrailkitHandler.builder()
                .environment(Map.of("TRAILKIT_RULES", "classpath:/rules/sns-topic-created.yaml"))
                .s3(s3.handlerClient())
                .logTo(new PrintStream(log, true, StandardCharsets.UTF_8))
                .build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(
                new ByteArrayInputStream(TriggerEvents.s3Event(BUCKET, LOG).getBytes(StandardCharsets.UTF_8)),
                out,
                null);
        assertThat(log.toString(StandardCharsets.UTF_8))
                .contains("sns-topic-created")
                .contains("invocation done");
    }

    @Test
    void theEventBridgeSink_withoutItsClient_stopsTheFunctionAtStart_namingWhatToAdd() {
        assertThatThrownBy(() -> TrailkitHandler.builder()
                        .environment(Map.of(
                                "TRAILKIT_RULES",
                                "classpath:/rules/sns-topic-created.yaml",
                                "TRAILKIT_EVENT_BUS",
                                "findings"))
                        .s3(s3.handlerClient())
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TRAILKIT_EVENT_BUS")
                .hasMessageContaining("software.amazon.awssdk:eventbridge");
    }

    @Test
    void digestVerification_withoutTheCloudTrailClient_stopsTheFunctionAtStart_namingWhatToAdd() {
        assertThatThrownBy(() -> TrailkitHandler.builder()
                        .environment(Map.of(
                                "TRAILKIT_RULES",
                                "classpath:/rules/sns-topic-created.yaml",
                                "TRAILKIT_VERIFY_DIGESTS",
                                "true"))
                        .s3(s3.handlerClient())
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("software.amazon.awssdk:cloudtrail");
    }
}
