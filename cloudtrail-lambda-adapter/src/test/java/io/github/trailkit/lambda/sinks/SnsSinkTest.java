package io.github.trailkit.lambda.sinks;

import static io.github.trailkit.lambda.sinks.SinkFixtures.SOURCE;
import static io.github.trailkit.lambda.sinks.SinkFixtures.TOPIC;
import static io.github.trailkit.lambda.sinks.SinkFixtures.findings;
import static io.github.trailkit.lambda.sinks.SinkFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.trailkit.lambda.SinkException;
import io.github.trailkit.lambda.SnsSink;
import io.github.trailkit.lambda.testing.RecordingAwsEndpoint;
import io.github.trailkit.lambda.testing.RecordingAwsEndpoint.Request;
import io.github.trailkit.lambda.testing.RecordingAwsEndpoint.SnsMessage;
import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.rules.Finding;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link SnsSink} against a recording fake of SNS, through the real SDK client (its own retries off). */
final class SnsSinkTest {
    private RecordingAwsEndpoint aws;
    private SnsSink sink;

    @BeforeEach
    void start() {
        aws = RecordingAwsEndpoint.start();
        sink = sink(5);
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    private SnsSink sink(int maxAttempts) {
        return SnsSink.builder()
                .client(aws.snsClient())
                .topicArn(TOPIC)
                .maxAttempts(maxAttempts)
                .baseDelay(Duration.ofMillis(1))
                .build();
    }

    /** The finding JSON after the summary and its blank line. */
    private static JsonNode findingJson(SnsMessage m) {
        return parse(m.message().substring(m.message().indexOf("\n\n") + 2));
    }

    private static String summary(SnsMessage m) {
        return m.message().substring(0, m.message().indexOf("\n\n"));
    }

    @Test
    void twentyFiveFindingsGoInBatchesOfTenTenAndFive() {
        List<Finding> findings = findings(25);

        sink.send(findings);

        List<Request> requests = aws.requests("PublishBatch");
        assertThat(aws.requests()).hasSameSizeAs(requests);
        assertThat(requests).extracting(r -> r.snsMessages().size()).containsExactly(10, 10, 5);
        for (Request r : requests) {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.form()).containsEntry("TopicArn", TOPIC).containsEntry("Version", "2010-03-31");
            assertThat(r.snsMessages()).extracting(SnsMessage::id).doesNotHaveDuplicates();
        }
        List<SnsMessage> published = aws.snsPublished();
        assertThat(published).hasSize(25);
        for (int i = 0; i < 25; i++) {
            SnsMessage m = published.get(i);
            Finding f = findings.get(i);
            assertThat(findingJson(m)).isEqualTo(parse(f.toJson(true)));
            assertThat(m.attributes())
                    .containsExactly(Map.entry("ruleId", "sns-topic-created"), Map.entry("severity", "HIGH"));
            assertThat(m.dataTypes()).containsOnly(Map.entry("ruleId", "String"), Map.entry("severity", "String"));
            assertThat(m.subject()).isEqualTo("[HIGH] sns-topic-created: CreateTopic in 111122223333 us-east-2");
            assertThat(m.messageGroupId()).isNull();
        }
        assertThat(published)
                .extracting(m -> findingJson(m).get("eventID").asText())
                .containsExactlyElementsOf(
                        findings.stream().map(f -> f.record().eventID().get()).toList());
    }

    @Test
    void messageIsAReadableSummaryThenTheFindingWithItsRecord() {
        Finding f = findings(1).get(0);

        sink.send(List.of(f));

        SnsMessage m = aws.snsPublished().get(0);
        assertThat(summary(m))
                .isEqualTo(String.join(
                        "\n",
                        "SNS topic created",
                        "Rule: sns-topic-created",
                        "Severity: HIGH",
                        "Tags: cis-3.x, messaging",
                        "Who: arn:aws:iam::111122223333:user/alice",
                        "What: sns.amazonaws.com CreateTopic",
                        "When: 2024-03-01T12:30:00Z",
                        "Where: account 111122223333, region us-east-2",
                        "Event ID: 0000-ev-0",
                        "Source: " + SOURCE + ", record 0"));
        JsonNode json = findingJson(m);
        assertThat(json.get("recordIndex").asLong()).isZero();
        assertThat(CloudTrail.reader().readRecord(json.get("record").toString()))
                .isEqualTo(f.record());
    }

    @Test
    void subjectIsAsciiAndShorterThanOneHundredCharacters() {
        Finding sparse = SinkFixtures.sparse();
        Finding longOne = Finding.builder()
                .from(findings(1).get(0))
                .ruleId("r-" + "\u00e9".repeat(150))
                .build();

        sink.send(List.of(sparse, longOne));

        List<SnsMessage> published = aws.snsPublished();
        assertThat(published.get(0).subject()).isEqualTo("[CRITICAL] root-activity: ConsoleLogin");
        assertThat(summary(published.get(0)))
                .isEqualTo(String.join(
                        "\n",
                        "Root user activity: \u00e9t\u00e9 \u2603 \"quoted\"",
                        "Rule: root-activity",
                        "Severity: CRITICAL",
                        "Who: Root 111122223333",
                        "What: ConsoleLogin"));
        String subject = published.get(1).subject();
        assertThat(subject)
                .hasSize(99)
                .startsWith("[HIGH] r-???")
                .endsWith("...")
                .matches("[\\x20-\\x7e]+");
        assertThat(published.get(1).attributes()).containsEntry("ruleId", "r-" + "\u00e9".repeat(150));
    }

    @Test
    void bigRecordsSplitBatchesBySize() {
        List<Finding> findings = findings(5, 100_000); // each message about 101 KB: two fit in 256 KiB, three do not

        sink.send(findings);

        List<Request> requests = aws.requests("PublishBatch");
        assertThat(requests).extracting(r -> r.snsMessages().size()).containsExactly(2, 2, 1);
        for (Request r : requests) {
            long bytes = 0;
            for (SnsMessage m : r.snsMessages()) {
                bytes += utf8(m.message()) + utf8(m.subject());
                for (Map.Entry<String, String> a : m.attributes().entrySet()) {
                    bytes += utf8(a.getKey()) + utf8(m.dataTypes().get(a.getKey())) + utf8(a.getValue());
                }
            }
            assertThat(bytes).isLessThanOrEqualTo(256 * 1024);
        }
        assertThat(aws.snsPublished())
                .hasSize(5)
                .allSatisfy(m -> assertThat(findingJson(m).has("record")).isTrue());
    }

    @Test
    void aRecordTooBigForOneMessageIsLeftOutOfIt() {
        Finding huge = findings(1, 300_000).get(0);

        sink.send(List.of(huge));

        SnsMessage m = aws.snsPublished().get(0);
        assertThat(findingJson(m)).isEqualTo(parse(huge.toJson(false)));
        assertThat(summary(m)).endsWith("Record: left out, too large for one message; read it at the source");
        assertThat(utf8(m.message())).isLessThan(256 * 1024);
    }

    @Test
    void a503IsRetriedAndEachFindingIsPublishedOnce() {
        aws.failNext(1, 503);
        List<Finding> findings = findings(3);

        sink.send(findings);

        assertThat(aws.requests()).extracting(Request::status).containsExactly(503, 200);
        assertThat(aws.requests().get(1).snsMessages()).hasSize(3);
        assertThat(aws.snsPublished())
                .extracting(m -> findingJson(m).get("eventID").asText())
                .containsExactly("0000-ev-0", "0000-ev-1", "0000-ev-2");
    }

    @Test
    void throttlingAndServerErrorsAreRetried() {
        aws.throttleNext(1).failNext(1, 429).failNext(1, 500);

        sink.send(findings(2));

        assertThat(aws.requests()).extracting(Request::status).containsExactly(400, 429, 500, 200);
        assertThat(aws.snsPublished()).hasSize(2);
    }

    @Test
    void onlyTheEntryThatFailedRetryablyIsSentAgain() {
        aws.failEntries(e -> e instanceof SnsMessage m && m.id().equals("3"), 1, "InternalError", false);

        sink.send(findings(5));

        List<Request> requests = aws.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).snsMessages()).extracting(SnsMessage::id).containsExactly("3");
        assertThat(aws.snsPublished())
                .extracting(m -> findingJson(m).get("recordIndex").asInt())
                .containsExactlyInAnyOrder(0, 1, 2, 3, 4);
    }

    @Test
    void aTopicThatStaysDownFailsAfterMaxAttemptsCountingEveryFinding() {
        aws.failAlways(503);
        SnsSink three = sink(3);
        List<Finding> findings = findings(25);

        SinkException e = catchThrowableOfType(SinkException.class, () -> three.send(findings));

        assertThat(e.sinkName()).isEqualTo("sns:" + TOPIC);
        assertThat(e.undeliveredCount()).isEqualTo(25);
        assertThat(e.undelivered()).containsExactlyElementsOf(findings);
        assertThat(e)
                .hasMessageStartingWith("sns:" + TOPIC + ": 25 findings not delivered: gave up after 3 attempts")
                .hasMessageContaining("ServiceUnavailable (HTTP 503)")
                .hasMessageContaining("15 more not sent");
        assertThat(aws.requests()).hasSize(3); // the first batch's attempts; the other batches are not tried
        assertThat(aws.snsPublished()).isEmpty();
    }

    @Test
    void senderFaultsAreNotRetriedTheRestIsPublishedAndSendThrows() {
        aws.failEntries(
                e -> e instanceof SnsMessage m && (m.id().equals("2") || m.id().equals("11")),
                Integer.MAX_VALUE,
                "InvalidParameter",
                true);
        List<Finding> findings = findings(12);

        SinkException e = catchThrowableOfType(SinkException.class, () -> sink.send(findings));

        assertThat(e.undeliveredCount()).isEqualTo(2);
        assertThat(e.undelivered()).containsExactly(findings.get(2), findings.get(11));
        assertThat(e)
                .hasMessage("sns:" + TOPIC + ": 2 findings not delivered: "
                        + "#2 sns-topic-created: InvalidParameter: scripted entry failure; "
                        + "#11 sns-topic-created: InvalidParameter: scripted entry failure");
        assertThat(aws.requests()).hasSize(2); // 10 + 2, nothing sent again
        assertThat(aws.snsPublished())
                .hasSize(10)
                .extracting(m -> findingJson(m).get("recordIndex").asInt())
                .doesNotContain(2, 11);
    }

    @Test
    void aRequestRefusedForGoodStopsAtOnce() {
        aws.failNext(1, 404);

        SinkException e = catchThrowableOfType(SinkException.class, () -> sink.send(findings(12)));

        assertThat(e.undeliveredCount()).isEqualTo(12);
        assertThat(e)
                .hasMessageContaining("request failed: NotFound (HTTP 404)")
                .hasMessageContaining("2 more not sent");
        assertThat(aws.requests()).hasSize(1);
    }

    @Test
    void fifoTopicsGetAGroupAndADeduplicationId() {
        SnsSink fifo = SnsSink.builder()
                .client(aws.snsClient())
                .topicArn(TOPIC + ".fifo")
                .build();
        List<Finding> twice = new ArrayList<>(findings(2));
        twice.add(twice.get(0));

        fifo.send(twice);

        List<SnsMessage> published = aws.snsPublished();
        assertThat(published).extracting(SnsMessage::messageGroupId).containsOnly("sns-topic-created");
        assertThat(published).extracting(SnsMessage::messageDeduplicationId).allMatch(id -> id.matches("[0-9a-f]{64}"));
        assertThat(published.get(0).messageDeduplicationId())
                .isEqualTo(published.get(2).messageDeduplicationId())
                .isNotEqualTo(published.get(1).messageDeduplicationId());
    }

    @Test
    void nothingToSendSendsNothing() {
        sink.send(List.of());

        assertThat(aws.requests()).isEmpty();
    }

    @Test
    void oneSinkServesManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> sink.send(findings(15))));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(aws.snsPublished()).hasSize(60);
        assertThat(aws.snsPublished().stream()
                        .collect(Collectors.groupingBy(
                                m -> findingJson(m).get("eventID").asText(), Collectors.counting())))
                .hasSize(15)
                .allSatisfy((id, n) -> assertThat(n).isEqualTo(4));
    }

    @Test
    void builderChecksItsArguments() {
        assertThatThrownBy(() -> SnsSink.builder().topicArn(TOPIC).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessage("client");
        assertThatThrownBy(() -> SnsSink.builder().client(aws.snsClient()).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessage("topicArn");
        assertThatThrownBy(() -> SnsSink.builder().maxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SnsSink.builder().baseDelay(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(sink.name()).isEqualTo("sns:" + TOPIC);
        assertThat(sink.topicArn()).isEqualTo(TOPIC);
    }

    @Test
    void aSettingGivenTwiceIsRefusedByName() {
        assertThatThrownBy(() -> SnsSink.builder().topicArn(TOPIC).topicArn(TOPIC + "-2"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("topicArn already set");
        assertThatThrownBy(() -> SnsSink.builder().client(aws.snsClient()).client(aws.snsClient()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("client already set");
        assertThatThrownBy(() -> SnsSink.builder().maxAttempts(2).maxAttempts(3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("maxAttempts already set");
        assertThatThrownBy(() -> SnsSink.builder().baseDelay(Duration.ZERO).baseDelay(Duration.ofMillis(5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("baseDelay already set");
        // a refused value does not count as given
        SnsSink.Builder builder = SnsSink.builder();
        assertThatThrownBy(() -> builder.maxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(builder.maxAttempts(2)
                        .client(aws.snsClient())
                        .topicArn(TOPIC)
                        .build()
                        .topicArn())
                .isEqualTo(TOPIC);
    }

    private static long utf8(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }
}
