package io.github.trailkit.lambda.internal.ops;

import java.util.Locale;

/** The levels of Lambda's advanced logging controls ({@code AWS_LAMBDA_LOG_LEVEL}), least severe first. */
public enum LogLevel {
    /** Everything. */
    TRACE,
    /** Detail for debugging. */
    DEBUG,
    /** What happened: the handler's default. */
    INFO,
    /** Something was skipped or handed back. */
    WARN,
    /** Something failed. */
    ERROR,
    /** Only what stops the function. */
    FATAL;

    /**
     * The level a value names, case-insensitively.
     *
     * @param variable the variable the value came from, for the error
     * @param value the value; null or blank gives {@code otherwise}
     * @param otherwise the level when there is no value
     * @throws IllegalArgumentException naming the variable when the value is no level
     */
    public static LogLevel parse(String variable, String value, LogLevel otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    variable + " must be one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL, " + "found \"" + value + "\"");
        }
    }

    /** {@return the level of a line's level name; unknown names count as INFO} */
    public static LogLevel ofLine(String level) {
        return switch (level) {
            case "TRACE" -> TRACE;
            case "DEBUG" -> DEBUG;
            case "WARN" -> WARN;
            case "ERROR" -> ERROR;
            case "FATAL" -> FATAL;
            default -> INFO;
        };
    }
}
