package io.github.trailkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesCheckCommandTest {
    @TempDir
    Path dir;

    @Test
    void aValidDocumentIsReportedWithItsRuleCount() {
        Cli.Result r = Cli.run("rules", "check", Cli.SNS_RULES);

        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo(Cli.SNS_RULES + ": 2 rules OK\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void everyProblemOfEveryInvalidDocumentIsPrintedWithItsPosition() throws IOException {
        Path first = Files.writeString(dir.resolve("first.yaml"), String.join("\n",
                "rules:",
                "  - id: a",
                "    severity: URGENT",
                "    pattern:",
                "      eventName: [{regex: \"^Delete\"}]",
                ""));
        Path second = Files.writeString(dir.resolve("second.json"), "{\"rules\": [\n  {\"id\": \"b\"}\n]}\n");
        Path valid = Files.writeString(dir.resolve("valid.yaml"),
                "rules:\n  - id: c\n    pattern: {eventSource: [iam.amazonaws.com]}\n");

        Cli.Result r = Cli.run("rules", "check", first, valid, second);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEqualTo(valid + ": 1 rule OK\n");
        var lines = r.err().lines().collect(Collectors.toList());
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith(first + ":3:15: ").contains("URGENT");
        assertThat(lines.get(1)).startsWith(first + ":5:20: ").contains("regex");
        assertThat(lines.get(2)).startsWith(second + ":2:3: ").contains("pattern");
    }

    @Test
    void aSyntaxErrorHasAPosition() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"rules\": [\n  {\"id\": \"b\",,}\n]}\n");

        Cli.Result r = Cli.run("rules", "check", broken);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith(broken + ":2:");
    }

    @Test
    void aMissingFileIsAUsageError() {
        Cli.Result r = Cli.run("rules", "check", dir.resolve("nope.yaml"));

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("nope.yaml: no such file or directory");
        assertThat(Cli.run("rules", "check").exit()).isEqualTo(2);
        assertThat(Cli.run("rules").exit()).isEqualTo(2);
    }
}
