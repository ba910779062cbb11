package io.github.trailkit.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The floor as a process: every {@code .json.gz} file of a directory inflated and passed over by Jackson's token
 * parser, one thread, building nothing; prints the records (objects directly in a {@code Records} array) and tokens.
 * The cold command-line rows of the report compare {@code cloudtrail} runs to runs of this.
 */
public final class FloorProcess {
    private FloorProcess() {}

    public static void main(String[] args) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of(args[0]))) {
            files = s.filter(f -> f.toString().endsWith(".json.gz")).sorted().toList();
        }
        JsonFactory factory = new JsonFactory();
        long records = 0;
        long tokens = 0;
        for (Path f : files) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(f), 1 << 16);
                    JsonParser p = factory.createParser(in)) {
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    tokens++;
                    if (t == JsonToken.START_OBJECT
                            && p.getParsingContext().getParent().inArray()) {
                        records++;
                    }
                }
            }
        }
        System.out.println("records " + records + " tokens " + tokens);
    }
}
