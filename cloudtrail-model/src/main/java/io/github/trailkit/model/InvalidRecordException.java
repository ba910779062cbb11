package io.github.trailkit.model;

/**
 * One record of a log is not a valid CloudTrail record (a record that is not an object, a field of the wrong type,
 * an unreadable time). Thrown with {@link ProblemPolicy#FAIL_FAST}; with {@link ProblemPolicy#SKIP_AND_REPORT} the
 * same problem is reported through {@link CloudTrailLog#problems()} and reading goes on.
 *
 * <pre>{@code
 * catch (InvalidRecordException e) {
 *     RecordProblem p = e.problem();   // source, recordIndex, byteOffset, field pointer, reason
 * }
 * }</pre>
 */
public class InvalidRecordException extends CloudTrailParseException {
    private static final long serialVersionUID = 1L;

    private final transient RecordProblem problem;

    /** An exception for a problem. */
    public InvalidRecordException(RecordProblem problem, Throwable cause) {
        super(problem.source(), problem.recordIndex(), problem.byteOffset(), problem.reason(), cause);
        this.problem = problem;
    }

    /** The problem, as {@link CloudTrailLog#problems()} would report it. */
    public RecordProblem problem() {
        return problem;
    }
}
