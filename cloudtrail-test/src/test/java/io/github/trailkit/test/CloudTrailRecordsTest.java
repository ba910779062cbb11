package io.github.trailkit.test;

import static io.github.trailkit.test.CloudTrailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.EventCategory;
import io.github.trailkit.model.EventType;
import io.github.trailkit.model.EventVersion;
import io.github.trailkit.model.IdentityType;
import io.github.trailkit.model.JsonValue;
import io.github.trailkit.model.SessionContext;
import io.github.trailkit.model.SessionIssuer;
import io.github.trailkit.model.UserIdentity;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** Fixtures look like real records and survive the writer and reader; loading reads records and logs. */
final class CloudTrailRecordsTest {
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /* ---------------------------------------------------------------- fixtures */

    @Test
    void apiCall_hasRealisticDefaults() {
        CloudTrailRecord r =
                CloudTrailRecords.apiCall("sns.amazonaws.com", "CreateTopic").build();
        assertThat(r)
                .hasEventSource("sns.amazonaws.com")
                .hasEventName("CreateTopic")
                .hasEventType(EventType.AWS_API_CALL)
                .hasEventCategory(EventCategory.MANAGEMENT)
                .isManagementEvent()
                .hasAwsRegion("us-east-1")
                .hasEventTime(CloudTrailRecords.DEFAULT_TIME)
                .hasRecipientAccountId("123456789012")
                .hasSourceIPAddress("198.51.100.7")
                .hasIdentityType(IdentityType.IAM_USER)
                .hasUserName("alice")
                .wasMadeBy("arn:aws:iam::123456789012:user/alice")
                .isNotReadOnly()
                .hasNoError()
                .hasMfa(false);
        Assertions.assertThat(r.eventVersion()).contains(EventVersion.parse("1.10"));
        Assertions.assertThat(r.eventID())
                .hasValueSatisfying(id -> Assertions.assertThat(id).matches(UUID));
        Assertions.assertThat(r.requestID())
                .hasValueSatisfying(id -> Assertions.assertThat(id).matches(UUID));
        Assertions.assertThat(r.eventID()).isNotEqualTo(r.requestID());
        Assertions.assertThat(r.userIdentity().flatMap(UserIdentity::accessKeyId))
                .hasValueSatisfying(k -> Assertions.assertThat(k).matches("AKIA[0-9A-F]{16}"));
        Assertions.assertThat(r.tlsDetails().flatMap(t -> t.clientProvidedHostHeader()))
                .contains("sns.us-east-1.amazonaws.com");
        // "requestParameters": null, kept as an explicit null is for every field: empty, and null in otherFields
        Assertions.assertThat(r.requestParameters()).isEmpty();
        Assertions.assertThat(r.otherFields()).containsEntry("requestParameters", JsonValue.nullValue());
    }

    @Test
    void readOnly_isGuessedFromTheEventName_andCanBeSet() {
        assertThat(CloudTrailRecords.apiCall("ec2.amazonaws.com", "DescribeInstances")
                        .build())
                .isReadOnly();
        assertThat(CloudTrailRecords.apiCall("s3.amazonaws.com", "ListBuckets").build())
                .isReadOnly();
        assertThat(CloudTrailRecords.apiCall("s3.amazonaws.com", "GetObject").build())
                .isReadOnly();
        assertThat(CloudTrailRecords.apiCall("s3.amazonaws.com", "PutObject").build())
                .isNotReadOnly();
        assertThat(CloudTrailRecords.apiCall("s3.amazonaws.com", "PutObject")
                        .readOnly(true)
                        .build())
                .isReadOnly();
    }

    @Test
    void equalFixtures_buildEqualRecords_andDifferentOnesDifferentIds() {
        CloudTrailRecord a =
                CloudTrailRecords.apiCall("sns.amazonaws.com", "CreateTopic").build();
        CloudTrailRecord b =
                CloudTrailRecords.apiCall("sns.amazonaws.com", "CreateTopic").build();
        CloudTrailRecord c = CloudTrailRecords.apiCall("sns.amazonaws.com", "CreateTopic")
                .inRegion("eu-west-1")
                .build();
        Assertions.assertThat(a).isEqualTo(b);
        Assertions.assertThat(a.eventID()).isNotEqualTo(c.eventID());
    }

    @Test
    void identities_haveTheShapeCloudTrailWrites() {
        UserIdentity root = CloudTrailRecords.apiCall("s3.amazonaws.com", "CreateBucket")
                .byRoot()
                .inAccount("111122223333")
                .build()
                .userIdentity()
                .orElseThrow();
        Assertions.assertThat(root.toString())
                .startsWith(
                        "{\"type\":\"Root\",\"principalId\":\"111122223333\",\"arn\":\"arn:aws:iam::111122223333:root\","
                                + "\"accountId\":\"111122223333\",\"accessKeyId\":\"ASIA");

        CloudTrailRecord role = CloudTrailRecords.apiCall("s3.amazonaws.com", "PutObject")
                .byAssumedRole("deployer", "ci-42")
                .withMfa(true)
                .build();
        assertThat(role)
                .hasIdentityType(IdentityType.ASSUMED_ROLE)
                .wasMadeBy("arn:aws:sts::123456789012:assumed-role/deployer/ci-42")
                .hasMfa(true);
        SessionIssuer issuer = role.userIdentity()
                .flatMap(UserIdentity::sessionContext)
                .flatMap(SessionContext::sessionIssuer)
                .orElseThrow();
        Assertions.assertThat(issuer.arn()).contains("arn:aws:iam::123456789012:role/deployer");
        Assertions.assertThat(issuer.userName()).contains("deployer");
        Assertions.assertThat(
                        role.userIdentity().flatMap(UserIdentity::principalId).orElseThrow())
                .matches("AROA[0-9A-F]{17}:ci-42")
                .startsWith(issuer.principalId().orElseThrow());

        CloudTrailRecord service = CloudTrailRecords.apiCall("kms.amazonaws.com", "Decrypt")
                .byService("ec2.amazonaws.com")
                .build();
        assertThat(service)
                .hasIdentityType(IdentityType.AWS_SERVICE)
                .hasSourceIPAddress("ec2.amazonaws.com")
                .hasUserAgent("ec2.amazonaws.com");
        Assertions.assertThat(service.userIdentity().flatMap(UserIdentity::invokedBy))
                .contains("ec2.amazonaws.com");
        Assertions.assertThat(service.tlsDetails()).isEmpty();
    }

    @Test
    void everySetter_landsInTheRecord() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("bucketName", "logs");
        params.put("versions", List.of(1, 2.5));
        params.put("acl", null);
        CloudTrailRecord r = CloudTrailRecords.apiCall("s3.amazonaws.com", "PutBucketPolicy")
                .byIamUser("bob")
                .inRegion("eu-west-1")
                .inAccount("111122223333")
                .at(Instant.parse("2024-05-01T10:00:00Z"))
                .from("203.0.113.50")
                .userAgent("Boto3/1.34.0")
                .withRequestParameters(params)
                .withResponseElements(Map.of("ok", true))
                .withAdditionalEventData("{\"bytesTransferredIn\":0}")
                .withError("AccessDenied", "User: bob is not authorized")
                .eventId("ev-1")
                .requestId("req-1")
                .build();
        assertThat(r)
                .hasAwsRegion("eu-west-1")
                .hasRecipientAccountId("111122223333")
                .wasMadeBy("arn:aws:iam::111122223333:user/bob")
                .hasEventTime(Instant.parse("2024-05-01T10:00:00Z"))
                .hasSourceIPAddress("203.0.113.50")
                .hasUserAgent("Boto3/1.34.0")
                .hasRequestParameter("bucketName", "logs")
                .hasRequestParameter("versions.1", new java.math.BigDecimal("2.5"))
                .hasRequestParameter("acl", io.github.trailkit.model.JsonValue.nullValue())
                .hasResponseElement("ok", true)
                .hasErrorCode("AccessDenied")
                .hasErrorMessage("User: bob is not authorized")
                .hasEventId("ev-1");
        Assertions.assertThat(r.requestParameters().orElseThrow().toJson())
                .isEqualTo("{\"bucketName\":\"logs\",\"versions\":[1,2.5],\"acl\":null}");
        Assertions.assertThat(r.additionalEventData().orElseThrow().toJson()).isEqualTo("{\"bytesTransferredIn\":0}");
        Assertions.assertThat(r.requestID()).contains("req-1");
    }

    @Test
    void consoleSignIn_looksLikeTheAwsSample() {
        CloudTrailRecord login =
                CloudTrailRecords.consoleSignIn().byRoot().withMfa(true).build();
        assertThat(login)
                .hasEventSource("signin.amazonaws.com")
                .hasEventName("ConsoleLogin")
                .hasEventType(EventType.AWS_CONSOLE_SIGN_IN)
                .wasMadeByRoot()
                .hasMfa(true)
                .hasResponseElement("ConsoleLogin", "Success")
                .hasAdditionalEventData("MFAUsed", "Yes")
                .isNotReadOnly();
        Assertions.assertThat(login.requestID()).isEmpty();
        assertThat(CloudTrailRecords.consoleSignIn().build()).hasMfa(false).hasUserName("alice");
    }

    @Test
    void badArguments_areRejected() {
        assertThatThrownBy(() -> CloudTrailRecords.apiCall("", "X"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("eventSource must not be empty");
        assertThatThrownBy(() -> CloudTrailRecords.apiCall("s", "X").withRequestParameters("{nope"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CloudTrailRecords.apiCall("s", "X").withRequestParameters(Map.of("t", new Object())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot write a java.lang.Object");
    }

    @Test
    void fixtures_roundTripThroughWriterAndReader() {
        List<CloudTrailRecord> fixtures = List.of(
                CloudTrailRecords.apiCall("sns.amazonaws.com", "CreateTopic").build(),
                CloudTrailRecords.apiCall("sns.amazonaws.com", "CreateTopic")
                        .byRoot()
                        .withMfa(true)
                        .build(),
                CloudTrailRecords.apiCall("s3.amazonaws.com", "PutObject")
                        .byAssumedRole("r", "s")
                        .withRequestParameters("{\"bucketName\":\"b\",\"n\":1.50}")
                        .withError("E", "m")
                        .build(),
                CloudTrailRecords.apiCall("kms.amazonaws.com", "Decrypt")
                        .byService("ec2.amazonaws.com")
                        .build(),
                CloudTrailRecords.consoleSignIn().byIamUser("bob").withMfa(true).build());
        for (CloudTrailRecord r : fixtures) {
            String json = CloudTrail.writer().toJson(r);
            Assertions.assertThat(CloudTrail.reader().readRecord(json)).isEqualTo(r);
            Assertions.assertThat(CloudTrail.writer().toJson(CloudTrail.reader().readRecord(json)))
                    .isEqualTo(json);
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        CloudTrail.writer().gzip(true).writeLog(fixtures, log);
        Assertions.assertThat(CloudTrail.reader().read(log.toByteArray(), "fixtures.json.gz").stream())
                .containsExactlyElementsOf(fixtures);
    }

    /* ---------------------------------------------------------------- loading */

    @Test
    void fromResource_readsRecordObjects_logs_andGzippedLogs() {
        Assertions.assertThat(CloudTrailRecords.fromResource("/samples/cloudtrail/signin-root-success-mfa.json"))
                .hasSize(1);
        List<CloudTrailRecord> log = CloudTrailRecords.fromResource(
                "/samples/cloudtrail/lambda-with-cloudtrail-sns-CreateTopic-GetTopicAttributes-v1.02.json");
        assertThat(log).containsEventNamesExactly("CreateTopic", "GetTopicAttributes");
        List<CloudTrailRecord> gz = CloudTrailRecords.fromResource(
                "real-logs/stratus-red-team/aws.defense-evasion.cloudtrail-stop.json.gz");
        assertThat(gz)
                .filteredOnEventName("StopLogging")
                .first()
                .hasEventSource("cloudtrail.amazonaws.com")
                .hasRequestParameter("name", "stratus-red-team-ct-stop-trail-buykxbqejv")
                .hasIdentityType(IdentityType.IAM_USER);
        assertThat(CloudTrailRecords.recordFromResource("/samples/cloudtrail/mgmt-iam-CreateUser-v1.0.json"))
                .hasEventName("CreateUser")
                .wasMadeBy("arn:aws:iam::123456789012:user/Alice");
    }

    @Test
    void fromJson_readsARecord() {
        CloudTrailRecord r = CloudTrailRecords.fromJson(
                "{\"eventSource\":\"sns.amazonaws.com\",\"eventName\":\"Publish\",\"readOnly\":false}");
        assertThat(r).hasEventName("Publish").isNotReadOnly();
        Assertions.assertThat(CloudTrailRecords.fromJson("{\"Records\":[" + r + "]}"))
                .isEqualTo(r);
    }

    @Test
    void loadingProblems_sayWhatAndWhere() {
        assertThatThrownBy(() -> CloudTrailRecords.fromResource("/nope.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no resource on the classpath at /nope.json");
        assertThatThrownBy(() -> CloudTrailRecords.recordFromResource(
                        "/samples/cloudtrail/lambda-with-cloudtrail-sns-CreateTopic-GetTopicAttributes-v1.02.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("/samples/cloudtrail/lambda-with-cloudtrail-sns-CreateTopic-GetTopicAttributes-v1.02.json "
                        + "holds 2 records, expected exactly one");
        assertThatThrownBy(() -> CloudTrailRecords.fromJson("[1]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("<json>: expected a JSON object");
        // a bad field is a bad record, not a file that is no CloudTrail at all
        assertThatThrownBy(() -> CloudTrailRecords.fromJson("{\"eventTime\":\"yesterday\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("<json>: invalid record: ")
                .hasMessageContaining("eventTime")
                .hasMessageNotContaining("not a CloudTrail");
        assertThatThrownBy(() -> CloudTrailRecords.fromJson(
                        "{\"Records\":[{\"eventName\":\"A\"},{\"eventName\":\"B\",\"eventTime\":\"yesterday\"}]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("<json>: invalid record: record 1 at byte ")
                .hasMessageContaining("eventTime");
    }
}
