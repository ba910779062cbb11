package io.github.trailkit.examples;

/** What the examples share: reading their configuration from the function's environment. */
final class Examples {
    private Examples() {}

    /** The value of environment variable {@code name}, stripped; it must be set. */
    static String requiredEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("set the environment variable " + name);
        }
        return value.strip();
    }
}
