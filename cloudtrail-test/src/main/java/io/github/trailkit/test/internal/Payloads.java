package io.github.trailkit.test.internal;

import io.github.trailkit.model.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain Java values (maps, lists, strings, numbers, booleans, {@code null}) as {@link JsonValue}s.
 *
 * <pre>{@code
 * JsonValue params = Payloads.toJson(Map.of("bucketName", "logs", "versions", List.of(1, 2)));
 * }</pre>
 */
public final class Payloads {
    private Payloads() {}

    /**
     * The JSON value of {@code value}: a {@link JsonValue} as is, a {@link Map} as an object (keys as text), an
     * {@link Iterable} or array of objects as an array, a {@link CharSequence} as a string, a {@link Number} as a
     * number, a {@link Boolean} as a boolean, {@code null} as JSON {@code null}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static JsonValue toJson(Object value) {
        if (value == null) {
            return JsonValue.nullValue();
        }
        if (value instanceof JsonValue) {
            return (JsonValue) value;
        }
        if (value instanceof CharSequence) {
            return JsonValue.of(value.toString());
        }
        if (value instanceof Boolean) {
            return JsonValue.of((Boolean) value);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return JsonValue.of(((Number) value).longValue());
        }
        if (value instanceof BigDecimal) {
            return JsonValue.of((BigDecimal) value);
        }
        if (value instanceof BigInteger) {
            return JsonValue.of(new BigDecimal((BigInteger) value));
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("JSON has no number " + d);
            }
            return JsonValue.number(Double.toString(d));
        }
        if (value instanceof Map) {
            Map<String, JsonValue> members = new LinkedHashMap<>();
            ((Map<?, ?>) value).forEach((k, v) -> members.put(String.valueOf(k), toJson(v)));
            return JsonValue.object(members);
        }
        if (value instanceof Iterable) {
            List<JsonValue> elements = new ArrayList<>();
            ((Iterable<?>) value).forEach(e -> elements.add(toJson(e)));
            return JsonValue.array(elements);
        }
        if (value instanceof Object[]) {
            return toJson(Arrays.asList((Object[]) value));
        }
        throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON: " + value);
    }
}
