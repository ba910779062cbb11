package io.github.trailkit.model;

/**
 * The input is not a CloudTrail log file: it is empty, not JSON, not gzip-compressed JSON, or JSON without a {@code
 * Records} array (a digest file, an S3 event, any other document). Retrying cannot help.
 *
 * <pre>{@code
 * try (CloudTrailLog log = CloudTrail.reader().read(in, key)) {
 *     log.forEach(sink);
 * } catch (NotCloudTrailLogException e) {
 *     skipped.add(key);   // e.g. a CloudTrail-Digest object delivered to the same prefix
 * }
 * }</pre>
 */
public class NotCloudTrailLogException extends CloudTrailParseException {
    private static final long serialVersionUID = 1L;

    /** An exception for {@code source}, found at {@code byteOffset} ({@code -1} when unknown). */
    public NotCloudTrailLogException(String source, long byteOffset, String reason, Throwable cause) {
        super(source, -1, byteOffset, reason, cause);
    }
}
