package io.github.trailkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record with a field that cannot be read is printed and scanned, the field reported on stderr as a warning (not a
 * problem: exit 0); {@code --strict-fields} skips it as a problem instead. Damaged JSON costs its record only.
 */
class BadFieldsCommandTest {
    @TempDir
    Path dir;

    private static final String A =
            "{\"eventVersion\":\"1.08\",\"eventID\":\"a\",\"eventSource\":\"organizations.amazonaws.com\","
                    + "\"eventName\":\"LeaveOrganization\",\"eventTime\":\"redacted\"}";
    private static final String B = "{\"eventVersion\":\"1.08\",\"eventID\":\"b\",\"eventName\":\"B\"}";

    @Test
    void aBadField_isAWarning_andTheRecordIsPrintedAndScanned() throws IOException {
        Path log = Files.writeString(dir.resolve("a.json"), "{\"Records\":[" + A + "," + B + "]}");
        Cli.Result r = Cli.run("records", log);
        assertThat(r.exit()).isZero();
        assertThat(r.lines()).hasSize(2);
        assertThat(r.json().get(0).get("eventTime").asText()).isEqualTo("redacted");
        assertThat(r.err())
                .isEqualTo("warning: " + log + ": record 0 at byte 12: /Records/0/eventTime: expected an"
                        + " ISO 8601 time with a zone such as 2024-01-31T23:59:59Z, found \"redacted\" (the record was read,"
                        + " this value kept as it came)\n");

        Path rules = Files.writeString(
                dir.resolve("rules.yaml"),
                "rules:\n  - id: leave-org\n    title: Leave\n"
                        + "    severity: HIGH\n    pattern:\n      eventName: [LeaveOrganization]\n");
        Cli.Result scan = Cli.run("scan", "--rules", rules, log);
        assertThat(scan.lines()).hasSize(1);
        assertThat(scan.lines().get(0)).contains("\"ruleId\":\"leave-org\"");

        Cli.Result strict = Cli.run("records", "--strict-fields", log);
        assertThat(strict.exit()).isEqualTo(1);
        assertThat(strict.lines()).hasSize(1);
        assertThat(strict.err())
                .contains(log + ": record 0 at byte 12: /Records/0/eventTime: ")
                .doesNotContain("warning");
    }

    @Test
    void damagedJson_costsItsRecordOnly() throws IOException {
        Path log = Files.writeString(
                dir.resolve("d.json"),
                "{\"Records\":[" + B + "," + B.replace("\"B\"}", "\"B\"x}") + "," + B.replace("\"b\"", "\"c\"") + "]}");
        Cli.Result r = Cli.run("records", log);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.lines()).hasSize(2);
        assertThat(r.err()).contains(log + ": record 1 at byte ").contains("reading on at the next record");
    }
}
