package io.github.trailkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.trailkit.lambda.SinkException;
import io.github.trailkit.rules.Finding;
import io.github.trailkit.rules.RuleSet;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook sink and the handler that uses it, against S3Proxy and a webhook receiver on loopback. */
class CustomSinkExampleTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static LambdaFixture fx;

    Webhook webhook;

    @BeforeAll
    static void start() {
        fx = new LambdaFixture();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @BeforeEach
    void startWebhook() throws IOException {
        webhook = new Webhook();
    }

    @AfterEach
    void stopWebhook() {
        webhook.server.stop(0);
    }

    WebhookSink sink() {
        return new WebhookSink(webhook.uri(), HttpClient.newHttpClient(), Duration.ofSeconds(5), Duration.ofMillis(1));
    }

    @Test
    void postsEveryFindingOfTheLogFileToTheWebhook() throws Exception {
        CustomSinkExample handler = new CustomSinkExample(sink(), fx.s3.handlerClient(), fx.log);

        String answer = fx.invoke(handler, LambdaFixture.SAMPLE_KEY);

        // CreateTopic: a topic created, by root; GetTopicAttributes: by root
        List<JsonNode> posts = webhook.bodies();
        assertThat(posts)
                .extracting(p -> p.path("finding").path("ruleId").asText() + " "
                        + p.path("finding").path("eventName").asText())
                .containsExactlyInAnyOrder(
                        "sns-topic-created CreateTopic",
                        "root-account-activity CreateTopic",
                        "root-account-activity GetTopicAttributes");
        assertThat(posts)
                .extracting(p -> p.path("text").asText())
                .contains(
                        "[HIGH] SNS topic created: CreateTopic by arn:aws:iam::123456789012:root in 123456789012 us-east-2");
        assertThat(webhook.contentTypes).containsOnly("application/json");
        assertThat(answer).contains("\"findings\":3").contains("\"delivered\":3");
    }

    @Test
    void aWebhookThatStaysDownFailsTheInvocationSoTheLogFileIsReadAgain() {
        webhook.status = 503;
        CustomSinkExample handler = new CustomSinkExample(sink(), fx.s3.handlerClient(), fx.log);

        assertThatThrownBy(() -> fx.invoke(handler, LambdaFixture.SAMPLE_KEY))
                .hasMessageContaining("webhook:127.0.0.1")
                .hasMessageContaining("HTTP 503");
        assertThat(webhook.bodies()).hasSize(3 * 3); // three findings, three attempts each
    }

    @Test
    void aRefusedRequestIsNotSentAgainAndOnlyTheRefusedFindingsAreReported() {
        webhook.status = 400;
        Finding finding = RuleSet.of(CustomSinkExample.ruleList())
                .findings(LambdaFixture.record(RootActivityAlarmTest.ROOT_CONSOLE_LOGIN))
                .get(0);

        assertThatThrownBy(() -> sink().send(List.of(finding))).isInstanceOfSatisfying(SinkException.class, e -> {
            assertThat(e.undelivered()).containsExactly(finding);
            assertThat(e.getMessage()).contains("HTTP 400");
        });
        assertThat(webhook.bodies()).hasSize(1);
    }

    @Test
    void theSinkNameLeavesOutTheUrlPathWhichOftenHoldsASecret() {
        assertThat(new WebhookSink(URI.create("https://hooks.example.com/services/T0/B0/secret")).name())
                .isEqualTo("webhook:hooks.example.com");
    }

    /** A webhook receiver on loopback: keeps each request, answers {@link #status}. */
    static final class Webhook {
        final HttpServer server;
        final List<String> bodies = new ArrayList<>();
        final List<String> contentTypes = new ArrayList<>();
        volatile int status = 200;

        Webhook() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/hooks/T0/secret", exchange -> {
                try (exchange) {
                    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    synchronized (this) {
                        bodies.add(body);
                        contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
                    }
                    exchange.sendResponseHeaders(status, -1);
                }
            });
            server.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/T0/secret");
        }

        synchronized List<JsonNode> bodies() {
            List<JsonNode> out = new ArrayList<>();
            for (String b : bodies) {
                try {
                    out.add(JSON.readTree(b));
                } catch (IOException e) {
                    throw new AssertionError("not JSON: " + b, e);
                }
            }
            return out;
        }
    }
}
