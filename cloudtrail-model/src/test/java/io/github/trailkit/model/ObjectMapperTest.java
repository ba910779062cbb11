package io.github.trailkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Records and JSON values through a user's own ObjectMapper, with no registration beyond Jackson's usual. */
final class ObjectMapperTest {
    /** What a team has: a plain mapper with the modules on its class path (jsr310 here). */
    private static final ObjectMapper PLAIN = new ObjectMapper().findAndRegisterModules();

    static Stream<Path> realLogs() {
        return Samples.realLogs().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realLogs")
    void everyRealLogRecord_roundTripsExactlyThroughAPlainMapper(Path log) throws Exception {
        List<CloudTrailRecord> records = new ArrayList<>();
        try (CloudTrailLog l = CloudTrail.reader().read(log)) {
            l.forEach(records::add);
        }
        assertThat(records).isNotEmpty();
        for (CloudTrailRecord r : records) {
            String mine = PLAIN.writeValueAsString(r);
            assertThat(Samples.sameTree(Samples.tree(CloudTrail.writer().toJson(r)), Samples.tree(mine)))
                    .as("the mapper's JSON is trailkit's writer's tree%n mapper: %s", mine)
                    .isTrue();
            CloudTrailRecord back = PLAIN.readValue(mine, CloudTrailRecord.class);
            assertThat(back).isEqualTo(r);
            assertThat(PLAIN.treeToValue(PLAIN.valueToTree(r), CloudTrailRecord.class))
                    .isEqualTo(r);
        }
        // records inside the team's own types: a list, a map, a message with a time of its own
        String list = PLAIN.writeValueAsString(records);
        assertThat(PLAIN.readValue(list, new TypeReference<List<CloudTrailRecord>>() {}))
                .isEqualTo(records);
        Message m = new Message();
        m.receivedAt = Instant.parse("2024-05-01T10:15:30.123Z");
        m.record = records.get(0);
        Message back = PLAIN.readValue(PLAIN.writeValueAsString(m), Message.class);
        assertThat(back.record).isEqualTo(m.record);
        assertThat(back.receivedAt).isEqualTo(m.receivedAt);
    }

    @Test
    void recordTimes_areCloudTrailsText_whateverTheMappersDateSettings() throws Exception {
        CloudTrailRecord r = CloudTrailRecord.builder()
                .eventName("CreateTopic")
                .eventTime(Instant.parse("2024-01-01T00:00:00Z"))
                .build();
        ObjectMapper timestamps =
                new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        JsonNode tree = timestamps.valueToTree(r);
        assertThat(tree.get("eventTime").asText()).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(tree.has("sessionCredentialFromConsole")).isFalse();
        assertThat(timestamps.treeToValue(tree, CloudTrailRecord.class)).isEqualTo(r);
    }

    @Test
    void aRecordThatIsNotValid_isTheMappersError_aBadFieldCostsOnlyThatField() throws Exception {
        // as the reader's default (FieldPolicy.KEEP_AND_WARN): the accessor is empty, the value kept as it came
        CloudTrailRecord r = PLAIN.readValue("{\"eventTime\":\"yesterday\"}", CloudTrailRecord.class);
        assertThat(r.eventTime()).isEmpty();
        assertThat(PLAIN.readTree(PLAIN.writeValueAsString(r)))
                .isEqualTo(PLAIN.readTree("{\"eventTime\":\"yesterday\"}"));
        assertThatThrownBy(() -> PLAIN.readValue("[1]", CloudTrailRecord.class))
                .isInstanceOf(JsonMappingException.class);
    }

    @Test
    void jsonValue_convertsToAndFromJsonNode_andThroughTheMapper_numbersExact() throws Exception {
        String json =
                "{\"a\":[1,2.50,-3E+2,123456789012345678901234567890],\"b\":{\"c\":null,\"d\":true},\"e\":\"\\u00e9x\"}";
        JsonValue v = JsonValue.parse(json);
        JsonNode node = v.toJsonNode();
        assertThat(node.get("a").get(1).decimalValue()).isEqualByComparingTo("2.50");
        assertThat(node.get("a").get(3).bigIntegerValue().toString()).isEqualTo("123456789012345678901234567890");
        assertThat(JsonValue.fromJsonNode(node).toJsonNode()).isEqualTo(node);
        assertThat(JsonValue.fromJsonNode(PLAIN.readTree(json)).path("b.d").asBoolean())
                .contains(true);
        assertThat(JsonValue.missing().toJsonNode().isMissingNode()).isTrue();
        assertThat(JsonValue.fromJsonNode(node.path("nothing"))).isEqualTo(JsonValue.missing());

        assertThat(PLAIN.writeValueAsString(v)).isEqualTo(v.toJson());
        assertThat(PLAIN.readValue(json, JsonValue.class)).isEqualTo(v);
        Map<String, JsonValue> inMap =
                PLAIN.readValue("{\"x\":" + json + ",\"y\":null}", new TypeReference<Map<String, JsonValue>>() {});
        assertThat(inMap.get("x")).isEqualTo(v);
        assertThat(inMap.get("y")).isEqualTo(JsonValue.nullValue());
    }

    /** A team's own message type holding a record. */
    static final class Message {
        public Instant receivedAt;
        public CloudTrailRecord record;
    }
}
