package io.github.trailkit.lambda.sinks;

import static io.github.trailkit.lambda.sinks.SinkFixtures.findings;
import static io.github.trailkit.lambda.sinks.SinkFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.trailkit.lambda.EventBridgeSink;
import io.github.trailkit.lambda.SinkException;
import io.github.trailkit.lambda.testing.RecordingAwsEndpoint;
import io.github.trailkit.lambda.testing.RecordingAwsEndpoint.EventBridgeEvent;
import io.github.trailkit.lambda.testing.RecordingAwsEndpoint.Request;
import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.rules.Finding;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link EventBridgeSink} against a recording fake of EventBridge, through the real SDK client (its retries off). */
final class EventBridgeSinkTest {
    private RecordingAwsEndpoint aws;
    private EventBridgeSink sink;

    @BeforeEach
    void start() {
        aws = RecordingAwsEndpoint.start();
        sink = sink(5);
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    private EventBridgeSink sink(int maxAttempts) {
        return EventBridgeSink.builder()
                .client(aws.eventBridgeClient())
                .maxAttempts(maxAttempts)
                .baseDelay(Duration.ofMillis(1))
                .build();
    }

    @Test
    void eachFindingIsOneEventWhoseDetailIsTheFinding() {
        List<Finding> findings = findings(3);

        sink.send(findings);

        Request request = aws.requests().get(0);
        assertThat(request.header("X-Amz-Target")).isEqualTo("AWSEvents.PutEvents");
        assertThat(request.header("Content-Type")).isEqualTo("application/x-amz-json-1.1");
        List<EventBridgeEvent> events = aws.eventsPut();
        assertThat(events).hasSize(3);
        for (int i = 0; i < 3; i++) {
            EventBridgeEvent e = events.get(i);
            Finding f = findings.get(i);
            assertThat(e.source()).isEqualTo("trailkit");
            assertThat(e.detailType()).isEqualTo("trailkit Finding");
            assertThat(e.eventBusName()).isEqualTo("default");
            assertThat(e.resources()).isEmpty();
            assertThat(e.time()).isEqualTo(f.record().eventTime().get());
            JsonNode detail = e.detailJson();
            assertThat(detail).isEqualTo(parse(f.toJson(true)));
            assertThat(detail.get("ruleId").asText()).isEqualTo("sns-topic-created");
            assertThat(detail.get("severity").asText()).isEqualTo("HIGH");
            assertThat(detail.get("recordIndex").asInt()).isEqualTo(i);
            assertThat(CloudTrail.reader().readRecord(detail.get("record").toString()))
                    .isEqualTo(f.record());
        }
        assertThat(request.json().path("Entries").get(0).has("Resources")).isFalse();
    }

    @Test
    void sourceAndBusAreConfigurableAndARecordWithoutTimeSendsNoTime() {
        EventBridgeSink custom = EventBridgeSink.builder()
                .client(aws.eventBridgeClient())
                .eventBusName("arn:aws:events:us-east-2:111122223333:event-bus/security")
                .source("com.example.trailkit")
                .build();

        custom.send(List.of(SinkFixtures.sparse()));

        EventBridgeEvent e = aws.eventsPut().get(0);
        assertThat(e.eventBusName()).isEqualTo("arn:aws:events:us-east-2:111122223333:event-bus/security");
        assertThat(e.source()).isEqualTo("com.example.trailkit");
        assertThat(e.time()).isNull();
        assertThat(aws.requests().get(0).json().path("Entries").get(0).has("Time"))
                .isFalse();
        assertThat(custom.name()).isEqualTo("eventbridge:arn:aws:events:us-east-2:111122223333:event-bus/security");
    }

    @Test
    void elevenFindingsTakeTwoRequests() {
        sink.send(findings(11));

        assertThat(aws.requests("PutEvents")).extracting(r -> r.events().size()).containsExactly(10, 1);
        assertThat(aws.eventsPut())
                .extracting(e -> e.detailJson().get("recordIndex").asInt())
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void bigRecordsSplitBatchesBySizeAsAwsCountsIt() {
        sink.send(findings(5, 100_000));

        List<Request> requests = aws.requests();
        assertThat(requests).extracting(r -> r.events().size()).containsExactly(2, 2, 1);
        for (Request r : requests) {
            long bytes = 0;
            for (EventBridgeEvent e : r.events()) {
                bytes += utf8(e.source()) + utf8(e.detailType()) + utf8(e.detail()) + (e.time() == null ? 0 : 14);
            }
            assertThat(bytes).isLessThanOrEqualTo(256 * 1024);
        }
    }

    @Test
    void aRecordTooBigForOneEventIsLeftOutOfIt() {
        Finding huge = findings(1, 300_000).get(0);

        sink.send(List.of(huge));

        assertThat(aws.eventsPut().get(0).detailJson()).isEqualTo(parse(huge.toJson(false)));
    }

    @Test
    void failedEntriesWithRetryableCodesAreSentAgainAlone() {
        aws.failEntries(e -> e.position() == 1, 1, "ThrottlingException", false)
                .failEntries(e -> e.payload().contains("\"recordIndex\":4"), 1, "InternalFailure", false);

        sink.send(findings(6));

        List<Request> requests = aws.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).events())
                .extracting(e -> e.detailJson().get("recordIndex").asInt())
                .containsExactly(1, 4);
        assertThat(aws.eventsPut())
                .extracting(e -> e.detailJson().get("recordIndex").asInt())
                .containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
    }

    @Test
    void otherEntryErrorsAreNotRetriedAndSendThrows() {
        aws.failEntries(e -> e.position() == 0, Integer.MAX_VALUE, "MalformedDetail", true);
        List<Finding> findings = findings(3);

        SinkException e = catchThrowableOfType(SinkException.class, () -> sink.send(findings));

        assertThat(e.undelivered()).containsExactly(findings.get(0));
        assertThat(e)
                .hasMessage("eventbridge:default: 1 finding not delivered: "
                        + "#0 sns-topic-created: MalformedDetail: scripted entry failure");
        assertThat(aws.requests()).hasSize(1);
        assertThat(aws.eventsPut()).hasSize(2);
    }

    @Test
    void throttlingAndServerErrorsAreRetried() {
        aws.throttleNext(1).failNext(1, 500).failNext(1, 503);

        sink.send(findings(2));

        assertThat(aws.requests()).extracting(Request::status).containsExactly(400, 500, 503, 200);
        assertThat(aws.eventsPut()).hasSize(2);
    }

    @Test
    void aBusThatStaysDownFailsAfterMaxAttempts() {
        aws.failAlways(503);

        SinkException e = catchThrowableOfType(SinkException.class, () -> sink(4).send(findings(11)));

        assertThat(e.undeliveredCount()).isEqualTo(11);
        assertThat(e.sinkName()).isEqualTo("eventbridge:default");
        assertThat(e).hasMessageContaining("gave up after 4 attempts, last: ServiceUnavailableException (HTTP 503)");
        assertThat(aws.requests()).hasSize(4);
    }

    @Test
    void aValidationErrorIsNotRetried() {
        aws.failNext(1, 400);

        SinkException e = catchThrowableOfType(SinkException.class, () -> sink.send(findings(2)));

        assertThat(e.undeliveredCount()).isEqualTo(2);
        assertThat(e).hasMessageContaining("ValidationException (HTTP 400)");
        assertThat(aws.requests()).hasSize(1);
    }

    @Test
    void builderChecksItsArguments() {
        assertThatThrownBy(() -> EventBridgeSink.builder().build()).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> EventBridgeSink.builder().source(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventBridgeSink.builder().maxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(sink.eventBusName()).isEqualTo("default");
        assertThat(sink.source()).isEqualTo("trailkit");
        assertThat(Instant.parse("2024-03-01T12:30:00Z"))
                .isEqualTo(findings(1).get(0).record().eventTime().get());
    }

    @Test
    void aSettingGivenTwiceIsRefusedByName() {
        assertThatThrownBy(() -> EventBridgeSink.builder().eventBusName("a").eventBusName("b"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("eventBusName already set");
        assertThatThrownBy(() -> EventBridgeSink.builder().source("a").source("b"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("source already set");
        assertThatThrownBy(() -> EventBridgeSink.builder()
                        .client(aws.eventBridgeClient())
                        .client(aws.eventBridgeClient()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("client already set");
        assertThatThrownBy(() -> EventBridgeSink.builder().maxAttempts(2).maxAttempts(2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("maxAttempts already set");
    }

    private static long utf8(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }
}
