package io.github.trailkit.lambda;

import io.github.trailkit.model.TrailkitException;
import io.github.trailkit.rules.Finding;
import java.util.List;
import java.util.Objects;

/**
 * A {@link FindingSink} could not deliver some findings, after its retries: which sink, how many findings, and why.
 *
 * <pre>{@code
 * try {
 *     sink.send(findings);
 * } catch (SinkException e) {
 *     log.error(e.sinkName() + " missed " + e.undeliveredCount() + " findings", e);
 *     LogSink.toStdout().send(e.undelivered());        // keep them somewhere, then fail the invocation
 *     throw e;
 * }
 * }</pre>
 */
public class SinkException extends TrailkitException {
    private static final long serialVersionUID = 1L;

    private final String sinkName;
    private final int undeliveredCount;
    private final transient List<Finding> undelivered;

    /**
     * The sink {@code sinkName} did not deliver {@code undelivered}.
     *
     * @param reason why, in words, such as the error codes the service answered with
     * @param cause the last exception seen, or null
     */
    public SinkException(String sinkName, List<Finding> undelivered, String reason, Throwable cause) {
        this(sinkName, undelivered.size(), List.copyOf(undelivered), reason, cause);
    }

    /**
     * The sink {@code sinkName} did not deliver {@code undeliveredCount} findings, which are not known one by one.
     *
     * @param reason why, in words
     * @param cause the last exception seen, or null
     */
    public SinkException(String sinkName, int undeliveredCount, String reason, Throwable cause) {
        this(sinkName, undeliveredCount, List.of(), reason, cause);
    }

    private SinkException(
            String sinkName, int undeliveredCount, List<Finding> undelivered, String reason, Throwable cause) {
        super(
                Objects.requireNonNull(sinkName, "sinkName") + ": " + undeliveredCount
                        + (undeliveredCount == 1 ? " finding" : " findings") + " not delivered"
                        + (reason == null || reason.isEmpty() ? "" : ": " + reason),
                cause);
        if (undeliveredCount < 0) {
            throw new IllegalArgumentException("undeliveredCount must not be negative: " + undeliveredCount);
        }
        this.sinkName = sinkName;
        this.undeliveredCount = undeliveredCount;
        this.undelivered = undelivered;
    }

    /** The {@link FindingSink#name()} of the sink that failed. */
    public String sinkName() {
        return sinkName;
    }

    /** How many findings were not delivered. */
    public int undeliveredCount() {
        return undeliveredCount;
    }

    /**
     * The findings that were not delivered, in the order they were given to {@code send}; empty when the sink could
     * not tell which (or after the exception was serialized).
     */
    public List<Finding> undelivered() {
        return undelivered == null ? List.of() : undelivered;
    }
}
