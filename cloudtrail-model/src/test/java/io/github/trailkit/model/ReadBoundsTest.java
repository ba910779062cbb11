package io.github.trailkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bounds on what one log can make the reader keep, and the causes it reports when input hits a parser guard. */
final class ReadBoundsTest {
    private static final String LAST = "{\"eventVersion\":\"1.08\",\"eventName\":\"Last\",\"eventID\":\"last\"}";

    @Test
    void problemsAreKeptUpToTheCapAndCountedPastItAndTheLastRecordIsRead() {
        int bad = CloudTrailLog.MAX_PROBLEMS_KEPT * 3 + 7;
        StringBuilder sb = new StringBuilder("{\"Records\":[");
        for (int i = 0; i < bad; i++) {
            sb.append(i % 2 == 0 ? "1," : "{\"readOnly\":\"x\"},");
        }
        sb.append(LAST).append("]}");

        List<String> ids = new ArrayList<>();
        // strict fields: a record with an unreadable field is a problem too, as a record that is not an object is
        try (CloudTrailLog log = CloudTrail.reader()
                .onProblem(ProblemPolicy.SKIP_AND_REPORT)
                .onBadField(FieldPolicy.REJECT_RECORD)
                .read(sb.toString().getBytes(StandardCharsets.UTF_8), "many")) {
            log.forEach(r -> ids.add(r.eventID().orElseThrow()));

            assertThat(ids).containsExactly("last");
            assertThat(log.problems()).hasSize(CloudTrailLog.MAX_PROBLEMS_KEPT);
            assertThat(log.problemCount()).isEqualTo(bad);
            assertThat(log.problems().get(0).recordIndex()).isZero();
            assertThat(log.problems().get(CloudTrailLog.MAX_PROBLEMS_KEPT - 1).recordIndex())
                    .isEqualTo(CloudTrailLog.MAX_PROBLEMS_KEPT - 1);
            assertThat(log.lastRecordIndex()).isEqualTo(bad);
        }
    }

    @Test
    void jacksonsNameTableGuardIsReportedAsItselfNotAsTheTotalSize() {
        // names that fill the overflow area of Jackson's name table: its guard against hash flooding ends the read
        StringBuilder payload = new StringBuilder("{");
        for (int i = 0; i < 1 << 16; i++) {
            String bits = String.format("%16s", Integer.toBinaryString(i)).replace(' ', '0');
            payload.append('"')
                    .append(bits.replace("0", "Ab").replace("1", "Cd"))
                    .append("\":0,");
        }
        payload.append("\"z\":0}");
        String log = "{\"Records\":[" + LAST + ",{\"eventID\":\"p\",\"requestParameters\":" + payload + "}]}";

        List<String> ids = new ArrayList<>();
        LimitExceededException e;
        try (CloudTrailLog read = CloudTrail.reader()
                .onProblem(ProblemPolicy.SKIP_AND_REPORT)
                .read(log.getBytes(StandardCharsets.UTF_8), "flood.json")) {
            e = catchThrowableOfType(
                    LimitExceededException.class,
                    () -> read.forEach(r -> ids.add(r.eventID().orElseThrow())));
        }
        assertThat(ids).containsExactly("last");
        assertThat(e).isNotNull();
        assertThat(e.limit()).isEqualTo(ReadLimits.Limit.NAME_TABLE);
        assertThat(e.getMessage())
                .startsWith("flood.json: record 1 at byte ")
                .contains("too many member names collide in the JSON parser's name table")
                .doesNotContain("maxTotalBytes");

        // the same through readRecord; and neither leaves the reader's shared name table full for the next reads
        LimitExceededException one = catchThrowableOfType(
                LimitExceededException.class,
                () -> CloudTrail.reader().readRecord("{\"eventID\":\"p\",\"requestParameters\":" + payload + "}"));
        assertThat(one.limit()).isEqualTo(ReadLimits.Limit.NAME_TABLE);
        for (int round = 0; round < 3; round++) {
            StringBuilder fresh = new StringBuilder("{\"eventID\":\"f\",\"requestParameters\":{");
            for (int i = 0; i < 2000; i++) {
                fresh.append("\"fresh")
                        .append(round)
                        .append('_')
                        .append(i)
                        .append("\":")
                        .append(i)
                        .append(',');
            }
            fresh.append("\"z\":0}}");
            assertThat(CloudTrail.reader().readRecord(fresh.toString()).eventID())
                    .hasValue("f");
            String log2 = "{\"Records\":[" + fresh.toString().replace("fresh", "again") + "]}";
            try (CloudTrailLog again = CloudTrail.reader().read(log2.getBytes(StandardCharsets.UTF_8), "next.json")) {
                assertThat(again.stream().count()).isEqualTo(1);
            }
        }
    }

    @Test
    void aNumberBeyondBigDecimalsExponentHashesComparesAndIsWrittenBack() {
        // (whether BigDecimal holds 1e2147483648 itself depends on the JDK: 17 refuses it, 25 takes it)
        JsonValue v = JsonValue.parse(
                "{\"n\": 1e2147483648, \"m\": 10e2147483647, \"o\": 1e2147483649," + " \"p\": -1e99999999999}");
        JsonValue n = v.path("n");

        assertThat(v.path("o").asNumber()).isEmpty();
        assertThat(v.path("p").asNumber()).isEmpty();
        assertThat(v.path("p")).isEqualTo(JsonValue.parse("-0.1e100000000000"));
        assertThat(n).isEqualTo(v.path("m")).hasSameHashCodeAs(v.path("m")).isNotEqualTo(v.path("o"));
        assertThat(v.hashCode()).isEqualTo(JsonValue.parse(v.toJson()).hashCode());
        assertThat(v.toJson()).contains("1e2147483648");
        // ordinary numbers: equal by value, as before
        assertThat(JsonValue.parse("1.50"))
                .isEqualTo(JsonValue.parse("15e-1"))
                .hasSameHashCodeAs(JsonValue.parse("1.5"));
        assertThat(JsonValue.parse("-0.0")).isEqualTo(JsonValue.parse("0")).hasSameHashCodeAs(JsonValue.parse("0"));
        assertThat(JsonValue.parse("100")).isEqualTo(JsonValue.parse("1E+2")).isNotEqualTo(JsonValue.parse("-100"));

        String log = "{\"Records\":[{\"eventID\":\"a\",\"requestParameters\":{\"n\":1e2147483648}},"
                + "{\"eventID\":\"a\",\"requestParameters\":{\"n\":1e2147483648}}]}";
        java.util.Set<CloudTrailRecord> set = new java.util.HashSet<>();
        try (CloudTrailLog read = CloudTrail.reader().read(log.getBytes(StandardCharsets.UTF_8), "n.json")) {
            read.forEach(set::add);
        }
        assertThat(set).hasSize(1);
    }

    @Test
    void aLoneSurrogateEscapeInAPayloadIsWrittenBackAsAnEscape() throws Exception {
        String log = "{\"Records\":[{\"eventID\":\"a\",\"requestParameters\":{\"s\":\"x\\ud800y\"}}]}";
        java.util.List<CloudTrailRecord> records = new ArrayList<>();
        try (CloudTrailLog read = CloudTrail.reader().read(log.getBytes(StandardCharsets.UTF_8), "s.json")) {
            read.forEach(records::add);
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        CloudTrail.writer().writeLog(records, bytes);

        String written = bytes.toString(StandardCharsets.UTF_8);
        assertThat(written).containsIgnoringCase("x\\ud800y").doesNotContain("?");
        assertThat(SafeText.escape(CloudTrail.writer().toJson(records.get(0)))).containsIgnoringCase("x\\ud800y");
    }
}
