package io.github.trailkit.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Runs the command in-process, and the files and JSON comparison the CLI tests share. */
final class Cli {
    private Cli() {}

    /** The bundled sample log (SNS CreateTopic, then GetTopicAttributes), at the root of the project. */
    static final Path SAMPLE = Path.of(
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

    /** Real logs in the model's test resources: gzip'd Stratus Red Team detonation logs. */
    static final Path STRATUS =
            Path.of("..", "cloudtrail-model", "src", "test", "resources", "real-logs", "stratus-red-team");

    /** The seed rule document of the rules module's tests. */
    static final Path SNS_RULES =
            Path.of("..", "cloudtrail-rules", "src", "test", "resources", "documents", "sns-rules.yaml");

    /** Reads JSON keeping every number exact. */
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    /** Numbers of equal value are equal (9.82222E-5 = 0.0000982222); anything else as {@link JsonNode#equals}. */
    static final Comparator<JsonNode> SAME_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    /** What a run printed and returned. */
    record Result(int exit, String out, String err) {
        List<String> lines() {
            return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n"));
        }

        List<JsonNode> json() {
            List<JsonNode> trees = new ArrayList<>();
            for (String line : lines()) {
                trees.add(tree(line));
            }
            return trees;
        }
    }

    static Result run(Object... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] strings = Arrays.stream(args).map(String::valueOf).toArray(String[]::new);
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = CloudTrailCommand.run(strings, o, e);
        }
        return new Result(
                exit,
                out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"),
                err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(json, e);
        }
    }

    /** The {@code Records} elements of a log file, gzip'd or not. */
    static List<JsonNode> records(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length > 1 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                bytes = in.readAllBytes();
            }
        }
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(bytes).get("Records").forEach(out::add);
        return out;
    }

    static Path copy(Path from, Path dir) throws IOException {
        Files.createDirectories(dir);
        return Files.copy(from, dir.resolve(from.getFileName().toString()));
    }
}
