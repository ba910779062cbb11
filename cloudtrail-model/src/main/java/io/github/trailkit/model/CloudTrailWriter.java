package io.github.trailkit.model;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.trailkit.model.internal.Json;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;

/**
 * Writes records back to CloudTrail JSON: one record, or whole {@code {"Records":[...]}} log files, optionally
 * gzip-compressed as CloudTrail delivers them.
 *
 * <p>What a reader read, a writer writes back as the same JSON tree: every member is kept, unknown ones included,
 * {@code null} stays {@code null}, and numbers keep their exact value. A writer is an immutable configuration and safe
 * to share.
 *
 * <pre>{@code
 * String line = CloudTrail.writer().toJson(record);
 *
 * try (OutputStream out = Files.newOutputStream(Path.of("filtered.json.gz"))) {
 *     CloudTrail.writer().gzip(true).writeLog(records, out);
 * }
 * }</pre>
 */
public final class CloudTrailWriter {
    private static final CloudTrailWriter PLAIN = new CloudTrailWriter(false);
    private static final CloudTrailWriter GZIP = new CloudTrailWriter(true);

    private final boolean gzip;

    private CloudTrailWriter(boolean gzip) {
        this.gzip = gzip;
    }

    static CloudTrailWriter defaults() {
        return PLAIN;
    }

    /** A writer like this one that gzip-compresses log files (single records are never compressed). */
    public CloudTrailWriter gzip(boolean compress) {
        return compress ? GZIP : PLAIN;
    }

    /** One record as compact JSON text, on one line. */
    public String toJson(CloudTrailRecord record) {
        return RecordCodec.toJson(Objects.requireNonNull(record, "record"));
    }

    /** Writes one record as compact JSON to {@code out}, without a line break; does not close {@code out}. */
    public void writeRecord(CloudTrailRecord record, OutputStream out) {
        Objects.requireNonNull(record, "record");
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            RecordCodec.write(record, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes one record as a JSON object into a generator the caller controls (its own {@code ObjectMapper}'s, a
     * pretty printer, a message being built), as the value at the generator's position; does not flush or close it.
     *
     * <pre>{@code
     * try (JsonGenerator g = mapper.createGenerator(out)) {
     *     g.writeStartObject();
     *     g.writeFieldName("record");
     *     CloudTrail.writer().writeRecord(record, g);
     *     g.writeEndObject();
     * }
     * }</pre>
     */
    public void writeRecord(CloudTrailRecord record, JsonGenerator generator) throws IOException {
        RecordCodec.write(Objects.requireNonNull(record, "record"), Objects.requireNonNull(generator, "generator"));
    }

    /** Writes a whole log file holding {@code records}; does not close {@code out}. */
    public void writeLog(Iterable<CloudTrailRecord> records, OutputStream out) {
        try (LogFileWriter w = new LogFileWriter(out, gzip, false)) {
            for (CloudTrailRecord r : records) {
                w.write(r);
            }
        }
    }

    /**
     * Starts a log file to write record by record, in constant memory; closing the returned writer ends the file and
     * closes {@code out}.
     */
    public LogFileWriter openLog(OutputStream out) {
        return new LogFileWriter(out, gzip, true);
    }

    /**
     * A log file being written: {@link #write} records, then {@link #close()}.
     *
     * <pre>{@code
     * try (CloudTrailWriter.LogFileWriter log = CloudTrail.writer().gzip(true).openLog(out)) {
     *     records.forEach(log::write);
     * }
     * }</pre>
     */
    public static final class LogFileWriter implements Closeable {
        private final OutputStream target;
        private final GZIPOutputStream compressor;
        private final JsonGenerator generator;
        private final boolean closeTarget;

        LogFileWriter(OutputStream out, boolean gzip, boolean closeTarget) {
            this.target = Objects.requireNonNull(out, "out");
            this.closeTarget = closeTarget;
            try {
                this.compressor = gzip ? new GZIPOutputStream(out, 1 << 16) : null;
                this.generator = Json.FACTORY.createGenerator(gzip ? compressor : out);
                generator.writeStartObject();
                generator.writeArrayFieldStart("Records");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Appends one record. */
        public void write(CloudTrailRecord record) {
            try {
                RecordCodec.write(Objects.requireNonNull(record, "record"), generator);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Ends the {@code Records} array and the file (and the gzip stream). */
        @Override
        public void close() {
            try {
                generator.writeEndArray();
                generator.writeEndObject();
                generator.close();
                if (compressor != null) {
                    compressor.finish();
                }
                if (closeTarget) {
                    target.close();
                } else {
                    target.flush();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
