package io.github.trailkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Inputs that are not (wholly) valid logs: typed errors naming source, record and offset; nothing else lost. */
final class BadInputTest {
    private static final CloudTrailReader SKIP =
            CloudTrail.reader().onProblem(ProblemPolicy.SKIP_AND_REPORT).onBadField(FieldPolicy.REJECT_RECORD);

    private static final String GOOD_1 = "{\"eventVersion\":\"1.08\",\"eventName\":\"A\",\"eventID\":\"1\"}";
    private static final String GOOD_2 = "{\"eventVersion\":\"1.08\",\"eventName\":\"B\",\"eventID\":\"2\"}";
    private static final String GOOD_3 = "{\"eventVersion\":\"1.08\",\"eventName\":\"C\",\"eventID\":\"3\"}";

    private static List<CloudTrailRecord> readAll(CloudTrailLog log) {
        List<CloudTrailRecord> out = new ArrayList<>();
        log.forEach(out::add);
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(data);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bos.toByteArray();
    }

    static Stream<Arguments> badRecords() {
        return Stream.of(
                Arguments.of("1", "/Records/1: a record must be an object, found a number"),
                Arguments.of("[1,2]", "/Records/1: a record must be an object, found an array"),
                Arguments.of("\"x\"", "/Records/1: a record must be an object, found a string"),
                Arguments.of("{\"readOnly\":\"yes\"}", "/Records/1/readOnly: expected a boolean, found a string"),
                Arguments.of(
                        "{\"eventTime\":\"yesterday\"}", "/Records/1/eventTime: expected an ISO 8601 time with a zone"),
                Arguments.of(
                        "{\"userIdentity\":\"root\"}", "/Records/1/userIdentity: expected an object, found a string"),
                Arguments.of("{\"eventVersion\":1.08}", "/Records/1/eventVersion: expected a string, found a number"),
                Arguments.of(
                        "{\"userIdentity\":{\"sessionContext\":{\"attributes\":{\"mfaAuthenticated\":true}}}}",
                        "/Records/1/userIdentity/sessionContext/attributes/mfaAuthenticated: expected a string"),
                Arguments.of("{\"resources\":[{\"ARN\":\"a\"},7]}", "/Records/1/resources/1: expected an object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRecords")
    void skipAndReport_deliversEveryOtherRecord_andNamesTheBadOne(String bad, String reason) {
        String before = "{\"Records\":[" + GOOD_1 + ",";
        String json = before + bad + "," + GOOD_2 + "," + GOOD_3 + "]}";
        int badOffset = before.length();
        try (CloudTrailLog log = SKIP.read(utf8(json), "bad.json")) {
            assertThat(readAll(log))
                    .extracting(r -> r.eventName().orElseThrow())
                    .containsExactly("A", "B", "C");
            assertThat(log.problems()).hasSize(1);
            RecordProblem p = log.problems().get(0);
            assertThat(p.source()).isEqualTo("bad.json");
            assertThat(p.recordIndex()).isEqualTo(1);
            assertThat(p.byteOffset()).isEqualTo(badOffset);
            assertThat(p.reason()).startsWith(reason);
            assertThat(p.toString()).startsWith("bad.json: record 1 at byte " + badOffset + ": " + reason);
            assertThat(log.recordsRead()).isEqualTo(3);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRecords")
    void failFast_throwsInvalidRecordException_afterDeliveringTheRecordsBefore(String bad, String reason) {
        String before = "{\"Records\":[" + GOOD_1 + ",";
        String json = before + bad + "," + GOOD_2 + "]}";
        int badOffset = before.length();
        List<CloudTrailRecord> seen = new ArrayList<>();
        try (CloudTrailLog log =
                CloudTrail.reader().onBadField(FieldPolicy.REJECT_RECORD).read(utf8(json), "bad.json")) {
            InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class, () -> log.forEach(seen::add));
            assertThat(e).isNotNull();
            assertThat(e.problem().recordIndex()).isEqualTo(1);
            assertThat(e.recordIndex()).hasValue(1);
            assertThat(e.byteOffset()).hasValue(badOffset);
            assertThat(e.getMessage()).startsWith("bad.json: record 1 at byte " + badOffset + ": " + reason);
        }
        assertThat(seen).extracting(r -> r.eventName().orElseThrow()).containsExactly("A");
    }

    static Stream<Arguments> notLogs() {
        return Stream.of(
                Arguments.of("", "the input is empty"),
                Arguments.of("{}", "no Records array"),
                Arguments.of("{\"Records\":null}", "Records must be an array, found null"),
                Arguments.of("{\"Records\":{}}", "Records must be an array, found an object"),
                Arguments.of("[]", "expected a JSON object with a Records array, found an array"),
                Arguments.of("hello world", "invalid JSON"),
                Arguments.of(
                        "{\"awsAccountId\":\"111122223333\",\"digestStartTime\":\"2015-08-17T14:01:31Z\",\"logFiles\":[]}",
                        "no Records array (this is a CloudTrail digest file)"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("notLogs")
    void notACloudTrailLog_isATypedErrorNamingTheSource(String content, String reason) {
        for (byte[] bytes : List.of(utf8(content), gzip(utf8(content)))) {
            try (CloudTrailLog log = CloudTrail.reader().read(bytes, "s3://b/k.json.gz")) {
                NotCloudTrailLogException e = catchThrowableOfType(NotCloudTrailLogException.class, () -> readAll(log));
                assertThat(e).as("for %s", content).isNotNull();
                assertThat(e.source()).isEqualTo("s3://b/k.json.gz");
                assertThat(e.reason()).contains(reason);
                assertThat(e.byteOffset()).isPresent();
                assertThat(e.getMessage()).startsWith("s3://b/k.json.gz: at byte ");
            }
        }
    }

    @Test
    void publishedDigestSample_isNotALog() {
        try (CloudTrailLog log = CloudTrail.reader().read(Samples.resource("samples/digest/digest-sample.json"))) {
            assertThatThrownBy(() -> readAll(log))
                    .isInstanceOf(NotCloudTrailLogException.class)
                    .hasMessageContaining("digest-sample.json")
                    .hasMessageContaining("this is a CloudTrail digest file");
        }
    }

    @Test
    void truncatedGzip_deliversTheRecordsBefore_thenNamesSourceAndOffset() {
        StringBuilder json = new StringBuilder("{\"Records\":[");
        for (int i = 0; i < 2000; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"eventVersion\":\"1.08\",\"eventID\":\"")
                    .append(i)
                    .append("\",\"requestParameters\":{\"n\":")
                    .append(i * 7919 % 1000)
                    .append("}}");
        }
        json.append("]}");
        byte[] whole = gzip(utf8(json.toString()));
        for (int cut : new int[] {whole.length / 3, whole.length / 2, whole.length - 9}) {
            byte[] truncated = Arrays.copyOf(whole, cut);
            List<CloudTrailRecord> seen = new ArrayList<>();
            try (CloudTrailLog log = SKIP.read(truncated, "cut.json.gz")) {
                CloudTrailParseException e =
                        catchThrowableOfType(CloudTrailParseException.class, () -> log.forEach(seen::add));
                assertThat(e).as("cut at %d", cut).isNotNull().isNotInstanceOf(NotCloudTrailLogException.class);
                assertThat(e.source()).isEqualTo("cut.json.gz");
                assertThat(e.reason()).startsWith("gzip data is truncated or corrupt");
                assertThat(e.byteOffset()).isPresent();
            }
            assertThat(seen).isNotEmpty();
            for (int i = 0; i < seen.size(); i++) {
                assertThat(seen.get(i).eventID()).contains(Integer.toString(i));
            }
        }
    }

    @Test
    void trailingGarbage_afterTheLog_isReportedAfterEveryRecord() {
        List<CloudTrailRecord> seen = new ArrayList<>();
        String json = "{\"Records\":[" + GOOD_1 + "," + GOOD_2 + "]} trailing";
        try (CloudTrailLog log = SKIP.read(utf8(json), "t.json")) {
            CloudTrailParseException e =
                    catchThrowableOfType(CloudTrailParseException.class, () -> log.forEach(seen::add));
            assertThat(e).isNotNull();
            if (Samples.jacksonBefore(19)) {
                // Jackson 2.18 and older place an unrecognized word at its end, not its start
                assertThat(e.byteOffset().orElseThrow())
                        .isBetween(
                                (long) json.indexOf("trailing"), (long) json.indexOf("trailing") + "trailing".length());
            } else {
                assertThat(e.byteOffset()).hasValue(json.indexOf("trailing"));
            }
        }
        assertThat(seen).hasSize(2);
    }

    @Test
    void concatenatedGzipMembers_andConcatenatedLogs_areReadInOrder() {
        byte[] first = gzip(utf8("{\"Records\":[" + GOOD_1 + "," + GOOD_2)); // a member ending mid-document
        byte[] second = gzip(utf8("]}{\"Records\":[" + GOOD_3 + "]}")); // ...and a second whole log after it
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        try (CloudTrailLog log = CloudTrail.reader().read(both, "two-members.json.gz")) {
            assertThat(readAll(log))
                    .extracting(r -> r.eventName().orElseThrow())
                    .containsExactly("A", "B", "C");
        }
    }

    @Test
    void duplicateMemberNames_areAnInvalidRecord() {
        String json = "{\"Records\":[{\"eventName\":\"A\",\"eventName\":\"B\"}]}";
        try (CloudTrailLog log = CloudTrail.reader().read(utf8(json), "dup.json")) {
            CloudTrailParseException e = catchThrowableOfType(CloudTrailParseException.class, () -> readAll(log));
            assertThat(e.getMessage()).contains("dup.json").contains("eventName");
        }
    }

    static Stream<Arguments> invalidAwsSamples() {
        // file, the char offset Python's json module reports for the published error (samples/README.md)
        return Stream.of(
                Arguments.of("mgmt-iam-CreateRole-v1.0.INVALID-JSON.json", 755),
                Arguments.of("mgmt-cloudtrail-StartLogging-v1.05.INVALID-JSON.json", 1153),
                Arguments.of("sts-AssumeRoleWithSAML-SAMLUser.INVALID-JSON.json", 1346),
                Arguments.of("sts-AssumeRoleWithWebIdentity-WebIdentityUser.INVALID-JSON.json", 747),
                Arguments.of("signin-ConsoleLogin-success-iam.INVALID-JSON.json", 671));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidAwsSamples")
    void invalidJsonAwsSamples_asARecord_giveTheExactPosition(String file, int expectedOffset) {
        String text = Samples.read(Samples.resource("samples/cloudtrail/" + file));
        CloudTrailParseException e = catchThrowableOfType(
                CloudTrailParseException.class, () -> CloudTrail.reader().readRecord(text));
        assertThat(e).isNotNull();
        assertThat(e.reason()).startsWith("invalid JSON");
        // the files are ASCII, so characters and bytes agree; the parser may stop one character later
        // (Jackson 2.15 places a control character in a string one byte further still)
        int slack = Samples.jacksonBefore(16) ? 2 : 1;
        assertThat(e.byteOffset().orElseThrow()).isBetween((long) expectedOffset, (long) expectedOffset + slack);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidAwsSamples")
    void invalidJsonAwsSamples_asALogFile_areNamedWithSourceAndOffset(String file, int expectedOffset) {
        Path path = Samples.resource("samples/cloudtrail/" + file);
        try (CloudTrailLog log = CloudTrail.reader().read(path)) {
            CloudTrailParseException e = catchThrowableOfType(CloudTrailParseException.class, () -> readAll(log));
            assertThat(e).isNotNull();
            assertThat(e.source()).isEqualTo(path.toString());
            assertThat(e.byteOffset()).isPresent();
            if (file.startsWith("mgmt-iam-CreateRole")) {
                // a Records file damaged inside its first record: the record and the exact offset are named
                assertThat(e).isNotInstanceOf(NotCloudTrailLogException.class);
                // (Jackson 2.15 places a control character in a string one byte later)
                int offset = Samples.jacksonBefore(16) ? expectedOffset + 1 : expectedOffset;
                assertThat(e.getMessage()).startsWith(path + ": record 0 at byte " + offset + ": invalid JSON");
            } else {
                // a bare record is not a log file
                assertThat(e).isInstanceOf(NotCloudTrailLogException.class);
                assertThat(e.getMessage()).startsWith(path + ": at byte ");
            }
        }
    }
}
