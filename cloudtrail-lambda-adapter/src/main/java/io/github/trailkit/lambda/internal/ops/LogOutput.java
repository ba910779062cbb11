package io.github.trailkit.lambda.internal.ops;

import java.util.Map;

/** Where the handler's log lines go, and which levels are written. Implementations are thread-safe. */
public interface LogOutput {
    /** {@return whether lines of this level ({@code TRACE} ... {@code ERROR}) are written} */
    boolean enabled(String level);

    /** Writes one line: a message with structured fields (null values are left out). */
    void write(String level, String message, Map<String, ?> fields);
}
