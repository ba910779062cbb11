package io.github.trailkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.trailkit.model.CloudTrailLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What a hostile file, file name or argument can do to the command line: nothing beyond a reported problem. */
class HostileInputCliTest {
    private static final String TOPIC =
            "{\"eventVersion\":\"1.08\",\"eventSource\":\"sns.amazonaws.com\",\"eventName\":\"CreateTopic\","
                    + "\"eventID\":\"ID\"}";

    @TempDir
    Path dir;

    @Test
    void problemsPastTheCapAreCountedAndTheLastGoodRecordIsStillPrinted() throws IOException {
        int bad = CloudTrailLog.MAX_PROBLEMS_KEPT + 2500;
        StringBuilder sb = new StringBuilder("{\"Records\":[");
        for (int i = 0; i < bad; i++) {
            sb.append("1,");
        }
        sb.append(TOPIC).append("]}");
        Path file = Files.writeString(dir.resolve("many-bad.json"), sb);

        Cli.Result r = Cli.run("records", file);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.json())
                .singleElement()
                .satisfies(n -> assertThat(n.get("eventID").asText()).isEqualTo("ID"));
        List<String> err = List.of(r.err().split("\n"));
        assertThat(err).hasSize(CloudTrailLog.MAX_PROBLEMS_KEPT + 1);
        assertThat(err.get(0)).startsWith(file + ": record 0 at byte 12: /Records/0: a record must be an object");
        assertThat(err.get(err.size() - 1))
                .isEqualTo(
                        file + ": 2500 more invalid records skipped, not listed (only the first 1000 of a file are)");
    }

    @Test
    void scanCountsEveryProblemInItsSummaryEvenThoseNotListed() throws IOException {
        StringBuilder sb = new StringBuilder("{\"Records\":[");
        for (int i = 0; i < CloudTrailLog.MAX_PROBLEMS_KEPT + 5; i++) {
            sb.append("[],");
        }
        sb.append(TOPIC).append("]}");
        Path file = Files.writeString(dir.resolve("many-bad.json"), sb);
        Path rules = Files.writeString(
                dir.resolve("r.yaml"),
                "rules:\n  - id: t\n    title: t\n    severity: LOW\n    pattern:\n      eventName: [CreateTopic]\n");

        Cli.Result r = Cli.run("scan", "--threads", "1", "--rules", rules, file);

        assertThat(r.json()).hasSize(1);
        assertThat(r.err())
                .contains(file + ": 5 more invalid records skipped")
                .contains("scanned 1 file, 1 record: 1 finding, 1005 problems");
    }

    @Test
    void controlAndBidiCharactersInRecordsAndFileNamesNeverReachTheOutputRaw() throws IOException {
        // a member name and field values that try to end the line, print a fake summary and set the terminal title
        String forged = "x\\n\\u001b]0;owned\\u0007scanned 9 files\\u2028\\u202e\\u0085";
        String record =
                "{\"eventVersion\":\"1.08\",\"eventSource\":\"sns.amazonaws.com\",\"eventName\":\"CreateTopic\","
                        + "\"eventID\":\"" + forged + "\",\"requestParameters\":{\"" + forged + "\":\"\\ud800\"}}";
        String badRecord = "{\"eventVersion\":\"1.08\",\"readOnly\":\"" + forged + "\",\"" + forged + "\":1}";
        Path file = Files.writeString(
                dir.resolve("a\nscanned 0 files\u001b[2J\u202e.json"),
                "{\"Records\":[" + record + "," + badRecord + "]}");
        Path rules = Files.writeString(
                dir.resolve("r.yaml"),
                "rules:\n  - id: t\n    title: t\n    severity: LOW\n    pattern:\n      eventName: [CreateTopic]\n");

        // strict fields: the bad readOnly costs its record, a problem line; by default it is a warning line, exit 0
        for (Cli.Result r : List.of(
                Cli.run("records", "--strict-fields", dir),
                Cli.run("scan", "--strict-fields", "--rules", rules, dir),
                Cli.run("records", "--strict-fields", file),
                Cli.run("records", dir),
                Cli.run("scan", "--rules", rules, dir))) {
            assertThat(r.exit()).isEqualTo(r.err().contains("warning: ") ? 0 : 1);
            for (String text : List.of(r.out(), r.err())) {
                assertThat(text).doesNotContain("\u001b", "\u0007", "\u2028", "\u202e", "\u0085", "\r", "\ufffd", "?");
                assertThat(text.split("\n")).allSatisfy(line -> assertThat(line).doesNotStartWith("scanned 0"));
            }
            assertThat(r.err()).contains("a\\nscanned 0 files\\u001b[2J\\u202e.json");
            // stdout stays JSON, with the very values of the record
            for (JsonNode n : r.json()) {
                assertThat(n.toString()).contains("owned");
            }
        }
        JsonNode printed = Cli.run("records", file).json().get(0);
        assertThat(printed.get("eventID").asText())
                .isEqualTo("x\n\u001b]0;owned\u0007scanned 9 files\u2028\u202e\u0085");
        // a lone surrogate escape in a payload is written back as it came, not as "?"
        assertThat(Cli.run("records", file).out()).contains("\\ud800");
    }

    @Test
    void anUnlistableDirectoryIsReportedAndTheRestOfTheTreeIsRead() throws Exception {
        Path good = Files.writeString(dir.resolve("good.json"), "{\"Records\":[" + TOPIC + "]}");
        // a directory whose path is longer than the system allows: listing it fails, whoever runs the test
        Path deep = dir.resolve("z");
        Files.createDirectories(deep);
        String name = "d".repeat(250);
        String script = "cd '" + deep + "' && for i in $(seq 1 20); do mkdir " + name + " && cd " + name + "; done";
        Process p = new ProcessBuilder("bash", "-c", script).inheritIO().start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        try {
            Cli.Result r = Cli.run("records", dir);

            assertThat(r.json())
                    .singleElement()
                    .satisfies(n -> assertThat(n.get("eventID").asText()).isEqualTo("ID"));
            assertThat(r.err())
                    .startsWith("cloudtrail: cannot list " + deep + "/" + name + "/")
                    .endsWith(": File name too long\n");
            assertThat(r.exit()).isEqualTo(1);
            assertThat(good).exists();
        } finally {
            Process rm =
                    new ProcessBuilder("rm", "-rf", deep.toString()).inheritIO().start();
            assertThat(rm.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void threadsAreBoundedWithAUsageError() throws IOException {
        Path rules = Files.writeString(
                dir.resolve("r.yaml"),
                "rules:\n  - id: t\n    title: t\n    severity: LOW\n    pattern:\n      eventName: [CreateTopic]\n");
        Path file = Files.writeString(dir.resolve("a.json"), "{\"Records\":[" + TOPIC + "]}");
        for (String n : List.of("536870912", "20000", "257", "0")) {
            Cli.Result r = Cli.run("scan", "--threads", n, "--rules", rules, file);

            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).isEqualTo("cloudtrail scan: --threads must be between 1 and 256, not " + n + "\n");
        }
        assertThat(Cli.run("scan", "--threads", "256", "--rules", rules, file).json())
                .hasSize(1);
    }

    @Test
    void aNamedPipeThatNoProcessWritesToIsReportedAndTheOtherFilesRead() throws Exception {
        Path fifo = mkfifo("silent.json");
        Path good = Files.writeString(dir.resolve("good.json"), "{\"Records\":[" + TOPIC + "]}");
        long saved = LogFiles.openWaitMillis;
        LogFiles.openWaitMillis = 200;
        try {
            Cli.Result r = Cli.run("records", fifo, good);

            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.json()).hasSize(1);
            assertThat(r.err())
                    .isEqualTo("cloudtrail: " + fifo + ": cannot open: nothing to read after 200 ms (a named"
                            + " pipe that no process writes to?)\n");
        } finally {
            LogFiles.openWaitMillis = saved;
            new java.io.FileOutputStream(fifo.toFile()).close(); // lets the waiting open return
        }
    }

    @Test
    @Timeout(300) // a guard against a hang, not a measure: the wait below ends only if findings come out early
    void scanPrintsFindingsWhileTheFileIsStillBeingReadAndAPipeIsReadLikeAFile() throws Exception {
        // the log comes through a named pipe (as /dev/stdin would): findings must come out before its end is written
        Path fifo = mkfifo("live.json");
        Path rules = Files.writeString(
                dir.resolve("r.yaml"),
                "rules:\n  - id: t\n    title: t\n    severity: LOW\n    pattern:\n      eventName: [CreateTopic]\n");
        int before = 3000;
        java.util.concurrent.CountDownLatch seen = new java.util.concurrent.CountDownLatch(1);
        Thread writer = new Thread(() -> {
            try (java.io.OutputStream o = new java.io.FileOutputStream(fifo.toFile())) {
                o.write(utf8("{\"Records\":["));
                for (int i = 0; i < before; i++) {
                    o.write(utf8(TOPIC.replace("\"ID\"", "\"e" + i + "\"") + ","));
                }
                o.flush();
                seen.await(); // the rest of the file only once findings were seen
                o.write(utf8(TOPIC + "]}"));
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        writer.start();
        java.io.PipedInputStream piped = new java.io.PipedInputStream(1 << 16);
        java.io.PrintStream out =
                new java.io.PrintStream(new java.io.PipedOutputStream(piped), true, StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int[] exit = new int[1];
        Thread scan = new Thread(() -> {
            exit[0] = CloudTrailCommand.run(
                    new String[] {"scan", "--threads", "2", "--rules", rules.toString(), fifo.toString()},
                    out,
                    new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
            out.close();
        });
        scan.start();
        java.io.BufferedReader lines =
                new java.io.BufferedReader(new java.io.InputStreamReader(piped, StandardCharsets.UTF_8));
        List<String> printed = new java.util.ArrayList<>();
        while (printed.size() < 1000) {
            printed.add(lines.readLine());
        }
        assertThat(writer.isAlive()).isTrue(); // the file is not finished: these findings were printed as found
        seen.countDown();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            printed.add(line);
        }
        scan.join();
        writer.join();

        assertThat(exit[0]).isZero();
        assertThat(printed).hasSize(before + 1);
        for (int i = 0; i < before; i++) {
            assertThat(Cli.tree(printed.get(i)).get("eventID").asText()).isEqualTo("e" + i);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("scanned 1 file, 3001 records: 3001 findings");
    }

    private Path mkfifo(String name) throws Exception {
        Path fifo = dir.resolve(name);
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        return fifo;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
