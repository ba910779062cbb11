package io.github.trailkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan --pack cis-aws-foundations --rules sigma.yml DIR} end to end, over gzipped log files. */
class ScanPackAndSigmaTest {
    private static final String SIGMA = String.join(
            "\n",
            "title: AWS CloudTrail Important Change",
            "id: 4db60cc0-36fb-42b7-9b58-a5b53019fb74",
            "status: test",
            "author: vitaliy0x1",
            "logsource:",
            "    product: aws",
            "    service: cloudtrail",
            "detection:",
            "    selection_source:",
            "        eventSource: cloudtrail.amazonaws.com",
            "        eventName:",
            "            - StopLogging",
            "            - UpdateTrail",
            "            - DeleteTrail",
            "    condition: selection_source",
            "level: medium",
            "");

    @TempDir
    Path dir;

    Path logs;
    Path sigma;

    private static CloudTrailRecord record(String id, String source, String name, String identity, String extra) {
        return CloudTrail.reader()
                .readRecord("{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"" + identity
                        + "\",\"arn\":\"arn:aws:iam::111122223333:user/alice\",\"accountId\":\"111122223333\"},"
                        + "\"eventTime\":\"2024-06-03T08:09:10Z\",\"eventSource\":\"" + source + "\",\"eventName\":\""
                        + name
                        + "\",\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":\"198.51.100.23\",\"userAgent\":\"aws-cli/2.15.30\","
                        + "\"requestID\":\"r-" + id + "\",\"eventID\":\"" + id
                        + "\",\"readOnly\":false,\"eventType\":\"AwsApiCall\","
                        + "\"managementEvent\":true,\"recipientAccountId\":\"111122223333\",\"eventCategory\":\"Management\""
                        + extra + "}");
    }

    private void write(Path file, List<CloudTrailRecord> records) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            CloudTrail.writer().gzip(true).writeLog(records, out);
        }
    }

    @BeforeEach
    void files() throws IOException {
        logs = dir.resolve("logs");
        String day = "AWSLogs/111122223333/CloudTrail/eu-west-1/2024/06/03/";
        write(
                logs.resolve(day + "111122223333_CloudTrail_eu-west-1_20240603T0810Z_a.json.gz"),
                List.of(
                        record("e-1", "cloudtrail.amazonaws.com", "StopLogging", "IAMUser", ""),
                        record("e-2", "s3.amazonaws.com", "GetObject", "IAMUser", "")));
        write(
                logs.resolve(day + "111122223333_CloudTrail_eu-west-1_20240603T0815Z_b.json.gz"),
                List.of(
                        record("e-3", "ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", "Root", ""),
                        record("e-4", "iam.amazonaws.com", "GetRole", "IAMUser", ",\"errorCode\":\"AccessDenied\"")));
        sigma = Files.writeString(dir.resolve("aws_cloudtrail_disable_logging.yml"), SIGMA);
    }

    @Test
    void packAndSigmaRuleTogether() {
        Cli.Result r = Cli.run("scan", "--pack", "cis-aws-foundations", "--rules", sigma, logs);

        assertThat(r.exit()).as(r.err()).isZero();
        List<String> found = r.json().stream()
                .map(f -> f.get("eventID").asText() + " " + f.get("ruleId").asText())
                .sorted()
                .collect(Collectors.toList());
        assertThat(found)
                .containsExactly(
                        "e-1 4db60cc0-36fb-42b7-9b58-a5b53019fb74",
                        "e-1 cis-4.5-cloudtrail-changes",
                        "e-3 cis-4.10-security-group-changes",
                        "e-3 cis-4.3-root-usage",
                        "e-4 cis-4.1-unauthorized-api-calls");
        JsonNode sigmaFinding = r.json().stream()
                .filter(f -> f.get("ruleId").asText().startsWith("4db60cc0"))
                .findFirst()
                .orElseThrow();
        assertThat(sigmaFinding.get("severity").asText()).isEqualTo("MEDIUM");
        assertThat(sigmaFinding.get("source").asText()).endsWith("_a.json.gz");
        assertThat(r.err()).contains("scanned 2 files, 4 records: 5 findings");
    }

    @Test
    void packAloneIsEnough() {
        Cli.Result r = Cli.run("scan", "--pack", "cis-aws-foundations", logs);
        assertThat(r.exit()).isZero();
        assertThat(r.json()).hasSize(4);
    }

    @Test
    void anUnknownPackIsAUsageError() {
        Cli.Result r = Cli.run("scan", "--pack", "cis", logs);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .contains("no rule pack named \"cis\"; the packs are aws-attack-techniques, cis-aws-foundations");
    }

    @Test
    void rulesOrPackIsRequired() {
        Cli.Result r = Cli.run("scan", logs);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("give at least one --rules FILE or --pack NAME");
    }

    @Test
    void anUnsupportedSigmaRuleIsRefusedWithFileAndLine() throws IOException {
        Path counted = Files.writeString(
                dir.resolve("count.yml"),
                SIGMA.replace("condition: selection_source", "condition: selection_source | count() > 5"));
        Cli.Result r = Cli.run("scan", "--rules", counted, logs);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(counted + ":15:1: aggregation in the condition");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void rulesMayBeADirectory_ofSigmaRulesAndRuleDocuments() throws IOException {
        Path rules = dir.resolve("rules");
        Files.createDirectories(rules.resolve("nested"));
        Files.writeString(rules.resolve("aws_cloudtrail_disable_logging.yml"), SIGMA);
        Files.writeString(
                rules.resolve("nested").resolve("denied.json"),
                "{\"rules\":[{\"id\":\"denied\"," + "\"pattern\":{\"errorCode\":[\"AccessDenied\"]}}]}");
        Files.writeString(
                rules.resolve("nested").resolve("root.YAML"),
                "rules:\n  - id: root\n    pattern:\n      userIdentity:\n        type: [Root]\n");
        Files.writeString(rules.resolve("README.md"), "not a rule");
        Files.createDirectories(rules.resolve(".git"));
        Files.writeString(rules.resolve(".git").resolve("config.json"), "not a rule either");

        Cli.Result r = Cli.run("scan", "--rules", rules, logs);

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json().stream()
                        .map(f -> f.get("eventID").asText() + " "
                                + f.get("ruleId").asText())
                        .sorted())
                .containsExactly("e-1 4db60cc0-36fb-42b7-9b58-a5b53019fb74", "e-3 root", "e-4 denied");
        Cli.Result check = Cli.run("rules", "check", rules);
        assertThat(check.exit()).as(check.err()).isZero();
        assertThat(check.out().lines()).hasSize(3);
    }

    @Test
    void aRulesDirectoryWithoutRulesIsAnError() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Cli.Result r = Cli.run("scan", "--rules", empty, logs);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("no .yml, .yaml or .json rule file in the directory " + empty);
    }

    @Test
    void theAttackTechniquePack_firesEachRuleOnTheStratusDetonations() {
        Cli.Result r = Cli.run("scan", "--pack", "aws-attack-techniques", Cli.STRATUS);
        // the folder's _index.json is not a log file: reported, and the 35 logs are scanned all the same
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("_index.json: at byte 0: expected a JSON object with a Records array");
        List<String> pairs = r.json().stream()
                .map(f -> f.get("source").asText().replaceAll(".*[/\\\\]aws\\.|\\.json\\.gz$", "") + " "
                        + f.get("ruleId").asText())
                .distinct()
                .sorted()
                .collect(Collectors.toList());
        // 35 techniques, each firing its own rule, and the two overlaps README's pack table explains
        assertThat(pairs)
                .hasSize(37)
                .contains(
                        "defense-evasion.cloudtrail-stop aws-cloudtrail-logging-stopped",
                        "persistence.iam-backdoor-user aws-iam-access-key-created-for-another-user",
                        "credential-access.ec2-steal-instance-credentials aws-ssm-send-command");
        assertThat(r.json()).allSatisfy(f -> {
            assertThat(f.get("attackTactics")).isNotEmpty();
            assertThat(f.get("attackTechniques")).isNotEmpty();
        });
    }
}
