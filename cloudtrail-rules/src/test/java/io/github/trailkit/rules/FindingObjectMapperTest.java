package io.github.trailkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Findings through a user's own ObjectMapper: the JSON of toJson(true), read back as an equal finding. */
final class FindingObjectMapperTest {
    private static final ObjectMapper PLAIN = new ObjectMapper().findAndRegisterModules();
    private static final RuleSet PACK = RuleSet.of(RulePacks.cisAwsFoundations());

    @Test
    void everyFindingOfTheRealLogs_roundTripsThroughAPlainMapper() throws Exception {
        List<Finding> findings = new ArrayList<>();
        long index = 0;
        for (CloudTrailRecord r : TestRecords.realLogs()) {
            for (Finding f : PACK.findings(r)) {
                findings.add(f.at("real-logs", index));
            }
            index++;
        }
        assertThat(findings).hasSizeGreaterThan(5);
        for (Finding f : findings) {
            String json = PLAIN.writeValueAsString(f);
            JsonNode expected = PLAIN.readTree(f.toJson(true));
            assertThat(PLAIN.readTree(json)).isEqualTo(expected);
            Finding back = PLAIN.readValue(json, Finding.class);
            assertThat(back).isEqualTo(f);
            assertThat(back.record()).isEqualTo(f.record());
            assertThat(back.source()).isEqualTo(f.source());
            assertThat(back.recordIndex()).isEqualTo(f.recordIndex());
        }
        List<Finding> all = PLAIN.readValue(PLAIN.writeValueAsBytes(findings), new TypeReference<List<Finding>>() {});
        assertThat(all).isEqualTo(findings);
    }

    @Test
    void theReadmeSnippet() throws Exception {
        CloudTrailRecord record = TestRecords.realLogs().get(0);
        List<Finding> sent = new ArrayList<>();
        for (CloudTrailRecord r : TestRecords.realLogs()) {
            sent.addAll(PACK.findings(r));
        }
        String body = PLAIN.writeValueAsString(sent);
        // README:object-mapper
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        String json = mapper.writeValueAsString(record); // the same tree as CloudTrail.writer().toJson(record)
        CloudTrailRecord back = mapper.readValue(json, CloudTrailRecord.class); // equals record
        List<Finding> findings = mapper.readValue(body, new TypeReference<List<Finding>>() {});
        // README:object-mapper
        assertThat(mapper.readTree(json))
                .isEqualTo(mapper.readTree(CloudTrail.writer().toJson(record)));
        assertThat(back).isEqualTo(record);
        assertThat(findings).isEqualTo(sent).isNotEmpty();
    }

    @Test
    void aFindingWithoutItsRecord_isTheMappersError() {
        assertThatThrownBy(() -> PLAIN.readValue(
                        "{\"ruleId\":\"r\",\"title\":\"t\",\"severity\":\"HIGH\"," + "\"tags\":[],\"dedupKey\":\"\"}",
                        Finding.class))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("record");
    }
}
