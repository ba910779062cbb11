package io.github.trailkit.lambda.handler;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.trailkit.lambda.testing.LoopbackS3;
import io.github.trailkit.lambda.testing.RecordingAwsEndpoint;
import io.github.trailkit.lambda.testing.TriggerEvents;
import io.github.trailkit.test.CloudTrailRecords;
import io.github.trailkit.test.LambdaEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * README "Test your handler end to end" is true: its test, between the {@code README:end-to-end} markers, runs here
 * against {@link CreateTopicAlarm} (the README's handler) with the fixtures of {@code cloudtrail-lambda-test}.
 */
class ReadmeEndToEndTest {
    static final String KEY = "AWSLogs/123456789012/CloudTrail/us-east-2/2015/01/24/"
            + "123456789012_CloudTrail_us-east-2_20150124T2330Z_tKGwUkXxLSJzB0bm.json.gz";
    static final String TOPIC = "arn:aws:sns:us-east-2:123456789012:alarms";
    static byte[] sampleLogFile;
    static PrintStream stdout;

    @BeforeAll
    static void quiet() throws IOException {
        try (InputStream in = ReadmeEndToEndTest.class.getResourceAsStream(
                "/logs/lambda-with-cloudtrail-CreateTopic-GetTopicAttributes.json.gz")) {
            sampleLogFile = in.readAllBytes();
        }
        stdout = System.out; // the README's handler also logs each finding to stdout
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, UTF_8));
    }

    @AfterAll
    static void restore() {
        System.setOut(stdout);
    }

    static String invoke(CreateTopicAlarm handler, String event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(UTF_8)), out, null);
        return out.toString(UTF_8);
    }

    @Test
    void readmeRecipe() throws IOException {
        // README:end-to-end
        try (LoopbackS3 s3 = LoopbackS3.inMemory();
                RecordingAwsEndpoint aws = RecordingAwsEndpoint.start()) {
            s3.createBucket("trail");
            s3.put("trail", KEY, sampleLogFile); // a real log file, gzipped
            CreateTopicAlarm handler = new CreateTopicAlarm(s3.handlerClient(), aws.snsClient(), TOPIC);

            // through SQS: a log file, a key that does not exist, a message that is not an event
            String answer = invoke(
                    handler,
                    TriggerEvents.sqs(
                            TriggerEvents.s3Event("trail", KEY),
                            TriggerEvents.s3Event("trail", KEY.replace("tKGw", "gone")),
                            "not an event"));
            assertThat(answer).contains("\"msg-2\"", "\"msg-3\"").doesNotContain("\"msg-1\"");
            assertThat(aws.snsPublished())
                    .singleElement()
                    .satisfies(m -> assertThat(m.attributes()).containsEntry("ruleId", "sns-topic-created"));

            // a single record from an EventBridge rule, no log file
            aws.reset();
            invoke(
                    handler,
                    LambdaEvents.eventBridge(CloudTrailRecords.apiCall("sns.amazonaws.com", "CreateTopic")
                            .build()));
            assertThat(aws.snsPublished()).hasSize(1);
        }
        // README:end-to-end
    }
}
