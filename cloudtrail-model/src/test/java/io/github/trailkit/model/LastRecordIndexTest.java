package io.github.trailkit.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LastRecordIndexTest {

    @Test
    void locatesEachRecordInItsFileCountingSkippedOnesAndGoingOnAcrossDocuments() {
        String log =
                "{\"Records\":[{\"eventID\":\"a\"},42,{\"eventID\":\"b\",\"eventTime\":\"not a time\"},{\"eventID\":\"c\"}]}"
                        + "{\"Records\":[{\"eventID\":\"d\"}]}";
        List<String> seen = new ArrayList<>();
        try (CloudTrailLog l = CloudTrail.reader()
                .onProblem(ProblemPolicy.SKIP_AND_REPORT)
                .onBadField(FieldPolicy.REJECT_RECORD)
                .read(log.getBytes(StandardCharsets.UTF_8), "two-documents.json")) {
            assertThat(l.lastRecordIndex()).isEqualTo(-1);
            for (CloudTrailRecord r : l) {
                seen.add(r.eventID().orElseThrow() + "@" + l.lastRecordIndex());
            }
            assertThat(l.problems()).extracting(RecordProblem::recordIndex).containsExactly(1L, 2L);
        }
        assertThat(seen).containsExactly("a@0", "c@3", "d@4");
    }
}
