package io.github.trailkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailLog;
import io.github.trailkit.model.CloudTrailRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordsCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsEveryRecordOfADirectoryOfGzipLogsAsTheSameJsonTree() throws IOException {
        // real logs, the bundled sample in a nested folder, and a log written by the library's gzip writer
        List<Path> stratus;
        try (Stream<Path> s = Files.list(Cli.STRATUS)) {
            stratus = s.filter(p -> p.toString().endsWith(".json.gz"))
                    .sorted()
                    .limit(6)
                    .collect(Collectors.toList());
        }
        assertThat(stratus).hasSize(6);
        for (Path p : stratus) {
            Cli.copy(p, dir.resolve("stratus"));
        }
        Cli.copy(Cli.SAMPLE, dir.resolve("AWSLogs/123456789012/CloudTrail/us-east-2/2015/01/24"));
        List<CloudTrailRecord> sample;
        try (CloudTrailLog log = CloudTrail.reader().read(Cli.SAMPLE)) {
            sample = log.stream().collect(Collectors.toList());
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve("written.json.gz"))) {
            CloudTrail.writer().gzip(true).writeLog(sample, out);
        }
        Files.writeString(dir.resolve("README.md"), "not a log: ignored in a directory");

        List<Path> expectedOrder;
        try (Stream<Path> s = Files.walk(dir)) {
            expectedOrder =
                    s.filter(p -> p.toString().endsWith(".json.gz")).sorted().collect(Collectors.toList());
        }
        List<JsonNode> expected = new ArrayList<>();
        for (Path p : expectedOrder) {
            expected.addAll(Cli.records(p));
        }

        Cli.Result r = Cli.run("records", dir);

        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        List<JsonNode> printed = r.json();
        assertThat(printed).hasSize(expected.size()).hasSizeGreaterThan(20);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(printed.get(i).equals(Cli.SAME_VALUE, expected.get(i)))
                    .as("record %d: %s", i, r.lines().get(i))
                    .isTrue();
        }
    }

    @Test
    void readsAFileNamedExplicitlyWhateverItsName() throws IOException {
        Path odd = Files.copy(Cli.SAMPLE, dir.resolve("log.bin"));

        Cli.Result r = Cli.run("records", odd);

        assertThat(r.exit()).isZero();
        assertThat(r.json())
                .extracting(n -> n.get("eventName").asText())
                .containsExactly("CreateTopic", "GetTopicAttributes");
    }

    @Test
    void skipsABadRecordReportingFileIndexAndOffsetAndPrintsTheOthers() throws IOException {
        String good0 = "{\"eventVersion\":\"1.08\",\"eventName\":\"A\",\"eventID\":\"e0\"}";
        String bad = "{\"eventVersion\":\"1.08\",\"eventName\":\"B\",\"readOnly\":\"yes\"}";
        String good2 = "{\"eventVersion\":\"1.08\",\"eventName\":\"C\",\"eventID\":\"e2\"}";
        String log = "{\"Records\":[" + good0 + "," + bad + "," + good2 + "]}";
        Path file = dir.resolve("bad.json");
        Files.writeString(file, log);
        Files.copy(Cli.SAMPLE, dir.resolve("next.json.gz"));

        // a bad field costs its record only with --strict-fields (by default it is a warning: BadFieldsCommandTest)
        Cli.Result r = Cli.run("records", "--strict-fields", dir);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.json())
                .extracting(n -> n.get("eventName").asText())
                .containsExactly("A", "C", "CreateTopic", "GetTopicAttributes");
        assertThat(r.json().get(0)).isEqualTo(Cli.tree(good0));
        int offset = log.indexOf(bad); // ASCII: characters are bytes
        assertThat(r.err().lines().collect(Collectors.toList()))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith(file + ": record 1 at byte " + offset + ": ")
                        .contains("/Records/1/readOnly"));
    }

    @Test
    void printsTheRecordsBeforeTheDamageOfATruncatedGzipAndReadsTheNextFile() throws IOException {
        Path whole = Cli.STRATUS.resolve("aws.credential-access.ec2-get-password-data.json.gz");
        byte[] gz = Files.readAllBytes(whole);
        Path truncated = dir.resolve("a-truncated.json.gz");
        Files.write(truncated, Arrays.copyOf(gz, gz.length / 2));
        Path next = dir.resolve("b-next.json.gz");
        Files.copy(Cli.SAMPLE, next);
        List<JsonNode> all = Cli.records(whole);

        Cli.Result r = Cli.run("records", dir);

        assertThat(r.exit()).isEqualTo(1);
        List<JsonNode> printed = r.json();
        assertThat(printed.size()).isBetween(3, all.size() - 1);
        int before = printed.size() - 2;
        for (int i = 0; i < before; i++) {
            assertThat(printed.get(i).equals(Cli.SAME_VALUE, all.get(i)))
                    .as("record %d", i)
                    .isTrue();
        }
        assertThat(printed.subList(before, printed.size()))
                .extracting(n -> n.get("eventName").asText())
                .containsExactly("CreateTopic", "GetTopicAttributes");
        assertThat(r.err().lines().collect(Collectors.toList()))
                .singleElement()
                .satisfies(line -> assertThat(line).startsWith(truncated + ": ").contains("truncated"));
    }

    @Test
    void reportsAFileThatIsNotALogAndReadsTheNext() throws IOException {
        Path digest = dir.resolve("a-digest.json");
        Files.writeString(digest, "{\"digestStartTime\":\"2024-01-01T00:00:00Z\",\"logFiles\":[]}");
        Files.copy(Cli.SAMPLE, dir.resolve("b.json.gz"));

        Cli.Result r = Cli.run("records", dir);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.lines()).hasSize(2);
        assertThat(r.err()).startsWith(digest.toString()).contains("digest file");
    }

    @Test
    void aMissingPathIsAUsageErrorAndNothingIsRead() {
        Path missing = dir.resolve("nope.json.gz");

        Cli.Result r = Cli.run("records", Cli.SAMPLE, missing);

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(missing.toString()).contains("no such file or directory");
    }

    @Test
    void noPathIsAUsageError() {
        Cli.Result r = Cli.run("records");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("PATH");
    }

    @Test
    void writesUtf8WhateverThePlatformCharset() throws IOException {
        String rec =
                "{\"eventVersion\":\"1.08\",\"eventName\":\"Put\",\"requestParameters\":{\"key\":\"r\u00e9sum\u00e9 \u6587\u4ef6 \ud83d\ude80\"}}";
        Path file = dir.resolve("utf8.json");
        Files.writeString(file, "{\"Records\":[" + rec + "]}", StandardCharsets.UTF_8);

        Cli.Result r = Cli.run("records", file);

        assertThat(r.exit()).isZero();
        assertThat(r.json()).singleElement().isEqualTo(Cli.tree(rec));
    }
}
