package io.github.trailkit.model;

/**
 * What a reader does with a record that is not valid.
 *
 * <pre>{@code
 * CloudTrailReader lenient = CloudTrail.reader().onProblem(ProblemPolicy.SKIP_AND_REPORT);
 * }</pre>
 */
public enum ProblemPolicy {
    /**
     * Throw an {@link InvalidRecordException} at the first bad record, a {@link CloudTrailParseException} at the first
     * damaged JSON (the default). A member whose value cannot be read is not a bad record unless the reader's {@link
     * FieldPolicy} is {@link FieldPolicy#REJECT_RECORD}.
     */
    FAIL_FAST,
    /**
     * Skip the bad record, report it in {@link CloudTrailLog#problems()} with its index, byte offset and reason, and
     * deliver every other record. Damaged JSON inside the {@code Records} array (a syntax error, invalid UTF-8, a
     * duplicate member name, a bad number) costs the damaged record: the reader reports the span it passes over and
     * reads on at the next record (see {@link CloudTrailLog}).
     */
    SKIP_AND_REPORT
}
