package io.github.trailkit.lambda.internal;

import java.util.Objects;

/**
 * What became of one S3 object.
 *
 * @param object the object
 * @param status how it ended
 * @param records the records read from it (also when it failed part way)
 * @param findings the findings its records gave, before de-duplication
 * @param badRecords the records skipped as invalid (each logged with its index and byte offset)
 * @param reason why it was skipped or failed, or null when it was read whole
 * @param bytes the bytes of the object that arrived from S3 (as stored; 0 when not counted)
 */
public record ObjectOutcome(
        ObjectRef object, Status status, long records, long findings, long badRecords, String reason, long bytes) {

    /** An outcome whose bytes were not counted. */
    public ObjectOutcome(ObjectRef object, Status status, long records, long findings, long badRecords, String reason) {
        this(object, status, records, findings, badRecords, reason, 0);
    }

    /** How an object ended. */
    public enum Status {
        /** Read to the end; its findings were handed to the sinks. */
        READ,
        /** Not read: not a log file the handler takes (a digest, an Insights file unless wanted, another object). */
        SKIPPED,
        /**
         * Failed for good: the object no longer exists, is not a CloudTrail log, is damaged or over the size limit.
         * Retrying cannot help, so it is logged once and does not fail the invocation; findings from the records
         * before the damage were still sent.
         */
        PERMANENT_FAILURE,
        /** Failed in a way that may pass (throttling, a 5xx, a broken connection): the object must be read again. */
        TRANSIENT_FAILURE
    }

    /** Checks the parts. */
    public ObjectOutcome {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(status, "status");
    }

    /** {@return true when the object must be read again (its message, task or invocation fails)} */
    public boolean mustRetry() {
        return status == Status.TRANSIENT_FAILURE;
    }
}
