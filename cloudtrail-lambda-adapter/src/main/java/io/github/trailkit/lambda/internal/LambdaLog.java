package io.github.trailkit.lambda.internal;

import io.github.trailkit.lambda.internal.ops.JsonLine;
import io.github.trailkit.lambda.internal.ops.LogOutput;
import io.github.trailkit.model.SafeText;
import java.io.PrintStream;
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
        return JsonLine.of(level, message, fields);
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
