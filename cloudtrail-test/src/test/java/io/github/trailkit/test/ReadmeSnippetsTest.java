package io.github.trailkit.test;

import static io.github.trailkit.rules.Rules.*;
import static io.github.trailkit.test.CloudTrailAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.rules.RuleDocuments;
import io.github.trailkit.rules.RuleSet;
import io.github.trailkit.rules.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Java code of README.md's "Testing with trailkit" is compiled and run here: each region between {@code
 * // README:name} markers must appear in README.md verbatim (after removing the common indentation).
 */
final class ReadmeSnippetsTest {
    private static final Path README = Path.of("..", "README.md");

    @Test
    void assertionsSnippet_runs() {
        // README:test-assertions
        RuleSet rules = RuleSet.of(rule("sns-topic-created")
                .severity(Severity.MEDIUM)
                .when(eventSource().is("sns.amazonaws.com").and(eventName().is("CreateTopic")))
                .build());

        CloudTrailRecord record = CloudTrailRecords.apiCall("sns.amazonaws.com", "CreateTopic")
                .byRoot()
                .inRegion("eu-west-1")
                .withRequestParameters("{\"name\":\"orders\"}")
                .build();

        assertThat(record).hasEventName("CreateTopic").wasMadeByRoot().hasRequestParameter("name", "orders");
        assertThat(rules).triggersExactly(record, "sns-topic-created");
        // README:test-assertions
    }

    @TestFactory
    Stream<DynamicTest> runnerSnippet_runs() {
        return snsRules();
    }

    // README:test-runner
    @TestFactory
    Stream<DynamicTest> snsRules() {
        RuleSet rules = RuleSet.of(RuleDocuments.readResource("rule-tests/sns-rules.yaml"));
        return RuleTests.from("/rule-tests/sns-rules-tests.yaml", rules);
    }
    // README:test-runner

    @Test
    void everyMarkedRegion_appearsInReadmeVerbatim() throws IOException {
        String readme = Files.readString(README);
        String source = Files.readString(Path.of("src/test/java/io/github/trailkit/test/ReadmeSnippetsTest.java"));
        List<String> regions = regions(source);
        assertThat(regions).hasSize(2);
        for (String region : regions) {
            assertThat(readme).contains(region);
        }
    }

    static List<String> regions(String source) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("// README:([\\w-]+)\\n(.*?)\\n\\s*// README:\\1", Pattern.DOTALL)
                .matcher(source);
        while (m.find()) {
            out.add(m.group(2).stripIndent().stripTrailing());
        }
        return out;
    }
}
