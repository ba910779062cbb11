package io.github.trailkit.lambda.internal;

import static io.github.trailkit.lambda.internal.TriggerDecoderTest.decodeFixture;
import static io.github.trailkit.lambda.internal.TriggerDecoderTest.fixtureBytes;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.trailkit.lambda.internal.Invocation.BatchJob;
import io.github.trailkit.lambda.internal.Invocation.BatchTask;
import io.github.trailkit.lambda.internal.Responses.ResultCode;
import io.github.trailkit.lambda.internal.Responses.TaskResult;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The answers the function returns: the SQS partial batch response (reference section 6.4, compared with AWS's
 * published example) and the S3 Batch Operations result (user guide "Invoke AWS Lambda function", example response).
 */
final class ResponsesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /* ---------------------------------------------------------------- SQS partial batch response */

    @Test
    void sqsBatchResponse_matchesThePublishedExample() throws IOException {
        byte[] doc = Responses.sqsBatchResponse(List.of("id2", "id4"));

        assertThat(tree(doc)).isEqualTo(JSON.readTree(fixtureBytes("lambda-sqs-partial-batch-response.json")));
    }

    @Test
    void sqsBatchResponse_isCompactUtf8Json() {
        byte[] doc = Responses.sqsBatchResponse(List.of("id2", "\u00e9"));

        assertThat(new String(doc, UTF_8))
                .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"id2\"},{\"itemIdentifier\":\"\u00e9\"}]}");
    }

    @Test
    void sqsBatchResponse_noFailures_isAnEmptyList() throws IOException {
        assertThat(tree(Responses.sqsBatchResponse(List.of()))).isEqualTo(JSON.readTree("{\"batchItemFailures\":[]}"));
    }

    @Test
    void sqsBatchResponse_duplicatesAreWrittenOnceInFirstSeenOrder() throws IOException {
        assertThat(tree(Responses.sqsBatchResponse(List.of("b", "a", "b", "a", "c"))))
                .isEqualTo(JSON.readTree("{\"batchItemFailures\":[{\"itemIdentifier\":\"b\"},"
                        + "{\"itemIdentifier\":\"a\"},{\"itemIdentifier\":\"c\"}]}"));
    }

    @Test
    void sqsBatchResponse_nullOrEmptyIdIsRejected_becauseLambdaWouldFailTheWholeBatch() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Responses.sqsBatchResponse(List.of("a", "")))
                .withMessage("a failed message id is null or empty");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Responses.sqsBatchResponse(Arrays.asList("a", null)))
                .withMessage("a failed message id is null or empty");
        assertThatNullPointerException()
                .isThrownBy(() -> Responses.sqsBatchResponse(null))
                .withMessage("failedMessageIds");
    }

    @Test
    void sqsBatchResponse_fromDecodedMessagesWithProblems() throws IOException {
        Invocation inv = decodeFixture("lambda-sqs-event-mixed-bodies.json");
        List<String> failed = inv.messages().stream()
                .filter(m -> !m.decoded())
                .map(m -> m.messageId())
                .toList();

        assertThat(tree(Responses.sqsBatchResponse(failed)))
                .isEqualTo(JSON.readTree(
                        "{\"batchItemFailures\":[{\"itemIdentifier\":\"00000000-0000-4000-8000-000000000005\"}]}"));
    }

    /* ---------------------------------------------------------------- S3 Batch Operations response */

    @Test
    void batchOperationsResponse_matchesThePublishedSchema10Example() throws IOException {
        // The request is the user guide's example request (ids as published); the expected response is the
        // published example response. Its resultString is printed there with a stray unescaped quote
        // ("[\"Mary Major", \"John Stiles\"]"), corrected here to valid JSON.
        BatchJob job = decodeFixture("s3-batch-operations-schema-1.0.json").batch();

        byte[] doc = Responses.batchOperationsResponse(
                job,
                List.of(new TaskResult(
                        "dGFza2lkZ29lc2hlcmUK", ResultCode.SUCCEEDED, "[\"Mary Major\", \"John Stiles\"]")));

        assertThat(tree(doc)).isEqualTo(JSON.readTree("""
                {
                  "invocationSchemaVersion": "1.0",
                  "treatMissingKeysAs" : "PermanentFailure",
                  "invocationId" : "YXNkbGZqYWRmaiBhc2RmdW9hZHNmZGpmaGFzbGtkaGZza2RmaAo",
                  "results": [
                    {
                      "taskId": "dGFza2lkZ29lc2hlcmUK",
                      "resultCode": "Succeeded",
                      "resultString": "[\\"Mary Major\\", \\"John Stiles\\"]"
                    }
                  ]
                }
                """));
    }

    @Test
    void batchOperationsResponse_schema20_echoesVersionAndId_resultsInTaskOrder() throws IOException {
        BatchJob job = decodeFixture("s3-batch-operations-schema-2.0.json").batch();

        byte[] doc = Responses.batchOperationsResponse(
                job,
                List.of(
                        new TaskResult(
                                "dGFzay0yCg",
                                ResultCode.PERMANENT_FAILURE,
                                "NoSuchKey: The specified key does not exist."),
                        new TaskResult(
                                "dGFzay0xCg",
                                ResultCode.TEMPORARY_FAILURE,
                                "Retry request to Amazon S3 due to timeout.")));

        assertThat(tree(doc)).isEqualTo(JSON.readTree("""
                {
                  "invocationSchemaVersion": "2.0",
                  "treatMissingKeysAs": "PermanentFailure",
                  "invocationId": "Zm9vYmFyYmF6cXV4Cg",
                  "results": [
                    {"taskId": "dGFzay0xCg", "resultCode": "TemporaryFailure",
                     "resultString": "Retry request to Amazon S3 due to timeout."},
                    {"taskId": "dGFzay0yCg", "resultCode": "PermanentFailure",
                     "resultString": "NoSuchKey: The specified key does not exist."}
                  ]
                }
                """));
    }

    @Test
    void batchOperationsResponse_nullResultStringIsLeftOut() throws IOException {
        BatchJob job = new BatchJob("1.0", "inv", List.of(new BatchTask("t1", new ObjectRef("b", "k"))));

        assertThat(tree(Responses.batchOperationsResponse(
                        job, List.of(new TaskResult("t1", ResultCode.SUCCEEDED, null)))))
                .isEqualTo(JSON.readTree("{\"invocationSchemaVersion\":\"1.0\",\"treatMissingKeysAs\":"
                        + "\"PermanentFailure\",\"invocationId\":\"inv\",\"results\":[{\"taskId\":\"t1\","
                        + "\"resultCode\":\"Succeeded\"}]}"));
    }

    @Test
    void resultCodes_haveTheDocumentedWireNames() {
        assertThat(ResultCode.values())
                .extracting(ResultCode::wireName)
                .containsExactly("Succeeded", "TemporaryFailure", "PermanentFailure");
    }

    @Test
    void batchOperationsResponse_needsExactlyOneResultPerTask() {
        BatchJob job = decodeFixture("s3-batch-operations-schema-2.0.json").batch();
        TaskResult first = new TaskResult("dGFzay0xCg", ResultCode.SUCCEEDED, "ok");
        TaskResult second = new TaskResult("dGFzay0yCg", ResultCode.SUCCEEDED, "ok");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Responses.batchOperationsResponse(job, List.of(first)))
                .withMessage("no result for task dGFzay0yCg");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Responses.batchOperationsResponse(job, List.of(first, second, first)))
                .withMessage("two results for task dGFzay0xCg");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Responses.batchOperationsResponse(
                        job, List.of(first, second, new TaskResult("other", ResultCode.SUCCEEDED, null))))
                .withMessage("results for tasks not in the job: [other]");
    }

    private static JsonNode tree(byte[] doc) throws IOException {
        return JSON.readTree(doc);
    }
}
