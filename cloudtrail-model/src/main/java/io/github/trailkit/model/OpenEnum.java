package io.github.trailkit.model;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What the open enums of the model share: the lookup from CloudTrail's spelling to a constant, with {@code
 * UNKNOWN_TO_TRAILKIT} for any other text, and a {@code toString()} that is never {@code null}. Each enum keeps one
 * instance in a static field and delegates {@code fromValue} and {@code toString} to it.
 */
final class OpenEnum<E extends Enum<E>> {
    private final Map<String, E> byValue = new HashMap<>();
    private final E unknown;

    /**
     * The lookup for {@code constants}, each known by {@code value} (null only for {@code unknown}), and by the
     * {@code aliases} given as pairs of a spelling and its constant.
     */
    OpenEnum(E[] constants, Function<E, String> value, E unknown, Map<String, E> aliases) {
        for (E e : constants) {
            String v = value.apply(e);
            if (v != null) {
                byValue.put(v, e);
            }
        }
        byValue.putAll(aliases);
        this.unknown = unknown;
    }

    OpenEnum(E[] constants, Function<E, String> value, E unknown) {
        this(constants, value, unknown, Map.of());
    }

    /** The constant for {@code value}; {@code unknown} for text no constant has, {@code null} for {@code null}. */
    E fromValue(String value) {
        return value == null ? null : byValue.getOrDefault(value, unknown);
    }

    /** The value as CloudTrail writes it, or the constant's name for the one with no value: never {@code null}. */
    static String text(String value, Enum<?> constant) {
        return value != null ? value : constant.name();
    }
}
