package io.github.trailkit.lambda.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.trailkit.lambda.testing.RecordingAwsEndpoint;
import io.github.trailkit.lambda.testing.RecordingAwsEndpoint.Request;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.ThrottlingException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.SnsException;

/**
 * What SDK 2.50.2 puts on the wire for the sinks' operations, and that {@link RecordingAwsEndpoint}'s answers are
 * understood by the SDK: the fake's own contract, so that sink tests can trust it.
 */
final class SinkWireFormatTest {
    private RecordingAwsEndpoint aws;

    @BeforeEach
    void start() {
        aws = RecordingAwsEndpoint.start();
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void publishBatchIsAFormWithMembersAndAttributeEntries() {
        aws.failEntries(e -> e.position() == 1, 1, "InternalError", false);

        PublishBatchResponse r = aws.snsClient()
                .publishBatch(b -> b.topicArn("arn:aws:sns:us-east-1:1:t")
                        .publishBatchRequestEntries(
                                PublishBatchRequestEntry.builder()
                                        .id("a")
                                        .subject("[HIGH] s")
                                        .message("a+b c&d=\u00e9\n{}")
                                        .messageAttributes(Map.of(
                                                "ruleId",
                                                MessageAttributeValue.builder()
                                                        .dataType("String")
                                                        .stringValue("r1")
                                                        .build()))
                                        .build(),
                                PublishBatchRequestEntry.builder()
                                        .id("b")
                                        .message("second")
                                        .build()));

        assertThat(r.successful())
                .singleElement()
                .satisfies(s -> assertThat(s.id()).isEqualTo("a"));
        assertThat(r.failed()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("b");
            assertThat(f.code()).isEqualTo("InternalError");
            assertThat(f.senderFault()).isFalse();
        });
        Request req = aws.requests().get(0);
        assertThat(req.header("content-type")).isEqualTo("application/x-www-form-urlencoded; charset=utf-8");
        assertThat(req.header("Authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/")
                .contains("/us-east-1/sns/aws4_request");
        assertThat(req.header("amz-sdk-request")).isEqualTo("attempt=1; max=1"); // SDK retries are off
        assertThat(req.body()).contains("PublishBatchRequestEntries.member.1.Message=a%2Bb+c%26d%3D%C3%A9%0A%7B%7D");
        assertThat(req.form())
                .containsExactly(
                        Map.entry("Action", "PublishBatch"),
                        Map.entry("Version", "2010-03-31"),
                        Map.entry("TopicArn", "arn:aws:sns:us-east-1:1:t"),
                        Map.entry("PublishBatchRequestEntries.member.1.Id", "a"),
                        Map.entry("PublishBatchRequestEntries.member.1.Message", "a+b c&d=\u00e9\n{}"),
                        Map.entry("PublishBatchRequestEntries.member.1.Subject", "[HIGH] s"),
                        Map.entry("PublishBatchRequestEntries.member.1.MessageAttributes.entry.1.Name", "ruleId"),
                        Map.entry(
                                "PublishBatchRequestEntries.member.1.MessageAttributes.entry.1.Value.DataType",
                                "String"),
                        Map.entry(
                                "PublishBatchRequestEntries.member.1.MessageAttributes.entry.1.Value.StringValue",
                                "r1"),
                        Map.entry("PublishBatchRequestEntries.member.2.Id", "b"),
                        Map.entry("PublishBatchRequestEntries.member.2.Message", "second"));
        assertThat(aws.snsPublished()).singleElement().satisfies(m -> {
            assertThat(m.message()).isEqualTo("a+b c&d=\u00e9\n{}");
            assertThat(m.attributes()).containsExactly(Map.entry("ruleId", "r1"));
        });
    }

    @Test
    void publishIsAnsweredToo() {
        String id = aws.snsClient()
                .publish(p -> p.topicArn("arn:aws:sns:us-east-1:1:t").message("hi"))
                .messageId();

        assertThat(id).startsWith("msg-");
        assertThat(aws.snsPublished()).singleElement().satisfies(m -> {
            assertThat(m.id()).isNull();
            assertThat(m.message()).isEqualTo("hi");
        });
    }

    @Test
    void putEventsIsJsonWithTimeInEpochSeconds() {
        PutEventsResponse r = aws.eventBridgeClient()
                .putEvents(p -> p.entries(PutEventsRequestEntry.builder()
                        .source("trailkit")
                        .detailType("trailkit Finding")
                        .detail("{\"a\":1}")
                        .eventBusName("default")
                        .time(Instant.parse("2024-01-02T03:04:05.678Z"))
                        .build()));

        assertThat(r.failedEntryCount()).isZero();
        assertThat(r.entries())
                .singleElement()
                .satisfies(e -> assertThat(e.eventId()).startsWith("ev-"));
        assertThat(aws.requests().get(0).body())
                .isEqualTo("{\"Entries\":[{\"Time\":1704164645.678,"
                        + "\"Source\":\"trailkit\",\"DetailType\":\"trailkit Finding\",\"Detail\":\"{\\\"a\\\":1}\","
                        + "\"EventBusName\":\"default\"}]}");
        assertThat(aws.eventsPut().get(0).time()).isEqualTo(Instant.parse("2024-01-02T03:04:05.678Z"));
    }

    @Test
    void scriptedErrorsReachTheSdkAsTheServicesOwn() {
        aws.throttleNext(2).failNext(1, 503);

        SnsException snsThrottled = catchThrowableOfType(
                SnsException.class,
                () -> aws.snsClient().publish(p -> p.topicArn("t").message("m")));
        ThrottlingException ebThrottled = catchThrowableOfType(
                ThrottlingException.class,
                () -> aws.eventBridgeClient()
                        .putEvents(p -> p.entries(PutEventsRequestEntry.builder()
                                .source("s")
                                .detailType("d")
                                .detail("{}")
                                .build())));
        SdkServiceException down = catchThrowableOfType(
                SdkServiceException.class,
                () -> aws.snsClient().publish(p -> p.topicArn("t").message("m")));

        assertThat(snsThrottled.awsErrorDetails().errorCode()).isEqualTo("Throttling");
        assertThat(snsThrottled.isThrottlingException()).isTrue();
        assertThat(ebThrottled.isThrottlingException()).isTrue();
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(aws.requests()).extracting(Request::status).containsExactly(400, 400, 503);
        assertThat(aws.snsPublished()).isEmpty();
    }
}
