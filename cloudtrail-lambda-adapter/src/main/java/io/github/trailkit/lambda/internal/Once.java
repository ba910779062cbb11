package io.github.trailkit.lambda.internal;

import java.util.HashSet;
import java.util.Set;

/**
 * Remembers which settings a builder was given, and refuses one given twice: the second value would silently win
 * over the first, which is almost always a mistake in the caller's code.
 *
 * <pre>{@code
 * Once once = new Once();
 * once.mark("rules");
 * once.mark("rules");   // IllegalStateException: rules already set
 * }</pre>
 *
 * <p>Not thread-safe, as a builder is not.
 */
public final class Once {
    private final Set<String> given = new HashSet<>();

    /**
     * Records that the setting {@code name} was given.
     *
     * @throws IllegalStateException when it was given before
     */
    public void mark(String name) {
        if (!given.add(name)) {
            throw new IllegalStateException(name + " already set");
        }
    }
}
