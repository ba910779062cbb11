package io.github.trailkit.model;

import org.immutables.value.Value;

/**
 * A record that could not be read: where it is and what is wrong with it.
 *
 * <pre>{@code
 * for (RecordProblem p : log.problems()) {
 *     System.err.println(p);   // "logs/a.json.gz: record 3 at byte 1412: /Records/3/readOnly: expected a boolean, found a string"
 * }
 * }</pre>
 */
@Value.Immutable
@TrailkitStyle
public abstract class RecordProblem {
    RecordProblem() {}

    /** The file name or object key the log was read under. */
    public abstract String source();

    /** The zero-based index of the record in the log's {@code Records} array. */
    public abstract long recordIndex();

    /** The byte offset of the start of the record in the uncompressed JSON; {@code -1} when unknown. */
    public abstract long byteOffset();

    /** What is wrong, starting with the JSON pointer of the offending value when there is one. */
    public abstract String reason();

    /** {@code source: record N at byte B: reason}. */
    @Override
    public String toString() {
        return CloudTrailParseException.format(source(), recordIndex(), byteOffset(), reason());
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RecordProblem}; every attribute is required. */
    public static final class Builder extends ImmutableRecordProblem.Builder {
        Builder() {}
    }
}
