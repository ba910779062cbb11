package io.github.trailkit.lambda.handler;

import static io.github.trailkit.lambda.testing.TriggerEvents.s3Event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.trailkit.lambda.TrailkitHandler;
import io.github.trailkit.lambda.testing.LoopbackS3;
import io.github.trailkit.lambda.testing.RecordingAwsEndpoint;
import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.CloudTrailWriter.LogFileWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 100 MB log object is streamed from S3 through the handler in a JVM whose whole heap is smaller than the object
 * (the object is plain JSON under a .json.gz key: the reader tells gzip by its first bytes; surefire's {@code small-heap} execution runs this class with {@code -Xmx64m}; the S3 server and the recording
 * endpoint share that heap). Holding the object whole anywhere would end in an {@code OutOfMemoryError}.
 */
@Tag("small-heap")
class LargeObjectStreamingTest {
    static final String BUCKET = "big-trail";
    static final String KEY = "AWSLogs/123456789012/CloudTrail/us-east-2/2015/01/24/"
            + "123456789012_CloudTrail_us-east-2_20150124T2330Z_hundredMegaBytes.json.gz";
    static final long SIZE = 100L * 1024 * 1024;

    @Test
    void aHundredMegabyteObjectIsStreamedUnderASmallHeap(@TempDir Path dir) throws Exception {
        long maxHeap = Runtime.getRuntime().maxMemory();
        assertThat(maxHeap).as("run by the small-heap execution").isLessThan(SIZE);

        Path file = dir.resolve("log.json");
        long records = writeLog(file);
        assertThat(Files.size(file)).isGreaterThanOrEqualTo(SIZE);

        Path store = Files.createDirectory(dir.resolve("store"));
        ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        try (LoopbackS3 s3 = LoopbackS3.onDisk(store);
                RecordingAwsEndpoint aws = RecordingAwsEndpoint.start()) {
            s3.createBucket(BUCKET);
            s3.put(BUCKET, KEY, file);
            TrailkitHandler handler = TrailkitHandler.builder()
                    .environment(Map.of(
                            "TRAILKIT_RULES", "classpath:/rules/sns-topic-created.yaml",
                            "TRAILKIT_SNS_TOPIC_ARN", "arn:aws:sns:us-east-2:123456789012:big",
                            "TRAILKIT_LOG_FINDINGS", "false"))
                    .s3(s3.handlerClient())
                    .sns(aws.snsClient())
                    .logTo(new PrintStream(logBytes, true, StandardCharsets.UTF_8))
                    .build();

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(
                    new ByteArrayInputStream(s3Event(BUCKET, KEY).getBytes(StandardCharsets.UTF_8)), out, null);

            JsonNode summary = new ObjectMapper().readTree(out.toByteArray());
            assertThat(summary.path("read").asLong())
                    .as(logBytes.toString(StandardCharsets.UTF_8))
                    .isEqualTo(1);
            assertThat(summary.path("records").asLong()).isEqualTo(records);
            assertThat(summary.path("findings").asLong()).isEqualTo(2);
            assertThat(aws.snsPublished())
                    .extracting(m -> m.attributes().get("ruleId"))
                    .containsExactly("sns-topic-created", "sns-topic-created");
        }
    }

    /** A CreateTopic, then GetTopicAttributes calls up to 100 MB, then another CreateTopic; returns the count. */
    private static long writeLog(Path path) throws Exception {
        CloudTrailRecord createTopic;
        CloudTrailRecord get;
        try (InputStream in = LargeObjectStreamingTest.class.getResourceAsStream(
                        "/logs/lambda-with-cloudtrail-CreateTopic-GetTopicAttributes.json.gz");
                var log = CloudTrail.reader().read(in, "sample")) {
            Iterator<CloudTrailRecord> it = log.iterator();
            createTopic = it.next();
            get = it.next();
        }
        long count = 0;
        long[] written = {0};
        try (OutputStream file = Files.newOutputStream(path);
                OutputStream counted = new FilterOutputStream(file) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        file.write(b, off, len);
                        written[0] += len;
                    }
                };
                LogFileWriter log = CloudTrail.writer().openLog(counted)) {
            log.write(CloudTrailRecord.builder()
                    .from(createTopic)
                    .eventID("first-create-topic")
                    .build());
            count++;
            while (written[0] < SIZE) {
                log.write(CloudTrailRecord.builder()
                        .from(get)
                        .eventID("get-" + count)
                        .build());
                count++;
            }
            log.write(CloudTrailRecord.builder()
                    .from(createTopic)
                    .eventID("last-create-topic")
                    .build());
            count++;
        }
        return count;
    }
}
