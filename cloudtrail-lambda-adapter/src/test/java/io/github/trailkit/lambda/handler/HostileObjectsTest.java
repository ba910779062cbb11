package io.github.trailkit.lambda.handler;

import static io.github.trailkit.lambda.handler.TrailkitHandlerTest.BUCKET;
import static io.github.trailkit.lambda.handler.TrailkitHandlerTest.BUS;
import static io.github.trailkit.lambda.handler.TrailkitHandlerTest.DAY;
import static io.github.trailkit.lambda.handler.TrailkitHandlerTest.JSON;
import static io.github.trailkit.lambda.handler.TrailkitHandlerTest.TOPIC;
import static io.github.trailkit.lambda.testing.TriggerEvents.s3Event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.trailkit.lambda.TrailkitHandler;
import io.github.trailkit.lambda.testing.LoopbackS3;
import io.github.trailkit.lambda.testing.RecordingAwsEndpoint;
import io.github.trailkit.model.ReadLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile objects in a batch, end to end through S3 on loopback: an object over the size limit and a decompression
 * bomb (a 2 MB gzip that inflates to 2 GiB) are refused for good with a clear reason, quickly and in bounded memory,
 * and the other objects of the batch are still read and their findings sent.
 */
class HostileObjectsTest {
    static final String BOMB = DAY + "123456789012_CloudTrail_us-east-2_20150124T2300Z_decompressionBomb1.json.gz";
    static final String HUGE = DAY + "123456789012_CloudTrail_us-east-2_20150124T2305Z_overTheSizeLimit1.json.gz";
    static final String LOG = TrailkitHandlerTest.LOG;
    static final long MAX_OBJECT_BYTES = 3_000_000;

    static LoopbackS3 s3;
    static RecordingAwsEndpoint aws;
    static int bombBytes;

    final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    final PrintStream logOut = new PrintStream(logBytes, true, StandardCharsets.UTF_8);

    @BeforeAll
    static void start() {
        s3 = LoopbackS3.inMemory();
        aws = RecordingAwsEndpoint.start();
        s3.createBucket(BUCKET);
        s3.put(
                BUCKET,
                LOG,
                TrailkitHandlerTest.resource("/logs/lambda-with-cloudtrail-CreateTopic-GetTopicAttributes.json.gz"));
        byte[] bomb = gzipBomb(
                "{\"Records\":[{\"eventVersion\":\"1.08\",\"eventID\":\"before-the-bomb\"},",
                2048,
                "{\"eventID\":\"after\"}]}");
        bombBytes = bomb.length;
        s3.put(BUCKET, BOMB, bomb);
        byte[] huge = new byte[(int) MAX_OBJECT_BYTES + 1];
        new Random(7).nextBytes(huge);
        s3.put(BUCKET, HUGE, huge);
    }

    @AfterAll
    static void stop() {
        if (aws != null) {
            aws.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @BeforeEach
    void reset() {
        aws.reset();
    }

    TrailkitHandler handler(Map<String, String> moreEnv, ReadLimits limits) {
        Map<String, String> env = new HashMap<>(Map.of(
                "TRAILKIT_RULES",
                "classpath:/rules/sns-topic-created.yaml",
                "TRAILKIT_SNS_TOPIC_ARN",
                TOPIC,
                "TRAILKIT_EVENT_BUS",
                BUS,
                "TRAILKIT_MAX_OBJECT_BYTES",
                Long.toString(MAX_OBJECT_BYTES)));
        env.putAll(moreEnv);
        TrailkitHandler.Builder b = TrailkitHandler.builder()
                .environment(env)
                .s3(s3.handlerClient())
                .sns(aws.snsClient())
                .eventBridge(aws.eventBridgeClient())
                .logTo(logOut);
        if (limits != null) {
            b.readLimits(limits);
        }
        return b.build();
    }

    @Test
    void aBombAndAnObjectOverTheSizeLimitFailForGood_andTheRestOfTheBatchIsRead() {
        assertThat(bombBytes).as("the bomb is small").isLessThan(3_000_000);

        JsonNode summary = TrailkitHandlerTest.invoke(handler(Map.of(), null), s3Event(BUCKET, BOMB, HUGE, LOG));

        assertThat(summary.path("failedForGood").asLong()).isEqualTo(2);
        assertThat(summary.path("read").asLong()).isEqualTo(1);
        assertThat(aws.snsPublished()).hasSize(1); // the CreateTopic finding of the good log
        List<JsonNode> failed = logLines("object failed for good");
        assertThat(failed).hasSize(2);
        assertThat(failed.get(0).path("key").asText()).isEqualTo(BOMB);
        assertThat(failed.get(0).path("reason").asText())
                .startsWith("over a read limit: s3://" + BUCKET + "/" + BOMB + ": at byte ")
                .contains("gzip data inflates to")
                .contains("limit maxInflateRatio = 200");
        assertThat(failed.get(0).path("records").asLong()).isEqualTo(1); // the record before the bomb was read
        assertThat(failed.get(1).path("key").asText()).isEqualTo(HUGE);
        assertThat(failed.get(1).path("reason").asText())
                .isEqualTo("the object is " + (MAX_OBJECT_BYTES + 1) + " bytes, over the limit of " + MAX_OBJECT_BYTES
                        + " bytes (maxObjectBytes)");
    }

    @Test
    void limitsComeFromTheEnvironment_whenTheBuilderSetsNone() {
        JsonNode summary = TrailkitHandlerTest.invoke(
                handler(
                        Map.of("TRAILKIT_MAX_UNCOMPRESSED_BYTES", "10000000", "TRAILKIT_MAX_INFLATE_RATIO", "100000"),
                        null),
                s3Event(BUCKET, BOMB));

        assertThat(summary.path("failedForGood").asLong()).isEqualTo(1);
        assertThat(logLines("object failed for good"))
                .singleElement()
                .satisfies(l -> assertThat(l.path("reason").asText()).contains("limit maxTotalBytes = 10000000"));
    }

    @Test
    void limitsGivenToTheBuilderWinOverTheEnvironment() {
        ReadLimits builderLimits = ReadLimits.builder()
                .maxInflateRatio(100_000)
                .maxTotalBytes(5_000_000)
                .build();
        JsonNode summary = TrailkitHandlerTest.invoke(
                handler(
                        Map.of("TRAILKIT_MAX_UNCOMPRESSED_BYTES", "10000000", "TRAILKIT_MAX_INFLATE_RATIO", "100000"),
                        builderLimits),
                s3Event(BUCKET, BOMB));

        assertThat(summary.path("failedForGood").asLong()).isEqualTo(1);
        assertThat(logLines("object failed for good"))
                .singleElement()
                .satisfies(l -> assertThat(l.path("reason").asText()).contains("limit maxTotalBytes = 5000000"));
    }

    @Test
    void recordsOverTheRecordLimitAreSkippedAndLogged() {
        JsonNode summary = TrailkitHandlerTest.invoke(
                handler(Map.of("TRAILKIT_MAX_RECORD_BYTES", "100"), null), s3Event(BUCKET, LOG));

        assertThat(summary.path("read").asLong()).isEqualTo(1);
        assertThat(aws.snsPublished()).isEmpty();
        assertThat(logLines("invalid record skipped"))
                .hasSize(2)
                .allSatisfy(l -> assertThat(l.path("reason").asText()).contains("the record is over 100 bytes"));
    }

    @Test
    void anInvalidLimitInTheEnvironmentIsAConfigurationError() {
        assertThatThrownBy(() -> handler(Map.of("TRAILKIT_MAX_INFLATE_RATIO", "0"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxInflateRatio must be positive");
    }

    @Test
    void anObjectOfManyBadRecordsLogsABoundedNumberOfLinesAndNothingRaw() {
        manyBadRecords(true);
        assertThat(logLines("invalid record skipped")).hasSize(100);
        assertThat(logLines("more invalid records skipped, not logged one by one"))
                .singleElement()
                .satisfies(l -> {
                    assertThat(l.path("notLogged").asLong()).isEqualTo(4900);
                    assertThat(l.path("badRecords").asLong()).isEqualTo(5000);
                });
        assertThat(logLines("object read"))
                .singleElement()
                .satisfies(l -> assertThat(l.path("badRecords").asLong()).isEqualTo(5000));
        assertThat(logBytes.toString(StandardCharsets.UTF_8))
                .doesNotContain("\u202e", "\u2028", "\u001b")
                .contains("\\u202e", "\\u2028"); // the value reached the log, escaped
    }

    @Test
    void anObjectOfManyBadFieldsLogsABoundedNumberOfWarningsAndNothingRaw() {
        manyBadRecords(false); // by default each record is matched, its bad value kept: a warning, not a skip
        assertThat(logLines("value kept as it came in a record that was read")).hasSize(100);
        assertThat(logLines("more values kept as they came, not logged one by one"))
                .singleElement()
                .satisfies(l -> assertThat(l.path("moreWarnings").asLong()).isEqualTo(4900));
        assertThat(logLines("invalid record skipped")).isEmpty();
        assertThat(logBytes.toString(StandardCharsets.UTF_8))
                .doesNotContain("\u202e", "\u2028", "\u001b")
                .contains("\\u202e", "\\u2028");
    }

    /** 5,000 records whose eventTime holds line breaks and controls, then one that matches; strict fields or not. */
    private void manyBadRecords(boolean strictFields) {
        String key = DAY + "123456789012_CloudTrail_us-east-2_20150124T2310Z_manyBadRecords1.json.gz";
        StringBuilder sb = new StringBuilder("{\"Records\":[");
        for (int i = 0; i < 5000; i++) {
            // a member name that tries to end the log line and reverse what follows
            sb.append("{\"eventVersion\":\"1.08\",\"eventTime\":\"x\\n\u202e\\u2028\\u001b\"},");
        }
        sb.append("{\"eventVersion\":\"1.08\",\"eventSource\":\"sns.amazonaws.com\",\"eventName\":\"CreateTopic\"}]}");
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(gz)) {
            z.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        s3.put(BUCKET, key, gz.toByteArray());

        JsonNode summary = TrailkitHandlerTest.invoke(
                handler(Map.of("TRAILKIT_STRICT_FIELDS", Boolean.toString(strictFields)), null), s3Event(BUCKET, key));

        assertThat(summary.path("read").asLong()).isEqualTo(1);
        assertThat(aws.snsPublished()).hasSize(1); // the last record still matched
    }

    List<JsonNode> logLines(String message) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : logBytes.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode l = JSON.readTree(line);
                if (message.equals(l.path("message").asText())) {
                    lines.add(l);
                }
            } catch (IOException e) {
                throw new AssertionError("log line is not JSON: " + line, e);
            }
        }
        return lines;
    }

    /**
     * A valid gzip of {@code prefix}, {@code mebibytes} MiB of spaces and {@code suffix}, built from one fully flushed
     * compressed MiB of spaces repeated: about 1 KiB per MiB.
     */
    static byte[] gzipBomb(String prefix, int mebibytes, String suffix) {
        byte[] spaces = new byte[1 << 20];
        java.util.Arrays.fill(spaces, (byte) ' ');
        byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] tail = suffix.getBytes(StandardCharsets.UTF_8);
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
        CRC32 crc = new CRC32();
        out.writeBytes(deflate(d, head, Deflater.FULL_FLUSH));
        crc.update(head);
        byte[] block = deflate(d, spaces, Deflater.FULL_FLUSH);
        for (int i = 0; i < mebibytes; i++) {
            out.writeBytes(block);
            crc.update(spaces);
        }
        d.setInput(tail);
        d.finish();
        byte[] buf = new byte[64 * 1024];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        crc.update(tail);
        long size = head.length + ((long) mebibytes << 20) + tail.length;
        for (long v : new long[] {crc.getValue(), size}) {
            for (int i = 0; i < 4; i++) {
                out.write((int) (v >>> (8 * i)));
            }
        }
        return out.toByteArray();
    }

    private static byte[] deflate(Deflater d, byte[] data, int flush) {
        d.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        int n;
        do {
            n = d.deflate(buf, 0, buf.length, flush);
            out.write(buf, 0, n);
        } while (n == buf.length || !d.needsInput());
        return out.toByteArray();
    }
}
