package io.github.trailkit.lambda.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.trailkit.lambda.LogSink;
import io.github.trailkit.lambda.internal.LambdaLog;
import io.github.trailkit.lambda.internal.sinks.FindingText;
import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.rules.Finding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A record's fields cannot add lines, reorder text or reach a terminal raw through any sink or log line. */
final class SinkTextEscapingTest {
    private static final String FORGED = "x\\n\\u2028\\u2029\\u202e\\u001b]0;t\\u0007\\u0085Rule: fake";

    private static Finding forged() {
        CloudTrailRecord r = CloudTrail.reader()
                .readRecord("{\"eventVersion\":\"1.09\","
                        + "\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:" + FORGED + "\"},"
                        + "\"eventSource\":\"sns.amazonaws.com\",\"eventName\":\"CreateTopic\",\"awsRegion\":\""
                        + FORGED + "\","
                        + "\"eventID\":\"" + FORGED + "\",\"recipientAccountId\":\"111122223333\"}");
        List<Finding> matched = SinkFixtures.RULES.findings(r);
        assertThat(matched).hasSize(1);
        return matched.get(0).at("s3://b/AWSLogs/k\n\u202e.json.gz", 3);
    }

    @Test
    void theSnsSummaryAndSubjectHoldNoRawLineBreakOrBidiOrControlCharacter() {
        Finding f = forged();
        String summary = FindingText.summary(f, false);
        String subject = FindingText.subject(f);

        for (String text : List.of(summary, subject)) {
            assertThat(text).doesNotContain("\u2028", "\u2029", "\u202e", "\u001b", "\u0007", "\u0085", "\r");
        }
        // only the summary's own line breaks: no line starts with the forged "Rule: fake"
        assertThat(summary.split("\n")).noneMatch(line -> line.startsWith("Rule: fake"));
        assertThat(summary).contains("Event ID: x\\n\\u2028\\u2029\\u202e\\u001b]0;t\\u0007\\u0085Rule: fake");
        assertThat(summary).contains("Source: s3://b/AWSLogs/k\\n\\u202e.json.gz, record 3");
    }

    @Test
    void logSinkAndHandlerLogLinesAreTheSameJsonWithEverythingEscaped() throws Exception {
        Finding f = forged();
        String line = LogSink.line(f);
        String log = LambdaLog.line(
                "WARN", "m", Map.of("reason", f.record().eventID().orElseThrow()));

        for (String text : List.of(line, log)) {
            assertThat(text).doesNotContain("\n", "\u2028", "\u2029", "\u202e", "\u001b", "\u0007", "\u0085");
        }
        JsonNode finding = SinkFixtures.JSON.readTree(line).get("finding");
        assertThat(finding).isEqualTo(SinkFixtures.JSON.readTree(f.toJson(false)));
        assertThat(SinkFixtures.JSON.readTree(log).get("reason").asText())
                .isEqualTo(f.record().eventID().orElseThrow());
    }
}
