package io.github.trailkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.trailkit.lambda.TrailkitHandler;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each SAM template deploys a handler that exists, triggered by the trail bucket's log files, with least privilege:
 * {@code s3:GetObject} on the bucket's {@code AWSLogs/*} only, and {@code sns:Publish} on the template's own topic only.
 * CloudFormation's short tags ({@code !Ref}, {@code !Sub}) are read as their plain operand.
 */
class SamTemplatesTest {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static Stream<Path> templates() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("sam"))) {
            // the EventBridge fast path has no S3 trigger and reads no object: FastPathTemplateTest checks it
            List<Path> all = files.filter(d -> !d.getFileName().toString().equals("create-topic-fast-path"))
                    .map(d -> d.resolve("template.yaml"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
            assertThat(all).hasSize(3);
            return all.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("templates")
    void theFunctionIsAnExampleHandlerTriggeredByTheTrailBucketsLogFiles(Path template) throws Exception {
        JsonNode resources = YAML.readTree(template.toFile()).path("Resources");
        List<JsonNode> functions = ofType(resources, "AWS::Serverless::Function");
        assertThat(functions).as(template.toString()).hasSize(1);
        JsonNode p = functions.get(0).path("Properties");

        String handler = p.path("Handler").asText();
        assertThat(handler).endsWith("::handleRequest");
        Class<?> type = Class.forName(handler.substring(0, handler.indexOf("::")));
        assertThat(TrailkitHandler.class).isAssignableFrom(type);
        assertThat(Modifier.isPublic(type.getConstructor().getModifiers()))
                .as("Lambda's no-argument constructor")
                .isTrue();
        assertThat(p.path("Runtime").asText()).isEqualTo("java25");
        assertThat(p.path("MemorySize").asInt()).isBetween(256, 10240);
        assertThat(p.path("Timeout").asInt()).isBetween(30, 900);
        assertThat(p.path("CodeUri").asText()).isEqualTo("../..");
        assertThat(template.getParent().resolve(p.path("CodeUri").asText()).resolve("pom.xml"))
                .isRegularFile();

        List<JsonNode> events = new ArrayList<>();
        p.path("Events").forEach(events::add);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.path("Type").asText()).isEqualTo("S3");
            assertThat(resources
                            .path(e.path("Properties").path("Bucket").asText())
                            .path("Type")
                            .asText())
                    .isEqualTo("AWS::S3::Bucket");
            assertThat(e.path("Properties").path("Events").asText()).isEqualTo("s3:ObjectCreated:*");
            JsonNode rules = e.path("Properties").path("Filter").path("S3Key").path("Rules");
            assertThat(rules.findValuesAsText("Name")).containsExactly("prefix", "suffix");
            assertThat(rules.findValuesAsText("Value")).containsExactly("AWSLogs/", ".json.gz");
        });
        String variables = p.path("Environment").path("Variables").toString();
        if (type == CustomSinkExample.class) {
            assertThat(variables).contains("\"WEBHOOK_URL\"");
        } else {
            assertThat(p.path("Environment").path("Variables").path("TOPIC_ARN").asText())
                    .isEqualTo("FindingsTopic");
        }
    }

    @ParameterizedTest
    @MethodSource("templates")
    void theFunctionMayOnlyReadTheLogFilesAndPublishToItsOwnTopic(Path template) throws Exception {
        JsonNode resources = YAML.readTree(template.toFile()).path("Resources");
        JsonNode function = ofType(resources, "AWS::Serverless::Function").get(0);
        String bucketName = ofType(resources, "AWS::S3::Bucket")
                .get(0)
                .path("Properties")
                .path("BucketName")
                .asText();

        JsonNode policies = function.path("Properties").path("Policies");
        assertThat(policies.isArray()).isTrue();
        List<JsonNode> statements = new ArrayList<>();
        for (JsonNode policy : policies) {
            // an inline document only: no managed policy name, no SAM policy template (S3ReadPolicy reads the whole
            // bucket)
            assertThat(policy.isObject()).as("policy %s", policy).isTrue();
            assertThat(policy.fieldNames()).toIterable().containsOnly("Version", "Statement");
            policy.path("Statement").forEach(statements::add);
        }
        assertThat(statements).isNotEmpty().allSatisfy(s -> {
            assertThat(s.path("Effect").asText()).isEqualTo("Allow");
            List<String> actions = texts(s.path("Action"));
            List<String> targets = texts(s.path("Resource"));
            assertThat(targets).isNotEmpty().doesNotContain("*");
            if (actions.stream().anyMatch(a -> a.startsWith("s3:"))) {
                assertThat(actions).containsExactly("s3:GetObject");
                assertThat(targets).containsExactly("arn:${AWS::Partition}:s3:::" + bucketName + "/AWSLogs/*");
            } else {
                assertThat(actions).containsExactly("sns:Publish");
                assertThat(targets)
                        .singleElement()
                        .satisfies(
                                t -> assertThat(resources.path(t).path("Type").asText())
                                        .isEqualTo("AWS::SNS::Topic"));
            }
        });
        long sns = statements.stream()
                .filter(s -> texts(s.path("Action")).contains("sns:Publish"))
                .count();
        assertThat(sns).isEqualTo(ofType(resources, "AWS::SNS::Topic").size());
    }

    static List<JsonNode> ofType(JsonNode resources, String type) {
        List<JsonNode> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> r : resources.properties()) {
            if (type.equals(r.getValue().path("Type").asText())) {
                out.add(r.getValue());
            }
        }
        return out;
    }

    static List<String> texts(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(e -> out.add(e.asText()));
        } else if (!n.isMissingNode()) {
            out.add(n.asText());
        }
        return out;
    }
}
