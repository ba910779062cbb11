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
        Path first = Files.writeString(
                dir.resolve("first.yaml"),
                String.join(
                        "\n",
                        "rules:",
                        "  - id: a",
                        "    severity: URGENT",
                        "    pattern:",
                        "      eventName: [{regex: \"^Delete\"}]",
                        ""));
        Path second = Files.writeString(dir.resolve("second.json"), "{\"rules\": [\n  {\"id\": \"b\"}\n]}\n");
        Path valid = Files.writeString(
                dir.resolve("valid.yaml"), "rules:\n  - id: c\n    pattern: {eventSource: [iam.amazonaws.com]}\n");

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
    void hostileRuleFilesEndInTypedProblems_sniffedWithinTheSizeLimit() throws IOException {
        String head = "title: t\nid: 11111111-2222-3333-4444-555555555555\nlogsource:\n  product: aws\n"
                + "  service: cloudtrail\n";
        Path regex = Files.writeString(
                dir.resolve("re.yml"),
                head + "detection:\n  sel:\n    eventName|re: '((a{1000}){1000}){1000}'\n  condition: sel\n");
        Path parens = Files.writeString(
                dir.resolve("parens.yml"),
                head + "detection:\n  sel:\n    eventName: X\n" + "  condition: \"" + "(".repeat(3_000) + "sel"
                        + ")".repeat(3_000) + "\"\n");
        Path alias = Files.writeString(
                dir.resolve("alias.yml"),
                head
                        + "names: &names [CreateTopic, DeleteTopic]\ndetection:\n  sel:\n    eventName: *names\n"
                        + "  condition: sel\n");
        Path latin1 = Files.write(
                dir.resolve("latin1.yaml"),
                "rules:\n  - id: r\n    pattern:\n      eventName: [\"caf\u00e9\"]\n"
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Path scalar = Files.writeString(
                dir.resolve("scalar.yaml"), "rules:\n  - id: r\n    title: \"" + "A".repeat(5 << 20) + "\"\n");

        Cli.Result r = Cli.run("rules", "check", regex, parens, alias, latin1, scalar);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        var lines = r.err().lines().collect(Collectors.toList());
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith(regex + ":8:").contains("over the limit of 10000");
        assertThat(lines.get(1)).startsWith(parens + ":9:").contains("deeper than 64");
        assertThat(lines.get(2)).startsWith(alias + ":6:").contains("anchors (&names) are not supported");
        assertThat(lines.get(3)).startsWith(latin1 + ":4:").contains("not valid UTF-8: byte 0xE9 at byte offset 52");
        assertThat(lines.get(4))
                .isEqualTo(scalar + ":1:1: the document is over 4194304 bytes "
                        + "(RuleDocuments.MAX_DOCUMENT_BYTES); split it into several documents");
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
