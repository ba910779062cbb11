package io.github.trailkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A damaged record costs that record: one byte replaced inside one record of a 500-record log (seeded, so that every
 * case reproduces) loses a median of at most one other record and at most three, every record delivered is the
 * original record at its index, and the damage is reported with its offsets. The same damage inside a well-formed gzip
 * stream gives the same records.
 */
final class DamagedRecordsTest {
    private static final int RECORDS = 500;
    private static final int CASES = 200;
    private static final JsonFactory STRICT = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static byte[] log;
    private static List<CloudTrailRecord> original;
    /** The byte offsets of each record's first and last byte. */
    private static long[][] spans;

    @BeforeAll
    static void generate() throws IOException {
        log = GeneratedLog.records(RECORDS, 2024).readAllBytes();
        original = new ArrayList<>();
        try (CloudTrailLog l = CloudTrail.reader().read(log, "original")) {
            l.forEach(original::add);
            assertThat(l.warnings()).isEmpty();
        }
        assertThat(original).hasSize(RECORDS);
        spans = new long[RECORDS][];
        try (JsonParser p = STRICT.createParser(log)) {
            p.nextToken();
            p.nextToken();
            p.nextToken(); // the Records array
            for (int i = 0; i < RECORDS; i++) {
                p.nextToken();
                long start = p.currentTokenLocation().getByteOffset();
                p.skipChildren();
                spans[i] = new long[] {start, p.currentLocation().getByteOffset() - 1};
            }
        }
    }

    private static boolean valid(byte[] json) {
        try (JsonParser p = STRICT.createParser(json)) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.VALUE_STRING) {
                    p.getText(); // decodes, so that invalid UTF-8 is found
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** What a read delivered: each record at its index. */
    private static final class Read {
        final List<Long> indexes = new ArrayList<>();
        final List<CloudTrailRecord> records = new ArrayList<>();
        List<RecordProblem> problems;
    }

    private static Read read(byte[] input, String name) {
        Read read = new Read();
        try (CloudTrailLog l =
                CloudTrail.reader().onProblem(ProblemPolicy.SKIP_AND_REPORT).read(input, name)) {
            for (CloudTrailRecord r : l) {
                read.indexes.add(l.lastRecordIndex());
                read.records.add(r);
            }
            read.problems = l.problems();
        }
        return read;
    }

    @Test
    void oneDamagedByte_costsItsRecord_andAtMostAFewOthers() {
        Random random = new Random(16);
        List<Integer> othersLost = new ArrayList<>();
        int cases = 0;
        while (cases < CASES) {
            int k = random.nextInt(RECORDS);
            long at = spans[k][0] + (long) (random.nextDouble() * (spans[k][1] - spans[k][0] + 1));
            byte[] damaged = log.clone();
            byte b;
            do {
                b = (byte) random.nextInt(256);
            } while (b == damaged[(int) at]);
            damaged[(int) at] = b;
            if (valid(damaged)) {
                continue; // the damage made other valid JSON: nothing to find
            }
            cases++;
            String name = "record " + k + ", byte " + at + " set to " + (b & 0xff);
            Read read = read(damaged, name);
            int lost = 0;
            for (int i = 0, j = 0; i < RECORDS; i++) {
                if (j < read.indexes.size() && read.indexes.get(j) == i) {
                    if (i != k) {
                        assertThat(read.records.get(j))
                                .as("%s: record %d", name, i)
                                .isEqualTo(original.get(i));
                    }
                    j++;
                } else if (i != k) {
                    lost++;
                }
            }
            assertThat(read.indexes).as(name).isSorted().doesNotHaveDuplicates();
            assertThat(read.problems).as(name).isNotEmpty();
            assertThat(read.problems)
                    .as(name)
                    .anySatisfy(p -> assertThat(p.recordIndex()).isEqualTo(k));
            assertThat(read.problems)
                    .as(name)
                    .allSatisfy(p -> assertThat(p.byteOffset()).isBetween(spans[0][0], (long) log.length));
            othersLost.add(lost);
            if (cases % 10 == 0) { // the same damage inside a well-formed gzip stream
                Read gz = read(BadInputTest.gzip(damaged), name + " (gzip)");
                assertThat(gz.indexes).as(name).isEqualTo(read.indexes);
                assertThat(gz.records).as(name).isEqualTo(read.records);
                assertThat(gz.problems)
                        .extracting(RecordProblem::reason)
                        .as(name)
                        .isEqualTo(read.problems.stream()
                                .map(RecordProblem::reason)
                                .toList());
            }
        }
        int[] sorted = othersLost.stream().mapToInt(Integer::intValue).sorted().toArray();
        int median = sorted[sorted.length / 2];
        assertThat(median)
                .as("median of other records lost, %s", Arrays.toString(sorted))
                .isLessThanOrEqualTo(1);
        assertThat(sorted[sorted.length - 1])
                .as("most other records lost, %s", Arrays.toString(sorted))
                .isLessThanOrEqualTo(3);
    }

    private static final String A = "{\"eventVersion\":\"1.08\",\"eventID\":\"a\",\"eventName\":\"A\"}";
    private static final String C = "{\"eventVersion\":\"1.08\",\"eventID\":\"c\",\"eventName\":\"C\"}";

    @Test
    void theDamagedSpan_isReportedWithItsOffsets_andReadingGoesOnAtTheNextRecord() {
        String before = "{\"Records\":[" + A + ",";
        String bad = "{\"eventVersion\":\"1.08\",\"eventID\":\"b\",\"eventName\":\"B\"x,\"readOnly\":true}";
        String json = before + bad + "," + C + "]}";
        Read read = read(json.getBytes(StandardCharsets.UTF_8), "one.json");
        assertThat(read.records).extracting(r -> r.eventName().orElseThrow()).containsExactly("A", "C");
        assertThat(read.indexes).containsExactly(0L, 2L);
        long start = before.length();
        long next = start + bad.length() + 1;
        assertThat(read.problems).singleElement().satisfies(p -> {
            assertThat(p.recordIndex()).isEqualTo(1);
            assertThat(p.byteOffset()).isEqualTo(start);
            assertThat(p.reason())
                    .startsWith("/Records/1: invalid JSON at byte ")
                    .endsWith("bytes " + start + " to " + (next - 1) + " were passed over, reading on at the next"
                            + " record, at byte " + next);
        });
    }

    @Test
    void duplicatesInvalidUtf8AndBadNumbers_eachCostOnlyTheirRecord() {
        List<String> bads = List.of(
                "{\"eventVersion\":\"1.08\",\"eventID\":\"b\",\"eventID\":\"b2\"}",
                "{\"eventVersion\":\"1.08\",\"eventID\":\"b\",\"requestParameters\":{\"n\":01}}",
                "{\"eventVersion\":\"1.08\",\"eventID\":\"b\",\"requestParameters\":{\"n\":NaN}}",
                "{\"eventVersion\":\"1.08\",\"eventID\":\"b\",\"requestParameters\":{\"s\":\"\u00ff\"}}");
        for (String bad : bads) {
            byte[] json = ("{\"Records\":[" + A + "," + bad + "," + C + "]}").getBytes(StandardCharsets.UTF_8);
            if (bad.contains("\u00ff")) {
                int at = indexOf(json, (byte) 0xc3);
                json[at] = (byte) 0xff; // not UTF-8
            }
            Read read = read(json, "bad.json");
            assertThat(read.records)
                    .as(bad)
                    .extracting(r -> r.eventName().orElseThrow())
                    .containsExactly("A", "C");
            assertThat(read.problems)
                    .as(bad)
                    .singleElement()
                    .satisfies(p -> assertThat(p.recordIndex()).isEqualTo(1));
        }
    }

    @Test
    void anObjectWithoutARecordsShape_isNeverTakenForARecord() {
        // damage before an array of objects inside the record: its elements are not records
        String bad = "{\"eventVersion\":\"1.08\",\"eventID\":\"b\",\"x\":tru,\"resources\":[{\"ARN\":\"r1\"},"
                + "{\"ARN\":\"r2\",\"eventID\":\"r\"},{\"ARN\":\"r3\"}],\"requestParameters\":{\"l\":[{\"eventVersion\":\"1\"},"
                + "{\"eventVersion\":\"2\"}]}}";
        byte[] json = ("{\"Records\":[" + A + "," + bad + "," + C + "]}").getBytes(StandardCharsets.UTF_8);
        Read read = read(json, "nested.json");
        assertThat(read.records).extracting(r -> r.eventName().orElseThrow()).containsExactly("A", "C");
        assertThat(read.indexes).containsExactly(0L, 2L);
    }

    @Test
    void damageInTheLastRecord_endsTheReadWithEveryRecordBefore_andAProblem() {
        byte[] json =
                ("{\"Records\":[" + A + "," + C.replace("\"C\"", "\"C\"x") + "]}").getBytes(StandardCharsets.UTF_8);
        Read read = read(json, "last.json");
        assertThat(read.records).extracting(r -> r.eventName().orElseThrow()).containsExactly("A");
        assertThat(read.problems).singleElement().satisfies(p -> {
            assertThat(p.recordIndex()).isEqualTo(1);
            assertThat(p.reason()).contains("no record follows it");
        });
    }

    @Test
    void failFast_stillEndsTheReadAtTheDamage() {
        byte[] json =
                ("{\"Records\":[" + A + ",{\"eventVersion\":\"1.08\"x}," + C + "]}").getBytes(StandardCharsets.UTF_8);
        List<CloudTrailRecord> seen = new ArrayList<>();
        try (CloudTrailLog l = CloudTrail.reader().read(json, "ff.json")) {
            CloudTrailParseException e =
                    catchThrowableOfType(CloudTrailParseException.class, () -> l.forEach(seen::add));
            assertThat(e).isNotNull();
            assertThat(e.recordIndex()).hasValue(1);
        }
        assertThat(seen).hasSize(1);
    }

    @Test
    void aBrokenGzipStream_stillEndsTheRead_afterEveryRecordBefore() {
        byte[] gz = BadInputTest.gzip(log);
        byte[] truncated = Arrays.copyOf(gz, gz.length / 2);
        List<CloudTrailRecord> seen = new ArrayList<>();
        try (CloudTrailLog l =
                CloudTrail.reader().onProblem(ProblemPolicy.SKIP_AND_REPORT).read(truncated, "t.gz")) {
            CloudTrailParseException e =
                    catchThrowableOfType(CloudTrailParseException.class, () -> l.forEach(seen::add));
            assertThat(e).isNotNull();
            assertThat(e.getMessage()).contains("gzip");
        }
        assertThat(seen).isNotEmpty().isEqualTo(original.subList(0, seen.size()));
    }

    private static int indexOf(byte[] b, byte x) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        throw new UncheckedIOException(new IOException("not found"));
    }
}
