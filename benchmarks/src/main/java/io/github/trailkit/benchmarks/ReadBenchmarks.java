package io.github.trailkit.benchmarks;

import com.amazonaws.services.cloudtrail.processinglibrary.model.CloudTrailEvent;
import com.amazonaws.services.cloudtrail.processinglibrary.serializer.DefaultEventSerializer;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailLog;
import io.github.trailkit.model.CloudTrailReader;
import io.github.trailkit.model.CloudTrailRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One gzip log file ({@link BenchData#FILE_RECORDS} records) read from memory by each contender; one operation is one
 * record, so the scores are records per second.
 */
public class ReadBenchmarks extends JmhSettings {
    private byte[] gzip;
    private ObjectMapper mapper;
    private CloudTrailReader reader;

    @Setup
    public void setup() {
        gzip = BenchData.gzipLog();
        mapper = new ObjectMapper();
        reader = CloudTrail.reader();
    }

    private GZIPInputStream gunzipping() throws IOException {
        return new GZIPInputStream(new ByteArrayInputStream(gzip));
    }

    /** The floor: inflate and tokenize every byte, building nothing. */
    @Benchmark
    @OperationsPerInvocation(BenchData.FILE_RECORDS)
    public long floor() throws IOException {
        long tokens = 0;
        // the compressed bytes read 64 KiB at a time, as trailkit's reader does (the default, 512 bytes, makes the
        // floor about 3% slower)
        try (JsonParser p =
                mapper.getFactory().createParser(new GZIPInputStream(new ByteArrayInputStream(gzip), 1 << 16))) {
            while (p.nextToken() != null) {
                tokens++;
            }
        }
        return tokens;
    }

    /** The naive way: a databind tree of the whole file. */
    @Benchmark
    @OperationsPerInvocation(BenchData.FILE_RECORDS)
    public void naiveReadTree(Blackhole bh) throws IOException {
        JsonNode root = mapper.readTree(gunzipping());
        for (JsonNode r : root.get("Records")) {
            bh.consume(r.get("eventName"));
        }
    }

    /**
     * AWS's CloudTrail Processing Library, the way its {@code EventReader} parses an object: a {@code
     * DefaultEventSerializer} over a Jackson parser on the gunzipped bytes.
     */
    @Benchmark
    @OperationsPerInvocation(BenchData.FILE_RECORDS)
    public void processingLibrary(Blackhole bh) throws IOException {
        JsonParser parser = mapper.getFactory().createParser(gunzipping());
        DefaultEventSerializer events = new DefaultEventSerializer(
                new com.amazonaws.services.cloudtrail.processinglibrary.model.CloudTrailLog("bucket", "key"), parser);
        try {
            while (events.hasNextEvent()) {
                CloudTrailEvent e = events.getNextEvent();
                bh.consume(e.getEventData().getEventName());
                bh.consume(e.getEventData().getUserIdentity().getIdentityType());
            }
        } finally {
            events.close();
        }
    }

    /** trailkit: gzip to typed records. */
    @Benchmark
    @OperationsPerInvocation(BenchData.FILE_RECORDS)
    public void trailkitRead(Blackhole bh) {
        try (CloudTrailLog log = reader.read(gzip, "bench")) {
            for (CloudTrailRecord r : log) {
                bh.consume(r);
            }
        }
    }

    /** trailkit: gzip to typed records, inflating and parsing on the calling thread alone (the one-core path). */
    @Benchmark
    @OperationsPerInvocation(BenchData.FILE_RECORDS)
    public void trailkitReadOneThread(Blackhole bh) {
        try (CloudTrailLog log = reader.inflateOn(Runnable::run).read(gzip, "bench")) {
            for (CloudTrailRecord r : log) {
                bh.consume(r);
            }
        }
    }
}
