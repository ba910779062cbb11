package io.github.trailkit.model;

/**
 * What a reader does with a record that is not valid.
 *
 * <pre>{@code
 * CloudTrailReader lenient = CloudTrail.reader().onProblem(ProblemPolicy.SKIP_AND_REPORT);
 * }</pre>
 */
public enum ProblemPolicy {
    /** Throw an {@link InvalidRecordException} at the first bad record (the default). */
    FAIL_FAST,
    /**
     * Skip the bad record, report it in {@link CloudTrailLog#problems()} with its index, byte offset and reason, and
     * deliver every other record.
     */
    SKIP_AND_REPORT
}
