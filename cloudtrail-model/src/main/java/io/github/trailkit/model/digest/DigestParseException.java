package io.github.trailkit.model.digest;

import io.github.trailkit.model.CloudTrailParseException;

/**
 * A digest file could not be read: not gzip, not JSON, not a JSON object, or a required field is missing or of the
 * wrong type. The message names the file.
 *
 * <pre>{@code
 * try {
 *     DigestFile digest = DigestFile.parse(bytes, key);
 * } catch (DigestParseException e) {
 *     System.err.println(e.getMessage()); // "<key>: missing required field digestEndTime"
 * }
 * }</pre>
 */
public class DigestParseException extends CloudTrailParseException {
    private static final long serialVersionUID = 1L;

    /** An exception for {@code source} at {@code byteOffset} of the uncompressed JSON ({@code -1} when unknown). */
    public DigestParseException(String source, long byteOffset, String reason, Throwable cause) {
        super(source, -1, byteOffset, reason, cause);
    }
}
