package io.github.trailkit.model;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * The Java code in README.md is compiled here: each region between {@code // README:name} markers must appear in
 * README.md verbatim (after removing the common indentation), and it runs.
 */
final class ReadmeSnippetsTest {
    private static final Path README = Path.of("..", "README.md");
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

    void readCreateTopicCalls(Path path) {
        // README:read
        CloudTrailReader reader = CloudTrail.reader().onProblem(ProblemPolicy.SKIP_AND_REPORT);
        try (CloudTrailLog log = reader.read(path)) {
            for (CloudTrailRecord r : log) {
                if (r.eventName().orElse("").equals("CreateTopic")) {
                    String who = r.userIdentity().flatMap(UserIdentity::arn).orElse("?");
                    String topic = r.requestParameters()
                            .orElse(JsonValue.missing())
                            .path("name")
                            .asString()
                            .orElse("?");
                    System.out.println(who + " created topic " + topic);
                }
            }
            log.problems().forEach(System.err::println); // record index, byte offset and reason of each bad record
        }
        // README:read
    }

    @Test
    void keySnippet_saysWhatTheReadmeSays() {
        // README:key
        LogFileKey key = LogFileKey.parse(
                "AWSLogs/o-exampleorgid/111122223333/CloudTrail/us-east-2/2024/01/31/111122223333_CloudTrail_us-east-2_20240131T2355Z_Mu0KsOhtH1ar15ZZ.json.gz");
        key.kind(); // LOG
        key.organizationId(); // Optional[o-exampleorgid]
        key.deliveryTime(); // Optional[2024-01-31T23:55:00Z]
        // README:key
        assertThat(key.kind()).hasToString("LOG");
        assertThat(key.organizationId()).hasToString("Optional[o-exampleorgid]");
        assertThat(key.deliveryTime()).hasToString("Optional[2024-01-31T23:55:00Z]");
    }

    @Test
    void readSnippet_runsOnTheBundledSample() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            readCreateTopicCalls(SAMPLE);
        } finally {
            System.setOut(original);
        }
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("arn:aws:iam::123456789012:root created topic dropmeplease" + System.lineSeparator());
    }

    @Test
    void everyMarkedRegion_appearsInReadmeVerbatim() throws IOException {
        String readme = Files.readString(README);
        String source = Files.readString(Path.of("src/test/java/io/github/trailkit/model/ReadmeSnippetsTest.java"));
        List<String> regions = regions(source);
        assertThat(regions).isNotEmpty();
        for (String region : regions) {
            assertThat(readme).contains(region);
        }
    }

    static List<String> regions(String source) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("// README:(\\w+)\\n(.*?)\\n\\s*// README:\\1", Pattern.DOTALL)
                .matcher(source);
        while (m.find()) {
            out.add(m.group(2).stripIndent().stripTrailing());
        }
        return out;
    }
}
