package io.github.trailkit.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reader keeps payloads as text decoded on first use, and finds duplicate member names itself; the reference read
 * ({@code LogParser}'s {@code fast = false}) builds every payload as a tree and leaves duplicates to Jackson, as the
 * reader did before. Both must give the same records, the same problems and the same error (type, record, byte
 * offset, reason), for good logs and for logs broken inside a payload in every way the parser or a limit can find.
 */
final class LazyReadMatchesTreeReadTest {
    private static final ReadLimits DEFAULTS = ReadLimits.defaults();

    /** What one read gives: records, problems and the error that ended it, if any (and where). */
    record Outcome(
            List<CloudTrailRecord> records,
            List<RecordProblem> problems,
            String error,
            long offset,
            boolean stringTooLong) {}

    static Outcome read(byte[] log, ProblemPolicy policy, ReadLimits limits, boolean fast) {
        LogParser parser =
                new LogParser(new ByteArrayInputStream(log), "t.json", policy, limits, Limits.factory(limits), fast);
        List<CloudTrailRecord> records = new ArrayList<>();
        String error = null;
        long offset = -1;
        boolean stringTooLong = false;
        try (parser) {
            CloudTrailRecord r;
            while ((r = parser.next()) != null) {
                records.add(r);
            }
        } catch (CloudTrailParseException e) {
            offset = e.byteOffset().orElse(-1);
            stringTooLong = e instanceof LimitExceededException limitExceededException
                    && limitExceededException.limit() == ReadLimits.Limit.STRING_LENGTH;
            error = e.getClass().getSimpleName() + " " + e.getMessage() + " | record " + e.recordIndex()
                    + (e instanceof LimitExceededException ? " | " + ((LimitExceededException) e).limit() : "");
            if (stringTooLong) {
                error = error.replaceFirst(" at byte \\d+", "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Outcome(records, parser.problems(), error, offset, stringTooLong);
    }

    static void assertSame(String what, byte[] log, ReadLimits limits) {
        for (ProblemPolicy policy : ProblemPolicy.values()) {
            Outcome tree = read(log, policy, limits, false);
            Outcome lazy = read(log, policy, limits, true);
            assertThat(lazy.error()).as("%s, %s: error", what, policy).isEqualTo(tree.error());
            if (tree.stringTooLong()) {
                // where Jackson notices a string is too long depends on the sizes its text buffer grew to for the
                // strings before: the same string, not always the same byte
                assertThat(sameString(log, lazy.offset(), tree.offset()))
                        .as("%s, %s: offsets %d and %d in the same string", what, policy, lazy.offset(), tree.offset())
                        .isTrue();
            } else {
                assertThat(lazy.offset()).as("%s, %s: offset", what, policy).isEqualTo(tree.offset());
            }
            assertThat(lazy.problems()).as("%s, %s: problems", what, policy).isEqualTo(tree.problems());
            assertThat(lazy.records()).as("%s, %s: records", what, policy).isEqualTo(tree.records());
            assertThat(tree.records())
                    .as("%s, %s: records, compared the other way", what, policy)
                    .isEqualTo(lazy.records());
            for (int i = 0; i < lazy.records().size(); i++) {
                CloudTrailRecord l = lazy.records().get(i);
                CloudTrailRecord t = tree.records().get(i);
                assertThat(l.hashCode()).as("%s: hash of record %d", what, i).isEqualTo(t.hashCode());
                assertThat(CloudTrail.writer().toJson(l))
                        .as("%s: JSON of record %d", what, i)
                        .isEqualTo(CloudTrail.writer().toJson(t));
            }
        }
    }

    @Test
    void generatedLogs_plainAndGzip() throws IOException {
        byte[] plain = GeneratedLog.records(3_000, 42).readAllBytes();
        assertSame("generated", plain, DEFAULTS);
        assertSame("generated, gzip", gzip(plain), DEFAULTS);
        assertSame(
                "generated, small records limit",
                plain,
                DEFAULTS.toBuilder().maxRecordBytes(1200).build());
        assertSame(
                "generated, short strings",
                plain,
                DEFAULTS.toBuilder().maxStringLength(40).build());
        assertSame(
                "generated, shallow",
                plain,
                DEFAULTS.toBuilder().maxNestingDepth(3).build());
        assertSame(
                "generated, short numbers",
                plain,
                DEFAULTS.toBuilder().maxNumberLength(3).build());
        assertSame(
                "generated, short total",
                plain,
                DEFAULTS.toBuilder().maxTotalBytes(500_000).build());
    }

    @Test
    void samplesAndRealLogs() throws IOException {
        List<Path> files = new ArrayList<>(Samples.realLogs());
        files.addAll(Samples.validRecordSamples());
        files.addAll(Samples.list("bad-logs"));
        assertThat(files).hasSizeGreaterThan(20);
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            if (Samples.validRecordSamples().contains(f)) {
                bytes = ("{\"Records\":[" + new String(bytes, StandardCharsets.UTF_8) + "]}")
                        .getBytes(StandardCharsets.UTF_8);
            }
            assertSame(f.toString(), bytes, DEFAULTS);
            assertSame(
                    f + ", small records limit",
                    bytes,
                    DEFAULTS.toBuilder().maxRecordBytes(600).build());
        }
    }

    /** Whether the bytes between two offsets are inside one string (or the second just after its closing quote). */
    private static boolean sameString(byte[] log, long a, long b) {
        for (long i = Math.min(a, b); i < Math.max(a, b) - 1; i++) {
            if (log[(int) i] == '"' && log[(int) i - 1] != '\\') {
                return false;
            }
        }
        return a >= 0 && b >= 0;
    }

    /** A log of three records, the middle one with {@code payload} as its requestParameters. */
    static byte[] logWith(String payload) {
        return logWith(payload.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] logWith(byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("{\"Records\":[{\"eventID\":\"1\",\"requestParameters\":{\"k\":[1,2]}},\n"
                        + "{\"eventID\":\"2\",\"eventName\":\"X\",\"requestParameters\":")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(payload);
        out.writeBytes((",\"responseElements\":{\"ok\":true},\"eventTime\":\"2024-01-01T00:00:00Z\"},\n"
                        + "{\"eventID\":\"3\",\"additionalEventData\":[{\"x\":\"y\"}]}]}")
                .getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static Stream<Arguments> brokenPayloads() {
        List<Arguments> rows = new ArrayList<>();
        String[] utf8 = {
            "C3",
            "C328",
            "E282",
            "E228A1",
            "F09F98",
            "F888808080",
            "FF",
            "C0AF",
            "EDA080",
            "F4908080",
            "80",
            "E0809F",
            "F0808080"
        };
        for (String hex : utf8) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.writeBytes("{\"a\":1,\"s\":\"ok".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < hex.length(); i += 2) {
                b.write(Integer.parseInt(hex.substring(i, i + 2), 16));
            }
            b.writeBytes("more\",\"b\":[true,null]}".getBytes(StandardCharsets.UTF_8));
            rows.add(Arguments.of("invalid UTF-8 " + hex, b.toByteArray()));
        }
        String[] broken = {
            "{\"s\":\"a\u0001b\"}",
            "{\"s\":\"a\nb\"}",
            "{\"s\":\"a\tb\"}",
            "{\"s\":\"\\x\"}",
            "{\"s\":\"\\u12\"}",
            "{\"s\":\"\\uZZZZ\"}",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{\"a\":tru}",
            "[1,,2]",
            "{\"a\":01}",
            "{\"a\":-}",
            "{\"a\":1e}",
            "{\"a\":NaN}",
            "{\"a\":.5}",
            "{\"a\":[1,2}",
            "{\"a\":{\"b\":1]}",
            "{1:2}",
            "{\"a\":'x'}",
            "{\"a\":1,\"a\":2}",
            "{\"a\":{\"b\":[{\"c\":1,\"c\":2}]}}",
            "{\"a\":1,\"a\" 2}",
            "{\"a\":1,\"a\":tru}",
            "{\"x\":1,\"y\":2,\"z\":3,\"\\u0078\":4}",
            "{\"é\":1,\"b\":2,\"é\":3}",
            "[{\"a\":1},{\"a\":1,\"a\":1}]",
            "{\"a\":\"unterminated",
            "{\"a\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
            "{\"n\":" + "9".repeat(1500) + "}",
            "{\"n\":-1." + "5".repeat(1500) + "}",
        };
        for (String s : broken) {
            rows.add(
                    Arguments.of(s.length() > 60 ? s.substring(0, 60) + "..." : s, s.getBytes(StandardCharsets.UTF_8)));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenPayloads")
    void aPayloadBrokenInsideIsReportedAsBefore(String name, byte[] payload) {
        byte[] log = logWith(payload);
        assertSame(name, log, DEFAULTS);
        assertSame(
                name + ", shallow", log, DEFAULTS.toBuilder().maxNestingDepth(4).build());
        assertSame(
                name + ", short numbers",
                log,
                DEFAULTS.toBuilder().maxNumberLength(20).build());
        assertSame(
                name + ", small records",
                log,
                DEFAULTS.toBuilder().maxRecordBytes(100).build());
    }

    @Test
    void stringsOverTheLengthLimitInsideAPayload_everywhereAndHoweverWritten() {
        String[] texts = {
            "x".repeat(50),
            "é".repeat(50),
            "\\u00e9".repeat(50),
            "日本".repeat(25),
            "😀".repeat(25),
            "\\n".repeat(50),
            "a".repeat(49) + "\\u0041"
        };
        for (int limit : new int[] {10, 49, 50, 51, 100, 299, 300, 301}) {
            ReadLimits strings = DEFAULTS.toBuilder().maxStringLength(limit).build();
            for (String t : texts) {
                for (String payload : List.of(
                        "{\"s\":\"" + t + "\"}",
                        "[\"" + t + "\"]",
                        "{\"a\":{\"b\":[1,\"" + t + "\",{\"c\":\"" + t + t + "\"}]}}",
                        "{\"" + t.replace("\\", "") + "\":1,\"s\":\"" + t + t + t + t + t + t + "\"}")) {
                    String what = "limit " + limit + ": " + payload;
                    assertSame(what, logWith(payload), strings);
                    // with something else broken after the long string too, and the record over its size limit
                    assertSame(what + " then broken", logWith(payload.replaceFirst(".$", ",}")), strings);
                    assertSame(
                            what + ", small records",
                            logWith(payload),
                            strings.toBuilder().maxRecordBytes(200).build());
                    assertSame(
                            what + " then a duplicate",
                            logWith(payload.replaceFirst("^\\{", "{\"d\":1,\"d\":2,")),
                            strings);
                }
            }
        }
    }

    @Test
    void aHugeStringInAPayload_isTooLong_notARecordTooLarge() throws IOException {
        // 5 MiB of 'x' (over the string limit of 4 Mi characters and the record limit of 4 MiB) and of two-byte
        // characters (2.5 Mi characters: within the string limit, so the record is too large and is skipped)
        for (String unit : List.of("x", "é")) {
            byte[] text = unit.repeat((5 << 20) / unit.getBytes(StandardCharsets.UTF_8).length)
                    .getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream payload = new ByteArrayOutputStream();
            payload.writeBytes("{\"s\":\"".getBytes(StandardCharsets.UTF_8));
            payload.writeBytes(text);
            payload.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
            byte[] log = logWith(payload.toByteArray());
            assertSame("5 MiB of " + unit, log, DEFAULTS);
            assertSame("5 MiB of " + unit + ", gzip", gzip(log), DEFAULTS);
        }
    }

    @Test
    void theRecordSizeLimitFires_atTheSameTokenInsideAPayload() {
        StringBuilder payload = new StringBuilder("{");
        for (int i = 0; i < 400; i++) {
            payload.append(i == 0 ? "" : ",")
                    .append("\"m")
                    .append(i)
                    .append("\":[")
                    .append(i)
                    .append(",\"v\"]");
        }
        payload.append('}');
        for (long limit : new long[] {50, 120, 500, 1000, 3000, 5000, 6000}) {
            assertSame(
                    "limit " + limit,
                    logWith(payload.toString()),
                    DEFAULTS.toBuilder().maxRecordBytes(limit).build());
        }
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }
}
