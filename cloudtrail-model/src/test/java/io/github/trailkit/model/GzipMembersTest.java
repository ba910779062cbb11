package io.github.trailkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Gzip members are read strictly: every one checked, damage after the first reported, never passed over. */
final class GzipMembersTest {
    private static final byte[] FIRST = gzip(log(0, 2));
    private static final byte[] SECOND = gzip(log(10, 3));

    @ParameterizedTest
    @EnumSource(ProblemPolicy.class)
    void everyMemberIsReadFromAStreamThatNeverSaysBytesAreAvailable(ProblemPolicy policy) {
        byte[] both = concat(FIRST, SECOND);

        List<String> ids = new ArrayList<>();
        try (CloudTrailLog log =
                CloudTrail.reader().onProblem(policy).read(new NetworkStream(both, FIRST.length), "s3://b/k.json.gz")) {
            log.forEach(r -> ids.add(r.eventID().orElseThrow()));
        }

        assertThat(ids).containsExactly("e0", "e1", "e10", "e11", "e12");
    }

    @Test
    void aSecondMemberWithABadCompressionMethodIsReportedAfterTheRecordsBeforeIt() {
        byte[] bad = SECOND.clone();
        bad[2] = 7;
        assertDamage(
                concat(FIRST, bad),
                "gzip member 2 (at compressed byte offset " + FIRST.length + "): unsupported compression method 7");
    }

    @Test
    void reservedFlagsInASecondMemberAreReported() {
        byte[] bad = SECOND.clone();
        bad[3] = (byte) 0xe0;
        assertDamage(
                concat(FIRST, bad),
                "gzip member 2 (at compressed byte offset " + FIRST.length + "): reserved header flags set");
    }

    @Test
    void trailingGarbageAfterAMemberIsReported() {
        assertDamage(
                concat(FIRST, "GARBAGE-NOT-GZIP".getBytes(StandardCharsets.US_ASCII)),
                "the data after gzip member 1 (from compressed byte offset " + FIRST.length
                        + ") is not a gzip member: trailing garbage");
        assertDamage(concat(FIRST, new byte[100]), "is not a gzip member: trailing garbage");
    }

    @Test
    void aTruncatedSecondHeaderIsReported() {
        assertDamage(
                concat(FIRST, new byte[] {0x1f, (byte) 0x8b}),
                "gzip member 2 (at compressed byte offset "
                        + FIRST.length + "): the data ends inside the member's header, at compressed byte offset "
                        + (FIRST.length + 2));
        assertDamage(concat(FIRST, Arrays.copyOf(SECOND, 7)), "the data ends inside the member's header");
    }

    @Test
    void aCorruptChecksumOrATruncatedMemberIsReported() {
        // the checksum comes after the member's data: its records were delivered as they were inflated
        byte[] crc = SECOND.clone();
        crc[crc.length - 8] ^= 1;
        List<String> all = List.of("e0", "e1", "e10", "e11", "e12");
        assertDamage(
                concat(FIRST, crc),
                all,
                "gzip member 2 (at compressed byte offset " + FIRST.length + "): CRC-32 mismatch");
        assertDamage(concat(FIRST, Arrays.copyOf(SECOND, SECOND.length - 4)), all, "inside the member's trailer");
        assertDamage(concat(FIRST, Arrays.copyOf(SECOND, 20)), "the data ends inside the member");
    }

    private static void assertDamage(byte[] input, String expected) {
        assertDamage(input, List.of("e0", "e1"), expected);
    }

    /** The records before the damage are delivered, then the read ends with a parse error naming source and member. */
    private static void assertDamage(byte[] input, List<String> delivered, String expected) {
        for (ProblemPolicy policy : ProblemPolicy.values()) {
            for (InputStream in :
                    List.of(new NetworkStream(input, FIRST.length), new java.io.ByteArrayInputStream(input))) {
                List<String> ids = new ArrayList<>();
                CloudTrailParseException e;
                try (CloudTrailLog log = CloudTrail.reader().onProblem(policy).read(in, "logs/x.json.gz")) {
                    e = catchThrowableOfType(
                            CloudTrailParseException.class,
                            () -> log.forEach(r -> ids.add(r.eventID().orElseThrow())));
                }
                assertThat(ids).isEqualTo(delivered);
                assertThat(e).isNotNull();
                assertThat(e.getMessage())
                        .startsWith("logs/x.json.gz: ")
                        .contains("gzip data is truncated or corrupt")
                        .contains(expected);
                assertThat(e.source()).isEqualTo("logs/x.json.gz");
            }
        }
    }

    private static byte[] log(int from, int count) {
        StringBuilder sb = new StringBuilder("{\"Records\":[");
        for (int i = from; i < from + count; i++) {
            sb.append(i == from ? "" : ",")
                    .append("{\"eventVersion\":\"1.08\",\"eventName\":\"CreateTopic\",")
                    .append("\"eventID\":\"e")
                    .append(i)
                    .append("\"}");
        }
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(bos)) {
            z.write(data);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bos.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** A stream like a network one: {@code available()} is 0, and one read ends at the boundary between members. */
    static final class NetworkStream extends InputStream {
        private final byte[] data;
        private final int boundary;
        private int pos;

        NetworkStream(byte[] data, int boundary) {
            this.data = data;
            this.boundary = boundary;
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= data.length) {
                return -1;
            }
            int end = Math.min(data.length, pos + len);
            if (pos < boundary && end > boundary) {
                end = boundary;
            }
            int n = end - pos;
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public int available() {
            return 0;
        }
    }
}
