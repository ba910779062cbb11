package io.github.trailkit.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Where the time of reading one record from its JSON text goes, step by step, on the texts of {@link
 * MatchBenchmarks}: encoding the {@code String} to UTF-8, setting up and closing a Jackson parser, Jackson's bare
 * token pass over the bytes, and trailkit's whole {@code readRecord} (which does all three and builds the record). One
 * operation is one record. Not part of {@link Report}; run with {@code java -jar benchmarks/target/benchmarks.jar
 * JsonTextBenchmarks}.
 */
public class JsonTextBenchmarks extends JmhSettings {
    private String[] texts;
    private byte[][] utf8;
    private JsonFactory jackson;
    private CloudTrailReader reader;

    @Setup
    public void setup() {
        List<String> all = BenchData.recordTexts(BenchData.TEXT_RECORDS);
        texts = all.toArray(new String[0]);
        utf8 = new byte[texts.length][];
        for (int i = 0; i < texts.length; i++) {
            utf8[i] = texts[i].getBytes(StandardCharsets.UTF_8);
        }
        // as the reader's: canonical member names, not interned
        jackson = JsonFactory.builder()
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                .build();
        reader = CloudTrail.reader();
    }

    /** The text as UTF-8 bytes, as the reader needs it. */
    @Benchmark
    @OperationsPerInvocation(BenchData.TEXT_RECORDS)
    public long utf8Bytes() {
        long n = 0;
        for (String t : texts) {
            n += t.getBytes(StandardCharsets.UTF_8).length;
        }
        return n;
    }

    /** A Jackson parser over the bytes, set up and closed without reading a token. */
    @Benchmark
    @OperationsPerInvocation(BenchData.TEXT_RECORDS)
    public void parserSetUp(Blackhole bh) throws IOException {
        for (byte[] b : utf8) {
            JsonParser p = jackson.createParser(b);
            bh.consume(p);
            p.close();
        }
    }

    /** Jackson's token pass over the bytes, building nothing: the floor of reading a record from its bytes. */
    @Benchmark
    @OperationsPerInvocation(BenchData.TEXT_RECORDS)
    public long tokenPass() throws IOException {
        long tokens = 0;
        for (byte[] b : utf8) {
            try (JsonParser p = jackson.createParser(b)) {
                while (p.nextToken() != null) {
                    tokens++;
                }
            }
        }
        return tokens;
    }

    /** trailkit's {@code readRecord} of the text: encoding, parser, token pass and the typed record. */
    @Benchmark
    @OperationsPerInvocation(BenchData.TEXT_RECORDS)
    public void trailkitReadRecord(Blackhole bh) {
        for (String t : texts) {
            bh.consume(reader.readRecord(t));
        }
    }
}
