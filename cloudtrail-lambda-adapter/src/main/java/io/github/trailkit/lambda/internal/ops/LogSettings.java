package io.github.trailkit.lambda.internal.ops;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Chooses the handler's {@link LogOutput} from Lambda's advanced logging controls and trailkit's own setting:
 * <ul>
 *   <li>{@code AWS_LAMBDA_LOG_FORMAT}: {@code JSON} (the default, with a {@code timestamp} when set explicitly) or
 *       {@code Text};</li>
 *   <li>{@code AWS_LAMBDA_LOG_LEVEL}: {@code TRACE} ... {@code FATAL} (default {@code INFO});</li>
 *   <li>{@code TRAILKIT_LOG_OUTPUT}: {@code stdout} (the default), {@code slf4j} (through SLF4J to the user's own
 *       configuration; an error when no SLF4J provider is on the class path), or {@code auto} (SLF4J when a provider
 *       is there, else standard output). Through SLF4J, the level and format are the user's configuration's.</li>
 * </ul>
 */
public final class LogSettings {
    private LogSettings() {}

    /**
     * The output for these settings.
     *
     * @param env the environment (each variable is read from it)
     * @param out standard output, asked at each line
     * @param forceStdout whether lines must go to {@code out} whatever {@code TRAILKIT_LOG_OUTPUT} says (a stream
     *     given in code)
     * @throws IllegalArgumentException naming the variable when a value is not understood, or when SLF4J is asked
     *     for and no provider is on the class path
     */
    public static LogOutput resolve(Map<String, String> env, Supplier<PrintStream> out, boolean forceStdout) {
        String format = env.get("AWS_LAMBDA_LOG_FORMAT");
        boolean text;
        if (format == null || format.isBlank() || format.strip().equalsIgnoreCase("json")) {
            text = false;
        } else if (format.strip().equalsIgnoreCase("text")) {
            text = true;
        } else {
            throw new IllegalArgumentException("AWS_LAMBDA_LOG_FORMAT must be JSON or Text, found \"" + format + "\"");
        }
        LogLevel level = LogLevel.parse("AWS_LAMBDA_LOG_LEVEL", env.get("AWS_LAMBDA_LOG_LEVEL"), LogLevel.INFO);
        boolean timestamp = !text && format != null && !format.isBlank();
        StdoutLogOutput stdout = new StdoutLogOutput(out, level, text, timestamp);
        if (forceStdout) {
            return stdout;
        }
        String output = env.get("TRAILKIT_LOG_OUTPUT");
        String choice =
                output == null || output.isBlank() ? "stdout" : output.strip().toLowerCase(Locale.ROOT);
        return switch (choice) {
            case "stdout" -> stdout;
            case "auto" -> slf4jPresent() ? new Slf4jLogOutput() : stdout;
            case "slf4j" -> {
                if (!slf4jPresent()) {
                    throw new IllegalArgumentException("TRAILKIT_LOG_OUTPUT=slf4j, but no SLF4J provider is on the "
                            + "class path: add one (such as logback-classic or log4j-slf4j2-impl) to the function");
                }
                yield new Slf4jLogOutput();
            }
            default ->
                throw new IllegalArgumentException(
                        "TRAILKIT_LOG_OUTPUT must be stdout, slf4j or auto, found \"" + output + "\"");
        };
    }

    private static boolean slf4jPresent() {
        try {
            Class.forName("org.slf4j.spi.SLF4JServiceProvider", false, LogSettings.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        return Slf4jLogOutput.providerPresent();
    }
}
