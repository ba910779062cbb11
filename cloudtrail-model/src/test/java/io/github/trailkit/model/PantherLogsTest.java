package io.github.trailkit.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every test log of Panther's CloudTrail rules is read, the 13 whose {@code eventTime} is {@code redacted} or in
 * Panther's zone-less form too: as one log file, no record is skipped, each bad field is a warning, and each record is
 * written back as it came.
 */
final class PantherLogsTest {

    @Test
    void everyPantherTestLog_isDelivered_withItsBadFieldsAsWarnings() throws IOException {
        List<String> lines = Files.readAllLines(Samples.resource("panther/cloudtrail-rule-tests.jsonl"));
        assertThat(lines).hasSize(117);
        List<JsonNode> logs = new ArrayList<>();
        StringBuilder file = new StringBuilder("{\"Records\":[");
        List<Long> badTimes = new ArrayList<>();
        for (String line : lines) {
            JsonNode log = Samples.tree(line).get("log");
            JsonNode time = log.get("eventTime");
            if (time != null && !time.asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z")) {
                badTimes.add((long) logs.size());
            }
            file.append(logs.isEmpty() ? "" : ",").append(log);
            logs.add(log);
        }
        file.append("]}");
        assertThat(badTimes).hasSize(13);

        List<CloudTrailRecord> records = new ArrayList<>();
        for (ProblemPolicy policy : ProblemPolicy.values()) {
            records.clear();
            try (CloudTrailLog log = CloudTrail.reader()
                    .onProblem(policy)
                    .read(file.toString().getBytes(StandardCharsets.UTF_8), "panther.json")) {
                log.forEach(records::add);
                assertThat(log.problems()).isEmpty();
                assertThat(records).hasSize(117);
                assertThat(log.warnings())
                        .filteredOn(w -> w.reason().contains("/eventTime: "))
                        .extracting(RecordProblem::recordIndex)
                        .isEqualTo(badTimes);
                assertThat(log.warnings())
                        .allSatisfy(w -> assertThat(w.reason()).startsWith("/Records/" + w.recordIndex() + "/"));
            }
        }
        for (int i = 0; i < records.size(); i++) {
            CloudTrailRecord r = records.get(i);
            assertThat(r.eventName())
                    .isEqualTo(java.util.Optional.ofNullable(logs.get(i).get("eventName"))
                            .map(JsonNode::asText));
            if (badTimes.contains((long) i)) {
                assertThat(r.eventTime()).isEmpty();
                assertThat(r.otherFields().get("eventTime").asString())
                        .hasValue(logs.get(i).get("eventTime").asText());
            }
            String written = CloudTrail.writer().toJson(r);
            assertThat(Samples.sameTree(logs.get(i), Samples.tree(written)))
                    .as("record %d written back as it came:%n %s%n %s", i, logs.get(i), written)
                    .isTrue();
        }
    }
}
