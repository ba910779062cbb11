package io.github.trailkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trailkit.lambda.testing.RecordingAwsEndpoint.SnsMessage;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.rules.Finding;
import io.github.trailkit.rules.RuleSet;
import io.github.trailkit.rules.Severity;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CIS's root activity alarm: which records it reports, and the Lambda end to end. */
class RootActivityAlarmTest {
    static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:root-alarm";

    /** The root user signed in to the console (AWS's published ConsoleLogin record shape). */
    static final String ROOT_CONSOLE_LOGIN = "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"Root\","
            + "\"principalId\":\"123456789012\",\"arn\":\"arn:aws:iam::123456789012:root\","
            + "\"accountId\":\"123456789012\",\"accessKeyId\":\"\"},\"eventTime\":\"2024-05-01T09:00:00Z\","
            + "\"eventSource\":\"signin.amazonaws.com\",\"eventName\":\"ConsoleLogin\",\"awsRegion\":\"us-east-1\","
            + "\"sourceIPAddress\":\"198.51.100.1\",\"userAgent\":\"Mozilla/5.0\",\"requestParameters\":null,"
            + "\"responseElements\":{\"ConsoleLogin\":\"Success\"},\"additionalEventData\":{\"MFAUsed\":\"No\"},"
            + "\"eventID\":\"root-login-1\",\"readOnly\":false,\"eventType\":\"AwsConsoleSignIn\","
            + "\"managementEvent\":true,\"recipientAccountId\":\"123456789012\",\"eventCategory\":\"Management\"}";

    /** An AWS service acting with root's credentials: {@code invokedBy} is set. */
    static final String ROOT_INVOKED_BY_SERVICE = "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"Root\","
            + "\"principalId\":\"123456789012\",\"arn\":\"arn:aws:iam::123456789012:root\","
            + "\"accountId\":\"123456789012\",\"invokedBy\":\"support.amazonaws.com\"},"
            + "\"eventTime\":\"2024-05-01T09:05:00Z\",\"eventSource\":\"iam.amazonaws.com\","
            + "\"eventName\":\"GetAccountSummary\",\"awsRegion\":\"us-east-1\","
            + "\"sourceIPAddress\":\"support.amazonaws.com\",\"userAgent\":\"support.amazonaws.com\","
            + "\"eventID\":\"root-invoked-by-1\",\"eventType\":\"AwsApiCall\",\"recipientAccountId\":\"123456789012\"}";

    /** A record a service made, not a person: {@code eventType} AwsServiceEvent. */
    static final String ROOT_SERVICE_EVENT = "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"Root\","
            + "\"principalId\":\"123456789012\",\"accountId\":\"123456789012\"},"
            + "\"eventTime\":\"2024-05-01T09:10:00Z\",\"eventSource\":\"kms.amazonaws.com\","
            + "\"eventName\":\"RotateKey\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"kms.amazonaws.com\","
            + "\"eventID\":\"root-service-event-1\",\"eventType\":\"AwsServiceEvent\","
            + "\"recipientAccountId\":\"123456789012\"}";

    static LambdaFixture fx;

    @BeforeAll
    static void start() {
        fx = new LambdaFixture();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void reportsRootActivityButNotServicesActingAsRootNorOtherUsers() {
        RuleSet rules = RuleSet.of(RootActivityAlarm.ruleList());

        List<Finding> login = rules.findings(LambdaFixture.record(ROOT_CONSOLE_LOGIN));
        assertThat(login).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("root-account-activity");
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.tags()).contains("cis-3.3", "cis-4.3");
        });
        assertThat(rules.findings(LambdaFixture.record(ROOT_INVOKED_BY_SERVICE)))
                .isEmpty();
        assertThat(rules.findings(LambdaFixture.record(ROOT_SERVICE_EVENT))).isEmpty();
        assertThat(rules.findings(
                        LambdaFixture.record(CreateTopicNotifierTest.call("sns.amazonaws.com", "CreateTopic"))))
                .as("an IAM user")
                .isEmpty();
    }

    @Test
    void theLambdaPublishesEachRootActionOfALogFileAndNothingElse() throws Exception {
        fx.aws.reset();
        String key = "AWSLogs/123456789012/CloudTrail/us-east-1/2024/05/01/"
                + "123456789012_CloudTrail_us-east-1_20240501T0915Z_rootActivity0001.json.gz";
        List<CloudTrailRecord> records = List.of(
                LambdaFixture.record(ROOT_CONSOLE_LOGIN),
                LambdaFixture.record(ROOT_INVOKED_BY_SERVICE),
                LambdaFixture.record(ROOT_SERVICE_EVENT),
                LambdaFixture.record(CreateTopicNotifierTest.call("sns.amazonaws.com", "CreateTopic")));
        fx.putLog(key, records);
        RootActivityAlarm handler = new RootActivityAlarm(TOPIC, fx.s3.handlerClient(), fx.aws.snsClient(), fx.log);

        String answer = fx.invoke(handler, key, LambdaFixture.SAMPLE_KEY);

        // the console login, and both calls of the AWS documentation's log file (made as root from the console)
        assertThat(fx.aws.snsPublished())
                .extracting(SnsMessage::subject)
                .containsExactlyInAnyOrder(
                        "[CRITICAL] root-account-activity: ConsoleLogin in 123456789012 us-east-1",
                        "[CRITICAL] root-account-activity: CreateTopic in 123456789012 us-east-2",
                        "[CRITICAL] root-account-activity: GetTopicAttributes in 123456789012 us-east-2");
        assertThat(fx.aws.snsPublished())
                .allSatisfy(m -> assertThat(m.topicArn()).isEqualTo(TOPIC));
        assertThat(answer).contains("\"records\":6").contains("\"findings\":3");
    }
}
