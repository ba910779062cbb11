package io.github.trailkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan --threads N} prints the same lines, in the same order, whatever N. */
class ScanThreadsTest {
    private static final String[] EVENTS = {
        "sns.amazonaws.com:CreateTopic", "sns.amazonaws.com:GetTopicAttributes", "s3.amazonaws.com:GetObject",
        "iam.amazonaws.com:CreateUser", "sns.amazonaws.com:DeleteTopic", "ec2.amazonaws.com:RunInstances"
    };

    @TempDir
    Path dir;

    Path logs;

    @BeforeEach
    void files() throws IOException {
        logs = dir.resolve("logs");
        Files.createDirectories(logs);
        for (int file = 0; file < 7; file++) {
            // files of different sizes, so that a later file can finish before an earlier one
            int records = 200 + 900 * ((file * 5) % 7);
            byte[] gzip = gzip(log(file, records));
            if (file == 4) {
                gzip = java.util.Arrays.copyOf(gzip, gzip.length / 2); // damaged: cut in the middle
            }
            Files.write(logs.resolve(String.format("log-%02d.json.gz", file)), gzip);
        }
    }

    @Test
    void twoThreadsPrintTheSameLinesAsOne() {
        Cli.Result one = Cli.run("scan", "--threads", 1, "--rules", Cli.SNS_RULES, logs);
        Cli.Result two = Cli.run("scan", "--threads", 2, "--rules", Cli.SNS_RULES, logs);
        Cli.Result four = Cli.run("scan", "--threads", 4, "--rules", Cli.SNS_RULES, logs);

        assertThat(one.exit()).isEqualTo(1); // the damaged file and the invalid records are problems
        assertThat(one.lines()).hasSizeGreaterThan(100);
        assertThat(one.err()).contains("log-04.json.gz").contains("log-01.json.gz: record 3 at byte ");
        assertThat(two.exit()).isEqualTo(one.exit());
        assertThat(two.lines()).isEqualTo(one.lines());
        assertThat(withoutTime(two.err())).isEqualTo(withoutTime(one.err()));
        assertThat(four.lines()).isEqualTo(one.lines());
        assertThat(withoutTime(four.err())).isEqualTo(withoutTime(one.err()));
        assertThat(withoutTime(one.err())).contains("scanned 7 files, ");
    }

    @Test
    void threadsMustBeAtLeastOne() { // and at most 256: HostileInputCliTest
        Cli.Result r = Cli.run("scan", "--threads", 0, "--rules", Cli.SNS_RULES, logs);

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--threads must be between 1 and 256, not 0");
        assertThat(r.out()).isEmpty();
    }

    /** The summary without its time and rate, which differ between runs. */
    private static String withoutTime(String err) {
        return err.replaceAll(" in \\d+\\.\\d{3} s \\(\\d+ records/s\\)", "");
    }

    private static String log(int file, int records) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            String[] event = EVENTS[(i * 7 + file) % EVENTS.length].split(":");
            if (i % 97 == 3) {
                out.add("{\"eventVersion\":\"1.08\",\"readOnly\":\"yes\"}"); // an invalid record: a problem
                continue;
            }
            out.add(String.format(
                    "{\"eventVersion\":\"1.08\",\"eventTime\":\"2024-01-01T00:%02d:%02dZ\","
                            + "\"eventSource\":\"%s\",\"eventName\":\"%s\",\"awsRegion\":\"us-east-1\","
                            + "\"eventID\":\"file-%d-record-%d\",\"recipientAccountId\":\"123456789012\"}",
                    (i / 60) % 60, i % 60, event[0], event[1], file, i));
        }
        return "{\"Records\":[" + String.join(",", out) + "]}";
    }

    private static byte[] gzip(String json) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
