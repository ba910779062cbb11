package io.github.trailkit.examples;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.github.trailkit.lambda.FindingSink;
import io.github.trailkit.lambda.SinkException;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.UserIdentity;
import io.github.trailkit.rules.Finding;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A custom {@link FindingSink}: posts each finding to a webhook URL (a chat channel's incoming webhook, an incident
 * tool, your own endpoint) as JSON, with the JDK's {@link HttpClient} and no other dependency.
 *
 * <p>The body is {@code {"text": "...", "finding": {...}}}: {@code text} is one line for people, in the field chat
 * webhooks (Slack, Mattermost, Rocket.Chat) display, and {@code finding} is {@link Finding#toJson(boolean)
 * toJson(false)} for programs.
 *
 * <pre>{@code
 * FindingSink webhook = new WebhookSink(URI.create(System.getenv("WEBHOOK_URL")));
 * webhook.send(findings);   // one POST per finding; throws SinkException naming the findings not delivered
 * }</pre>
 *
 * <p>A 2xx answer is a delivery. A 429, a 5xx or an I/O error is tried again, up to three attempts per finding with a
 * growing pause; any other answer is not. When findings remain undelivered, {@link #send} still tries the others, then
 * throws {@link SinkException} listing them, and the handler fails the invocation so that the log object is read
 * again (delivery is at least once: use the finding's {@code dedupKey} to recognise a repeat). Thread-safe.
 */
public final class WebhookSink implements FindingSink {
    private static final int ATTEMPTS = 3;

    private final URI url;
    private final HttpClient client;
    private final Duration timeout;
    private final Duration pause;

    /**
     * A sink posting to {@code url}, with a 10 s timeout per request.
     *
     * <pre>{@code
     * new WebhookSink(URI.create("https://hooks.example.com/services/T000/B000/XXXX"))
     * }</pre>
     */
    public WebhookSink(URI url) {
        this(
                url,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                Duration.ofSeconds(10),
                Duration.ofMillis(200));
    }

    /**
     * A sink posting to {@code url} with this client, timeout per request and first pause between attempts (doubled
     * after each).
     *
     * <pre>{@code
     * new WebhookSink(url, HttpClient.newHttpClient(), Duration.ofSeconds(3), Duration.ofMillis(10))
     * }</pre>
     */
    public WebhookSink(URI url, HttpClient client, Duration timeout, Duration pause) {
        this.url = Objects.requireNonNull(url, "url");
        if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
            throw new IllegalArgumentException("a webhook URL is http or https, found " + url);
        }
        this.client = Objects.requireNonNull(client, "client");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.pause = Objects.requireNonNull(pause, "pause");
    }

    /** {@code webhook:} and the host only: webhook paths often hold a secret token, which must not reach logs. */
    @Override
    public String name() {
        return "webhook:" + url.getHost();
    }

    @Override
    public void send(List<Finding> findings) {
        List<Finding> failed = new ArrayList<>();
        String lastReason = null;
        Exception lastCause = null;
        for (Finding f : findings) {
            HttpRequest request = HttpRequest.newBuilder(url)
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(f)))
                    .build();
            String reason = null;
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                try {
                    int status = client.send(request, HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                    if (status / 100 == 2) {
                        reason = null;
                        break;
                    }
                    reason = "the webhook answered HTTP " + status;
                    if (status != 429 && status < 500) {
                        break; // the request itself is refused: sending it again cannot help
                    }
                } catch (IOException e) {
                    reason = "the webhook could not be reached: " + e;
                    lastCause = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SinkException(
                            name(), findings.subList(findings.indexOf(f), findings.size()), "interrupted", e);
                }
                if (attempt < ATTEMPTS) {
                    sleep(pause.multipliedBy(1L << (attempt - 1)));
                }
            }
            if (reason != null) {
                failed.add(f);
                lastReason = reason;
            }
        }
        if (!failed.isEmpty()) {
            throw new SinkException(name(), failed, lastReason, lastCause);
        }
    }

    /** The JSON body posted for {@code f}. */
    static String body(Finding f) {
        return "{\"text\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text(f))) + "\",\"finding\":"
                + f.toJson(false) + "}";
    }

    /** One line for people: {@code [CRITICAL] Root account used: ConsoleLogin by arn:... in 111122223333 us-east-1}. */
    static String text(Finding f) {
        CloudTrailRecord r = f.record();
        StringBuilder s = new StringBuilder();
        s.append('[').append(f.severity()).append("] ").append(f.title());
        r.eventName().ifPresent(n -> s.append(": ").append(n));
        r.userIdentity()
                .flatMap(UserIdentity::arn)
                .ifPresent(a -> s.append(" by ").append(a));
        if (r.recipientAccountId().isPresent() || r.awsRegion().isPresent()) {
            s.append(" in");
            r.recipientAccountId().ifPresent(a -> s.append(' ').append(a));
            r.awsRegion().ifPresent(a -> s.append(' ').append(a));
        }
        return s.toString();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
