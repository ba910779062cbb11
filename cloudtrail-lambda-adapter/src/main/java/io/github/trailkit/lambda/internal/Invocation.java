package io.github.trailkit.lambda.internal;

import java.util.List;
import java.util.Objects;

/**
 * What one Lambda invocation asks for, decoded by {@link TriggerDecoder} from whatever shape the trigger used.
 *
 * <p>Which parts are filled depends on {@link #kind()}:
 * <ul>
 *   <li>{@link Kind#SQS}: {@link #messages()}, one per SQS record in batch order (the answer is a partial batch
 *       response naming the failed message ids); {@link #objects()} is empty.</li>
 *   <li>{@link Kind#KINESIS}: {@link #messages()} too, one per Kinesis record, the sequence number as the message id
 *       and {@link SqsMessage#fromFifoQueue()} true (a stream is ordered: after a failed record, the rest are
 *       returned unread, as Lambda will read them again from the lowest failed sequence number).</li>
 *   <li>{@link Kind#BATCH_OPERATIONS}: {@link #batch()} (the answer is the Batch Operations result document);
 *       {@link #objects()} is empty.</li>
 *   <li>every other kind: {@link #objects()}, in the order the trigger listed them, and {@link #records()}, the
 *       CloudTrail records the event carried itself (EventBridge, CloudWatch Logs); {@link #messages()} is empty and
 *       {@link #batch()} is null.</li>
 * </ul>
 * Only object-creation events become objects. Everything deliberately skipped (test events, non-create S3 events,
 * CloudTrail's SNS validation message, SNS subscription confirmations) leaves one short reason in {@link #ignored()},
 * so nothing disappears without a trace.
 *
 * @param kind the trigger shape
 * @param objects the objects to process (not for SQS and Batch Operations)
 * @param messages the SQS messages (SQS only)
 * @param batch the Batch Operations job (Batch Operations only, else null)
 * @param ignored short reasons for what was skipped, in event order
 * @param records the records the event carried without a log file (not for SQS, Kinesis and Batch Operations)
 */
public record Invocation(
        Kind kind,
        List<ObjectRef> objects,
        List<SqsMessage> messages,
        BatchJob batch,
        List<String> ignored,
        List<EventRecord> records) {

    /** An invocation that carries no records itself. */
    public Invocation(
            Kind kind, List<ObjectRef> objects, List<SqsMessage> messages, BatchJob batch, List<String> ignored) {
        this(kind, objects, messages, batch, ignored, List.of());
    }

    /** The shape of the trigger that invoked the function. */
    public enum Kind {
        /** An S3 event notification delivered straight to Lambda ({@code Records[].eventSource == "aws:s3"}). */
        S3_EVENT,
        /** SNS to Lambda ({@code Records[].EventSource == "aws:sns"}) carrying S3 event notifications. */
        SNS,
        /** An EventBridge event from {@code aws.s3} delivered straight to Lambda. */
        EVENTBRIDGE,
        /** An SQS batch ({@code Records[].eventSource == "aws:sqs"}); see {@link Invocation#messages()}. */
        SQS,
        /** An S3 Batch Operations {@code LambdaInvoke} task batch; see {@link Invocation#batch()}. */
        BATCH_OPERATIONS,
        /** SNS to Lambda carrying only CloudTrail's own trail notifications ({@code s3Bucket}/{@code s3ObjectKey}). */
        CLOUDTRAIL_SNS,
        /** The bare {@code s3:TestEvent} S3 sends when a notification configuration is saved. */
        TEST_EVENT,
        /** An EventBridge event CloudTrail sent ({@code detail-type} "... via CloudTrail"), straight to Lambda. */
        CLOUDTRAIL_EVENT,
        /** A CloudWatch Logs subscription event {@code {"awslogs":{"data":"..."}}} straight to Lambda. */
        CLOUDWATCH_LOGS,
        /** A Kinesis Data Streams batch ({@code Records[].eventSource == "aws:kinesis"}); see {@link #messages()}. */
        KINESIS
    }

    /**
     * One SQS message of a batch. A message whose body could not be decoded has a {@code problem} and no objects; it
     * should be reported as a batch item failure (or sent on to the dead-letter queue), while the other messages of
     * the batch are processed normally.
     *
     * @param messageId the SQS {@code messageId}, used as the {@code itemIdentifier} of a partial batch response
     * @param objects the objects the body names, in order (empty for a test event or a problem)
     * @param problem why the body could not be decoded, or null when it was
     * @param fromFifoQueue whether the message came from a FIFO queue ({@code eventSourceARN} ends in {@code .fifo})
     *     or a Kinesis stream: then the messages after a failed one must not be processed, but reported as failed
     *     too, to keep their order
     * @param records the CloudTrail records the body carried itself (an EventBridge event CloudTrail sent, a
     *     CloudWatch Logs message), in order
     */
    public record SqsMessage(
            String messageId,
            List<ObjectRef> objects,
            String problem,
            boolean fromFifoQueue,
            List<EventRecord> records) {
        /** A message from a standard queue. */
        public SqsMessage(String messageId, List<ObjectRef> objects, String problem) {
            this(messageId, objects, problem, false);
        }

        /** A message that carries no records itself. */
        public SqsMessage(String messageId, List<ObjectRef> objects, String problem, boolean fromFifoQueue) {
            this(messageId, objects, problem, fromFifoQueue, List.of());
        }

        /** Checks and copies the parts. */
        public SqsMessage {
            Objects.requireNonNull(messageId, "messageId");
            objects = List.copyOf(objects);
            records = List.copyOf(records);
            if (problem != null && (!objects.isEmpty() || !records.isEmpty())) {
                throw new IllegalArgumentException("a message with a problem has no objects and no records");
            }
        }

        /** {@return true when the body was decoded (no problem)} */
        public boolean decoded() {
            return problem == null;
        }
    }

    /**
     * An S3 Batch Operations invocation: the values the response must echo, and the tasks.
     *
     * @param schemaVersion {@code invocationSchemaVersion} ({@code "1.0"} or {@code "2.0"}), echoed in the response
     * @param invocationId {@code invocationId}, echoed in the response
     * @param tasks the tasks, in order; the response needs one result per task
     */
    public record BatchJob(String schemaVersion, String invocationId, List<BatchTask> tasks) {
        /** Checks and copies the parts. */
        public BatchJob {
            Objects.requireNonNull(schemaVersion, "schemaVersion");
            Objects.requireNonNull(invocationId, "invocationId");
            tasks = List.copyOf(tasks);
        }
    }

    /**
     * One Batch Operations task.
     *
     * @param taskId the {@code taskId}, echoed in the task's result
     * @param object the object (key URL-decoded; bucket name taken from {@code s3BucketArn} or {@code s3Bucket})
     */
    public record BatchTask(String taskId, ObjectRef object) {
        /** Checks the parts. */
        public BatchTask {
            Objects.requireNonNull(taskId, "taskId");
            Objects.requireNonNull(object, "object");
        }
    }

    /** Checks that the parts fit the kind, and copies the lists. */
    public Invocation {
        Objects.requireNonNull(kind, "kind");
        objects = List.copyOf(objects);
        messages = List.copyOf(messages);
        ignored = List.copyOf(ignored);
        records = List.copyOf(records);
        if ((kind == Kind.BATCH_OPERATIONS) != (batch != null)) {
            throw new IllegalArgumentException("a batch job goes with kind BATCH_OPERATIONS only");
        }
        boolean items = kind == Kind.SQS || kind == Kind.KINESIS;
        if (!items && !messages.isEmpty()) {
            throw new IllegalArgumentException("messages go with kinds SQS and KINESIS only");
        }
        if ((items || kind == Kind.BATCH_OPERATIONS) && (!objects.isEmpty() || !records.isEmpty())) {
            throw new IllegalArgumentException("kind " + kind + " carries no top-level objects or records");
        }
    }
}
