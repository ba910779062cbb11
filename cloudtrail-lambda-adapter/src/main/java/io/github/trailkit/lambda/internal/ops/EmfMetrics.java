package io.github.trailkit.lambda.internal.ops;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One CloudWatch Embedded Metric Format line per invocation: a JSON object on standard output whose {@code _aws}
 * member tells CloudWatch Logs to extract the counts as metrics, with no SDK call and no extra dependency.
 *
 * <pre>{@code
 * {"_aws":{"Timestamp":1765158000000,"CloudWatchMetrics":[{"Namespace":"trailkit","Dimensions":[["FunctionName"]],
 *  "Metrics":[{"Name":"ObjectsRead","Unit":"Count"}, ...]}]},"FunctionName":"trail-alarm","ObjectsRead":3, ...}
 * }</pre>
 *
 * <p>Settings: {@code TRAILKIT_METRICS} ({@code true}/{@code false}; default on when running in Lambda, that is when
 * {@code AWS_LAMBDA_FUNCTION_NAME} is set), {@code TRAILKIT_METRICS_NAMESPACE} (default {@value #DEFAULT_NAMESPACE})
 * and {@code TRAILKIT_METRICS_DIMENSIONS}: comma-separated, each {@code FunctionName} (the function's name),
 * {@code Trigger} (the trigger shape, such as {@code SQS}) or a fixed {@code Name=value}; {@code none} for no
 * dimensions; default {@code FunctionName}. Immutable and thread-safe.
 */
public final class EmfMetrics {
    /** The default namespace. */
    public static final String DEFAULT_NAMESPACE = "trailkit";
    /** The default dimensions. */
    public static final List<String> DEFAULT_DIMENSIONS = List.of("FunctionName");

    private static final JsonFactory JSON = new JsonFactory();
    /** Metric name, count field of the invocation summary, unit. */
    private static final String[][] METRICS = {
        {"ObjectsRead", "read", "Count"},
        {"ObjectsSkipped", "skipped", "Count"},
        {"ObjectsFailed", "failedForGood", "Count"},
        {"ObjectsToRetry", "toRetry", "Count"},
        {"HandedBack", "handedBack", "Count"},
        {"Records", "records", "Count"},
        {"BadRecords", "badRecords", "Count"},
        {"Findings", "findings", "Count"},
        {"FindingsDelivered", "delivered", "Count"},
        {"Duplicates", "duplicates", "Count"},
        {"Bytes", "bytes", "Bytes"},
    };

    private final String namespace;
    private final List<String> dimensions;

    private EmfMetrics(String namespace, List<String> dimensions) {
        if (namespace.isBlank() || namespace.length() > 255) {
            throw new IllegalArgumentException(
                    "the metrics namespace must be 1 to 255 characters, found \"" + namespace + "\"");
        }
        if (dimensions.size() > 30) {
            throw new IllegalArgumentException("at most 30 metric dimensions, found " + dimensions.size());
        }
        for (String d : dimensions) {
            String name = name(d);
            if (name.isBlank() || name.startsWith(":") || name.length() > 255) {
                throw new IllegalArgumentException("not a metric dimension: \"" + d + "\"");
            }
        }
        this.namespace = namespace;
        this.dimensions = List.copyOf(dimensions);
    }

    /**
     * The metrics these settings ask for, or null when they are off.
     *
     * @param env the environment
     * @param enabled the builder's choice, or null for the environment's
     * @param namespace the builder's namespace, or null
     * @param dimensions the builder's dimensions, or null
     */
    public static EmfMetrics resolve(
            Map<String, String> env, Boolean enabled, String namespace, List<String> dimensions) {
        boolean on;
        if (enabled != null) {
            on = enabled;
        } else {
            String v = env.get("TRAILKIT_METRICS");
            if (v == null || v.isBlank()) {
                String fn = env.get("AWS_LAMBDA_FUNCTION_NAME");
                on = fn != null && !fn.isBlank();
            } else if (v.strip().equalsIgnoreCase("true")) {
                on = true;
            } else if (v.strip().equalsIgnoreCase("false")) {
                on = false;
            } else {
                throw new IllegalArgumentException("TRAILKIT_METRICS must be true or false, found \"" + v + "\"");
            }
        }
        if (!on) {
            return null;
        }
        String ns = namespace;
        if (ns == null) {
            String v = env.get("TRAILKIT_METRICS_NAMESPACE");
            ns = v == null || v.isBlank() ? DEFAULT_NAMESPACE : v.strip();
        }
        List<String> dims = dimensions;
        if (dims == null) {
            String v = env.get("TRAILKIT_METRICS_DIMENSIONS");
            if (v == null || v.isBlank()) {
                dims = DEFAULT_DIMENSIONS;
            } else if (v.strip().toLowerCase(Locale.ROOT).equals("none")) {
                dims = List.of();
            } else {
                dims = new ArrayList<>();
                for (String d : v.split(",")) {
                    if (!d.isBlank()) {
                        dims.add(d.strip());
                    }
                }
            }
        }
        try {
            return new EmfMetrics(ns, dims);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "invalid metrics setting (TRAILKIT_METRICS_NAMESPACE, " + "TRAILKIT_METRICS_DIMENSIONS): "
                            + e.getMessage(),
                    e);
        }
    }

    /** {@return the namespace} */
    public String namespace() {
        return namespace;
    }

    /**
     * The line for one invocation.
     *
     * @param counts the invocation summary's counts ({@code read}, {@code skipped}, {@code failedForGood}, ...)
     * @param durationMillis how long the invocation took
     * @param timestampMillis when it ended, epoch milliseconds
     * @param functionName the function's name, or null when unknown
     * @param trigger the trigger shape
     */
    public String line(
            Map<String, ?> counts, long durationMillis, long timestampMillis, String functionName, String trigger) {
        Map<String, String> dimensionValues = new LinkedHashMap<>();
        for (String d : dimensions) {
            int eq = d.indexOf('=');
            String value;
            if (eq >= 0) {
                value = d.substring(eq + 1);
            } else if (d.equals("FunctionName")) {
                value = functionName == null ? "unknown" : functionName;
            } else if (d.equals("Trigger")) {
                value = trigger;
            } else {
                value = "unknown";
            }
            dimensionValues.put(name(d), value);
        }
        StringWriter text = new StringWriter(512);
        try (JsonGenerator g = JSON.createGenerator(text)) {
            g.writeStartObject();
            g.writeObjectFieldStart("_aws");
            g.writeNumberField("Timestamp", timestampMillis);
            g.writeArrayFieldStart("CloudWatchMetrics");
            g.writeStartObject();
            g.writeStringField("Namespace", namespace);
            g.writeArrayFieldStart("Dimensions");
            g.writeStartArray();
            for (String name : dimensionValues.keySet()) {
                g.writeString(name);
            }
            g.writeEndArray();
            g.writeEndArray();
            g.writeArrayFieldStart("Metrics");
            for (String[] m : METRICS) {
                metric(g, m[0], m[2]);
            }
            metric(g, "Duration", "Milliseconds");
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            for (Map.Entry<String, String> d : dimensionValues.entrySet()) {
                g.writeStringField(d.getKey(), d.getValue());
            }
            for (String[] m : METRICS) {
                Object v = counts.get(m[1]);
                g.writeNumberField(m[0], v instanceof Number n ? n.longValue() : 0);
            }
            g.writeNumberField("Duration", durationMillis);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void metric(JsonGenerator g, String name, String unit) throws IOException {
        g.writeStartObject();
        g.writeStringField("Name", name);
        g.writeStringField("Unit", unit);
        g.writeEndObject();
    }

    private static String name(String dimension) {
        int eq = dimension.indexOf('=');
        return (eq >= 0 ? dimension.substring(0, eq) : dimension).strip();
    }
}
