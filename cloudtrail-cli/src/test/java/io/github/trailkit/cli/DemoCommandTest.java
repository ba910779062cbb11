package io.github.trailkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code cloudtrail demo}: the S3-triggered handler end to end, S3 and SNS on loopback, in this JVM. */
class DemoCommandTest {
    @Test
    void publishesTheCreateTopicFindingToSnsAndPrintsIt() {
        long start = System.nanoTime();
        Cli.Result r = Cli.run("demo");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out())
                .contains(" 1. Started an in-memory S3-compatible server (S3Proxy) on http://127.0.0.1:")
                .contains("s3://" + DemoCommand.BUCKET + "/" + DemoCommand.KEY)
                .contains("The handler read 2 records and found 1 finding; 1 delivered to its sinks")
                // the finding, as JSON
                .contains("Finding:\n{\n")
                .contains("\"ruleId\" : \"sns-topic-created\"")
                .contains("\"eventName\" : \"CreateTopic\"")
                .contains("\"source\" : \"s3://" + DemoCommand.BUCKET + "/" + DemoCommand.KEY + "\"")
                // the SNS message, as the loopback endpoint received it from the real SNS client
                .contains("SNS message published to " + DemoCommand.TOPIC_ARN + ":")
                .contains("  Subject: [HIGH] sns-topic-created: CreateTopic in 123456789012 us-east-2")
                .contains("  Attributes: ruleId=sns-topic-created, severity=HIGH")
                .contains("    SNS topic created")
                .contains("\"topicArn\":\"arn:aws:sns:us-east-2:123456789012:exampletopic\"")
                .containsOnlyOnce("SNS message published")
                .contains("Done in ");
        // about 2-4 s alone on 2 cores; the bound catches a hang (an SDK retry storm, a server that never starts)
        // without failing when other builds share the machine
        assertThat(took).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void theReadmeShowsWhatItPrints() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher block = Pattern.compile("`demo` starts .*?```text\n(.*?)```", Pattern.DOTALL)
                .matcher(readme);
        assertThat(block.find()).as("README's demo output block").isTrue();
        String out = Cli.run("demo").out();

        for (String line : block.group(1).split("\n")) {
            if (!line.strip().equals("...")) {
                // the port is a free one, different on each run
                assertThat(out).contains(line.replaceFirst("127\\.0\\.0\\.1:\\d+", "127.0.0.1:"));
            }
        }
    }

    @Test
    void isListedInTheHelp() {
        Cli.Result r = Cli.run("--help");

        assertThat(r.out()).contains("demo");
    }
}
