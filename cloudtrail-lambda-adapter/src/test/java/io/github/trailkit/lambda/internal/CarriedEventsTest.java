package io.github.trailkit.lambda.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.trailkit.lambda.internal.Invocation.Kind;
import io.github.trailkit.lambda.internal.Invocation.SqsMessage;
import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.ReadLimits;
import io.github.trailkit.test.CloudTrailRecords;
import io.github.trailkit.test.LambdaEvents;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TriggerDecoder} on the shapes that carry CloudTrail records without a log file (reference section 10): AWS's
 * published samples in {@code src/test/resources/events/realtime/}, and events built from records by
 * {@link LambdaEvents}. A malformed event of each shape fails its own unit of work only.
 */
class CarriedEventsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final CloudTrailRecord CREATE_TOPIC = CloudTrailRecords.apiCall("sns.amazonaws.com", "CreateTopic")
            .eventId("aaaaaaaa-0000-4000-8000-000000000001")
            .build();
    static final CloudTrailRecord SIGN_IN = CloudTrailRecords.consoleSignIn()
            .eventId("aaaaaaaa-0000-4000-8000-000000000002")
            .build();

    // ---------------------------------------------------------------- EventBridge, AWS samples

    @Test
    void theApiCallSampleCarriesItsDetailExactlyAsWritten() {
        String text = realtime("eventbridge-AWS-API-Call-via-CloudTrail-s3-CreateBucket.json");

        Invocation inv = TriggerDecoder.decode(text.getBytes(UTF_8));

        assertThat(inv.kind()).isEqualTo(Kind.CLOUDTRAIL_EVENT);
        assertThat(inv.objects()).isEmpty();
        assertThat(inv.records()).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo("eventbridge:36eb8523-97d0-4518-b33d-ee3579ff19f0");
            assertThat(r.index()).isZero();
            // the exact characters of the sample's detail object, from its brace to its brace
            int start = text.indexOf("{", text.indexOf("\"detail\":"));
            int end = text.lastIndexOf("}", text.lastIndexOf("}") - 1) + 1;
            assertThat(r.json()).isEqualTo(text.substring(start, end));
            CloudTrailRecord record = CloudTrail.reader().readRecord(r.json());
            assertThat(record.eventName()).contains("CreateBucket");
            assertThat(record.eventID()).contains("24ba271e-d595-4e66-a7fd-9c16cbf8abae");
        });
    }

    @Test
    void theSignInSampleWithoutVersionIsACloudTrailEventToo() {
        Invocation inv =
                TriggerDecoder.decode(realtime("eventbridge-AWS-Console-Sign-In-via-CloudTrail-root-ConsoleLogin.json")
                        .getBytes(UTF_8));

        assertThat(inv.kind()).isEqualTo(Kind.CLOUDTRAIL_EVENT);
        assertThat(inv.records()).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo("eventbridge:6f87d04b-9f74-4f04-a780-7acf4b0a9b38");
            CloudTrailRecord record = CloudTrail.reader().readRecord(r.json());
            assertThat(record.eventTypeAsString()).contains("AwsConsoleSignIn");
            assertThat(record.eventName()).contains("ConsoleLogin");
        });
    }

    @Test
    void theControlTowerServiceEventSampleWithItsCommentsRemoved() {
        String text = realtime("eventbridge-AWS-Service-Event-via-CloudTrail-controltower-CreateManagedAccount"
                        + ".INVALID-JSON.json")
                .replaceAll("(?m)//.*$", "");

        Invocation inv = TriggerDecoder.decode(text.getBytes(UTF_8));

        assertThat(inv.records()).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo("eventbridge:999cccaa-eaaa-0000-1111-123456789012");
            CloudTrailRecord record = CloudTrail.reader().readRecord(r.json());
            assertThat(record.eventTypeAsString()).contains("AwsServiceEvent");
            assertThat(record.eventID()).contains("0000000-0000-0000-1111-123456789012");
        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "AWS API Call via CloudTrail",
                "AWS Console Sign In via CloudTrail",
                "AWS Console Signin via CloudTrail",
                "AWS Service Event via CloudTrail",
                "AWS Console Action via CloudTrail",
                "AWS Insight via CloudTrail",
                "AWS Network Activity Event via CloudTrail",
                "Amazon API Call via CloudTrail"
            })
    void everyCloudTrailDetailTypeCarriesItsRecord(String detailType) throws IOException {
        JsonNode event = JSON.readTree(LambdaEvents.eventBridge(CREATE_TOPIC));
        ((com.fasterxml.jackson.databind.node.ObjectNode) event).put("detail-type", detailType);

        Invocation inv = TriggerDecoder.decode(event.toString().getBytes(UTF_8));

        assertThat(inv.kind()).isEqualTo(Kind.CLOUDTRAIL_EVENT);
        assertThat(inv.records())
                .singleElement()
                .satisfies(r ->
                        assertThat(CloudTrail.reader().readRecord(r.json())).isEqualTo(CREATE_TOPIC));
    }

    @Test
    void theBuiltEventNamesTheDetailTypeOfEachEventType() throws IOException {
        JsonNode signIn = JSON.readTree(LambdaEvents.eventBridge(SIGN_IN));
        assertThat(signIn.path("detail-type").asText()).isEqualTo("AWS Console Sign In via CloudTrail");
        assertThat(signIn.path("source").asText()).isEqualTo("aws.signin");
        assertThat(JSON.readTree(LambdaEvents.eventBridge(CREATE_TOPIC))
                        .path("source")
                        .asText())
                .isEqualTo("aws.sns");
    }

    @Test
    void aDetailThatIsNotAnObjectFailsTheDirectInvocationWithAClearReason() {
        String event = "{\"version\":\"0\",\"id\":\"e1\",\"detail-type\":\"AWS API Call via CloudTrail\","
                + "\"source\":\"aws.sns\",\"detail\":\"{\\\"eventName\\\":\\\"CreateTopic\\\"}\"}";

        assertThatIllegalArgumentException()
                .isThrownBy(() -> TriggerDecoder.decode(event.getBytes(UTF_8)))
                .withMessageContaining("detail is a JSON string, not an object");
    }

    @Test
    void numbersAndEscapesOfTheDetailAreKeptAsWritten() {
        String detail = "{\"eventVersion\":\"1.08\",\"eventTime\":\"2024-01-15T12:00:00Z\",\"eventSource\":"
                + "\"s3.amazonaws.com\",\"eventName\":\"PutObject\",\"eventID\":\"e-1\",\"additionalEventData\":"
                + "{\"bytesTransferredIn\":1.0E+2,\"x\":123456789012345678901234567890,\"name\":\"caf\\u00e9\"}}";
        String event = "{\"detail\" : " + detail + " , \"detail-type\":\"AWS API Call via CloudTrail\","
                + "\"source\":\"aws.s3\",\"id\":\"e\"}";

        assertThat(TriggerDecoder.decode(event.getBytes(UTF_8)).records())
                .singleElement()
                .satisfies(r -> assertThat(r.json()).isEqualTo(detail));
    }

    // ---------------------------------------------------------------- EventBridge through SQS and SNS

    @Test
    void anSqsBatchMixesS3NotificationsWithEventsAndOnlyTheBadMessageFails() {
        String good = LambdaEvents.eventBridge(CREATE_TOPIC);
        String viaSns = LambdaEvents.snsEnvelope(LambdaEvents.eventBridge(SIGN_IN));
        String s3 = fixture("lambda-s3-event-ObjectCreated-Put.json");
        String notAnObject = good.replaceFirst("\"detail\":\\{.*}$", "\"detail\":[1,2]}");
        String event = LambdaEvents.sqs(good, viaSns, s3, notAnObject);

        Invocation inv = TriggerDecoder.decode(event.getBytes(UTF_8));

        assertThat(inv.kind()).isEqualTo(Kind.SQS);
        List<SqsMessage> m = inv.messages();
        assertThat(m).hasSize(4);
        assertThat(m.get(0).records())
                .singleElement()
                .satisfies(r ->
                        assertThat(CloudTrail.reader().readRecord(r.json())).isEqualTo(CREATE_TOPIC));
        assertThat(m.get(1).records())
                .singleElement()
                .satisfies(r ->
                        assertThat(CloudTrail.reader().readRecord(r.json())).isEqualTo(SIGN_IN));
        assertThat(m.get(2).records()).isEmpty();
        assertThat(m.get(2).objects()).hasSize(1);
        assertThat(m.get(3).decoded()).isFalse();
        assertThat(m.get(3).messageId()).isEqualTo(LambdaEvents.sqsMessageId(3, notAnObject));
        assertThat(m.get(3).problem()).contains("detail is a JSON array, not an object");
        assertThat(m.subList(0, 3)).allSatisfy(x -> assertThat(x.decoded()).isTrue());
    }

    @Test
    void snsCarriesAnEventToo() {
        Invocation inv = TriggerDecoder.decode(
                LambdaEvents.sns(LambdaEvents.eventBridge(CREATE_TOPIC)).getBytes(UTF_8));

        assertThat(inv.kind()).isEqualTo(Kind.SNS);
        assertThat(inv.records())
                .singleElement()
                .satisfies(r ->
                        assertThat(CloudTrail.reader().readRecord(r.json())).isEqualTo(CREATE_TOPIC));
    }

    @Test
    void aMalformedEventThroughSnsFailsItsUnitWithAReason() {
        String bad = LambdaEvents.eventBridge(CREATE_TOPIC).replaceFirst("\"detail\":\\{.*}$", "\"detail\":true}");

        // SNS straight to Lambda: the unit is the invocation
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TriggerDecoder.decode(LambdaEvents.sns(bad).getBytes(UTF_8)))
                .withMessageContaining("SNS event: message ")
                .withMessageContaining("detail is a JSON boolean");
        // SNS to SQS: the unit is the message
        Invocation inv = TriggerDecoder.decode(LambdaEvents.sqs(
                        LambdaEvents.snsEnvelope(bad), LambdaEvents.snsEnvelope(LambdaEvents.eventBridge(CREATE_TOPIC)))
                .getBytes(UTF_8));
        assertThat(inv.messages().get(0).problem())
                .startsWith("SNS envelope Message: ")
                .contains("detail is a JSON boolean, not an object");
        assertThat(inv.messages().get(1).records()).hasSize(1);
    }

    // ---------------------------------------------------------------- CloudWatch Logs

    @Test
    void theAwsLambdaJavaLibsSampleGivesOneRecordPerLogEvent() {
        Invocation inv = TriggerDecoder.decode(realtime("lambda-cloudwatchlogs-awslogs-event.aws-lambda-java-libs.json")
                .getBytes(UTF_8));

        assertThat(inv.kind()).isEqualTo(Kind.CLOUDWATCH_LOGS);
        assertThat(inv.records())
                .extracting(EventRecord::source, EventRecord::index, EventRecord::json)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "cloudwatch-logs:testLogGroup:testLogStream:eventId1",
                                0L,
                                "[ERROR] First test message"),
                        org.assertj.core.groups.Tuple.tuple(
                                "cloudwatch-logs:testLogGroup:testLogStream:eventId2",
                                1L,
                                "[ERROR] Second test message"));
    }

    @Test
    void theLambdaGuidesTruncatedUncompressedSampleFailsAsNotGzip() {
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> TriggerDecoder.decode(realtime("lambda-cloudwatchlogs-awslogs-event.truncated-data.json")
                                .getBytes(UTF_8)))
                .withMessageContaining("awslogs.data");
    }

    @Test
    void builtRecordsComeBackFromTheAwslogsEvent() {
        Invocation inv = TriggerDecoder.decode(
                LambdaEvents.cloudWatchLogs(CREATE_TOPIC, SIGN_IN).getBytes(UTF_8));

        assertThat(inv.records()).hasSize(2);
        assertThat(inv.records().get(0).source())
                .startsWith("cloudwatch-logs:" + LambdaEvents.LOG_GROUP + ":" + LambdaEvents.LOG_STREAM + ":");
        assertThat(inv.records().stream().map(r -> CloudTrail.reader().readRecord(r.json())))
                .containsExactly(CREATE_TOPIC, SIGN_IN);
    }

    @Test
    void aControlMessageIsIgnoredWithAReason() {
        Invocation inv = TriggerDecoder.decode(LambdaEvents.awslogs(LambdaEvents.cloudWatchLogsControlMessage())
                .getBytes(UTF_8));

        assertThat(inv.kind()).isEqualTo(Kind.CLOUDWATCH_LOGS);
        assertThat(inv.records()).isEmpty();
        assertThat(inv.ignored())
                .singleElement()
                .asString()
                .startsWith("CloudWatch Logs CONTROL_MESSAGE")
                .contains("Checking health of destination");
    }

    @Test
    void theDocumentedCloudTrailDataMessageGivesItsTruncatedMessagesAsRecords() {
        byte[] data = gzip(realtime("cwl-subscription-decoded-DATA_MESSAGE-CloudTrail-lambda-example.json"));

        Invocation inv = TriggerDecoder.decode(LambdaEvents.awslogs(data).getBytes(UTF_8));

        assertThat(inv.records()).hasSize(3).allSatisfy(r -> {
            assertThat(r.source()).startsWith("cloudwatch-logs:CloudTrail:123456789012_CloudTrail_us-east-1:3195310");
            assertThat(r.json()).isEqualTo("{\"eventVersion\":\"1.03\",\"userIdentity\":{\"type\":\"Root\"}");
        });
    }

    @Test
    void badBase64AndGzipGarbageFailTheDirectInvocationWithAClearReason() {
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> TriggerDecoder.decode("{\"awslogs\":{\"data\":\"H4sI$$$not base64\"}}".getBytes(UTF_8)))
                .withMessageContaining("awslogs.data is not base64");
        byte[] garbage = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        TriggerDecoder.decode(LambdaEvents.awslogs(garbage).getBytes(UTF_8)))
                .withMessageContaining("awslogs.data is not valid gzip data");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TriggerDecoder.decode(
                        LambdaEvents.awslogs(gzip("[1,2]")).getBytes(UTF_8)))
                .withMessageContaining("not an object");
    }

    @Test
    void aDecompressionBombStopsAtTheReadersLimits() {
        byte[] bomb = gzip("{\"messageType\":\"DATA_MESSAGE\",\"x\":\"" + " ".repeat(8 << 20) + "\"}");
        String event = LambdaEvents.awslogs(bomb);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> TriggerDecoder.decode(event.getBytes(UTF_8)))
                .withMessageContaining("maxInflateRatio");
        ReadLimits small = ReadLimits.builder().maxTotalBytes(4096).build();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TriggerDecoder.decode(
                        LambdaEvents.cloudWatchLogs(CREATE_TOPIC, CREATE_TOPIC, CREATE_TOPIC, CREATE_TOPIC)
                                .getBytes(UTF_8),
                        small))
                .withMessageContaining("maxTotalBytes");
    }

    // ---------------------------------------------------------------- Kinesis

    @Test
    void aKinesisBatchTellsEventBridgeFromCloudWatchLogsByTheGzipMagic() {
        String event = LambdaEvents.kinesis(
                LambdaEvents.eventBridge(CREATE_TOPIC).getBytes(UTF_8),
                LambdaEvents.cloudWatchLogsData(SIGN_IN, CREATE_TOPIC),
                LambdaEvents.cloudWatchLogsControlMessage());

        Invocation inv = TriggerDecoder.decode(event.getBytes(UTF_8));

        assertThat(inv.kind()).isEqualTo(Kind.KINESIS);
        List<SqsMessage> items = inv.messages();
        assertThat(items)
                .extracting(SqsMessage::messageId)
                .containsExactly(
                        LambdaEvents.kinesisSequenceNumber(0),
                        LambdaEvents.kinesisSequenceNumber(1),
                        LambdaEvents.kinesisSequenceNumber(2));
        assertThat(items).allSatisfy(i -> assertThat(i.fromFifoQueue()).isTrue());
        assertThat(items.get(0).records())
                .singleElement()
                .satisfies(r -> assertThat(r.source()).startsWith("eventbridge:"));
        assertThat(items.get(1).records())
                .extracting(r -> CloudTrail.reader().readRecord(r.json()))
                .containsExactly(SIGN_IN, CREATE_TOPIC);
        assertThat(items.get(2).decoded()).isTrue();
        assertThat(items.get(2).records()).isEmpty();
        assertThat(inv.ignored())
                .singleElement()
                .asString()
                .startsWith("Kinesis record " + LambdaEvents.kinesisSequenceNumber(2) + ": CloudWatch Logs CONTROL");
    }

    @Test
    void theRecordedPowertoolsKinesisBatchGivesItsLogEvents() {
        Invocation inv = TriggerDecoder.decode(realtime("lambda-kinesis-event-cwl-DATA_MESSAGE.powertools.json")
                .getBytes(UTF_8));

        assertThat(inv.messages())
                .hasSize(2)
                .allSatisfy(i -> assertThat(i.decoded()).isTrue());
        assertThat(inv.messages().get(0).messageId())
                .isEqualTo("49635052289529725553291405521504870233219489715332317186");
        assertThat(inv.messages().get(0).records()).hasSize(3).first().satisfies(r -> {
            assertThat(r.source())
                    .isEqualTo("cloudwatch-logs:/aws/lambda/pt-1488-DummyLogDataFunction-gnWXPvL6jJyG:"
                            + "2022/11/10/[$LATEST]26b6a45d574f442ea28438923cbf7bf7:"
                            + "37199717562907174288355125807040114704837640994633613312");
            assertThat(r.json()).startsWith("START RequestId: 06e46194");
        });
    }

    @Test
    void theSamControlAndDataMessagesInAKinesisBatch() throws IOException {
        JsonNode firehose = JSON.readTree(
                realtime("firehose-transformation-event-cwl-CONTROL_MESSAGE-and-DATA_MESSAGEs.sam-testEvent.json"));
        byte[] control = Base64.getDecoder()
                .decode(firehose.path("records").path(0).path("data").asText());
        byte[] data = Base64.getDecoder()
                .decode(firehose.path("records").path(1).path("data").asText());

        Invocation inv =
                TriggerDecoder.decode(LambdaEvents.kinesis(control, data).getBytes(UTF_8));

        assertThat(inv.messages().get(0).records()).isEmpty();
        assertThat(inv.ignored())
                .singleElement()
                .asString()
                .contains("CONTROL_MESSAGE")
                .contains("Checking health of destination Firehose.");
        assertThat(inv.messages().get(1).records())
                .hasSize(3)
                .allSatisfy(r -> assertThat(r.source()).startsWith("cloudwatch-logs:copy-cwl-lambda-invoke-input"));
    }

    @Test
    void theLambdaGuidesKinesisSampleOfPlainTextFailsEachRecordOnItsOwn() {
        Invocation inv =
                TriggerDecoder.decode(realtime("lambda-kinesis-event.json").getBytes(UTF_8));

        assertThat(inv.kind()).isEqualTo(Kind.KINESIS);
        assertThat(inv.messages()).hasSize(2).allSatisfy(i -> {
            assertThat(i.decoded()).isFalse();
            assertThat(i.problem()).startsWith("kinesis.data is not JSON");
        });
    }

    @Test
    void malformedKinesisRecordsFailOnlyThemselves() {
        byte[] good = LambdaEvents.eventBridge(CREATE_TOPIC).getBytes(UTF_8);
        byte[] garbage = {0x1f, (byte) 0x8b, 8, 0, 9, 9, 9, 9};
        byte[] detailNotObject = LambdaEvents.eventBridge(CREATE_TOPIC)
                .replaceFirst("\"detail\":\\{.*}$", "\"detail\":null}")
                .getBytes(UTF_8);
        String event = LambdaEvents.kinesis(good, garbage, detailNotObject, good)
                .replace(Base64.getEncoder().encodeToString(good), "%%%notbase64")
                .replaceFirst("%%%notbase64", Base64.getEncoder().encodeToString(good));

        Invocation inv = TriggerDecoder.decode(event.getBytes(UTF_8));

        assertThat(inv.messages())
                .extracting(SqsMessage::problem)
                .satisfiesExactly(
                        p -> assertThat(p).isNull(),
                        p -> assertThat(p).startsWith("kinesis.data is not valid gzip data"),
                        p -> assertThat(p).contains("detail is a JSON null, not an object"),
                        p -> assertThat(p).startsWith("kinesis.data is not base64"));
    }

    // ---------------------------------------------------------------- helpers

    static String realtime(String name) {
        return text("/events/realtime/" + name);
    }

    static String fixture(String name) {
        return text("/events/" + name);
    }

    static String text(String name) {
        try (InputStream in = CarriedEventsTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            return new String(in.readAllBytes(), UTF_8);
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
}
