package io.github.trailkit.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nothing lost: in generated logs with random damage to some records (seeded, so every failure reproduces), {@link
 * ProblemPolicy#SKIP_AND_REPORT} delivers every valid record, in order, and reports exactly one problem per damaged
 * record, at its index.
 */
final class NothingLostTest {
    private static final int RECORDS = 300;
    private static final ReadLimits LIMITS =
            ReadLimits.builder().maxRecordBytes(4096).build();

    /** Ways to damage record {@code i}: each gives a record the reader must skip and report. */
    private static final List<IntFunction<String>> DAMAGE = List.of(
            i -> record(i).replace("\"readOnly\":true", "\"readOnly\":\"yes\""),
            i -> record(i).replace("\"eventTime\":\"2024-01-01T00:00:00Z\"", "\"eventTime\":\"yesterday\""),
            i -> record(i).replace("\"userIdentity\":{\"type\":\"IAMUser\"}", "\"userIdentity\":\"root\""),
            i -> record(i).replace("\"eventVersion\":\"1.08\"", "\"eventVersion\":1.08"),
            i -> record(i).replace("\"resources\":[{\"ARN\":\"arn:aws:s3:::b\"}]", "\"resources\":[7]"),
            i -> record(i).replace("\"eventCategory\":\"Management\"", "\"eventCategory\":[]"),
            i -> "[" + record(i) + "]",
            i -> Integer.toString(i),
            i -> "\"" + i + "\"",
            i -> "null",
            i -> record(i)
                    .replace(
                            "\"requestParameters\":{", "\"requestParameters\":{\"pad\":\"" + "p".repeat(5000) + "\","));

    static LongStream seeds() {
        return LongStream.range(0, 12);
    }

    static String record(int i) {
        return "{\"eventVersion\":\"1.08\",\"eventID\":\"id-" + i + "\",\"eventName\":\"Get\","
                + "\"eventTime\":\"2024-01-01T00:00:00Z\",\"readOnly\":true,\"eventCategory\":\"Management\","
                + "\"userIdentity\":{\"type\":\"IAMUser\"},\"resources\":[{\"ARN\":\"arn:aws:s3:::b\"}],"
                + "\"requestParameters\":{\"n\":" + i + ",\"list\":[1,{\"x\":null}]}}";
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyValidRecordIsDelivered_andTheProblemCountIsExact(long seed) {
        Random random = new Random(seed);
        StringBuilder json = new StringBuilder("{\"Records\":[");
        List<String> valid = new ArrayList<>();
        List<Long> damaged = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            json.append(i == 0 ? "" : ",");
            if (random.nextInt(5) == 0) {
                json.append(DAMAGE.get(random.nextInt(DAMAGE.size())).apply(i));
                damaged.add((long) i);
            } else {
                json.append(record(i));
                valid.add("id-" + i);
            }
        }
        json.append("]}");
        byte[] plain = json.toString().getBytes(StandardCharsets.UTF_8);
        for (byte[] input : List.of(plain, BadInputTest.gzip(plain))) {
            List<String> delivered = new ArrayList<>();
            try (CloudTrailLog log = CloudTrail.reader()
                    .limits(LIMITS)
                    .onProblem(ProblemPolicy.SKIP_AND_REPORT)
                    .onBadField(FieldPolicy.REJECT_RECORD)
                    .read(input, "seed-" + seed)) {
                log.forEach(r -> delivered.add(r.eventID().orElseThrow()));
                assertThat(delivered).as("seed %d", seed).isEqualTo(valid);
                assertThat(log.problems())
                        .extracting(RecordProblem::recordIndex)
                        .as("seed %d", seed)
                        .isEqualTo(damaged);
                assertThat(log.recordsRead()).isEqualTo(valid.size());
            }
        }
    }
}
