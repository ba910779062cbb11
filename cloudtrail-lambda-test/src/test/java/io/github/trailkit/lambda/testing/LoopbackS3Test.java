package io.github.trailkit.lambda.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailLog;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.test.CloudTrailRecords;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The loopback S3 with the real SDK client: a log file made from records reads back as those records; faults. */
class LoopbackS3Test {
    static final String KEY = "trail logs+1/AWSLogs/123456789012/CloudTrail/us-east-1/2024/01/15/"
            + "123456789012_CloudTrail_us-east-1_20240115T1200Z_loopback00001.json.gz";

    @Test
    void logFileOfRecords_readsBackThroughTheHandlersClient() throws Exception {
        CloudTrailRecord created = CloudTrailRecords.apiCall("sns.amazonaws.com", "CreateTopic")
                .eventId("e-1")
                .build();
        CloudTrailRecord login =
                CloudTrailRecords.consoleSignIn().eventId("e-2").build();
        try (LoopbackS3 s3 = LoopbackS3.inMemory()) {
            s3.createBucket("trail");
            s3.putLogFile("trail", KEY, created, login);
            S3Client client = s3.handlerClient();
            ResponseBytes<GetObjectResponse> body =
                    client.getObjectAsBytes(g -> g.bucket("trail").key(KEY));

            List<CloudTrailRecord> read = new ArrayList<>();
            try (CloudTrailLog log = CloudTrail.reader().read(body.asByteArray(), KEY)) {
                log.forEach(read::add);
            }
            assertThat(read).containsExactly(created, login);
            assertThat(s3.gets()).hasSize(1);
        }
    }

    @Test
    void scriptedFault_reachesTheHandlersClientOnce() {
        try (LoopbackS3 s3 = LoopbackS3.inMemory()) {
            s3.createBucket("trail");
            s3.putLogFile("trail", KEY);
            s3.failNextGets(1, 403, "AccessDenied");
            S3Client client = s3.handlerClient();

            assertThatThrownBy(
                            () -> client.getObjectAsBytes(g -> g.bucket("trail").key(KEY)))
                    .isInstanceOfSatisfying(
                            S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
            assertThat(client.getObjectAsBytes(g -> g.bucket("trail").key(KEY)).asByteArray())
                    .isNotEmpty();
        }
    }
}
