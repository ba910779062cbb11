package io.github.trailkit.lambda.internal.sinks;

import io.github.trailkit.lambda.internal.Once;
import java.time.Duration;
import java.util.Objects;

/**
 * What the builder of a batching sink (SNS, EventBridge) was given: the client, the retry settings and the sink's own
 * settings, each at most once (a second one throws {@link IllegalStateException} naming it). The sink's builder
 * keeps one and passes each of its methods on.
 *
 * <pre>{@code
 * BatchSinkOptions<SnsClient> options = new BatchSinkOptions<>();
 * options.client(client);
 * BatchDelivery delivery = options.delivery("sns:" + arn, 10, 256 * 1024, SinkException::new);
 * }</pre>
 *
 * <p>Not thread-safe, as a builder is not.
 *
 * @param <C> the SDK client type
 */
public final class BatchSinkOptions<C> {
    private final Once once = new Once();
    private C client;
    private int maxAttempts = 5;
    private Duration baseDelay = Duration.ofMillis(100);

    /** The client; required. */
    public void client(C client) {
        Objects.requireNonNull(client, "client");
        once.mark("client");
        this.client = client;
    }

    /** Most requests per batch, the first one included; 5 by default, at least 1. */
    public void maxAttempts(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        once.mark("maxAttempts");
        this.maxAttempts = maxAttempts;
    }

    /** The first wait before a retry; 100 ms by default. */
    public void baseDelay(Duration baseDelay) {
        if (baseDelay == null || baseDelay.isNegative()) {
            throw new IllegalArgumentException("baseDelay must be zero or positive, was " + baseDelay);
        }
        once.mark("baseDelay");
        this.baseDelay = baseDelay;
    }

    /**
     * Checks a setting of the sink's own, {@code what}: not null, given once.
     *
     * @return the value
     */
    public <T> T given(T value, String what) {
        Objects.requireNonNull(value, what);
        once.mark(what);
        return value;
    }

    /** Checks a text setting of the sink's own: not null, not blank, given once. */
    public String text(String value, String what) {
        if (Objects.requireNonNull(value, what).isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        once.mark(what);
        return value;
    }

    /**
     * @return the client
     * @throws NullPointerException when none was given
     */
    public C client() {
        return Objects.requireNonNull(client, "client");
    }

    /** The delivery of a sink named {@code sinkName} whose service takes these batch limits. */
    public BatchDelivery delivery(
            String sinkName, int maxEntries, long maxBytes, BatchDelivery.Undelivered undelivered) {
        return new BatchDelivery(sinkName, maxEntries, maxBytes, maxAttempts, baseDelay, undelivered);
    }
}
