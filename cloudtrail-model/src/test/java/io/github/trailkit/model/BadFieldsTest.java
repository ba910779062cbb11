package io.github.trailkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One bad field costs that field, not its record: with the default {@link FieldPolicy#KEEP_AND_WARN} the record is
 * delivered, the accessor is empty, the value is kept as it came (and written back so), and a warning names the
 * record and the member; {@link FieldPolicy#REJECT_RECORD} keeps the strict behaviour.
 */
final class BadFieldsTest {
    private static final String GOOD_1 = "{\"eventVersion\":\"1.08\",\"eventName\":\"A\",\"eventID\":\"1\"}";
    private static final String GOOD_2 = "{\"eventVersion\":\"1.08\",\"eventName\":\"B\",\"eventID\":\"2\"}";

    static Stream<Arguments> badFields() {
        return Stream.of(
                Arguments.of(
                        "{\"eventName\":\"X\",\"readOnly\":\"yes\"}",
                        "/Records/1/readOnly",
                        "expected a boolean, found a string",
                        (Function<CloudTrailRecord, Object>) r -> r.readOnly()),
                Arguments.of(
                        "{\"eventName\":\"X\",\"eventTime\":\"redacted\"}",
                        "/Records/1/eventTime",
                        "found \"redacted\"",
                        (Function<CloudTrailRecord, Object>) r -> r.eventTime()),
                Arguments.of(
                        "{\"eventName\":\"X\",\"eventTime\":\"2024-11-26 19:29:38.000000000\"}",
                        "/Records/1/eventTime",
                        "expected an ISO 8601 time with a zone",
                        (Function<CloudTrailRecord, Object>) r -> r.eventTime()),
                Arguments.of(
                        "{\"eventName\":\"X\",\"eventTime\":17}",
                        "/Records/1/eventTime",
                        "expected a string, found a number",
                        (Function<CloudTrailRecord, Object>) r -> r.eventTime()),
                Arguments.of(
                        "{\"eventName\":\"X\",\"userIdentity\":\"root\"}",
                        "/Records/1/userIdentity",
                        "expected an object, found a string",
                        (Function<CloudTrailRecord, Object>) r -> r.userIdentity()),
                Arguments.of(
                        "{\"eventName\":\"X\",\"userIdentity\":[{\"type\":\"Root\"}]}",
                        "/Records/1/userIdentity",
                        "expected an object, found an array",
                        (Function<CloudTrailRecord, Object>) r -> r.userIdentity()),
                Arguments.of(
                        "{\"eventName\":\"X\",\"eventVersion\":1.08}",
                        "/Records/1/eventVersion",
                        "expected a string, found a number",
                        (Function<CloudTrailRecord, Object>) r -> r.eventVersion()),
                Arguments.of(
                        "{\"eventName\":\"X\",\"eventVersion\":\"v1\"}",
                        "/Records/1/eventVersion",
                        "expected major.minor",
                        (Function<CloudTrailRecord, Object>) r -> r.eventVersion()),
                Arguments.of(
                        "{\"eventName\":\"X\",\"resources\":[{\"ARN\":\"a\",\"type\":\"t\"},7,{\"ARN\":\"b\"}]}",
                        "/Records/1/resources/1",
                        "expected an object, found a number",
                        (Function<CloudTrailRecord, Object>) r -> r.resources()),
                Arguments.of(
                        "{\"eventName\":\"X\",\"resources\":{\"ARN\":\"a\"}}",
                        "/Records/1/resources",
                        "expected an array, found an object",
                        (Function<CloudTrailRecord, Object>) r -> r.resources()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFields")
    void aBadField_isKeptAsItCame_theRecordDelivered_andAWarningNamesIt(
            String bad, String pointer, String reason, Function<CloudTrailRecord, Object> accessor) {
        String before = "{\"Records\":[" + GOOD_1 + ",";
        byte[] json = (before + bad + "," + GOOD_2 + "]}").getBytes(StandardCharsets.UTF_8);
        for (ProblemPolicy policy : ProblemPolicy.values()) {
            List<CloudTrailRecord> records = new ArrayList<>();
            try (CloudTrailLog log = CloudTrail.reader().onProblem(policy).read(json, "bad.json")) {
                log.forEach(records::add);
                assertThat(records).extracting(r -> r.eventName().orElseThrow()).containsExactly("A", "X", "B");
                assertThat(log.problems()).isEmpty();
                assertThat(log.warnings()).hasSize(1);
                assertThat(log.warningCount()).isEqualTo(1);
                RecordProblem w = log.warnings().get(0);
                assertThat(w.recordIndex()).isEqualTo(1);
                assertThat(w.byteOffset()).isEqualTo(before.length());
                assertThat(w.reason()).startsWith(pointer + ": ").contains(reason);
                assertThat(w.toString()).startsWith("bad.json: record 1 at byte " + before.length() + ": " + pointer);
            }
            CloudTrailRecord r = records.get(1);
            assertThat(accessor.apply(r)).isEqualTo(java.util.Optional.empty());
            assertThat(Samples.sameTree(
                            Samples.tree(bad), Samples.tree(CloudTrail.writer().toJson(r))))
                    .as("written back as it came: %s", CloudTrail.writer().toJson(r))
                    .isTrue();
            CloudTrailRecord again =
                    CloudTrail.reader().readRecord(CloudTrail.writer().toJson(r));
            assertThat(again).isEqualTo(r);
        }
    }

    @Test
    void aBadFieldInANestedObject_costsOnlyThatMember() {
        String bad = "{\"eventName\":\"X\",\"userIdentity\":{\"type\":\"IAMUser\",\"sessionContext\":{\"attributes\":"
                + "{\"mfaAuthenticated\":true,\"creationDate\":\"2024-01-01T00:00:00Z\"}},\"userName\":\"alice\"}}";
        try (CloudTrailLog log = CloudTrail.reader()
                .read(("{\"Records\":[" + bad + "]}").getBytes(StandardCharsets.UTF_8), "nested.json")) {
            CloudTrailRecord r = log.iterator().next();
            UserIdentity u = r.userIdentity().orElseThrow();
            assertThat(u.type()).hasValue(IdentityType.IAM_USER);
            assertThat(u.userName()).hasValue("alice");
            SessionAttributes a = u.sessionContext().orElseThrow().attributes().orElseThrow();
            assertThat(a.mfaAuthenticated()).isEmpty();
            assertThat(a.creationDate()).hasValue("2024-01-01T00:00:00Z");
            assertThat(a.otherFields()).containsEntry("mfaAuthenticated", JsonValue.of(true));
            assertThat(log.warnings())
                    .extracting(RecordProblem::reason)
                    .containsExactly(
                            "/Records/0/userIdentity/sessionContext/attributes/mfaAuthenticated: expected a string, found a boolean");
            assertThat(Samples.sameTree(
                            Samples.tree(bad), Samples.tree(CloudTrail.writer().toJson(r))))
                    .isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFields")
    void strict_rejectsTheRecord_asTheProblemPolicySays(
            String bad, String pointer, String reason, Function<CloudTrailRecord, Object> accessor) {
        byte[] json = ("{\"Records\":[" + GOOD_1 + "," + bad + "," + GOOD_2 + "]}").getBytes(StandardCharsets.UTF_8);
        CloudTrailReader strict = CloudTrail.reader().onBadField(FieldPolicy.REJECT_RECORD);
        try (CloudTrailLog log = strict.onProblem(ProblemPolicy.SKIP_AND_REPORT).read(json, "bad.json")) {
            List<String> names = new ArrayList<>();
            log.forEach(r -> names.add(r.eventName().orElseThrow()));
            assertThat(names).containsExactly("A", "B");
            assertThat(log.problems())
                    .singleElement()
                    .satisfies(p -> assertThat(p.reason()).startsWith(pointer));
            assertThat(log.warnings()).isEmpty();
        }
        try (CloudTrailLog log = strict.read(json, "bad.json")) {
            InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class, () -> log.forEach(r -> {}));
            assertThat(e.problem().reason()).startsWith(pointer).contains(reason);
        }
        assertThat(CloudTrail.reader().fieldPolicy()).isEqualTo(FieldPolicy.KEEP_AND_WARN);
    }

    static Stream<Arguments> timesInOtherForms() {
        return Stream.of(
                Arguments.of("2024-11-26T19:29:38Z", "2024-11-26T19:29:38Z"),
                Arguments.of("2024-11-26 19:29:38Z", "2024-11-26T19:29:38Z"),
                Arguments.of("2024-11-26T19:29:38.000Z", "2024-11-26T19:29:38Z"),
                Arguments.of("2024-11-26 19:29:38.123456789Z", "2024-11-26T19:29:38.123456789Z"),
                Arguments.of("2024-11-26T20:29:38+01:00", "2024-11-26T19:29:38Z"),
                Arguments.of("2024-11-26T14:29:38.5-05:00", "2024-11-26T19:29:38.500Z"),
                Arguments.of("2024-11-26T24:00:00Z", "2024-11-27T00:00:00Z"),
                Arguments.of("2016-12-31T23:59:60Z", "2016-12-31T23:59:59Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("timesInOtherForms")
    void aTimeNamingOneInstantInAnotherForm_isReadAsThatInstant_andWrittenBackAsItCame(String text, String instant) {
        String record = "{\"eventName\":\"X\",\"eventTime\":\"" + text + "\",\"eventID\":\"1\"}";
        try (CloudTrailLog log = CloudTrail.reader()
                .read(("{\"Records\":[" + record + "]}").getBytes(StandardCharsets.UTF_8), "times.json")) {
            CloudTrailRecord r = log.iterator().next();
            assertThat(r.eventTime()).hasValue(Instant.parse(instant));
            assertThat(log.warnings()).isEmpty();
            String written = CloudTrail.writer().toJson(r);
            assertThat(Samples.tree(written).get("eventTime").asText()).isEqualTo(text);
            assertThat(Samples.sameTree(Samples.tree(record), Samples.tree(written)))
                    .isTrue();
            assertThat(CloudTrail.reader().readRecord(written)).isEqualTo(r);
        }
    }

    @Test
    void aTimesTextBesideItsInstant_mustNameThatInstant() {
        assertThat(CloudTrailRecord.builder()
                        .eventTime(Instant.parse("2024-01-01T00:00:00Z"))
                        .putOtherFields("eventTime", JsonValue.of("2024-01-01 01:00:00+01:00"))
                        .build()
                        .eventTime())
                .hasValue(Instant.parse("2024-01-01T00:00:00Z"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CloudTrailRecord.builder()
                        .eventTime(Instant.parse("2024-01-01T00:00:00Z"))
                        .putOtherFields("eventTime", JsonValue.of("2024-01-02T00:00:00Z"))
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
