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
}
