package io.github.trailkit.model;

/**
 * The root of the exceptions trailkit throws for a problem with CloudTrail data (not for misuse of the API, which
 * gets {@link IllegalArgumentException} or {@link IllegalStateException}); itself a {@link TrailkitException}, the
 * root of every exception of the library.
 *
 * <pre>{@code
 * try (CloudTrailLog log = CloudTrail.reader().read(path)) {
 *     log.forEach(this::handle);
 * } catch (CloudTrailException e) {
 *     System.err.println(e.getMessage());   // names the file, the record and the byte offset
 * }
 * }</pre>
 */
public class CloudTrailException extends TrailkitException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message. */
    public CloudTrailException(String message) {
        super(message);
    }

    /** An exception with a message and a cause. */
    public CloudTrailException(String message, Throwable cause) {
        super(message, cause);
    }
}
