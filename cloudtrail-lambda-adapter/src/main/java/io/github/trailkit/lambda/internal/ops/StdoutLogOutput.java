package io.github.trailkit.lambda.internal.ops;

import io.github.trailkit.model.SafeText;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Lines on standard output, which Lambda ships to CloudWatch Logs: JSON objects ({@code AWS_LAMBDA_LOG_FORMAT=JSON},
 * the default) or text ({@code Text}), at or above a minimum level ({@code AWS_LAMBDA_LOG_LEVEL}, default INFO).
 *
 * <p>A text line is {@code LEVEL message name=value ...}; a value with a space, a quote, an equals sign or a control
 * character is quoted, and line breaks and other control characters in it are escaped, so that nothing an object or
 * a record holds can start a line of its own. When Lambda's log format is JSON, each line also has a
 * {@code timestamp} (RFC 3339), which Lambda needs to apply its own level filter to application logs.
 */
public final class StdoutLogOutput implements LogOutput {
    private final Supplier<PrintStream> out;
    private final LogLevel minimum;
    private final boolean text;
    private final boolean timestamp;

    /**
     * @param out asked at each line (Lambda's runtime may replace System.out)
     * @param minimum the least severe level written
     * @param text text lines instead of JSON
     * @param timestamp whether a JSON line carries a {@code timestamp}
     */
    public StdoutLogOutput(Supplier<PrintStream> out, LogLevel minimum, boolean text, boolean timestamp) {
        this.out = out;
        this.minimum = minimum;
        this.text = text;
        this.timestamp = timestamp;
    }

    @Override
    public boolean enabled(String level) {
        return LogLevel.ofLine(level).compareTo(minimum) >= 0;
    }

    @Override
    public void write(String level, String message, Map<String, ?> fields) {
        String line;
        if (text) {
            line = textLine(level, message, fields);
        } else if (timestamp) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("timestamp", Instant.now().toString());
            f.putAll(fields);
            line = JsonLine.of(level, message, f);
        } else {
            line = JsonLine.of(level, message, fields);
        }
        PrintStream target = out.get();
        synchronized (target) {
            target.println(line);
        }
    }

    /** {@code LEVEL message name=value ...}, escaped: one line whatever the values hold. */
    public static String textLine(String level, String message, Map<String, ?> fields) {
        StringBuilder s = new StringBuilder(128);
        s.append(level).append(' ');
        escape(s, message, false);
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            s.append(' ');
            escape(s, e.getKey(), false);
            s.append('=');
            escape(s, e.getValue().toString(), true);
        }
        // the escape below also covers what the loop leaves raw: C1 and bidirectional controls, unpaired surrogates
        return SafeText.escape(s.toString());
    }

    private static void escape(StringBuilder s, String value, boolean quoteIfNeeded) {
        boolean quote = quoteIfNeeded
                && (value.isEmpty()
                        || value.chars().anyMatch(c -> c == ' ' || c == '"' || c == '=' || c < 0x20 || c == 0x7f));
        if (quote) {
            s.append('"');
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                case '\\' -> s.append("\\\\");
                case '"' -> s.append(quote ? "\\\"" : "\"");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        if (quote) {
            s.append('"');
        }
    }
}
