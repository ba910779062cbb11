package io.github.trailkit.rules;

import static io.github.trailkit.rules.Rules.eventName;
import static io.github.trailkit.rules.Rules.eventSource;
import static io.github.trailkit.rules.Rules.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailLog;
import io.github.trailkit.model.CloudTrailRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Writing rules" section of README.md: its Java is compiled here (each region between {@code // README:name}
 * markers must appear in README.md verbatim, after removing the common indentation), and its YAML document is read
 * from README.md itself; the rule written both ways gives the same findings on the bundled sample log.
 */
final class RulesReadmeTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Path SOURCE = Path.of("src/test/java/io/github/trailkit/rules/RulesReadmeTest.java");
    private static final Path SAMPLE = Path.of(
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

    static Rule topicCreatedInJava() {
        // README:rule
        Rule topicCreated = rule("sns-topic-created")
                .title("SNS topic created")
                .severity(Severity.MEDIUM)
                .when(eventSource().is("sns.amazonaws.com").and(eventName().is("CreateTopic")))
                .build();
        // README:rule
        return topicCreated;
    }

    static void printFindings(RuleSet rules, Path logFile) {
        // README:evaluate
        try (CloudTrailLog log = CloudTrail.reader().read(logFile)) {
            for (CloudTrailRecord r : log) {
                for (Finding f : rules.findings(r)) {
                    System.out.println(f.ruleId() + " " + f.severity() + " " + f.dedupKey());
                }
            }
        }
        // README:evaluate
    }

    @Test
    void theJavaRuleAndTheYamlDocumentGiveTheSameFindingsOnTheSample(@TempDir Path dir) throws IOException {
        Path yaml = dir.resolve("sns.yaml");
        Files.writeString(yaml, yamlBlock(Files.readString(README)), StandardCharsets.UTF_8);
        List<Rule> fromYaml = RuleDocuments.read(yaml);
        assertThat(fromYaml).hasSize(1);
        Rule java = topicCreatedInJava();
        Rule document = fromYaml.get(0);
        assertThat(document.id()).isEqualTo(java.id());
        assertThat(document.title()).isEqualTo(java.title());
        assertThat(document.severity()).isEqualTo(java.severity());
        assertThat(document.condition()).hasToString(java.condition().toString());

        String javaFindings = findings(RuleSet.of(java));
        assertThat(javaFindings).isEqualTo(findings(RuleSet.of(fromYaml)));
        // the sample holds one CreateTopic call (and a GetTopicAttributes call, which does not match)
        assertThat(javaFindings.lines()).hasSize(1).allMatch(l -> l.startsWith("sns-topic-created MEDIUM "));
    }

    @Test
    void explainSaysWhyARecordDoesNotMatch() {
        CloudTrailRecord other = CloudTrail.reader()
                .readRecord("{\"eventSource\":\"sns.amazonaws.com\",\"eventName\":\"GetTopicAttributes\"}");
        String why = RuleSet.of(topicCreatedInJava()).explain("sns-topic-created", other);
        assertThat(why).startsWith("sns-topic-created does not match: ").contains("GetTopicAttributes");
    }

    @Test
    void everyMarkedRegionAppearsInReadmeVerbatim() throws IOException {
        String readme = Files.readString(README);
        List<String> regions = regions(Files.readString(SOURCE));
        assertThat(regions).hasSize(2);
        for (String region : regions) {
            assertThat(readme).as("README.md holds this code verbatim").contains("```java\n" + region + "\n```");
        }
    }

    @Test
    void theJavaAndYamlVersionsStandSideBySide() throws IOException {
        String readme = Files.readString(README);
        String java = "```java\n" + regions(Files.readString(SOURCE)).get(0) + "\n```\n\n```yaml\n";
        assertThat(readme).as("the YAML block follows the Java rule directly").contains(java);
        int section = readme.indexOf("\n## Writing rules\n");
        assertThat(section).isPositive();
        assertThat(readme.indexOf(java)).isGreaterThan(section);
        assertThat(section)
                .isGreaterThan(readme.indexOf("\n## Object keys\n"))
                .isLessThan(readme.indexOf("\n## The `cloudtrail` command\n"));
    }

    private static String findings(RuleSet rules) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            printFindings(rules, SAMPLE);
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The first YAML code block of the "Writing rules" section. */
    private static String yamlBlock(String readme) {
        int section = readme.indexOf("\n## Writing rules\n");
        assertThat(section).as("README.md has a Writing rules section").isPositive();
        Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(m.find(section)).as("a YAML block in Writing rules").isTrue();
        return m.group(1);
    }

    private static List<String> regions(String source) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("// README:(\\w+)\\n(.*?)\\n\\s*// README:\\1", Pattern.DOTALL)
                .matcher(source);
        while (m.find()) {
            out.add(m.group(2).stripIndent().stripTrailing());
        }
        return out;
    }
}
