package io.github.trailkit.test;

import static io.github.trailkit.test.CloudTrailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailLog;
import io.github.trailkit.model.CloudTrailRecord;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RecordsAssert} on the bundled sample log (root: CreateTopic, GetTopicAttributes) and on fixtures. */
final class RecordsAssertTest {
    static final Path SAMPLE = Path.of(
            "..",
            "samples",
            "AWSLogs",
            "123456789012",
            "CloudTrail",
            "us-east-2",
            "2015",
            "01",
            "24",
            "123456789012_CloudTrail_us-east-2_20150124T2330Z_tKGwUkXxLSJzB0bm.json.gz");
    private static final List<CloudTrailRecord> SNS = CloudTrailRecords.fromPath(SAMPLE);
    private static final List<CloudTrailRecord> BY_USERS = List.of(
            CloudTrailRecords.apiCall("iam.amazonaws.com", "CreateUser").build(),
            CloudTrailRecords.apiCall("iam.amazonaws.com", "AttachUserPolicy")
                    .byAssumedRole("admin", "s")
                    .build());

    @Test
    void checks_pass_onARealLog() {
        assertThat(SNS)
                .hasSize(2)
                .containsEventNames("GetTopicAttributes", "CreateTopic")
                .containsEventNamesExactly("CreateTopic", "GetTopicAttributes")
                .doesNotContainEventNames("DeleteTopic")
                .noneFailed()
                .filteredOnEventName("CreateTopic")
                .singleElement()
                .wasMadeByRoot()
                .hasRequestParameter("name", "dropmeplease");
        assertThat(SNS).filteredOnEventSource("sns.amazonaws.com").hasSize(2);
        assertThat(SNS).filteredOnEventSource("sqs.amazonaws.com").isEmpty();
        assertThat(SNS).first().hasEventName("CreateTopic");
        assertThat(BY_USERS).noneMadeByRoot().allSatisfy(r -> assertThat(r).hasEventSource("iam.amazonaws.com"));
    }

    @Test
    void aOneShotLog_canBeAsserted() {
        try (CloudTrailLog log = CloudTrail.reader().read(SAMPLE)) {
            assertThat(log).hasSize(2).containsEventNames("CreateTopic");
        }
    }

    @Test
    void containsEventNames_failure_saysWhatIsMissing() {
        assertThatThrownBy(() -> assertThat(SNS).containsEventNames("CreateTopic", "DeleteTopic", "Publish"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("\nExpecting records with the event names\n  [CreateTopic, GetTopicAttributes]\n"
                        + "to contain the event names\n  [CreateTopic, DeleteTopic, Publish]\n"
                        + "but could not find\n  [DeleteTopic, Publish]");
    }

    @Test
    void containsEventNamesExactly_failure_pointsAtTheFirstDifference() {
        assertThatThrownBy(() -> assertThat(SNS).containsEventNamesExactly("GetTopicAttributes", "CreateTopic"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("\nExpecting records with the event names\n  [CreateTopic, GetTopicAttributes]\n"
                        + "to have exactly the event names, in order\n  [GetTopicAttributes, CreateTopic]\n"
                        + "but at index 0 the event name is \"CreateTopic\", expected \"GetTopicAttributes\"");
        assertThatThrownBy(() -> assertThat(SNS).containsEventNamesExactly("CreateTopic"))
                .hasMessageEndingWith("but there are more records from index 1: [GetTopicAttributes]");
        assertThatThrownBy(() -> assertThat(SNS).containsEventNamesExactly("CreateTopic", "GetTopicAttributes", "X"))
                .hasMessageEndingWith("but the records end at index 2 where \"X\" was expected");
    }

    @Test
    void doesNotContainEventNames_failure_saysWhatWasFound() {
        assertThatThrownBy(() -> assertThat(SNS).doesNotContainEventNames("DeleteTopic", "CreateTopic"))
                .isInstanceOf(AssertionError.class)
                .hasMessageEndingWith("not to contain the event names\n  [DeleteTopic, CreateTopic]\n"
                        + "but found\n  [CreateTopic]");
    }

    @Test
    void noneMadeByRoot_failure_listsTheRootCalls() {
        assertThatThrownBy(() -> assertThat(SNS).noneMadeByRoot())
                .isInstanceOf(AssertionError.class)
                .hasMessage("\nExpecting no record of the 2 to have been made by the root user\nbut these were:\n"
                        + "  sns.amazonaws.com CreateTopic (eventID 17b46459-dada-4278-b8e2-5a4ca9ff1a9c, "
                        + "2015-01-24T23:26:50Z)\n"
                        + "  sns.amazonaws.com GetTopicAttributes (eventID ec5bb073-8fa1-4d45-b03c-f07b9fc9ea18, "
                        + "2015-01-24T23:27:02Z)");
    }

    @Test
    void noneFailed_failure_listsTheErrors() {
        List<CloudTrailRecord> records = List.of(CloudTrailRecords.apiCall("s3.amazonaws.com", "GetObject")
                .eventId("e1")
                .withError("AccessDenied", "denied")
                .build());
        assertThatThrownBy(() -> assertThat(records).noneFailed())
                .isInstanceOf(AssertionError.class)
                .hasMessage("\nExpecting none of the 1 records to have an errorCode\nbut these had:\n"
                        + "  s3.amazonaws.com GetObject (eventID e1, 2024-01-15T12:00:00Z): AccessDenied");
    }

    @Test
    void elementAssertions_areRecordAsserts_withTheirIndexInTheMessage() {
        assertThatThrownBy(() -> assertThat(SNS).element(1).hasEventName("CreateTopic"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("but it was\n  \"GetTopicAttributes\"");
    }
}
