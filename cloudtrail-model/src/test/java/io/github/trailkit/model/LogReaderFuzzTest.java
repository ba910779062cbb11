package io.github.trailkit.model;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.util.zip.GZIPOutputStream;

/**
 * Fuzzes the log reader: whatever the bytes, plain or gzip-compressed, reading either delivers records or throws a
 * {@link CloudTrailException}, within small limits so that no input can take much memory or time. Stored inputs in
 * {@code LogReaderFuzzTestInputs/read/} run in every build; fuzz with
 * {@code JAZZER_FUZZ=1 mvn -pl cloudtrail-model test -Dtest=LogReaderFuzzTest}.
 *
 * <pre>{@code
 * JAZZER_FUZZ=1 mvn -pl cloudtrail-model test -Dtest=LogReaderFuzzTest -Djazzer.max_duration=5m
 * }</pre>
 */
final class LogReaderFuzzTest {
    private static final ReadLimits SMALL = ReadLimits.builder()
            .maxNestingDepth(64)
            .maxStringLength(1 << 16)
            .maxRecordBytes(1 << 16)
            .maxTotalBytes(1 << 22)
            .build();

    @FuzzTest(maxDuration = "2m")
    void read(@NotNull byte[] input) throws Exception {
        boolean gzip = input.length > 0 && (input[0] & 1) == 1;
        byte[] bytes = gzip ? gzip(input) : input;
        for (ProblemPolicy policy : ProblemPolicy.values()) {
            CloudTrailReader reader = CloudTrail.reader().limits(SMALL).onProblem(policy);
            try (CloudTrailLog log = reader.read(bytes, "fuzz.json")) {
                long delivered = 0;
                for (CloudTrailRecord r : log) {
                    delivered++;
                    CloudTrail.writer().toJson(r);
                }
                if (delivered != log.recordsRead()) {
                    throw new AssertionError("delivered " + delivered + " but recordsRead is " + log.recordsRead());
                }
                if (policy == ProblemPolicy.FAIL_FAST && !log.problems().isEmpty()) {
                    throw new AssertionError("FAIL_FAST reported problems: " + log.problems());
                }
            } catch (CloudTrailException expected) {
                // a typed error for bad input is the contract
            }
        }
        try {
            CloudTrail.reader().limits(SMALL).readRecord(new String(input, java.nio.charset.StandardCharsets.UTF_8));
        } catch (CloudTrailException expected) {
            // a typed error for bad input is the contract
        }
    }

    private static byte[] gzip(byte[] data) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data, 1, data.length - 1);
        }
        return out.toByteArray();
    }
}
