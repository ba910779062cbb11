package io.github.trailkit.lambda.internal.ops;

import java.util.Map;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Lines handed to SLF4J, logger {@value #LOGGER}, each field as a key-value pair of the event (SLF4J 2's fluent
 * API), so that the user's own configuration (Logback, Log4j 2, Powertools' JSON layouts) formats, filters and ships
 * them. {@code FATAL} is logged as {@code ERROR}. Only used when an SLF4J provider is on the class path.
 */
public final class Slf4jLogOutput implements LogOutput {
    /** The logger name. */
    public static final String LOGGER = "io.github.trailkit.lambda";

    private final Logger logger = LoggerFactory.getLogger(LOGGER);

    /**
     * {@return whether a provider that logs somewhere is on the class path} (SLF4J's own no-operation provider does
     * not count). Asks {@link ServiceLoader}, so that SLF4J itself does not warn when there is none.
     */
    public static boolean providerPresent() {
        try {
            for (SLF4JServiceProvider p :
                    ServiceLoader.load(SLF4JServiceProvider.class, Slf4jLogOutput.class.getClassLoader())) {
                if (!p.getClass().getName().startsWith("org.slf4j.nop.")) {
                    return true;
                }
            }
        } catch (java.util.ServiceConfigurationError | LinkageError e) {
            return false;
        }
        return false;
    }

    @Override
    public boolean enabled(String level) {
        return logger.isEnabledForLevel(slf4j(level));
    }

    @Override
    public void write(String level, String message, Map<String, ?> fields) {
        LoggingEventBuilder event = logger.atLevel(slf4j(level));
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            if (e.getValue() != null) {
                event = event.addKeyValue(e.getKey(), e.getValue());
            }
        }
        event.log(message);
    }

    private static Level slf4j(String level) {
        return switch (LogLevel.ofLine(level)) {
            case TRACE -> Level.TRACE;
            case DEBUG -> Level.DEBUG;
            case INFO -> Level.INFO;
            case WARN -> Level.WARN;
            case ERROR, FATAL -> Level.ERROR;
        };
    }
}
