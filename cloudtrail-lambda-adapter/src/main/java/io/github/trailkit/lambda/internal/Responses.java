package io.github.trailkit.lambda.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.trailkit.lambda.internal.Invocation.BatchJob;
import io.github.trailkit.lambda.internal.Invocation.BatchTask;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The JSON documents the function returns for the triggers that expect an answer: the SQS partial batch response and
 * the S3 Batch Operations result. Both are written as compact UTF-8 JSON.
 *
 * <p>Inputs are checked before anything is written, because a malformed answer is worse than an exception: Lambda
 * treats an SQS response naming an empty or unknown {@code itemIdentifier} as a failure of the <em>whole</em> batch,
 * and S3 Batch Operations needs exactly one result per task.
 */
public final class Responses {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Responses() {}

    /** An S3 Batch Operations task result code, with the text S3 expects on the wire. */
    public enum ResultCode {
        /** The task succeeded. */
        SUCCEEDED("Succeeded"),
        /** The task failed for a reason that may pass; S3 Batch Operations retries it. */
        TEMPORARY_FAILURE("TemporaryFailure"),
        /** The task failed for good; S3 Batch Operations does not retry it. */
        PERMANENT_FAILURE("PermanentFailure");

        private final String wireName;

        ResultCode(String wireName) {
            this.wireName = wireName;
        }

        /** {@return the value written as {@code resultCode}, such as {@code "TemporaryFailure"}} */
        public String wireName() {
            return wireName;
        }
    }

    /**
     * The result of one Batch Operations task.
     *
     * @param taskId the {@code taskId} of the task, as received
     * @param code the result code
     * @param resultString a short text S3 puts in the job's completion report; null writes no {@code resultString}
     */
    public record TaskResult(String taskId, ResultCode code, String resultString) {
        /** Checks the parts. */
        public TaskResult {
            Objects.requireNonNull(taskId, "taskId");
            Objects.requireNonNull(code, "code");
        }
    }

    /**
     * The SQS partial batch response: {@code {"batchItemFailures":[{"itemIdentifier":"<messageId>"}, ...]}}. An empty
     * list gives {@code {"batchItemFailures":[]}}, which Lambda reads as complete success. Duplicate ids are written
     * once, in first-seen order.
     *
     * @param failedMessageIds the {@code messageId}s of the messages to return to the queue
     * @return the response document
     * @throws IllegalArgumentException if an id is null or empty (Lambda would fail the whole batch)
     */
    public static byte[] sqsBatchResponse(List<String> failedMessageIds) {
        Objects.requireNonNull(failedMessageIds, "failedMessageIds");
        Set<String> ids = new LinkedHashSet<>();
        for (String id : failedMessageIds) {
            if (id == null || id.isEmpty()) {
                throw new IllegalArgumentException("a failed message id is null or empty");
            }
            ids.add(id);
        }
        ObjectNode root = NODES.objectNode();
        ArrayNode failures = root.putArray("batchItemFailures");
        for (String id : ids) {
            failures.addObject().put("itemIdentifier", id);
        }
        return write(root);
    }

    /**
     * The S3 Batch Operations result: {@code {"invocationSchemaVersion":"<same>","treatMissingKeysAs":
     * "PermanentFailure","invocationId":"<same>","results":[{"taskId":"...","resultCode":"...",
     * "resultString":"..."}]}}, with the results in the job's task order.
     *
     * @param job the job as decoded (its schema version and invocation id are echoed)
     * @param results exactly one result per task of the job, in any order
     * @return the response document
     * @throws IllegalArgumentException if a task has no result, has two, or a result names no task of the job
     */
    public static byte[] batchOperationsResponse(BatchJob job, List<TaskResult> results) {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(results, "results");
        Map<String, TaskResult> byTask = new LinkedHashMap<>();
        for (TaskResult result : results) {
            Objects.requireNonNull(result, "result");
            if (byTask.put(result.taskId(), result) != null) {
                throw new IllegalArgumentException("two results for task " + result.taskId());
            }
        }
        ObjectNode root = NODES.objectNode();
        root.put("invocationSchemaVersion", job.schemaVersion());
        root.put("treatMissingKeysAs", ResultCode.PERMANENT_FAILURE.wireName());
        root.put("invocationId", job.invocationId());
        ArrayNode out = root.putArray("results");
        for (BatchTask task : job.tasks()) {
            TaskResult result = byTask.remove(task.taskId());
            if (result == null) {
                throw new IllegalArgumentException("no result for task " + task.taskId());
            }
            ObjectNode node = out.addObject();
            node.put("taskId", result.taskId());
            node.put("resultCode", result.code().wireName());
            if (result.resultString() != null) {
                node.put("resultString", result.resultString());
            }
        }
        if (!byTask.isEmpty()) {
            throw new IllegalArgumentException("results for tasks not in the job: " + byTask.keySet());
        }
        return write(root);
    }

    private static byte[] write(ObjectNode root) {
        return JsonTrees.write(root);
    }
}
