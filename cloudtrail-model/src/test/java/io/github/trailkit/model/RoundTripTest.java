package io.github.trailkit.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Read, write, read again: the same record, and the same JSON tree as the input. */
final class RoundTripTest {

    static Stream<Path> validSamples() {
        return Samples.validRecordSamples().stream();
    }

    static Stream<Path> realLogs() {
        return Samples.realLogs().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validSamples")
    void awsSample_roundTripsAsTheSameTree(Path sample) {
        JsonNode input = Samples.tree(Samples.read(sample));
        List<JsonNode> expected = new ArrayList<>();
        List<CloudTrailRecord> records = new ArrayList<>();
        if (input.has("Records")) {
            input.get("Records").forEach(expected::add);
            try (CloudTrailLog log = CloudTrail.reader().read(sample)) {
                log.forEach(records::add);
            }
        } else {
            expected.add(input);
            records.add(CloudTrail.reader().readRecord(Samples.read(sample)));
        }
        assertThat(records).hasSameSizeAs(expected).isNotEmpty();
        for (int i = 0; i < records.size(); i++) {
            assertRoundTrip(records.get(i), expected.get(i));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realLogs")
    void realLog_roundTripsAsTheSameTree_asRecordsAndAsAWholeFile(Path log) throws Exception {
        JsonNode input = Samples.tree(new String(
                new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(log)).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8));
        List<CloudTrailRecord> records = new ArrayList<>();
        try (CloudTrailLog l = CloudTrail.reader().read(log)) {
            l.forEach(records::add);
            assertThat(l.problems()).isEmpty();
        }
        assertThat(records).hasSize(input.get("Records").size());
        for (int i = 0; i < records.size(); i++) {
            assertRoundTrip(records.get(i), input.get("Records").get(i));
        }

        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        CloudTrail.writer().gzip(true).writeLog(records, gz);
        assertThat(gz.toByteArray()[0]).isEqualTo((byte) 0x1f);
        List<CloudTrailRecord> again = new ArrayList<>();
        try (CloudTrailLog l = CloudTrail.reader().read(gz.toByteArray(), "rewritten")) {
            l.forEach(again::add);
        }
        assertThat(again).isEqualTo(records);
    }

    private static void assertRoundTrip(CloudTrailRecord record, JsonNode expected) {
        String written = CloudTrail.writer().toJson(record);
        assertThat(Samples.sameTree(expected, Samples.tree(written)))
                .as("written JSON equals the input as a tree%n input:   %s%n written: %s", expected, written)
                .isTrue();
        CloudTrailRecord again = CloudTrail.reader().readRecord(written);
        assertThat(again).isEqualTo(record);
        assertThat(again.hashCode()).isEqualTo(record.hashCode());
    }
}
