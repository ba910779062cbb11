package io.github.trailkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {
    private static final String SEED_RULE = String.join(
            "\n",
            "# tell someone when an SNS topic is created",
            "rules:",
            "  - id: sns-topic-created",
            "    title: SNS topic created",
            "    severity: MEDIUM",
            "    pattern:",
            "      eventSource: [sns.amazonaws.com]",
            "      eventName: [CreateTopic]",
            "");

    @TempDir
    Path dir;

    Path logs;
    Path sample;
    Path rules;

    @BeforeEach
    void files() throws IOException {
        logs = dir.resolve("logs");
        sample = Cli.copy(Cli.SAMPLE, logs.resolve("AWSLogs/123456789012/CloudTrail/us-east-2/2015/01/24"));
        rules = Files.writeString(dir.resolve("sns.yaml"), SEED_RULE);
    }

    @Test
    void printsOneFindingLineForTheSeedRuleWithFileAndRecordIndex() {
        Cli.Result r = Cli.run("scan", "--rules", rules, logs);

        assertThat(r.exit()).isZero();
        JsonNode finding = assertThat(r.json()).singleElement().actual();
        assertThat(finding.get("ruleId").asText()).isEqualTo("sns-topic-created");
        assertThat(finding.get("severity").asText()).isEqualTo("MEDIUM");
        assertThat(finding.get("eventName").asText()).isEqualTo("CreateTopic");
        assertThat(finding.get("eventSource").asText()).isEqualTo("sns.amazonaws.com");
        assertThat(finding.get("eventID").asText()).isEqualTo("17b46459-dada-4278-b8e2-5a4ca9ff1a9c");
        assertThat(finding.get("source").asText()).isEqualTo(sample.toString());
        assertThat(finding.get("recordIndex").asLong()).isZero();
        assertThat(finding.has("record")).isFalse();

        assertThat(r.err())
                .matches("scanned 1 file, 2 records: 1 finding, 0 problems in \\d+\\.\\d{3} s"
                        + " \\(\\d+ records/s\\)\n");
        assertThat(r.err()).doesNotContain("\r");
    }

    @Test
    void theRecordIndexCountsRecordsSkippedBeforeIt() throws IOException {
        String bad = "{\"eventVersion\":\"1.08\",\"readOnly\":\"yes\"}";
        String topic =
                "{\"eventVersion\":\"1.08\",\"eventSource\":\"sns.amazonaws.com\",\"eventName\":\"CreateTopic\"}";
        Path file =
                Files.writeString(dir.resolve("mixed.json"), "{\"Records\":[" + bad + "," + bad + "," + topic + "]}");

        Cli.Result r = Cli.run("scan", "--strict-fields", "--rules", rules, file);

        assertThat(r.exit()).isEqualTo(1);
        JsonNode finding = assertThat(r.json()).singleElement().actual();
        assertThat(finding.get("recordIndex").asLong()).isEqualTo(2);
        assertThat(finding.get("source").asText()).isEqualTo(file.toString());
        assertThat(r.err())
                .contains(file + ": record 0 at byte 12: ")
                .contains(file + ": record 1 at byte ")
                .contains("scanned 1 file, 1 record: 1 finding, 2 problems");
    }

    @Test
    void failOnFindingsExitsWithOneWhenSomethingIsFound() {
        Cli.Result r = Cli.run("scan", "--rules", rules, "--fail-on-findings", logs);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.lines()).hasSize(1);
    }

    @Test
    void failOnFindingsExitsWithZeroWhenNothingIsFound() throws IOException {
        Path quiet = Files.writeString(
                dir.resolve("quiet.yaml"),
                SEED_RULE.replace("sns-topic-created", "sns-topic-deleted").replace("CreateTopic", "DeleteTopic"));

        Cli.Result r = Cli.run("scan", "--rules", quiet, "--fail-on-findings", logs);

        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("scanned 1 file, 2 records: 0 findings, 0 problems");
    }

    @Test
    void rulesOfSeveralDocumentsAreAllEvaluated() throws IOException {
        Path json = Files.writeString(
                dir.resolve("reads.json"),
                "{\"rules\": [{\"id\": \"sns-read\","
                        + " \"severity\": \"LOW\", \"pattern\": {\"eventName\": [{\"prefix\": \"Get\"}]}}]}");

        Cli.Result r = Cli.run("scan", "--rules", rules, "--rules", json, logs);

        assertThat(r.exit()).isZero();
        assertThat(r.json())
                .extracting(n ->
                        n.get("ruleId").asText() + "@" + n.get("recordIndex").asLong())
                .containsExactly("sns-topic-created@0", "sns-read@1");
    }

    @Test
    void anInvalidRulesFileIsReportedWithPositionsAndNothingIsScanned() throws IOException {
        Path invalid = Files.writeString(
                dir.resolve("invalid.yaml"),
                String.join(
                        "\n",
                        "rules:",
                        "  - id: sns-topic-created",
                        "    patern:",
                        "      eventName: [CreateTopic]",
                        ""));

        Cli.Result r = Cli.run("scan", "--rules", rules, "--rules", invalid, logs);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().collect(Collectors.toList()))
                .containsExactly(
                        invalid
                                + ":2:5: rule \"sns-topic-created\" is missing \"pattern\": expected an EventBridge event"
                                + " pattern, such as {\"eventName\": [\"CreateTopic\"]}",
                        invalid + ":3:5: unknown key \"patern\"; expected one of id, title, description, references,"
                                + " severity, tags, dedupKey, pattern");
    }

    @Test
    void aRuleIdUsedInTwoDocumentsIsRefused() throws IOException {
        Path again = Files.writeString(dir.resolve("again.yaml"), SEED_RULE);

        Cli.Result r = Cli.run("scan", "--rules", rules, "--rules", again, logs);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(again + ": rule id \"sns-topic-created\" is also used in " + rules);
    }

    @Test
    void rulesAreRequiredAndMustExist() {
        assertThat(Cli.run("scan", logs).exit()).isEqualTo(2);
        Cli.Result r = Cli.run("scan", "--rules", dir.resolve("missing.yaml"), logs);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("missing.yaml: no such file or directory");
    }
}
