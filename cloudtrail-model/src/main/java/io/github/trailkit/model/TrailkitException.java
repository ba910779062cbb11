package io.github.trailkit.model;

/**
 * The root of every exception trailkit throws for a problem it can name: bad CloudTrail data ({@link
 * CloudTrailException} and its subclasses, with the file, record index and byte offset), an invalid rule document or
 * Sigma rule ({@code RuleDocumentException}, with every problem's line and column), a metric filter pattern it cannot
 * read ({@code MetricFilterException}, with the column), or findings a sink could not deliver ({@code SinkException},
 * with the sink and the findings). Each subclass keeps its typed details; catch the root to handle them all in one
 * place. Misuse of the API (a null argument, a setting out of range) still gets {@link IllegalArgumentException},
 * {@link NullPointerException} or {@link IllegalStateException}.
 *
 * <pre>{@code
 * try {
 *     RuleSet rules = RuleSet.of(RuleDocuments.read(Path.of("rules.yaml")));
 *     try (CloudTrailLog log = CloudTrail.reader().read(path)) {
 *         log.forEach(record -> sink.send(rules.findings(record)));
 *     }
 * } catch (TrailkitException e) {
 *     System.err.println(e.getMessage()); // names the file, line or record, and what is wrong
 * }
 * }</pre>
 */
public class TrailkitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message. */
    public TrailkitException(String message) {
        super(message);
    }

    /** An exception with a message and a cause (which may be null). */
    public TrailkitException(String message, Throwable cause) {
        super(message, cause);
    }
}
