package io.github.trailkit.model;

import java.util.OptionalLong;

/**
 * A log file could not be read: it names the source (file or object key), the index of the record being read if
 * any, and the byte offset in the uncompressed JSON.
 *
 * <p>Subtypes say what kind of problem it is: {@link NotCloudTrailLogException} for input that is not a CloudTrail
 * log at all, {@link InvalidRecordException} for one bad record. Any other instance is a damaged log (truncated or
 * corrupt gzip, JSON syntax error, unreadable stream) that cannot be read past this point; every record before it was
 * delivered.
 *
 * <pre>{@code
 * catch (CloudTrailParseException e) {
 *     log.warn("{} record {} byte {}: {}", e.source(), e.recordIndex(), e.byteOffset(), e.reason());
 * }
 * }</pre>
 */
public class CloudTrailParseException extends CloudTrailException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final long recordIndex;
    private final long byteOffset;
    private final String reason;

    /**
     * An exception for {@code source} at {@code byteOffset} ({@code -1} when unknown), inside record {@code
     * recordIndex} ({@code -1} when not inside a record).
     */
    public CloudTrailParseException(String source, long recordIndex, long byteOffset, String reason, Throwable cause) {
        super(format(source, recordIndex, byteOffset, reason), cause);
        this.source = source;
        this.recordIndex = recordIndex;
        this.byteOffset = byteOffset;
        this.reason = reason;
    }

    static String format(String source, long recordIndex, long byteOffset, String reason) {
        StringBuilder sb = new StringBuilder(source);
        if (recordIndex >= 0) {
            sb.append(": record ").append(recordIndex);
        }
        if (byteOffset >= 0) {
            sb.append(recordIndex >= 0 ? " at byte " : ": at byte ").append(byteOffset);
        }
        return sb.append(": ").append(reason).toString();
    }

    /** The file name, object key or other name the input was read under. */
    public String source() {
        return source;
    }

    /** The zero-based index of the record in the {@code Records} array, when the problem is inside one. */
    public OptionalLong recordIndex() {
        return recordIndex < 0 ? OptionalLong.empty() : OptionalLong.of(recordIndex);
    }

    /** The byte offset in the uncompressed JSON where the problem was found, when known. */
    public OptionalLong byteOffset() {
        return byteOffset < 0 ? OptionalLong.empty() : OptionalLong.of(byteOffset);
    }

    /** What is wrong, without the source and position. */
    public String reason() {
        return reason;
    }
}
