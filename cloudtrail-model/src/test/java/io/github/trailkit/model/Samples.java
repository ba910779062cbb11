package io.github.trailkit.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Test resources and JSON-tree comparison shared by the model tests. */
final class Samples {
    private Samples() {}

    /**
     * Whether the tests run on a jackson-core 2.x older than 2.{@code minor} (the build runs the conformance tests on
     * the Jackson versions users have): some error offsets are Jackson's own and moved between versions.
     */
    static boolean jacksonBefore(int minor) {
        com.fasterxml.jackson.core.Version v = com.fasterxml.jackson.core.json.PackageVersion.VERSION;
        return v.getMajorVersion() == 2 && v.getMinorVersion() < minor;
    }

    /** Reads JSON keeping every number exact. */
    static final ObjectMapper EXACT = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    /** Equal trees: same members and elements, strings equal, numbers of equal value (9.82222E-5 = 0.0000982222). */
    static final Comparator<JsonNode> SAME_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    static boolean sameTree(JsonNode expected, JsonNode actual) {
        return expected.equals(SAME_VALUE, actual);
    }

    static JsonNode tree(String json) {
        try {
            return EXACT.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path resource(String name) {
        try {
            return Path.of(Samples.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The AWS documentation samples that are valid JSON records or log files. */
    static List<Path> validRecordSamples() {
        return list("samples/cloudtrail", "samples/cloudtrail-current").stream()
                .filter(p -> !p.getFileName().toString().contains("INVALID-JSON"))
                .collect(Collectors.toList());
    }

    /** The AWS documentation samples that are not valid JSON as published. */
    static List<Path> invalidJsonSamples() {
        return list("samples/cloudtrail").stream()
                .filter(p -> p.getFileName().toString().contains("INVALID-JSON"))
                .collect(Collectors.toList());
    }

    static List<Path> realLogs() {
        return list("real-logs/stratus-red-team", "real-logs/otrf-security-datasets").stream()
                .filter(p -> p.getFileName().toString().endsWith(".json.gz"))
                .collect(Collectors.toList());
    }

    static List<Path> list(String... dirs) {
        return Stream.of(dirs)
                .flatMap(d -> {
                    try (Stream<Path> s = Files.list(resource(d))) {
                        return s.sorted().collect(Collectors.toList()).stream();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .collect(Collectors.toList());
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
