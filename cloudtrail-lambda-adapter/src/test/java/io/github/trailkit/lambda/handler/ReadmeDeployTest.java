package io.github.trailkit.lambda.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trailkit.lambda.testing.LoopbackS3;
import io.github.trailkit.lambda.testing.RecordingAwsEndpoint;
import io.github.trailkit.lambda.testing.TriggerEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README "Deploy as a Lambda" is true: its handler class is {@link CreateTopicAlarm}, compiled here and run against
 * S3 and SNS on loopback; and every Java block of README.md is code compiled in some module's tests, between
 * {@code // README:name} markers.
 */
class ReadmeDeployTest {
    private static final Path ROOT = Path.of("..");
    private static final String LOG = "AWSLogs/123456789012/CloudTrail/us-east-2/2015/01/24/"
            + "123456789012_CloudTrail_us-east-2_20150124T2330Z_tKGwUkXxLSJzB0bm.json.gz";

    @Test
    void theReadmeHandlerPublishesTheCreateTopicFinding() throws IOException {
        byte[] sample;
        try (InputStream in =
                getClass().getResourceAsStream("/logs/lambda-with-cloudtrail-CreateTopic-GetTopicAttributes.json.gz")) {
            sample = in.readAllBytes();
        }
        PrintStream stdout = System.out;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        try (LoopbackS3 s3 = LoopbackS3.inMemory();
                RecordingAwsEndpoint aws = RecordingAwsEndpoint.start()) {
            s3.createBucket("trail");
            s3.put("trail", LOG, sample);
            System.setOut(new PrintStream(logged, true, StandardCharsets.UTF_8));
            CreateTopicAlarm handler = new CreateTopicAlarm(
                    s3.handlerClient(), aws.snsClient(), "arn:aws:sns:us-east-2:123456789012:alarms");

            handler.handleRequest(
                    new ByteArrayInputStream(TriggerEvents.s3Event("trail", LOG).getBytes(StandardCharsets.UTF_8)),
                    new ByteArrayOutputStream(),
                    null);

            assertThat(aws.snsPublished()).singleElement().satisfies(m -> {
                assertThat(m.topicArn()).isEqualTo("arn:aws:sns:us-east-2:123456789012:alarms");
                assertThat(m.attributes()).containsEntry("ruleId", "sns-topic-created");
            });
        } finally {
            System.setOut(stdout);
        }
        assertThat(logged.toString(StandardCharsets.UTF_8)).contains("\"message\":\"finding\"");
    }

    @Test
    void everyJavaBlockOfTheReadmeIsCompiledCode() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        List<String> regions = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT, 12)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("src" + java.io.File.separator + "test"))
                    .filter(p -> !p.toString().contains(java.io.File.separator + "target" + java.io.File.separator))
                    .toList()) {
                regions.addAll(regions(Files.readString(f)));
            }
        }
        Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
        int blocks = 0;
        while (block.find()) {
            blocks++;
            String code = block.group(1).strip();
            assertThat(regions)
                    .as("README Java block %d is marked compiled code somewhere:%n%s", blocks, code)
                    .anySatisfy(region -> assertThat(region).contains(code));
        }
        assertThat(blocks).isGreaterThanOrEqualTo(4);
    }

    /** The regions between pairs of {@code // README:name} lines, with their common indentation removed. */
    static List<String> regions(String source) {
        List<String> out = new ArrayList<>();
        String[] lines = source.split("\n", -1);
        String open = null;
        List<String> body = new ArrayList<>();
        for (String line : lines) {
            String t = line.strip();
            if (t.startsWith("// README:")) {
                if (open == null) {
                    open = t;
                    body.clear();
                } else {
                    out.add(String.join("\n", body).stripIndent().strip());
                    open = null;
                }
            } else if (open != null) {
                body.add(line);
            }
        }
        return out;
    }
}
