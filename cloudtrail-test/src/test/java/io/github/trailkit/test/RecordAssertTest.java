package io.github.trailkit.test;

import static io.github.trailkit.test.CloudTrailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.EventCategory;
import io.github.trailkit.model.EventType;
import io.github.trailkit.model.IdentityType;
import io.github.trailkit.model.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Each check of {@link RecordAssert}: that it passes, and what its failure says. */
final class RecordAssertTest {
    private static final CloudTrailRecord CREATE_TOPIC = CloudTrailRecords.apiCall("sns.amazonaws.com", "CreateTopic")
            .byRoot()
            .inRegion("eu-west-1")
            .from("203.0.113.9")
            .eventId("11111111-2222-3333-4444-555555555555")
            .withRequestParameters("{\"name\":\"orders\",\"attributes\":{\"FifoTopic\":true,\"Delay\":5}}")
            .withResponseElements("{\"topicArn\":\"arn:aws:sns:eu-west-1:123456789012:orders\"}")
            .build();
    private static final String NAMED =
            "sns.amazonaws.com CreateTopic (eventID 11111111-2222-3333-4444-555555555555, " + "2024-01-15T12:00:00Z)";

    private static final CloudTrailRecord DENIED = CloudTrailRecords.apiCall("s3.amazonaws.com", "GetBucketPolicy")
            .byAssumedRole("auditor", "weekly")
            .withError("AccessDenied", "no")
            .build();

    /* ---------------------------------------------------------------- simple fields */

    @Test
    void fieldChecks_pass() {
        assertThat(CREATE_TOPIC)
                .hasEventName("CreateTopic")
                .hasEventSource("sns.amazonaws.com")
                .hasEventType(EventType.AWS_API_CALL)
                .hasEventCategory(EventCategory.MANAGEMENT)
                .hasAwsRegion("eu-west-1")
                .hasEventTime(Instant.parse("2024-01-15T12:00:00Z"))
                .hasEventId("11111111-2222-3333-4444-555555555555")
                .hasRecipientAccountId("123456789012")
                .hasSourceIPAddress("203.0.113.9")
                .hasUserAgent("aws-cli/2.15.0 Python/3.11.6 Linux/6.1.61 exe/x86_64.amzn.2023")
                .isNotReadOnly()
                .isManagementEvent()
                .hasNoError();
        assertThat(DENIED).isReadOnly().hasErrorCode("AccessDenied").hasErrorMessage("no");
    }

    @Test
    void hasEventName_failure_showsExpectedAndActual() {
        assertThatThrownBy(() -> assertThat(CREATE_TOPIC).hasEventName("DeleteTopic"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("\nExpecting record\n  " + NAMED + "\nto have eventName\n  \"DeleteTopic\"\n"
                        + "but it was\n  \"CreateTopic\"");
    }

    @Test
    void fieldFailures_nameTheField() {
        assertThatThrownBy(() -> assertThat(CREATE_TOPIC).hasEventSource("sqs.amazonaws.com"))
                .hasMessageContaining(
                        "to have eventSource\n  \"sqs.amazonaws.com\"\nbut it was\n  \"sns.amazonaws.com\"");
        assertThatThrownBy(() -> assertThat(CREATE_TOPIC).hasEventType(EventType.AWS_SERVICE_EVENT))
                .hasMessageContaining("to have eventType\n  AwsServiceEvent\nbut it was\n  AwsApiCall");
        assertThatThrownBy(() -> assertThat(CREATE_TOPIC).hasEventCategory(EventCategory.DATA))
                .hasMessageContaining("to have eventCategory\n  Data\nbut it was\n  Management");
        assertThatThrownBy(() -> assertThat(CREATE_TOPIC).hasAwsRegion("us-east-1"))
                .hasMessageContaining("to have awsRegion\n  \"us-east-1\"\nbut it was\n  \"eu-west-1\"");
        assertThatThrownBy(() -> assertThat(CREATE_TOPIC).hasEventTime(Instant.EPOCH))
                .hasMessageContaining("to have eventTime\n  1970-01-01T00:00:00Z\nbut it was\n  2024-01-15T12:00:00Z");
        assertThatThrownBy(() -> assertThat(CREATE_TOPIC).hasEventId("x"))
                .hasMessageContaining("to have eventID\n  \"x\"");
        assertThatThrownBy(() -> assertThat(CREATE_TOPIC).hasRecipientAccountId("111122223333"))
                .hasMessageContaining("to have recipientAccountId\n  \"111122223333\"\nbut it was\n  \"123456789012\"");
        assertThatThrownBy(() -> assertThat(CREATE_TOPIC).hasSourceIPAddress("192.0.2.1"))
                .hasMessageContaining("to have sourceIPAddress\n  \"192.0.2.1\"\nbut it was\n  \"203.0.113.9\"");
        assertThatThrownBy(() -> assertThat(CREATE_TOPIC).hasUserAgent("console.amazonaws.com"))
                .hasMessageContaining("to have userAgent\n  \"console.amazonaws.com\"");
        assertThatThrownBy(() -> assertThat(CREATE_TOPIC).isReadOnly())
                .hasMessageContaining("to have readOnly\n  true\nbut it was\n  false");
        assertThatThrownBy(() -> assertThat(DENIED).isNotReadOnly())
                .hasMessageContaining("to have readOnly\n  false\nbut it was\n  true");
        CloudTrailRecord bare = CloudTrailRecord.builder().eventName("X").build();
        assertThatThrownBy(() -> assertThat(bare).isManagementEvent())
                .hasMessage("\nExpecting record\n  <no eventSource> X\nto have managementEvent\n  true\n"
                        + "but it was\n  absent");
    }

    @Test
    void errorChecks_failWithTheActualError() {
        assertThatThrownBy(() -> assertThat(DENIED).hasNoError())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(
                        "to have no error\nbut it had errorCode \"AccessDenied\" and errorMessage \"no\"");
        assertThatThrownBy(() -> assertThat(CREATE_TOPIC).hasErrorCode("AccessDenied"))
                .hasMessageContaining("to have errorCode\n  \"AccessDenied\"\nbut it was\n  absent");
        assertThatThrownBy(() -> assertThat(DENIED).hasErrorMessage("yes"))
                .hasMessageContaining("to have errorMessage\n  \"yes\"\nbut it was\n  \"no\"");
    }

    @Test
    void aNullRecord_failsAsAssertJDoes() {
        assertThatThrownBy(() -> assertThat((CloudTrailRecord) null).hasEventName("X"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting actual not to be null");
    }

    @Test
    void description_isPrefixed() {
        assertThatThrownBy(() -> assertThat(CREATE_TOPIC).as("the topic call").hasEventName("X"))
                .hasMessageStartingWith("[the topic call] ");
    }

    /* ---------------------------------------------------------------- identity */

    @Test
    void identityChecks_pass() {
        assertThat(CREATE_TOPIC)
                .wasMadeByRoot()
                .hasIdentityType(IdentityType.ROOT)
                .wasMadeBy("arn:aws:iam::123456789012:root");
        assertThat(DENIED)
                .wasNotMadeByRoot()
                .hasIdentityType(IdentityType.ASSUMED_ROLE)
                .wasMadeBy("arn:aws:sts::123456789012:assumed-role/auditor/weekly");
        assertThat(CloudTrailRecords.apiCall("iam.amazonaws.com", "ListUsers")
                        .byIamUser("bob")
                        .build())
                .hasUserName("bob")
                .hasIdentityType(IdentityType.IAM_USER);
    }

    @Test
    void identityFailures_showTheCaller() {
        assertThatThrownBy(() -> assertThat(DENIED).wasMadeByRoot())
                .hasMessageContaining("to have userIdentity.type\n  Root\nbut it was\n  AssumedRole");
        assertThatThrownBy(() -> assertThat(CREATE_TOPIC).wasNotMadeByRoot())
                .hasMessageContaining("not to have been made by the root user\nbut userIdentity.arn was\n"
                        + "  \"arn:aws:iam::123456789012:root\"");
        assertThatThrownBy(() -> assertThat(CREATE_TOPIC).wasMadeBy("arn:aws:iam::123456789012:user/alice"))
                .hasMessageContaining("to have userIdentity.arn\n  \"arn:aws:iam::123456789012:user/alice\"\n"
                        + "but it was\n  \"arn:aws:iam::123456789012:root\"");
        assertThatThrownBy(() -> assertThat(CREATE_TOPIC).hasUserName("alice"))
                .hasMessageContaining("to have userIdentity.userName\n  \"alice\"\nbut it was\n  absent");
    }

    @Test
    void anIdentityTypeUnknownToTrailkit_showsTheWrittenText() {
        CloudTrailRecord future = CloudTrailRecord.builder()
                .eventName("X")
                .userIdentity(io.github.trailkit.model.UserIdentity.builder()
                        .typeAsString("AgentUser")
                        .build())
                .build();
        assertThat(future).hasIdentityType(IdentityType.UNKNOWN_TO_TRAILKIT);
        assertThatThrownBy(() -> assertThat(future).wasMadeByRoot())
                .hasMessageContaining("but it was\n  UNKNOWN_TO_TRAILKIT (written \"AgentUser\")");
    }

    @Test
    void hasMfa_readsTheSessionAndConsoleSignIns() {
        assertThat(DENIED).hasMfa(false);
        assertThat(CloudTrailRecords.apiCall("iam.amazonaws.com", "CreateUser")
                        .byIamUser("bob")
                        .withMfa(true)
                        .build())
                .hasMfa(true);
        assertThat(CloudTrailRecords.consoleSignIn().withMfa(true).build()).hasMfa(true);
        assertThat(CloudTrailRecords.recordFromResource("/samples/cloudtrail/signin-root-success-mfa.json"))
                .hasMfa(true); // MFAUsed: "YES"
        assertThat(CloudTrailRecords.recordFromResource("/samples/cloudtrail/signin-root-success-no-mfa.json"))
                .hasMfa(false);
    }

    @Test
    void hasMfa_failure_showsBothPlacesMfaIsWritten() {
        assertThatThrownBy(() -> assertThat(DENIED).hasMfa(true))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("to have used MFA\nbut sessionContext.attributes.mfaAuthenticated was \"false\" "
                        + "and additionalEventData.MFAUsed was absent");
        assertThatThrownBy(() -> assertThat(
                                CloudTrailRecords.consoleSignIn().withMfa(true).build())
                        .hasMfa(false))
                .hasMessageContaining("not to have used MFA\nbut sessionContext.attributes.mfaAuthenticated was absent "
                        + "and additionalEventData.MFAUsed was \"Yes\"");
    }

    /* ---------------------------------------------------------------- payloads */

    @Test
    void payloadChecks_pass_forEachKindOfValue() {
        assertThat(CREATE_TOPIC)
                .hasRequestParameter("name")
                .hasRequestParameter("name", "orders")
                .hasRequestParameter("attributes.FifoTopic", true)
                .hasRequestParameter("attributes.Delay", 5)
                .hasRequestParameter("attributes.Delay", new BigDecimal("5.0"))
                .hasRequestParameter("attributes", JsonValue.parse("{\"Delay\":5,\"FifoTopic\":true}"))
                .hasResponseElement("topicArn")
                .hasResponseElement("topicArn", "arn:aws:sns:eu-west-1:123456789012:orders");
        CloudTrailRecord withNumbers = CloudTrailRecords.apiCall("ec2.amazonaws.com", "RunInstances")
                .withResponseElements("{\"count\":2,\"ok\":false,\"items\":[{\"id\":\"i-1\"}]}")
                .withAdditionalEventData("{\"MFAUsed\":\"No\"}")
                .build();
        assertThat(withNumbers)
                .hasResponseElement("count", 2)
                .hasResponseElement("ok", false)
                .hasResponseElement("items.0.id", "i-1")
                .hasResponseElement("items.0", JsonValue.parse("{\"id\":\"i-1\"}"))
                .hasAdditionalEventData("MFAUsed", "No");
    }

    @Test
    void payloadFailure_showsValueAndWholePayload() {
        assertThatThrownBy(() -> assertThat(CREATE_TOPIC).hasRequestParameter("name", "invoices"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("\nExpecting record\n  " + NAMED + "\nto have requestParameters.name\n  \"invoices\"\n"
                        + "but it was\n  \"orders\"\nin requestParameters\n"
                        + "  {\"name\":\"orders\",\"attributes\":{\"FifoTopic\":true,\"Delay\":5}}");
        assertThatThrownBy(() -> assertThat(CREATE_TOPIC).hasRequestParameter("attributes.Delay", "5"))
                .hasMessageContaining("to have requestParameters.attributes.Delay\n  \"5\"\nbut it was\n  5");
        assertThatThrownBy(() -> assertThat(CREATE_TOPIC).hasRequestParameter("attributes.FifoTopic", false))
                .hasMessageContaining("\n  false\nbut it was\n  true");
        assertThatThrownBy(() -> assertThat(CREATE_TOPIC).hasRequestParameter("attributes.Delay", 6))
                .hasMessageContaining("\n  6\nbut it was\n  5");
        assertThatThrownBy(() -> assertThat(CREATE_TOPIC).hasResponseElement("topicArn", "x"))
                .hasMessageContaining("to have responseElements.topicArn\n  \"x\"\nbut it was\n"
                        + "  \"arn:aws:sns:eu-west-1:123456789012:orders\"");
        assertThatThrownBy(() -> assertThat(DENIED).hasResponseElement("x", 1))
                .hasMessageContaining("but it was\n  absent\nin responseElements\n  null");
        assertThatThrownBy(() -> assertThat(CREATE_TOPIC).hasResponseElement("topicArn", true))
                .hasMessageContaining("\n  true\nbut it was");
        assertThatThrownBy(() -> assertThat(CREATE_TOPIC).hasResponseElement("topicArn", JsonValue.nullValue()))
                .hasMessageContaining("\n  null\nbut it was");
        assertThatThrownBy(() -> assertThat(CREATE_TOPIC).hasAdditionalEventData("MFAUsed", "Yes"))
                .hasMessageContaining("but it was\n  absent\nin additionalEventData\n  absent");
    }

    @Test
    void payloadPresence_failure_showsThePayload() {
        assertThatThrownBy(() -> assertThat(CREATE_TOPIC).hasRequestParameter("topicArn"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("to have a value at requestParameters.topicArn\nbut there was none in "
                        + "requestParameters\n  {\"name\":\"orders\"");
        assertThatThrownBy(() -> assertThat(DENIED).hasResponseElement("policy"))
                .hasMessageContaining("to have a value at responseElements.policy\nbut there was none in "
                        + "responseElements\n  null");
    }

    @Test
    void failure_isComparableInTheIde() {
        assertThatThrownBy(() -> assertThat(CREATE_TOPIC).hasEventName("DeleteTopic"))
                .isInstanceOf(org.opentest4j.AssertionFailedError.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((org.opentest4j.AssertionFailedError) e)
                                .getExpected()
                                .getValue())
                        .isEqualTo("DeleteTopic"));
    }
}
