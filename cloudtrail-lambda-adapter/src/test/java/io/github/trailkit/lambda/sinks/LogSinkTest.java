package io.github.trailkit.lambda.sinks;

import static io.github.trailkit.lambda.sinks.SinkFixtures.findings;
import static io.github.trailkit.lambda.sinks.SinkFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.trailkit.lambda.LogSink;
import io.github.trailkit.lambda.SinkException;
import io.github.trailkit.rules.Finding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

final class LogSinkTest {

    @Test
    void eachFindingIsOneJsonLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Finding> findings = List.of(findings(2).get(0), findings(2).get(1), SinkFixtures.sparse());

        try (LogSink sink = LogSink.to(new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            sink.send(findings);
        }

        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n", -1);
        assertThat(lines).hasSize(4);
        assertThat(lines[3]).isEmpty();
        for (int i = 0; i < 3; i++) {
            assertThat(lines[i])
                    .startsWith("{\"level\":\"WARN\",\"message\":\"finding\",\"finding\":{\"ruleId\":")
                    .isEqualTo(LogSink.line(findings.get(i)));
            JsonNode line = parse(lines[i]);
            assertThat(line.fieldNames()).toIterable().containsExactly("level", "message", "finding");
            assertThat(line.get("finding")).isEqualTo(parse(findings.get(i).toJson(false)));
            assertThat(line.get("finding").has("record")).isFalse();
        }
        assertThat(parse(lines[2]).get("finding").get("title").asText())
                .isEqualTo("Root user activity: \u00e9t\u00e9 \u2603 \"quoted\"");
    }

    @Test
    void toStdoutWritesToSystemOutAsItIsAtEachCall() {
        LogSink sink = LogSink.toStdout();
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            sink.send(findings(1));
            sink.send(List.of());
        } finally {
            System.setOut(original);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo(LogSink.line(findings(1).get(0)) + System.lineSeparator());
        assertThat(sink.name()).isEqualTo("log:stdout");
    }

    @Test
    void aBrokenStreamIsASinkException() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };
        LogSink sink = LogSink.to(new PrintStream(broken, true, StandardCharsets.UTF_8));

        SinkException e = catchThrowableOfType(SinkException.class, () -> sink.send(findings(2)));

        assertThat(e.undeliveredCount()).isEqualTo(2);
        assertThat(e).hasMessage("log: 2 findings not delivered: the output stream reported an error");
    }
}
