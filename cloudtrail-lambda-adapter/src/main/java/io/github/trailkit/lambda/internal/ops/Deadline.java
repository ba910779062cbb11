package io.github.trailkit.lambda.internal.ops;

import com.amazonaws.services.lambda.runtime.Context;

/**
 * The invocation's deadline: before each object or batch of carried records is started, {@link #refusal()} asks the
 * Lambda context how much time is left and refuses once it is under the margin. Work that is refused is handed back
 * for retry whole (never started, so never half-delivered).
 *
 * <p>The margin is the time one object (GET, read, match) and the delivery of its findings may take. So that a margin
 * larger than a short function timeout cannot starve every invocation, the effective margin is at most half the time
 * that was left when the invocation began. Once refused, every later check refuses too, so the work handed back is
 * the tail of the batch in order. Not thread-safe: one per invocation.
 */
public final class Deadline {
    /**
     * The default margin, 3 s: about 2.6 times the longest single-object cost measured, the handler's cold first
     * object (1,132 ms from building the handler to the first finding of a 1,000-record object, README Performance);
     * a warm object of that size takes a few milliseconds, so 3 s also covers a large object plus a sink's retries.
     */
    public static final long DEFAULT_MARGIN_MILLIS = 3_000;

    private final Context context;
    private final long margin;
    private String refusal;
    private long remainingAtRefusal = -1;
    private long objectsHandedBack;
    private long recordBatchesHandedBack;
    private long unitsHandedBack;

    private Deadline(Context context, long marginMillis) {
        this.context = context;
        if (context == null || marginMillis <= 0) {
            this.margin = 0;
        } else {
            long atStart = context.getRemainingTimeInMillis();
            this.margin = Math.min(marginMillis, Math.max(0, atStart / 2));
        }
    }

    /**
     * A deadline for one invocation.
     *
     * @param context the invocation's context; null (a direct call, a test) never refuses
     * @param marginMillis the margin; 0 turns the check off
     */
    public static Deadline of(Context context, long marginMillis) {
        return new Deadline(context, marginMillis);
    }

    /** {@return null when the next piece of work may start, else why not (and from then on, always)} */
    public String refusal() {
        if (refusal != null || margin == 0) {
            return refusal;
        }
        long remaining = context.getRemainingTimeInMillis();
        if (remaining < margin) {
            remainingAtRefusal = remaining;
            refusal = "deadline: " + remaining + " ms left, under the margin of " + margin
                    + " ms; not started, handed back for retry";
        }
        return refusal;
    }

    /**
     * Counts work handed back.
     *
     * @param objects the objects not started
     * @param recordBatches the batches of carried records not started
     * @param unit whether a whole unit of work (an SQS message, a Kinesis record, a Batch Operations task) was not
     *     started
     */
    public void handedBack(long objects, long recordBatches, boolean unit) {
        objectsHandedBack += objects;
        recordBatchesHandedBack += recordBatches;
        if (unit) {
            unitsHandedBack++;
        }
    }

    /** {@return the objects handed back} */
    public long objectsHandedBack() {
        return objectsHandedBack;
    }

    /** {@return the batches of carried records handed back} */
    public long recordBatchesHandedBack() {
        return recordBatchesHandedBack;
    }

    /** {@return the whole units of work (messages, stream records, tasks) handed back} */
    public long unitsHandedBack() {
        return unitsHandedBack;
    }

    /** {@return whether work was refused} */
    public boolean refused() {
        return refusal != null;
    }

    /** {@return the effective margin in milliseconds (0: off)} */
    public long marginMillis() {
        return margin;
    }

    /** {@return the time left when work was first refused, or -1} */
    public long remainingAtRefusal() {
        return remainingAtRefusal;
    }
}
