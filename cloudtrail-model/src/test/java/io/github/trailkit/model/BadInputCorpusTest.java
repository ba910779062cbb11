package io.github.trailkit.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of bad and hostile logs: each input, read with {@link ProblemPolicy#SKIP_AND_REPORT} and the default
 * limits, ends in the expected typed error (or none) with the expected records delivered and problems reported. Small
 * inputs are files under {@code bad-logs/}; large ones are generated as they are read. ({@link BadInputTest} covers
 * the other bad inputs: not-a-log documents, bad field types under both policies, truncated gzip, trailing garbage.)
 */
final class BadInputCorpusTest {
    private static final String G1 = "{\"eventVersion\":\"1.08\",\"eventName\":\"A\",\"eventID\":\"1\"}";
    private static final String G2 = "{\"eventVersion\":\"1.08\",\"eventName\":\"B\",\"eventID\":\"2\"}";
    private static final String HEAD = "{\"Records\":[" + G1 + ",{\"eventID\":\"x\",\"requestParameters\":";
    private static final String TAIL = "}," + G2 + "]}";

    /** What reading an input must give. */
    record Expect(
            Class<? extends CloudTrailException> error,
            ReadLimits.Limit limit,
            String reason,
            List<String> delivered,
            List<String> problems) {
        static Expect ok(List<String> delivered, String... problems) {
            return new Expect(null, null, null, delivered, List.of(problems));
        }

        static Expect error(Class<? extends CloudTrailException> type, String reason, String... delivered) {
            return new Expect(type, null, reason, List.of(delivered), List.of());
        }

        static Expect limit(ReadLimits.Limit limit, String reason, String... delivered) {
            return new Expect(LimitExceededException.class, limit, reason, List.of(delivered), List.of());
        }
    }

    static Stream<Arguments> corpus() {
        List<String> both = List.of("1", "2");
        return Stream.of(
                row("bom.json", file("bom.json"), Expect.ok(both)),
                row(
                        "gzip of text",
                        file("gzip-of-text.json.gz"),
                        Expect.error(NotCloudTrailLogException.class, "invalid JSON")),
                row(
                        "gzip of binary",
                        file("gzip-of-binary.json.gz"),
                        Expect.error(NotCloudTrailLogException.class, "invalid JSON")),
                row(
                        "plain text",
                        file("plain-text.json"),
                        Expect.error(NotCloudTrailLogException.class, "invalid JSON")),
                // damaged JSON inside a record costs that record: reading goes on at the next one
                row("NaN", file("nan.json"), Expect.ok(both, "/Records/1: invalid JSON at byte ")),
                row("-Infinity", file("infinity.json"), Expect.ok(both, "/Records/1: invalid JSON at byte ")),
                row("invalid UTF-8", file("invalid-utf8.json"), Expect.ok(both, "/Records/1: invalid JSON at byte ")),
                row(
                        "garbage after the array",
                        file("garbage-after-array.json"),
                        Expect.error(CloudTrailParseException.class, "invalid JSON", "1", "2")),
                row(
                        "unclosed array",
                        file("unclosed-array.json"),
                        Expect.error(CloudTrailParseException.class, "invalid JSON", "1", "2")),
                row(
                        "duplicate keys",
                        file("duplicate-keys.json"),
                        Expect.ok(both, "/Records/1: invalid JSON at byte ")),
                row(
                        "a null record",
                        file("record-is-null.json"),
                        Expect.ok(both, "/Records/1: a record must be an object, found null")),
                row(
                        "eventTime a number",
                        file("event-time-number.json"),
                        Expect.ok(both, "/Records/1/eventTime: expected a string, found a number")),
                row(
                        "readOnly \"yes\"",
                        file("read-only-yes.json"),
                        Expect.ok(both, "/Records/1/readOnly: expected a boolean, found a string")),
                row(
                        "userIdentity a string",
                        file("user-identity-string.json"),
                        Expect.ok(both, "/Records/1/userIdentity: expected an object, found a string")),
                row(
                        "nesting 10,000 deep in requestParameters",
                        () -> HostileInputs.repeat(HEAD, "[", 10_000, "]".repeat(10_000) + TAIL),
                        Expect.limit(ReadLimits.Limit.NESTING_DEPTH, "nested too deep", "1")),
                row(
                        "a 50 MB string",
                        () -> HostileInputs.repeat(HEAD + "{\"s\":\"", "x", 50_000_000, "\"}" + TAIL),
                        Expect.limit(ReadLimits.Limit.STRING_LENGTH, "a string is too long", "1")),
                row(
                        "a 10,000-digit number",
                        () -> HostileInputs.repeat(HEAD + "{\"n\":", "9", 10_000, "}" + TAIL),
                        Expect.limit(ReadLimits.Limit.NUMBER_LENGTH, "a number is too long", "1")),
                row(
                        "an object with a million members",
                        () -> HostileInputs.generate(
                                HEAD + "{\"m\":0", i -> ",\"m" + i + "\":0", 1_000_000, "}" + TAIL),
                        Expect.ok(
                                both, "/Records/1: the record is over 4194304 bytes (limit maxRecordBytes = 4194304")),
                row(
                        "a gzip bomb (1 GiB of spaces between records)",
                        () -> new ByteArrayInputStream(
                                HostileInputs.gzipBomb("{\"Records\":[" + G1 + ",", 1024, G2 + "]}")),
                        Expect.limit(ReadLimits.Limit.INFLATE_RATIO, "gzip data inflates to", "1")));
    }

    private static Arguments row(String name, Supplier<InputStream> input, Expect expect) {
        return Arguments.of(name, input, expect);
    }

    private static Supplier<InputStream> file(String name) {
        return () -> {
            try {
                return Files.newInputStream(Samples.resource("bad-logs/" + name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachBadInput_givesItsTypedError_andDeliversEveryRecordBefore(
            String name, Supplier<InputStream> input, Expect expect) {
        List<String> delivered = new ArrayList<>();
        CloudTrailException error = null;
        List<RecordProblem> problems;
        try (CloudTrailLog log = CloudTrail.reader()
                .onProblem(ProblemPolicy.SKIP_AND_REPORT)
                .onBadField(FieldPolicy.REJECT_RECORD)
                .read(input.get(), name)) {
            try {
                log.forEach(r -> delivered.add(r.eventID().orElseThrow()));
            } catch (CloudTrailException e) {
                error = e;
            }
            problems = log.problems();
        }
        assertThat(delivered).as("delivered").isEqualTo(expect.delivered());
        if (expect.error() == null) {
            assertThat(error).as("error").isNull();
        } else {
            assertThat(error).as("error").isExactlyInstanceOf(expect.error());
            CloudTrailParseException e = (CloudTrailParseException) error;
            assertThat(e.source()).isEqualTo(name);
            assertThat(e.reason()).contains(expect.reason());
            assertThat(e.getMessage()).startsWith(name + ": ");
            if (expect.limit() != null) {
                LimitExceededException l = (LimitExceededException) e;
                assertThat(l.limit()).isEqualTo(expect.limit());
                assertThat(l.limitValue()).isEqualTo(ReadLimits.defaults().value(expect.limit()));
                assertThat(l.reason())
                        .contains("limit " + expect.limit().setting() + " = " + l.limitValue())
                        .contains("ReadLimits.builder()." + expect.limit().setting() + "(");
                assertThat(l.byteOffset()).isPresent();
            }
        }
        assertThat(problems).as("problems").hasSize(expect.problems().size());
        for (int i = 0; i < problems.size(); i++) {
            assertThat(problems.get(i).reason()).startsWith(expect.problems().get(i));
            assertThat(problems.get(i).recordIndex()).isEqualTo(1);
        }
    }

    @Test
    void recordOverTheSizeLimit_withFailFast_isALimitExceededException_namingTheRecord() {
        String big = "{\"Records\":[" + G1 + ",{\"eventID\":\"x\",\"requestParameters\":{\"s\":\"" + "y".repeat(3000)
                + "\"}}," + G2 + "]}";
        CloudTrailReader reader = CloudTrail.reader()
                .limits(ReadLimits.builder().maxRecordBytes(1000).build());
        List<String> delivered = new ArrayList<>();
        try (CloudTrailLog log = reader.read(HostileInputs.utf8(big), "big.json")) {
            LimitExceededException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                    LimitExceededException.class,
                    () -> log.forEach(r -> delivered.add(r.eventID().orElseThrow())));
            assertThat(e.limit()).isEqualTo(ReadLimits.Limit.RECORD_BYTES);
            assertThat(e.recordIndex()).hasValue(1);
            assertThat(e.byteOffset()).hasValue(big.indexOf(",{\"eventID\":\"x\"") + 1);
            assertThat(e.getMessage())
                    .startsWith("big.json: record 1 at byte ")
                    .contains("the record is over 1000 bytes (limit maxRecordBytes = 1000; raise it with "
                            + "ReadLimits.builder().maxRecordBytes(...)");
        }
        assertThat(delivered).containsExactly("1");
    }

    @Test
    void totalSizeLimit_stopsTheFile_afterTheRecordsBefore() {
        CloudTrailReader reader = CloudTrail.reader()
                .limits(ReadLimits.builder().maxTotalBytes(100_000).build());
        List<String> delivered = new ArrayList<>();
        InputStream in = HostileInputs.repeat("{\"Records\":[" + G1, "," + G2, 100_000, "]}");
        try (CloudTrailLog log = reader.read(in, "long.json")) {
            LimitExceededException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                    LimitExceededException.class,
                    () -> log.forEach(r -> delivered.add(r.eventID().orElseThrow())));
            assertThat(e.limit()).isEqualTo(ReadLimits.Limit.TOTAL_BYTES);
            assertThat(e.limitValue()).isEqualTo(100_000);
        }
        // the parser checks the total as it loads its next 32,000 bytes, so the records delivered end at most two
        // loads past the limit: (100,000 + 64,000) / 57 bytes a record
        assertThat(delivered).hasSizeBetween(1000, 2877).startsWith("1", "2", "2");
    }

    @Test
    void nestingDeeperThanTheStackAllows_cannotBeConfigured() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ReadLimits.builder().maxNestingDepth(ReadLimits.MAX_NESTING_DEPTH + 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxNestingDepth");
    }

    @Test
    void limitsAreConfigurable_andDefaultsAreDocumentedValues() {
        ReadLimits d = ReadLimits.defaults();
        assertThat(CloudTrail.reader().limits()).isEqualTo(d);
        assertThat(d.maxNestingDepth()).isEqualTo(500);
        assertThat(d.maxStringLength()).isEqualTo(4 << 20);
        assertThat(d.maxNumberLength()).isEqualTo(1000);
        assertThat(d.maxRecordBytes()).isEqualTo(4L << 20);
        assertThat(d.maxTotalBytes()).isEqualTo(4L << 30);
        assertThat(d.maxInflateRatio()).isEqualTo(200);
        ReadLimits deep = d.toBuilder()
                .maxNestingDepth(ReadLimits.MAX_NESTING_DEPTH)
                .maxRecordBytes(64L << 20)
                .build();
        String json = "{\"Records\":[{\"eventID\":\"d\",\"requestParameters\":{\"a\":" + "[".repeat(998)
                + "]".repeat(998) + "}}]}";
        try (CloudTrailLog log = CloudTrail.reader().limits(deep).read(HostileInputs.utf8(json), "deep.json")) {
            assertThat(log.stream().map(r -> r.eventID().orElseThrow())).containsExactly("d");
        }
    }
}
