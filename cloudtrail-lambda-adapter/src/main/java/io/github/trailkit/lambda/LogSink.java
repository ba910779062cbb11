package io.github.trailkit.lambda;

import io.github.trailkit.model.SafeText;
import io.github.trailkit.rules.Finding;
import java.io.PrintStream;
import java.util.List;
import java.util.Objects;

/**
 * Writes each finding as one structured JSON log line, which Lambda ships from standard output to CloudWatch Logs,
 * where Logs Insights and metric filters can select it:
 *
 * <pre>{@code
 * {"level":"WARN","message":"finding","finding":{"ruleId":"sns-topic-created","severity":"HIGH",...}}
 * }</pre>
 *
 * <p>The {@code finding} member is {@link Finding#toJson(boolean) toJson(false)}: the finding without the whole
 * record, its control and bidirectional characters escaped. Thread-safe: each line is written whole. {@link #close()} flushes and does not close the stream.
 *
 * <pre>{@code
 * FindingSink log = LogSink.toStdout();
 * }</pre>
 */
public final class LogSink implements FindingSink {
    private static final String PREFIX = "{\"level\":\"WARN\",\"message\":\"finding\",\"finding\":";

    /** The stream, or null for {@code System.out} as it is at each call (Lambda's runtime may replace it). */
    private final PrintStream out;

    private final String name;

    private LogSink(PrintStream out, String name) {
        this.out = out;
        this.name = name;
    }

    /** A sink writing to {@code System.out} as it is when {@code send} runs. */
    public static LogSink toStdout() {
        return new LogSink(null, "log:stdout");
    }

    /** A sink writing to {@code out}, which it does not close. */
    public static LogSink to(PrintStream out) {
        return new LogSink(Objects.requireNonNull(out, "out"), "log");
    }

    /**
     * The line {@link #send} writes for {@code finding}, without its line break; escaped with {@link SafeText} (the same
     * JSON), so that no record field passes a control or bidirectional character raw into the log.
     */
    public static String line(Finding finding) {
        return SafeText.escape(PREFIX + finding.toJson(false) + "}");
    }

    /**
     * Writes one line per finding.
     *
     * @throws SinkException when the stream reports an error ({@link PrintStream#checkError()})
     */
    @Override
    public void send(List<Finding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        PrintStream target = target();
        synchronized (target) {
            for (Finding f : findings) {
                target.println(line(f));
            }
            if (target.checkError()) {
                throw new SinkException(name, findings, "the output stream reported an error", null);
            }
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        target().flush();
    }

    private PrintStream target() {
        return out == null ? System.out : out;
    }

    @Override
    public String toString() {
        return "LogSink(" + name + ")";
    }
}
