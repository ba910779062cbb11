package io.github.trailkit.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailReader;
import org.junit.jupiter.api.Test;

/** The duplicate-name tables a thread keeps between records read from text. */
class MemberNamesTest {

    /** A record whose payload nests {@code depth} objects of {@code members} members each. */
    private static String wideAndDeep(int depth, int members) {
        StringBuilder b = new StringBuilder("{\"eventID\":\"big\",\"requestParameters\":");
        for (int d = 0; d < depth; d++) {
            b.append('{');
            for (int m = 0; m < members; m++) {
                b.append("\"m").append(m).append("\":").append(m).append(',');
            }
            b.append("\"next\":");
        }
        b.append("null");
        b.append("}".repeat(depth)).append('}');
        return b.toString();
    }

    @Test
    void aThreadKeepsAboutARecordsWorthOfTablesWhateverItHasRead() {
        CloudTrailReader reader = CloudTrail.reader();
        assertThat(reader.readRecord(wideAndDeep(60, 400)).eventID()).hasValue("big");
        MemberNames kept = MemberNames.forValue();
        try {
            // 60 depths of 400 names grew 60 tables of 1,024 slots; at most 16 depths of 64 slots are kept
            assertThat(kept.slots()).isLessThanOrEqualTo(16 * 64);
        } finally {
            kept.release();
        }
        // and the tables still find duplicates at every depth afterwards
        String dup = wideAndDeep(3, 5).replace("\"m4\":4,", "\"m4\":4,\"m1\":1,");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> reader.readRecord(dup)))
                .hasMessageContaining("m1");
    }

    @Test
    void theTablesAreReusedFromOneRecordToTheNext() {
        CloudTrailReader reader = CloudTrail.reader();
        reader.readRecord(wideAndDeep(2, 20));
        MemberNames first = MemberNames.forValue();
        first.release();
        reader.readRecord(wideAndDeep(2, 20));
        MemberNames second = MemberNames.forValue();
        try {
            assertThat(second).isSameAs(first);
            // while one is borrowed, the next parser gets tables of its own
            MemberNames other = MemberNames.forValue();
            assertThat(other).isNotSameAs(second);
            other.release();
        } finally {
            second.release();
        }
    }

    /** {@code count} distinct names of {@code pairs} two-character blocks that all share one String hash code. */
    static java.util.List<String> colliding(int pairs, int count) {
        String[] blocks = {"Aa", "BB", "C#"};
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int i = 0; names.size() < count; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = 0, n = i; k < pairs; k++, n /= 3) {
                b.append(blocks[n % 3]);
            }
            names.add(b.toString());
        }
        return names;
    }

    @Test
    void namesChosenToShareAHashCodeMoveToACollisionProofSetAndDuplicatesAreStillFound() throws Exception {
        java.util.List<String> names = colliding(11, 20_000);
        assertThat(names.stream().map(String::hashCode).distinct()).hasSize(1);
        try (com.fasterxml.jackson.core.JsonParser p =
                new com.fasterxml.jackson.core.JsonFactory().createParser("{}")) {
            p.nextToken();
            com.fasterxml.jackson.core.JsonStreamContext object = p.getParsingContext();
            MemberNames tables = new MemberNames();
            int probesBeforeTheMove = 0;
            for (String name : names) {
                assertThat(tables.add(object, name)).isTrue();
                if (!tables.flooded(object)) {
                    probesBeforeTheMove++;
                }
            }
            // the linear probing gave up after a bounded number of names, not after quadratic work on all of them
            assertThat(tables.flooded(object)).isTrue();
            assertThat(probesBeforeTheMove).isLessThanOrEqualTo(2 * 64);
            assertThat(tables.add(object, names.get(12_345))).isFalse();
            assertThat(tables.contains(object, names.get(7))).isTrue();
            assertThat(tables.contains(object, "Aa".repeat(12))).isFalse();
        }
    }

    @Test
    void ordinaryNamesStayInTheProbingTable() throws Exception {
        try (com.fasterxml.jackson.core.JsonParser p =
                new com.fasterxml.jackson.core.JsonFactory().createParser("{}")) {
            p.nextToken();
            com.fasterxml.jackson.core.JsonStreamContext object = p.getParsingContext();
            MemberNames tables = new MemberNames();
            for (int i = 0; i < 50_000; i++) {
                assertThat(tables.add(object, "key" + i)).isTrue();
            }
            assertThat(tables.flooded(object)).isFalse();
            assertThat(tables.add(object, "key49999")).isFalse();
        }
    }

    @Test
    void aRecordWithTensOfThousandsOfCollidingNamesIsReadAndADuplicateAmongThemFound() {
        java.util.List<String> names = colliding(11, 30_000);
        StringBuilder payload = new StringBuilder("{");
        for (String n : names) {
            payload.append('"').append(n).append("\":0,");
        }
        String record = "{\"eventID\":\"e\",\"requestParameters\":" + payload + "\"last\":1}}";
        assertThat(CloudTrail.reader()
                        .readRecord(record)
                        .requestParameters()
                        .orElseThrow()
                        .path("last")
                        .asNumber())
                .hasValue(java.math.BigDecimal.ONE);
        String dup = "{\"eventID\":\"e\",\"requestParameters\":" + payload + "\"" + names.get(29_000) + "\":1}}";
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                        () -> CloudTrail.reader().readRecord(dup)))
                .hasMessageContaining(names.get(29_000));
    }
}
