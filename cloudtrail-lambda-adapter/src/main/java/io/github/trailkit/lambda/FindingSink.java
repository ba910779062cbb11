package io.github.trailkit.lambda;

import io.github.trailkit.rules.Finding;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where findings go: an SNS topic ({@link SnsSink}), an EventBridge bus ({@link EventBridgeSink}), the function's log
 * ({@link LogSink}), or anything you write.
 *
 * <p>{@link #send} delivers every finding it is given or throws {@link SinkException}, naming the sink and how many
 * findings were not delivered, once its own retries are exhausted; it never drops a finding silently. The handler then
 * fails the invocation (or the SQS message), so that Lambda delivers the log object again: delivery is at least once,
 * and consumers can use {@link Finding#dedupKey()} to recognise a finding they have already seen.
 *
 * <p>Sinks are built once per Lambda container (in a static field or the handler's constructor), shared by every
 * invocation, and must be thread-safe. {@link #close()} releases what the sink owns; it does not close SDK clients
 * handed to a builder, which the caller owns.
 *
 * <p>A custom sink is one lambda expression; give it a name with {@link #of(String, Consumer)}:
 *
 * <pre>{@code
 * FindingSink slack = FindingSink.of("slack", findings -> {
 *     for (Finding f : findings) {
 *         webhook.post(f.severity() + " " + f.title() + "\n" + f.toJson(false));   // throw when the post fails
 *     }
 * });
 *
 * List<FindingSink> sinks = List.of(
 *         SnsSink.builder().client(sns).topicArn(System.getenv("TOPIC_ARN")).build(),
 *         LogSink.toStdout(),
 *         slack);
 * }</pre>
 *
 * <p>or implement the interface when the sink holds resources or retries on its own:
 *
 * <pre>{@code
 * final class WebhookSink implements FindingSink {
 *     public void send(List<Finding> findings) {
 *         List<Finding> failed = ...;                          // post each finding, keep the ones that failed
 *         if (!failed.isEmpty()) {
 *             throw new SinkException(name(), failed, "webhook answered 503", null);
 *         }
 *     }
 *     public String name() { return "webhook"; }
 *     public void close() { ... }                              // release connections
 * }
 * }</pre>
 */
@FunctionalInterface
public interface FindingSink extends AutoCloseable {

    /**
     * Delivers every finding, in order as far as the destination keeps order; does nothing for an empty list.
     *
     * @throws SinkException when some findings could not be delivered after the sink's retries; the other findings
     *     were delivered
     */
    void send(List<Finding> findings);

    /** A short name for messages and logs, such as {@code sns:arn:aws:sns:us-east-1:111122223333:alerts}. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** Releases what this sink owns; SDK clients passed to a builder are the caller's and stay open. */
    @Override
    default void close() {}

    /**
     * A sink named {@code name} that hands each list of findings to {@code action}; an exception other than {@link
     * SinkException} thrown by {@code action} becomes a {@code SinkException} counting every finding of the call as
     * not delivered.
     */
    static FindingSink of(String name, Consumer<? super List<Finding>> action) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(action, "action");
        return new FindingSink() {
            @Override
            public void send(List<Finding> findings) {
                if (findings.isEmpty()) {
                    return;
                }
                try {
                    action.accept(findings);
                } catch (SinkException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw new SinkException(name, findings, String.valueOf(e), e);
                }
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public String toString() {
                return "FindingSink(" + name + ")";
            }
        };
    }
}
