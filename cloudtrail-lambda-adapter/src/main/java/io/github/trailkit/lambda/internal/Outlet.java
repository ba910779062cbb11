package io.github.trailkit.lambda.internal;

import io.github.trailkit.rules.Finding;
import java.util.List;
import java.util.function.Consumer;

/**
 * One place findings are delivered to, as the handler's delivery sees a sink: its name and what sends a batch. The
 * public sink type lives above this layer; the handler adapts each of its sinks into an outlet whose {@code send}
 * reports a failed delivery as {@link Undelivered}.
 *
 * <pre>{@code
 * Outlet log = new Outlet("log", batch -> batch.forEach(System.out::println));
 * }</pre>
 *
 * @param name the sink's name, for log lines
 * @param send delivers a batch; throws {@link Undelivered} for whatever it did not deliver, and nothing else
 */
public record Outlet(String name, Consumer<List<Finding>> send) {
    /**
     * A sink's report that it did not deliver some findings.
     *
     * <pre>{@code
     * throw new Outlet.Undelivered("sns:arn:...", 3, "sns:arn:...: 3 findings not delivered: throttled", cause);
     * }</pre>
     */
    public static final class Undelivered extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String sinkName;
        private final int count;

        /**
         * @param sinkName the sink's name
         * @param count how many findings were not delivered
         * @param message the whole message, as the sink's own exception has it
         * @param cause the sink's exception
         */
        public Undelivered(String sinkName, int count, String message, Throwable cause) {
            super(message, cause);
            this.sinkName = sinkName;
            this.count = count;
        }

        public String sinkName() {
            return sinkName;
        }

        public int count() {
            return count;
        }
    }
}
