package io.github.trailkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.trailkit.lambda.testing.RecordingAwsEndpoint.SnsMessage;
import io.github.trailkit.rules.RuleDocuments;
import io.github.trailkit.rules.RuleSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed scenario's Lambda against S3Proxy and a recording SNS endpoint, with the AWS documentation's log file. */
class CreateTopicNotifierTest {
    static final String TOPIC = "arn:aws:sns:us-east-2:123456789012:topic-alerts";
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
    void publishesTheCreateTopicCallOfTheLogFileToTheTopic() throws Exception {
        fx.aws.reset();
        CreateTopicNotifier handler = new CreateTopicNotifier(TOPIC, fx.s3.handlerClient(), fx.aws.snsClient(), fx.log);

        String answer = fx.invoke(handler, LambdaFixture.SAMPLE_KEY);

        List<SnsMessage> published = fx.aws.snsPublished();
        assertThat(published).hasSize(1);
        SnsMessage m = published.get(0);
        assertThat(m.topicArn()).isEqualTo(TOPIC);
        assertThat(m.subject()).isEqualTo("[HIGH] sns-topic-created: CreateTopic in 123456789012 us-east-2");
        assertThat(m.attributes()).containsEntry("ruleId", "sns-topic-created").containsEntry("severity", "HIGH");
        assertThat(m.message())
                .startsWith("SNS topic created\n")
                .contains("Who: arn:aws:iam::123456789012:root")
                .contains("\"eventID\":\"17b46459-dada-4278-b8e2-5a4ca9ff1a9c\"")
                .contains("\"requestParameters\":{\"name\":\"dropmeplease\"}");
        assertThat(answer).contains("\"records\":2").contains("\"findings\":1").contains("\"delivered\":1");
        assertThat(fx.log()).contains("\"message\":\"finding\",\"finding\":{\"ruleId\":\"sns-topic-created\"");
    }

    @Test
    void theJavaRuleMatchesCreateTopicOnlyAndAgreesWithItsRuleDocument() {
        RuleSet java = RuleSet.of(CreateTopicNotifier.SNS_TOPIC_CREATED);
        String created = call("sns.amazonaws.com", "CreateTopic");
        String deleted = call("sns.amazonaws.com", "DeleteTopic");
        String otherService = call("sqs.amazonaws.com", "CreateTopic");

        assertThat(java.findings(LambdaFixture.record(created)))
                .singleElement()
                .satisfies(f -> assertThat(f.ruleId()).isEqualTo("sns-topic-created"));
        assertThat(java.findings(LambdaFixture.record(deleted))).isEmpty();
        assertThat(java.findings(LambdaFixture.record(otherService))).isEmpty();
        // the DSL condition is the one the seed rule document's pattern compiles to
        assertThat(CreateTopicNotifier.SNS_TOPIC_CREATED.condition().toString())
                .isEqualTo(RuleDocuments.pattern(
                                "{\"eventSource\": [\"sns.amazonaws.com\"], \"eventName\": [\"CreateTopic\"]}")
                        .toString());
    }

    @Test
    void withoutTopicArnTheFunctionFailsToStartWithAClearMessage() {
        assumeTrue(System.getenv("TOPIC_ARN") == null, "TOPIC_ARN is set in this environment");

        assertThatThrownBy(CreateTopicNotifier::new)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("set the environment variable TOPIC_ARN");
    }

    static String call(String source, String name) {
        return "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"IAMUser\","
                + "\"arn\":\"arn:aws:iam::123456789012:user/alice\",\"accountId\":\"123456789012\"},"
                + "\"eventTime\":\"2024-05-01T10:00:00Z\",\"eventSource\":\"" + source + "\",\"eventName\":\"" + name
                + "\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"198.51.100.7\",\"userAgent\":\"aws-cli/2.15\","
                + "\"requestParameters\":{\"name\":\"orders\"},\"eventID\":\"" + name + "-" + source.length()
                + "\",\"eventType\":\"AwsApiCall\",\"managementEvent\":true,\"recipientAccountId\":\"123456789012\"}";
    }
}
