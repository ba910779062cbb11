package io.github.trailkit.examples;

import io.github.trailkit.lambda.TrailkitHandler;
import io.github.trailkit.lambda.testing.LoopbackS3;
import io.github.trailkit.lambda.testing.RecordingAwsEndpoint;
import io.github.trailkit.lambda.testing.TriggerEvents;
import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the examples' Lambda tests share: S3Proxy on loopback holding log files under real CloudTrail keys, a
 * recording SNS endpoint, and a way to hand a handler the S3 notification AWS would send (all from the adapter's
 * test-jar).
 */
final class LambdaFixture implements AutoCloseable {
    static final String BUCKET = "trail-bucket";
    static final String DAY = "AWSLogs/123456789012/CloudTrail/us-east-2/2015/01/24/";
    /** The AWS documentation's log file: a CreateTopic, then a GetTopicAttributes, both by the root user. */
    static final String SAMPLE_KEY = DAY + "123456789012_CloudTrail_us-east-2_20150124T2330Z_tKGwUkXxLSJzB0bm.json.gz";

    final LoopbackS3 s3 = LoopbackS3.inMemory();
    final RecordingAwsEndpoint aws = RecordingAwsEndpoint.start();
    final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);

    LambdaFixture() {
        s3.createBucket(BUCKET);
        s3.put(BUCKET, SAMPLE_KEY, resource("/logs/lambda-with-cloudtrail-CreateTopic-GetTopicAttributes.json.gz"));
    }

    /** Puts a gzip'd CloudTrail log file of these records at {@code key}. */
    void putLog(String key, List<CloudTrailRecord> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CloudTrail.writer().gzip(true).writeLog(records, out);
        s3.put(BUCKET, key, out.toByteArray());
    }

    /** Hands {@code handler} the S3 ObjectCreated:Put notification for these keys; returns its answer. */
    String invoke(TrailkitHandler handler, String... keys) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] event = TriggerEvents.s3Event(BUCKET, keys).getBytes(StandardCharsets.UTF_8);
        handler.handleRequest(new ByteArrayInputStream(event), answer, null);
        return answer.toString(StandardCharsets.UTF_8);
    }

    /** What the handler and its log sink wrote. */
    String log() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    /** One record, read as CloudTrail writes it. */
    static CloudTrailRecord record(String json) {
        return CloudTrail.reader().readRecord(json);
    }

    static byte[] resource(String name) {
        try (InputStream in = LambdaFixture.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        aws.close();
        s3.close();
    }
}
