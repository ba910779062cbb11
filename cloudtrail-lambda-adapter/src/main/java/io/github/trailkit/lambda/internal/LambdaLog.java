package io.github.trailkit.lambda.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.trailkit.lambda.internal.ops.LogOutput;
import io.github.trailkit.model.SafeText;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The handler's structured log: one JSON object per line on standard output, which Lambda ships to CloudWatch Logs
 * where Logs Insights can select on any member ({@code fields level, reason, bucket, key | filter level = "ERROR"}).
 *
 * <pre>{@code
 * {"level":"ERROR","message":"object failed for good","requestId":"c6af9ac6-...","bucket":"b","key":"AWSLogs/...",
 *  "reason":"not a CloudTrail log: ..."}
 * }</pre>
 *
 * <p>Every line is run through {@link SafeText#escape(CharSequence)}: nothing a log or key holds can start a line or
 * reach a terminal raw. Thread-safe: each line is written whole.
 */
public final class LambdaLog {
    private static final JsonFactory JSON = new JsonFactory();

    private final Supplier<PrintStream> out;
    private final LogOutput output;

    /** A log writing to {@code out}; the supplier is asked at each line (Lambda's runtime may replace System.out). */
    public LambdaLog(Supplier<PrintStream> out) {
        this.out = out;
        this.output = null;
    }

    /** A log writing to this output (Lambda's log level and format, or SLF4J; see {@code LogSettings}). */
    public LambdaLog(LogOutput output) {
        this.out = null;
        this.output = output;
    }

    /** Writes an {@code INFO} line. */
    public void info(String message, Map<String, ?> fields) {
        write("INFO", message, fields);
    }

    /** Writes a {@code WARN} line. */
    public void warn(String message, Map<String, ?> fields) {
        write("WARN", message, fields);
    }

    /** Writes an {@code ERROR} line. */
    public void error(String message, Map<String, ?> fields) {
        write("ERROR", message, fields);
    }

    /** The line for these parts, without its line break. Null values are left out; numbers stay numbers. */
    public static String line(String level, String message, Map<String, ?> fields) {
        StringWriter text = new StringWriter(128);
        try (JsonGenerator g = JSON.createGenerator(text)) {
            g.writeStartObject();
            g.writeStringField("level", level);
            g.writeStringField("message", message);
            for (Map.Entry<String, ?> e : fields.entrySet()) {
                Object v = e.getValue();
                if (v == null) {
                    continue;
                }
                g.writeFieldName(e.getKey());
                if (v instanceof Long || v instanceof Integer) {
                    g.writeNumber(((Number) v).longValue());
                } else if (v instanceof Boolean b) {
                    g.writeBoolean(b);
                } else {
                    g.writeString(v.toString());
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // JSON escapes the C0 controls; the escape also covers what it writes raw (C1 and bidirectional controls,
        // U+2028, U+2029, unpaired surrogates), and the line stays the same JSON
        return SafeText.escape(text.toString());
    }

    private void write(String level, String message, Map<String, ?> fields) {
        if (output != null) {
            if (output.enabled(level)) {
                output.write(level, message, fields);
            }
            return;
        }
        String line = line(level, message, fields);
        PrintStream target = out.get();
        synchronized (target) {
            target.println(line);
        }
    }
}
