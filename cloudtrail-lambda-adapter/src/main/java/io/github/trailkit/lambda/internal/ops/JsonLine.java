package io.github.trailkit.lambda.internal.ops;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.trailkit.model.SafeText;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * One JSON log line: {@code level}, {@code message}, then the fields in order, escaped so that nothing a log or key
 * holds can start a line or reach a terminal raw.
 *
 * <pre>{@code
 * JsonLine.of("ERROR", "object failed for good", Map.of("bucket", "b"));
 * // {"level":"ERROR","message":"object failed for good","bucket":"b"}
 * }</pre>
 */
public final class JsonLine {
    private static final JsonFactory JSON = new JsonFactory();

    private JsonLine() {}

    /** The line for these parts, without its line break. Null values are left out; numbers stay numbers. */
    public static String of(String level, String message, Map<String, ?> fields) {
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
}
