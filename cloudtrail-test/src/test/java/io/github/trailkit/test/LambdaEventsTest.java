package io.github.trailkit.test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The Lambda events {@link LambdaEvents} builds have the documented shapes and carry the records unchanged. */
class LambdaEventsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final CloudTrailRecord TOPIC = CloudTrailRecords.apiCall("sns.amazonaws.com", "CreateTopic")
            .eventId("e-topic")
            .inRegion("eu-west-1")
            .inAccount("111122223333")
            .build();
    static final CloudTrailRecord LOGIN =
            CloudTrailRecords.consoleSignIn().eventId("e-login").build();

    @Test
    void anEventBridgeEventHasCloudTrailsEnvelopeAndTheRecordAsDetail() throws Exception {
        JsonNode e = JSON.readTree(LambdaEvents.eventBridge(TOPIC));

        assertThat(e.path("version").asText()).isEqualTo("0");
        assertThat(e.path("detail-type").asText()).isEqualTo("AWS API Call via CloudTrail");
        assertThat(e.path("source").asText()).isEqualTo("aws.sns");
        assertThat(e.path("account").asText()).isEqualTo("111122223333");
        assertThat(e.path("region").asText()).isEqualTo("eu-west-1");
        assertThat(e.path("time").asText())
                .isEqualTo(TOPIC.eventTime().orElseThrow().toString());
        assertThat(e.path("resources").isArray() && e.path("resources").isEmpty())
                .isTrue();
        assertThat(e.path("id").asText()).isNotEqualTo("e-topic").hasSize(36);
        assertThat(CloudTrail.reader().readRecord(e.path("detail").toString())).isEqualTo(TOPIC);
        assertThat(JSON.readTree(LambdaEvents.eventBridge(LOGIN))
                        .path("detail-type")
                        .asText())
                .isEqualTo("AWS Console Sign In via CloudTrail");
        assertThat(LambdaEvents.eventBridge(TOPIC)).isEqualTo(LambdaEvents.eventBridge(TOPIC));
    }

    @Test
    void aRecordGivenAsTextIsTheDetailCharacterForCharacter() {
        String text = "{\"eventSource\":\"s3.amazonaws.com\",\"eventID\":\"x\",\"n\":1.0E+2}";
        assertThat(LambdaEvents.eventBridge(text)).endsWith(",\"detail\":" + text + "}");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LambdaEvents.eventBridge("[1]"))
                .withMessageContaining("not a JSON object");
    }

    @Test
    void detailTypesFollowTheEventTypes() {
        assertThat(List.of(
                                "AwsApiCall",
                                "AwsConsoleSignIn",
                                "AwsServiceEvent",
                                "AwsConsoleAction",
                                "AwsCloudTrailInsight",
                                "AwsVpceEvent")
                        .stream()
                        .map(LambdaEvents::detailType))
                .containsExactly(
                        "AWS API Call via CloudTrail",
                        "AWS Console Sign In via CloudTrail",
                        "AWS Service Event via CloudTrail",
                        "AWS Console Action via CloudTrail",
                        "AWS Insight via CloudTrail",
                        "AWS Network Activity Event via CloudTrail");
    }

    @Test
    void sqsSnsAndKinesisWrapTheirPayloads() throws Exception {
        String body = LambdaEvents.eventBridge(TOPIC);
        JsonNode sqs = JSON.readTree(LambdaEvents.sqs(body, "second"));
        assertThat(sqs.path("Records")).hasSize(2);
        JsonNode m = sqs.path("Records").path(0);
        assertThat(m.path("eventSource").asText()).isEqualTo("aws:sqs");
        assertThat(m.path("body").asText()).isEqualTo(body);
        assertThat(m.path("messageId").asText()).isEqualTo(LambdaEvents.sqsMessageId(0, body));
        assertThat(m.path("md5OfBody").asText())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("MD5").digest(body.getBytes(UTF_8))));

        JsonNode sns = JSON.readTree(LambdaEvents.sns(body));
        assertThat(sns.path("Records").path(0).path("EventSource").asText()).isEqualTo("aws:sns");
        assertThat(sns.path("Records").path(0).path("Sns").path("Message").asText())
                .isEqualTo(body);
        JsonNode envelope = JSON.readTree(LambdaEvents.snsEnvelope(body));
        assertThat(envelope.path("Type").asText()).isEqualTo("Notification");
        assertThat(envelope.path("Message").asText()).isEqualTo(body);

        JsonNode kinesis = JSON.readTree(LambdaEvents.kinesis(body.getBytes(UTF_8), new byte[] {1, 2}));
        JsonNode k = kinesis.path("Records").path(1);
        assertThat(k.path("eventSource").asText()).isEqualTo("aws:kinesis");
        assertThat(k.path("kinesis").path("sequenceNumber").asText()).isEqualTo(LambdaEvents.kinesisSequenceNumber(1));
        assertThat(k.path("eventID").asText()).endsWith(":" + LambdaEvents.kinesisSequenceNumber(1));
        assertThat(Base64.getDecoder()
                        .decode(kinesis.path("Records")
                                .path(0)
                                .path("kinesis")
                                .path("data")
                                .asText()))
                .isEqualTo(body.getBytes(UTF_8));
        assertThat(new java.math.BigInteger(LambdaEvents.kinesisSequenceNumber(1)))
                .isGreaterThan(new java.math.BigInteger(LambdaEvents.kinesisSequenceNumber(0)));
    }

    @Test
    void theAwslogsEventIsBase64GzipOfADataMessageWithOneLogEventPerRecord() throws Exception {
        JsonNode event = JSON.readTree(LambdaEvents.cloudWatchLogs(TOPIC, LOGIN));
        byte[] data =
                Base64.getDecoder().decode(event.path("awslogs").path("data").asText());
        assertThat(event.path("awslogs").path("data").asText()).startsWith("H4sI");

        JsonNode message = JSON.readTree(gunzip(data));
        assertThat(message.path("messageType").asText()).isEqualTo("DATA_MESSAGE");
        assertThat(message.path("logGroup").asText()).isEqualTo(LambdaEvents.LOG_GROUP);
        assertThat(message.path("logStream").asText()).isEqualTo("123456789012_CloudTrail_us-east-1");
        assertThat(message.path("logEvents")).hasSize(2);
        JsonNode first = message.path("logEvents").path(0);
        assertThat(CloudTrail.reader().readRecord(first.path("message").asText()))
                .isEqualTo(TOPIC);
        assertThat(first.path("timestamp").asLong())
                .isEqualTo(TOPIC.eventTime().orElseThrow().toEpochMilli());
        assertThat(first.path("id").asText())
                .matches("\\d{56}")
                .isNotEqualTo(message.path("logEvents").path(1).path("id").asText());
    }

    @Test
    void theControlMessageIsTheOneCloudWatchLogsSends() throws Exception {
        JsonNode message = JSON.readTree(gunzip(LambdaEvents.cloudWatchLogsControlMessage()));
        assertThat(message.path("messageType").asText()).isEqualTo("CONTROL_MESSAGE");
        assertThat(message.path("owner").asText()).isEqualTo("CloudwatchLogs");
        assertThat(message.path("logEvents").path(0).path("message").asText()).startsWith("CWL CONTROL MESSAGE");
    }

    static byte[] gunzip(byte[] data) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return in.readAllBytes();
        }
    }
}
