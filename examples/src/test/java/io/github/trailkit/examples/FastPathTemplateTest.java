package io.github.trailkit.examples;

import static io.github.trailkit.rules.Rules.rule;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.trailkit.lambda.testing.RecordingAwsEndpoint.SnsMessage;
import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailLog;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.rules.RuleDocuments;
import io.github.trailkit.rules.RuleSet;
import io.github.trailkit.test.LambdaEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The EventBridge fast path of the seed scenario ({@code sam/create-topic-fast-path/template.yaml}): the template
 * deploys {@link CreateTopicNotifier} behind a rule on the default bus whose pattern selects exactly the calls the
 * handler's rule finds, with no S3 access; and the handler, given the event that rule delivers, publishes the same
 * message as on the S3 path.
 */
class FastPathTemplateTest {
    static final Path TEMPLATE = Path.of("sam", "create-topic-fast-path", "template.yaml");
    static final String TOPIC = "arn:aws:sns:us-east-2:123456789012:topic-alerts";
    static LambdaFixture fx;
    static List<CloudTrailRecord> sample;

    @BeforeAll
    static void start() {
        fx = new LambdaFixture();
        sample = new ArrayList<>();
        try (CloudTrailLog log = CloudTrail.reader()
                .read(
                        LambdaFixture.resource("/logs/lambda-with-cloudtrail-CreateTopic-GetTopicAttributes.json.gz"),
                        "s")) {
            log.forEach(sample::add);
        }
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void theRuleOnTheDefaultBusInvokesTheNotifierWithTheWholeEventAndNoS3Access() throws Exception {
        JsonNode resources = SamTemplatesTest.YAML.readTree(TEMPLATE.toFile()).path("Resources");
        List<JsonNode> functions = SamTemplatesTest.ofType(resources, "AWS::Serverless::Function");
        assertThat(functions).hasSize(1);
        JsonNode p = functions.get(0).path("Properties");
        assertThat(p.path("Handler").asText()).isEqualTo(CreateTopicNotifier.class.getName() + "::handleRequest");
        assertThat(p.path("Runtime").asText()).isEqualTo("java25");
        assertThat(p.path("Environment").path("Variables").path("TOPIC_ARN").asText())
                .isEqualTo("FindingsTopic");

        List<JsonNode> events = new ArrayList<>();
        p.path("Events").forEach(events::add);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.path("Type").asText()).isEqualTo("EventBridgeRule");
            JsonNode props = e.path("Properties");
            assertThat(props.has("EventBusName")).as("the default bus").isFalse();
            assertThat(props.has("Input") || props.has("InputPath") || props.has("InputTransformer"))
                    .isFalse();
            assertThat(props.path("DeadLetterConfig").path("Type").asText()).isEqualTo("SQS");
        });

        List<JsonNode> statements = new ArrayList<>();
        p.path("Policies").forEach(policy -> policy.path("Statement").forEach(statements::add));
        assertThat(statements).singleElement().satisfies(s -> {
            assertThat(SamTemplatesTest.texts(s.path("Action"))).containsExactly("sns:Publish");
            assertThat(SamTemplatesTest.texts(s.path("Resource"))).containsExactly("FindingsTopic");
        });
        assertThat(SamTemplatesTest.ofType(resources, "AWS::CloudTrail::Trail")).hasSize(1);
    }

    @Test
    void thePatternSelectsWhatTheHandlersRuleFinds() throws Exception {
        JsonNode pattern = SamTemplatesTest.YAML
                .readTree(TEMPLATE.toFile())
                .path("Resources")
                .path("CreateTopicNotifier")
                .path("Properties")
                .path("Events")
                .path("CreateTopicCall")
                .path("Properties")
                .path("Pattern");
        RuleSet template = RuleSet.of(
                rule("template").when(RuleDocuments.pattern(pattern.toString())).build());
        RuleSet handler = RuleSet.of(CreateTopicNotifier.SNS_TOPIC_CREATED);

        assertThat(sample).hasSize(2);
        for (CloudTrailRecord r : sample) {
            assertThat(template.findings(r)).as(r.eventName().orElseThrow()).hasSameSizeAs(handler.findings(r));
        }
        assertThat(template.findings(sample.get(0))).hasSize(1);
    }

    @Test
    void theSavedEventIsTheSampleCallAsTheRuleDeliversIt() throws Exception {
        byte[] saved = java.nio.file.Files.readAllBytes(Path.of("events", "eventbridge-sns-CreateTopic.json"));
        JsonNode event = SamTemplatesTest.YAML.readTree(saved);
        RuleSet template = RuleSet.of(rule("template")
                .when(RuleDocuments.pattern(SamTemplatesTest.YAML
                        .readTree(TEMPLATE.toFile())
                        .path("Resources")
                        .path("CreateTopicNotifier")
                        .path("Properties")
                        .path("Events")
                        .path("CreateTopicCall")
                        .path("Properties")
                        .path("Pattern")
                        .toString()))
                .build());
        CloudTrailRecord detail =
                CloudTrail.reader().readRecord(event.path("detail").toString());
        assertThat(detail).isEqualTo(sample.get(0));
        assertThat(template.findings(detail)).hasSize(1);

        CreateTopicNotifier handler = new CreateTopicNotifier(TOPIC, fx.s3.handlerClient(), fx.aws.snsClient(), fx.log);
        fx.aws.reset();
        handler.handleRequest(new ByteArrayInputStream(saved), new ByteArrayOutputStream(), null);
        assertThat(fx.aws.snsPublished())
                .singleElement()
                .satisfies(m -> assertThat(m.message()).contains("eventbridge:0b6c5e1f-6d55-4e0c-9d8b-2f1f0e3a7c11"));
    }

    @Test
    void theEventTheRuleDeliversPublishesWhatTheLogFileDoes() throws Exception {
        CreateTopicNotifier handler = new CreateTopicNotifier(TOPIC, fx.s3.handlerClient(), fx.aws.snsClient(), fx.log);
        fx.aws.reset();
        fx.invoke(handler, LambdaFixture.SAMPLE_KEY);
        List<SnsMessage> fromLog = fx.aws.snsPublished();
        fx.aws.reset();

        String event = LambdaEvents.eventBridge(sample.get(0));
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), answer, null);
        List<SnsMessage> fromEvent = fx.aws.snsPublished();

        assertThat(fromLog).hasSize(1);
        assertThat(fromEvent).hasSize(1);
        assertThat(fromEvent.get(0).subject()).isEqualTo(fromLog.get(0).subject());
        assertThat(fromEvent.get(0).attributes()).isEqualTo(fromLog.get(0).attributes());
        assertThat(fromEvent.get(0).message())
                .contains("eventbridge:")
                .contains("\"eventID\":\"17b46459-dada-4278-b8e2-5a4ca9ff1a9c\"");
        assertThat(answer.toString(StandardCharsets.UTF_8))
                .contains("\"trigger\":\"CLOUDTRAIL_EVENT\"")
                .contains("\"findings\":1");
    }
}
