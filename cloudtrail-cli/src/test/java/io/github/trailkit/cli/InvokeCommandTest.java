package io.github.trailkit.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.trailkit.lambda.testing.LoopbackS3;
import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailLog;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.test.CloudTrailRecords;
import io.github.trailkit.test.LambdaEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code cloudtrail invoke}: the real handler on saved Lambda events prints exactly the finding lines {@code scan}
 * prints for the same records (only where they were read differs), reads S3 shapes from {@code --endpoint-url}
 * (S3Proxy in-process on loopback), and exits 0, 1 or 2.
 */
class InvokeCommandTest {
    static final String BUCKET = "trail-bucket";
    static final String KEY = "AWSLogs/123456789012/CloudTrail/us-east-2/2015/01/24/"
            + "123456789012_CloudTrail_us-east-2_20150124T2330Z_tKGwUkXxLSJzB0bm.json.gz";
    static final String RULES = String.join(
            "\n",
            "rules:",
            "  - id: sns-topic-created",
            "    title: SNS topic created",
            "    severity: MEDIUM",
            "    pattern: {eventSource: [sns.amazonaws.com], eventName: [CreateTopic]}",
            "  - id: root-activity",
            "    title: The root user did something",
            "    severity: HIGH",
            "    pattern: {userIdentity: {type: [Root]}}",
            "  - id: sign-in-without-mfa",
            "    title: Console sign-in without MFA",
            "    severity: HIGH",
            "    pattern: {eventName: [ConsoleLogin], additionalEventData: {MFAUsed: [\"No\"]}}",
            "");

    static LoopbackS3 s3;
    static List<String> records;

    @TempDir
    Path dir;

    Path rules;
    Path log;

    @BeforeAll
    static void start() throws IOException {
        s3 = LoopbackS3.inMemory();
        s3.createBucket(BUCKET);
        s3.put(BUCKET, KEY, Files.readAllBytes(Cli.SAMPLE));
        records = new ArrayList<>();
        try (CloudTrailLog l = CloudTrail.reader().read(Cli.SAMPLE)) {
            for (CloudTrailRecord r : l) {
                records.add(CloudTrail.writer().toJson(r));
            }
        }
        records.add(CloudTrail.writer()
                .toJson(CloudTrailRecords.consoleSignIn().eventId("signin-1").build()));
        records.add(CloudTrail.writer()
                .toJson(CloudTrailRecords.apiCall("ec2.amazonaws.com", "RunInstances")
                        .byRoot()
                        .eventId("root-1")
                        .build()));
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
        }
    }

    @BeforeEach
    void files() throws IOException {
        rules = Files.writeString(dir.resolve("rules.yaml"), RULES);
        log = dir.resolve("all.json");
        Files.writeString(log, "{\"Records\":[" + String.join(",", records) + "]}");
    }

    Path event(String name, String json) throws IOException {
        return Files.writeString(dir.resolve(name), json);
    }

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("eventbridge", (Shape)
                        rs -> rs.stream().map(LambdaEvents::eventBridge).toList()),
                Arguments.of("sqs", (Shape) rs -> List.of(LambdaEvents.sqs(
                        rs.stream().map(LambdaEvents::eventBridge).toArray(String[]::new)))),
                Arguments.of("sns", (Shape) rs -> List.of(LambdaEvents.sns(
                        rs.stream().map(LambdaEvents::eventBridge).toArray(String[]::new)))),
                Arguments.of("kinesis", (Shape) rs -> List.of(LambdaEvents.kinesis(rs.stream()
                        .map(r -> LambdaEvents.eventBridge(r).getBytes(UTF_8))
                        .toArray(byte[][]::new)))),
                Arguments.of("cloudwatch-logs", (Shape) rs -> List.of(LambdaEvents.cloudWatchLogs(rs))),
                Arguments.of("cloudwatch-logs-kinesis", (Shape) rs -> List.of(LambdaEvents.kinesis(
                        LambdaEvents.cloudWatchLogsControlMessage(),
                        LambdaEvents.cloudWatchLogsData(LambdaEvents.LOG_GROUP, LambdaEvents.LOG_STREAM, rs)))));
    }

    interface Shape {
        List<String> events(List<String> records);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void everyShapePrintsTheLinesScanPrintsForTheSameRecords(String name, Shape shape) throws IOException {
        Cli.Result scan = Cli.run("scan", "--rules", rules, log);
        List<Object> args = new ArrayList<>(List.of("invoke", "--rules", rules));
        int i = 0;
        for (String e : shape.events(records)) {
            args.add(event(name + "-" + i++ + ".json", e));
        }

        Cli.Result invoke = Cli.run(args.toArray());

        assertThat(invoke.exit()).as(invoke.err()).isZero();
        assertThat(scan.json()).hasSize(5);
        assertThat(withoutOrigin(invoke.json())).containsExactlyInAnyOrderElementsOf(withoutOrigin(scan.json()));
        // the same fields in the same order as scan's lines
        assertThat(invoke.json())
                .allSatisfy(l -> assertThat(List.copyOf(toList(l.fieldNames())))
                        .isEqualTo(toList(scan.json().get(0).fieldNames())));
        assertThat(invoke.json())
                .allSatisfy(l -> assertThat(l.path("source").asText())
                        .startsWith(name.startsWith("cloudwatch") ? "cloudwatch-logs:" : "eventbridge:"));
        assertThat(invoke.err()).contains("failed\n").contains(" 0 failed");
    }

    @Test
    void anS3EventReadsTheLogFromTheEndpointPathStyle() throws IOException {
        Path e = event(
                "s3.json",
                "{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\","
                        + "\"awsRegion\":\"us-east-2\",\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\""
                        + BUCKET + "\"},\"object\":{\"key\":\"" + KEY + "\"}}}]}");

        Cli.Result r = Cli.run("invoke", "--rules", rules, "--endpoint-url", s3.endpoint(), e);

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json())
                .extracting(
                        f -> f.path("ruleId").asText(),
                        f -> f.path("recordIndex").asLong())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("sns-topic-created", 0L),
                        org.assertj.core.groups.Tuple.tuple("root-activity", 0L),
                        org.assertj.core.groups.Tuple.tuple("root-activity", 1L));
        assertThat(r.json())
                .allSatisfy(f -> assertThat(f.path("source").asText()).isEqualTo("s3://" + BUCKET + "/" + KEY));
        assertThat(s3.gets()).isNotEmpty();
        assertThat(r.err()).containsPattern(java.util.regex.Pattern.quote(e + ": {") + ".*\"trigger\":\"S3_EVENT\"");
    }

    @Test
    void aFailedItemOrAFailedInvocationExitsWithOneAndTheOthersStillPrint() throws IOException {
        String good = LambdaEvents.eventBridge(records.get(0));
        String bad = good.replaceFirst("\"detail\":\\{.*}$", "\"detail\":[]}");
        Path batch = event("batch.json", LambdaEvents.sqs(good, bad));
        Path broken = event("broken.json", bad);
        Path control = event("control.json", LambdaEvents.awslogs(LambdaEvents.cloudWatchLogsControlMessage()));

        Cli.Result r = Cli.run("invoke", "--rules", rules, batch, broken, control);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.json())
                .extracting(f -> f.path("ruleId").asText())
                .containsExactly("sns-topic-created", "root-activity");
        assertThat(r.err())
                .contains(batch + ": {\"batchItemFailures\":[{\"itemIdentifier\":\"" + LambdaEvents.sqsMessageId(1, bad)
                        + "\"}]}");
        assertThat(r.err())
                .contains(broken + ": invocation failed: ")
                .contains("detail is a JSON array, not an object");
        assertThat(r.err())
                .containsPattern(java.util.regex.Pattern.quote(control + ": {") + ".*\"trigger\":\"CLOUDWATCH_LOGS\"")
                .contains("CONTROL_MESSAGE");
        assertThat(r.err()).endsWith("cloudtrail invoke: 3 invocations, 2 failed\n");
    }

    @Test
    void usageErrorsExitWithTwo() throws IOException {
        Path e = event("e.json", LambdaEvents.eventBridge(records.get(0)));

        assertThat(Cli.run("invoke", e).exit()).isEqualTo(2);
        assertThat(Cli.run("invoke", "--rules", rules).exit()).isEqualTo(2);
        assertThat(Cli.run("invoke", "--rules", rules, dir.resolve("nope.json")).exit())
                .isEqualTo(2);
        assertThat(Cli.run("invoke", "--pack", "no-such-pack", e).exit()).isEqualTo(2);
        Cli.Result badUrl = Cli.run("invoke", "--rules", rules, "--endpoint-url", "ftp://x", e);
        assertThat(badUrl.exit()).isEqualTo(2);
        assertThat(badUrl.err()).contains("--endpoint-url \"ftp://x\" is not an http or https URL");
        assertThat(Cli.run("invoke", "--rules", rules, "--no-such-option", e).exit())
                .isEqualTo(2);
    }

    static List<JsonNode> withoutOrigin(List<JsonNode> lines) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode l : lines) {
            ObjectNode copy = l.deepCopy();
            copy.remove("source");
            copy.remove("recordIndex");
            out.add(copy);
        }
        return out;
    }

    static List<String> toList(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
