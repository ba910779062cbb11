package io.github.trailkit.lambda.handler;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.trailkit.lambda.FindingSink;
import io.github.trailkit.lambda.TrailkitHandler;
import io.github.trailkit.lambda.testing.LoopbackS3;
import io.github.trailkit.lambda.testing.TriggerEvents;
import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailLog;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.ReadLimits;
import io.github.trailkit.rules.Finding;
import io.github.trailkit.rules.RuleDocuments;
import io.github.trailkit.rules.RuleSet;
import io.github.trailkit.test.CloudTrailRecords;
import io.github.trailkit.test.LambdaEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The handler on records that reach it without a log file: the same records put in a real log file in an
 * S3-compatible server on loopback, and carried by every event shape (EventBridge straight, in SQS, SNS, SNS then
 * SQS, and Kinesis; CloudWatch Logs straight and in Kinesis) built by {@link LambdaEvents}, give the same findings
 * with the same dedup keys; only where they came from differs. Malformed events fail their own unit of work only.
 */
class RealtimeTriggersTest {
    static final String BUCKET = "trail-bucket";
    static final String KEY = "AWSLogs/123456789012/CloudTrail/us-east-1/2024/01/15/"
            + "123456789012_CloudTrail_us-east-1_20240115T1200Z_realtimeSame0001.json.gz";
    static final ObjectMapper JSON = new ObjectMapper();

    static LoopbackS3 s3;
    static RuleSet rules;
    /** Every record's JSON text, as CloudTrail would write it in the log file and in the events alike. */
    static List<String> texts;

    final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    final List<Finding> found = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void start() throws IOException {
        rules = RuleSet.of(RuleDocuments.readResource("/rules/realtime-rules.yaml"));
        texts = new ArrayList<>();
        // AWS's sample log (CreateTopic, GetTopicAttributes), record by record
        try (CloudTrailLog log = CloudTrail.reader()
                .read(resource("/logs/lambda-with-cloudtrail-CreateTopic-" + "GetTopicAttributes.json.gz"), "sample")) {
            for (CloudTrailRecord r : log) {
                texts.add(CloudTrail.writer().toJson(r));
            }
        }
        // the details of AWS's EventBridge samples, exactly as published
        texts.add(detail("eventbridge-AWS-API-Call-via-CloudTrail-s3-CreateBucket.json"));
        texts.add(detail("eventbridge-AWS-Console-Sign-In-via-CloudTrail-root-ConsoleLogin.json"));
        texts.add(detail("eventbridge-AWS-Service-Event-via-CloudTrail-controltower-CreateManagedAccount"
                + ".INVALID-JSON.json"));
        // generated records
        texts.add(CloudTrail.writer()
                .toJson(CloudTrailRecords.consoleSignIn()
                        .eventId("gen-signin-1")
                        .build()));
        texts.add(CloudTrail.writer()
                .toJson(CloudTrailRecords.apiCall("iam.amazonaws.com", "CreateUser")
                        .eventId("gen-iam-1")
                        .withError("AccessDenied", "not allowed")
                        .build()));
        texts.add(CloudTrail.writer()
                .toJson(CloudTrailRecords.apiCall("s3.amazonaws.com", "PutObject")
                        .eventId("gen-put-1")
                        .withAdditionalEventData("{\"bytesTransferredIn\":1.5E+3}")
                        .build()));
        texts.add(CloudTrail.writer()
                .toJson(CloudTrailRecords.apiCall("ec2.amazonaws.com", "RunInstances")
                        .eventId("gen-ec2-1")
                        .byRoot()
                        .build()));

        s3 = LoopbackS3.inMemory();
        s3.createBucket(BUCKET);
        s3.put(BUCKET, KEY, gzip("{\"Records\":[" + String.join(",", texts) + "]}"));
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
        }
    }

    TrailkitHandler handler() {
        return handler(ReadLimits.defaults());
    }

    TrailkitHandler handler(ReadLimits limits) {
        FindingSink sink = found::addAll;
        return TrailkitHandler.builder()
                .rules(rules)
                .s3(s3.handlerClient())
                .sink(sink)
                .readLimits(limits)
                .logTo(new PrintStream(logBytes, true, UTF_8))
                .build();
    }

    static JsonNode invoke(TrailkitHandler handler, String event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event.getBytes(UTF_8)), out, null);
            return JSON.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- the same findings on every path

    static Stream<Arguments> paths() {
        Function<List<String>, List<String>> eventBridgeEach =
                ts -> ts.stream().map(LambdaEvents::eventBridge).toList();
        Function<List<String>, List<String>> eventBridgeInSqs = ts -> List.of(
                LambdaEvents.sqs(ts.stream().map(LambdaEvents::eventBridge).toArray(String[]::new)));
        Function<List<String>, List<String>> eventBridgeInSns = ts -> List.of(
                LambdaEvents.sns(ts.stream().map(LambdaEvents::eventBridge).toArray(String[]::new)));
        Function<List<String>, List<String>> eventBridgeInSnsInSqs = ts -> List.of(LambdaEvents.sqs(ts.stream()
                .map(t -> LambdaEvents.snsEnvelope(LambdaEvents.eventBridge(t)))
                .toArray(String[]::new)));
        Function<List<String>, List<String>> eventBridgeInKinesis = ts -> List.of(LambdaEvents.kinesis(ts.stream()
                .map(t -> LambdaEvents.eventBridge(t).getBytes(UTF_8))
                .toArray(byte[][]::new)));
        Function<List<String>, List<String>> logsEach = ts -> List.of(LambdaEvents.cloudWatchLogs(ts));
        Function<List<String>, List<String>> logsInKinesis = ts -> List.of(LambdaEvents.kinesis(
                LambdaEvents.cloudWatchLogsData(
                        LambdaEvents.LOG_GROUP, LambdaEvents.LOG_STREAM, ts.subList(0, ts.size() / 2)),
                LambdaEvents.cloudWatchLogsData(
                        LambdaEvents.LOG_GROUP, LambdaEvents.LOG_STREAM + "_2", ts.subList(ts.size() / 2, ts.size()))));
        return Stream.of(
                Arguments.of("EventBridge straight to Lambda", eventBridgeEach),
                Arguments.of("EventBridge to SQS", eventBridgeInSqs),
                Arguments.of("EventBridge to SNS", eventBridgeInSns),
                Arguments.of("EventBridge to SNS to SQS", eventBridgeInSnsInSqs),
                Arguments.of("EventBridge to Kinesis", eventBridgeInKinesis),
                Arguments.of("CloudWatch Logs straight to Lambda", logsEach),
                Arguments.of("CloudWatch Logs to Kinesis", logsInKinesis));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    void everyPathGivesTheFindingsOfTheLogFile(String path, Function<List<String>, List<String>> events) {
        TrailkitHandler handler = handler();
        invoke(handler, TriggerEvents.s3Event(BUCKET, KEY));
        List<Finding> fromLog = sorted(found);
        found.clear();

        for (String event : events.apply(texts)) {
            JsonNode answer = invoke(handler, event);
            assertThat(answer.path("batchItemFailures"))
                    .as(path)
                    .allSatisfy(f -> assertThat(f).isNull());
        }
        List<Finding> fromEvents = sorted(found);

        // every rule kind met at least once, so the comparison means something
        assertThat(fromLog)
                .extracting(Finding::ruleId)
                .contains(
                        "sns-topic-created",
                        "root-activity",
                        "bucket-created",
                        "sign-in-without-mfa",
                        "service-event",
                        "access-denied",
                        "big-upload",
                        "no-recipient",
                        "iam-via-envelope");
        assertThat(fromEvents).hasSameSizeAs(fromLog);
        for (int i = 0; i < fromLog.size(); i++) {
            Finding a = fromLog.get(i);
            Finding b = fromEvents.get(i);
            assertThat(b.ruleId()).as(path).isEqualTo(a.ruleId());
            assertThat(b.dedupKey())
                    .as(path + ": dedupKey of " + a.ruleId())
                    .isEqualTo(a.dedupKey())
                    .isNotEmpty();
            assertThat(b.record()).as(path + ": record of " + a.ruleId()).isEqualTo(a.record());
            assertThat(withoutOrigin(b)).as(path).isEqualTo(withoutOrigin(a));
            assertThat(a.source()).contains("s3://" + BUCKET + "/" + KEY);
            assertThat(b.source().orElseThrow())
                    .as(path)
                    .startsWith(
                            path.startsWith("EventBridge")
                                    ? "eventbridge:"
                                    : "cloudwatch-logs:" + LambdaEvents.LOG_GROUP + ":" + LambdaEvents.LOG_STREAM);
        }
    }

    @Test
    void aFindingSaysWhichEventDeliveredItsRecord() throws IOException {
        TrailkitHandler handler = handler();
        String event = LambdaEvents.eventBridge(texts.get(0));
        invoke(handler, event);
        assertThat(found).extracting(Finding::ruleId).containsExactly("sns-topic-created", "root-activity");
        assertThat(found).allSatisfy(f -> {
            assertThat(f.source())
                    .contains("eventbridge:" + JSON.readTree(event).path("id").asText());
            assertThat(f.recordIndex()).hasValue(0);
        });
        found.clear();

        byte[] data = LambdaEvents.cloudWatchLogsData(
                "CloudTrail/logs", "123456789012_CloudTrail_us-east-1", List.of(texts.get(1), texts.get(0)));
        invoke(handler, LambdaEvents.awslogs(data));
        JsonNode message = JSON.readTree(gunzip(data));
        assertThat(found)
                .filteredOn(f -> f.ruleId().equals("sns-topic-created"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.source())
                            .contains("cloudwatch-logs:CloudTrail/logs:123456789012_CloudTrail_us-east-1:"
                                    + message.path("logEvents")
                                            .path(1)
                                            .path("id")
                                            .asText());
                    assertThat(f.recordIndex()).hasValue(1);
                    assertThat(f.toJson(false)).contains("\"source\":\"cloudwatch-logs:CloudTrail/logs:");
                });
    }

    // ---------------------------------------------------------------- batches and failures

    @Test
    void oneSqsBatchMixesLogFilesAndEventsAndOnlyTheBadMessageFails() throws IOException {
        String s3Body = TriggerEvents.s3Event(BUCKET, KEY);
        String fresh = CloudTrail.writer()
                .toJson(CloudTrailRecords.apiCall("sns.amazonaws.com", "CreateTopic")
                        .eventId("fresh-topic-1")
                        .build());
        String again = LambdaEvents.eventBridge(texts.get(0)); // also in the log file: a duplicate across paths
        String viaSns = LambdaEvents.snsEnvelope(LambdaEvents.eventBridge(fresh));
        String bad = LambdaEvents.eventBridge(fresh).replaceFirst("\"detail\":\\{.*}$", "\"detail\":\"oops\"}");
        String event = LambdaEvents.sqs(s3Body, again, viaSns, bad);

        JsonNode answer = invoke(handler(), event);

        assertThat(answer.path("batchItemFailures").findValuesAsText("itemIdentifier"))
                .containsExactly(LambdaEvents.sqsMessageId(3, bad));
        assertThat(found)
                .filteredOn(f -> f.ruleId().equals("sns-topic-created"))
                .extracting(
                        f -> f.record().eventID().orElseThrow(),
                        f -> f.source().orElseThrow().substring(0, 5))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                JSON.readTree(texts.get(0)).path("eventID").asText(), "s3://"),
                        org.assertj.core.groups.Tuple.tuple("fresh-topic-1", "event"));
        assertThat(logLines("SQS message not understood"))
                .singleElement()
                .satisfies(
                        l -> assertThat(l.path("reason").asText()).contains("detail is a JSON string, not an object"));
        assertThat(logLines("invocation done"))
                .singleElement()
                .satisfies(l -> assertThat(l.path("duplicates").asLong()).isPositive());
    }

    @Test
    void theCallersAndTheOwnersCopyOfACrossAccountCallAreTwoFindingsNotDuplicates() {
        // AWS's AssumeRole pair: the same eventID, the owner's copy without recipientAccountId
        CloudTrailRecord caller = CloudTrailRecords.apiCall("sts.amazonaws.com", "AssumeRole")
                .byRoot()
                .eventId("dEXAMPLE-ac7f-466c-a608-4ac8dEXAMPLE")
                .build();
        CloudTrailRecord owner = CloudTrailRecord.builder()
                .from(caller)
                .recipientAccountId(java.util.Optional.empty())
                .build();
        String c = CloudTrail.writer().toJson(caller);
        String o = CloudTrail.writer().toJson(owner);

        invoke(
                handler(),
                LambdaEvents.sqs(
                        LambdaEvents.eventBridge(c), LambdaEvents.eventBridge(o), LambdaEvents.eventBridge(c)));

        assertThat(found)
                .filteredOn(f -> f.ruleId().equals("root-activity"))
                .extracting(f -> f.record().recipientAccountId().orElse("-"))
                .containsExactly("123456789012", "-");
    }

    @Test
    void aKinesisBatchAnswersWithTheFailedSequenceNumberAndTheRestAfterIt() {
        byte[] good = LambdaEvents.eventBridge(texts.get(0)).getBytes(UTF_8);
        byte[] garbage = {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8};
        byte[] later =
                LambdaEvents.cloudWatchLogsData(LambdaEvents.LOG_GROUP, LambdaEvents.LOG_STREAM, List.of(texts.get(2)));

        JsonNode answer = invoke(handler(), LambdaEvents.kinesis(good, garbage, later));

        assertThat(answer.path("batchItemFailures").findValuesAsText("itemIdentifier"))
                .containsExactly(LambdaEvents.kinesisSequenceNumber(1), LambdaEvents.kinesisSequenceNumber(2));
        assertThat(found).extracting(Finding::ruleId).containsExactly("sns-topic-created", "root-activity");
        assertThat(logLines("Kinesis record not understood"))
                .singleElement()
                .satisfies(
                        l -> assertThat(l.path("reason").asText()).startsWith("kinesis.data is not valid gzip data"));
    }

    @Test
    void aControlMessageIsLoggedAndIgnored() {
        JsonNode answer = invoke(handler(), LambdaEvents.awslogs(LambdaEvents.cloudWatchLogsControlMessage()));

        assertThat(found).isEmpty();
        assertThat(answer.path("trigger").asText()).isEqualTo("CLOUDWATCH_LOGS");
        assertThat(answer.path("records").asLong()).isZero();
        assertThat(logLines("event ignored"))
                .singleElement()
                .satisfies(l -> assertThat(l.path("reason").asText()).startsWith("CloudWatch Logs CONTROL_MESSAGE"));
    }

    @Test
    void anInvalidRecordIsReportedLikeOneInALogFileAndCostsNoOther() {
        // a duplicate member costs the record (a bad field alone would cost only that field)
        String broken = "{\"eventVersion\":\"1.08\",\"eventTime\":\"yesterday\",\"eventTime\":\"x\"}";
        JsonNode answer = invoke(handler(), LambdaEvents.cloudWatchLogs(List.of(broken, "not json", texts.get(0))));

        assertThat(found).extracting(Finding::ruleId).containsExactly("sns-topic-created", "root-activity");
        assertThat(found).allSatisfy(f -> assertThat(f.recordIndex()).hasValue(2));
        assertThat(answer.path("records").asLong()).isEqualTo(1);
        assertThat(answer.path("badRecords").asLong()).isEqualTo(2);
        List<JsonNode> skipped = logLines("invalid record skipped");
        assertThat(skipped).hasSize(2);
        assertThat(skipped.get(0).path("level").asText()).isEqualTo("WARN");
        assertThat(skipped.get(0).path("source").asText()).startsWith("cloudwatch-logs:" + LambdaEvents.LOG_GROUP);
        assertThat(skipped.get(0).path("recordIndex").asLong()).isZero();
        assertThat(skipped.get(0).path("reason").asText())
                .contains(": record 0 at byte ")
                .contains("eventTime");
        assertThat(skipped.get(1).path("recordIndex").asLong()).isEqualTo(1);
    }

    @Test
    void aRecordOverTheRecordLimitIsSkippedAsInALogFile() {
        TrailkitHandler handler =
                handler(ReadLimits.builder().maxRecordBytes(600).build());
        String big = CloudTrail.writer()
                .toJson(CloudTrailRecords.apiCall("sns.amazonaws.com", "CreateTopic")
                        .eventId("big-1")
                        .withRequestParameters("{\"name\":\"" + "x".repeat(2000) + "\"}")
                        .build());

        JsonNode answer = invoke(handler, LambdaEvents.sqs(LambdaEvents.eventBridge(big)));

        assertThat(answer.path("batchItemFailures")).isEmpty();
        assertThat(found).isEmpty();
        assertThat(logLines("invalid record skipped"))
                .singleElement()
                .satisfies(l -> assertThat(l.path("reason").asText()).contains("600"));
    }

    @Test
    void malformedDirectEventsFailTheInvocationWithAClearReason() {
        TrailkitHandler handler = handler();
        String detailNotObject =
                LambdaEvents.eventBridge(texts.get(0)).replaceFirst("\"detail\":\\{.*}$", "\"detail\":42}");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> invoke(handler, detailNotObject))
                .withMessageContaining("detail is a JSON number, not an object");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> invoke(handler, "{\"awslogs\":{\"data\":\"@@@\"}}"))
                .withMessageContaining("awslogs.data is not base64");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> invoke(handler, LambdaEvents.awslogs(new byte[] {0x1f, (byte) 0x8b, 1, 2, 3})))
                .withMessageContaining("awslogs.data is not valid gzip data");
        assertThat(logLines("unrecognised event")).hasSize(3);
        assertThat(found).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    /** The finding as one JSON line with its record, without where it was read. */
    static JsonNode withoutOrigin(Finding f) {
        try {
            ObjectNode tree = (ObjectNode) JSON.readTree(f.toJson(true));
            tree.remove("source");
            tree.remove("recordIndex");
            return tree;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Finding> sorted(List<Finding> findings) {
        List<Finding> copy = new ArrayList<>(findings);
        copy.sort(Comparator.comparing((Finding f) -> f.record().eventID().orElse(""))
                .thenComparing(Finding::ruleId));
        return copy;
    }

    List<JsonNode> logLines(String message) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : logBytes.toString(UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode l = JSON.readTree(line);
                if (l.path("message").asText().equals(message)) {
                    lines.add(l);
                }
            } catch (IOException e) {
                throw new AssertionError("log line is not JSON: " + line, e);
            }
        }
        return lines;
    }

    static String detail(String sample) {
        String text = new String(resource("/events/realtime/" + sample), UTF_8).replaceAll("(?m)\\s+//[^\"\n]*$", "");
        int start = text.indexOf('{', text.indexOf("\"detail\""));
        int end = text.lastIndexOf('}', text.lastIndexOf('}') - 1) + 1;
        return text.substring(start, end);
    }

    static byte[] resource(String name) {
        try (InputStream in = RealtimeTriggersTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] gunzip(byte[] data) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
