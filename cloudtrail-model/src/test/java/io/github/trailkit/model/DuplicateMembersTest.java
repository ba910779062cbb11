package io.github.trailkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A member name given twice in one object is found at every depth (it ends the read with {@link ProblemPolicy#FAIL_FAST},
 * and costs its record with {@link ProblemPolicy#SKIP_AND_REPORT}); the same name in other objects is fine.
 */
class DuplicateMembersTest {

    private static List<String> eventIds(String json) {
        return eventIds(json, ProblemPolicy.SKIP_AND_REPORT);
    }

    private static List<String> eventIds(String json, ProblemPolicy policy) {
        List<String> ids = new ArrayList<>();
        try (CloudTrailLog log = CloudTrail.reader()
                .onProblem(policy)
                .onBadField(FieldPolicy.REJECT_RECORD)
                .read(json.getBytes(StandardCharsets.UTF_8), "dups.json")) {
            for (CloudTrailRecord r : log) {
                ids.add(r.eventID().orElse("?"));
            }
        }
        return ids;
    }

    private static CloudTrailParseException failure(String json) {
        return catchThrowableOfType(CloudTrailParseException.class, () -> eventIds(json, ProblemPolicy.FAIL_FAST));
    }

    @Test
    void theSameNameInDifferentObjectsAndLevelsIsFine() {
        String json = "{\"Records\":["
                + "{\"eventID\":\"1\",\"requestParameters\":{\"eventID\":\"x\",\"a\":{\"a\":{\"a\":1}},"
                + "\"items\":[{\"k\":1,\"v\":2},{\"k\":3,\"v\":4}]}},"
                + "{\"eventID\":\"2\",\"requestParameters\":{\"a\":1}}]}";
        assertThat(eventIds(json)).containsExactly("1", "2");
    }

    @Test
    void aDuplicateInsideAPayloadIsFound() {
        CloudTrailParseException e = failure("{\"Records\":[{\"eventID\":\"1\"},"
                + "{\"eventID\":\"2\",\"requestParameters\":{\"items\":[{\"k\":1},{\"k\":2,\"v\":3,\"k\":4}]}}]}");
        assertThat(e).hasMessageContaining("dups.json").hasMessageContaining("Duplicate field 'k'");
        assertThat(e.recordIndex()).hasValue(1);
        assertThat(
                        eventIds(
                                "{\"Records\":[{\"eventVersion\":\"1.08\",\"eventID\":\"1\"},{\"eventID\":\"2\",\"requestParameters\":"
                                        + "{\"items\":[{\"k\":1},{\"k\":2,\"v\":3,\"k\":4}]}},{\"eventVersion\":\"1.08\",\"eventID\":\"3\"}]}"))
                .containsExactly("1", "3");
    }

    @Test
    void aDuplicateInAnObjectOfManyMembersIsFound() {
        StringBuilder many = new StringBuilder("{\"Records\":[{\"eventID\":\"1\",\"requestParameters\":{");
        for (int i = 0; i < 100; i++) {
            many.append("\"m").append(i).append("\":").append(i).append(',');
        }
        String ok = many + "\"last\":0}}]}";
        assertThat(eventIds(ok)).containsExactly("1");
        CloudTrailParseException e = failure(many + "\"m57\":0}}]}");
        assertThat(e).hasMessageContaining("Duplicate field 'm57'");
    }

    @Test
    void namesAreForgottenWhenAnObjectEndsAndAfterASkippedRecord() {
        // the first record is skipped as invalid part way through its userIdentity; the second reuses its names
        String json = "{\"Records\":["
                + "{\"eventID\":\"1\",\"userIdentity\":{\"type\":\"Root\",\"sessionContext\":7,\"arn\":\"a\"},"
                + "\"eventName\":\"A\"},"
                + "{\"eventID\":\"2\",\"userIdentity\":{\"type\":\"Root\",\"arn\":\"a\"},\"eventName\":\"A\"}]}";
        assertThat(eventIds(json)).containsExactly("2");
        // the duplicate in the second record is still found: that record is skipped too
        assertThat(eventIds(json.replace("\"eventName\":\"A\"}]}", "\"eventName\":\"A\",\"eventName\":\"B\"}]}")))
                .isEmpty();
    }

    @Test
    void recordsReadAsTextBetweenTheRecordsOfALogLeaveItsNamesAlone() {
        // records read as text on one thread reuse their name tables from one record to the next; a log read on the
        // same thread meanwhile keeps its own, so its second "Records" is still found
        String log = "{\"Records\":[{\"eventID\":\"1\"},{\"eventID\":\"2\"}],\"Records\":[]}";
        CloudTrailReader reader = CloudTrail.reader();
        List<String> ids = new ArrayList<>();
        CloudTrailParseException e = catchThrowableOfType(CloudTrailParseException.class, () -> {
            try (CloudTrailLog records = reader.read(log.getBytes(StandardCharsets.UTF_8), "dups.json")) {
                for (CloudTrailRecord r : records) {
                    ids.add(r.eventID().orElse("?"));
                    // the same names as the log's root object, and a duplicate that fails half-way
                    assertThat(reader.readRecord("{\"Records\":1,\"eventID\":\"t\"}")
                                    .eventID())
                            .hasValue("t");
                    assertThat(catchThrowableOfType(
                                    CloudTrailParseException.class,
                                    () -> reader.readRecord("{\"eventID\":\"a\",\"eventID\":\"b\"}")))
                            .hasMessageContaining("eventID");
                }
            }
        });
        assertThat(ids).containsExactly("1", "2");
        assertThat(e).hasMessageContaining("Records");
    }

    @Test
    void aRecordReadAsTextFindsDuplicatesAfterOneThatFailed() {
        CloudTrailReader reader = CloudTrail.reader();
        for (int i = 0; i < 3; i++) {
            assertThat(catchThrowableOfType(
                            CloudTrailParseException.class,
                            () -> reader.readRecord(
                                    "{\"eventID\":\"a\",\"userIdentity\":{\"type\":\"Root\",\"type\":\"x\"}}")))
                    .hasMessageContaining("type");
            assertThat(reader.readRecord("{\"eventID\":\"a\",\"userIdentity\":{\"type\":\"Root\"}}")
                            .eventID())
                    .hasValue("a");
            assertThat(catchThrowableOfType(
                            CloudTrailParseException.class,
                            () -> reader.readRecord("{\"eventID\":\"a\",\"eventName\":\"x\",\"eventID\":\"b\"}")))
                    .hasMessageContaining("eventID");
        }
    }
}
