package io.github.trailkit.lambda.sinks;

import static io.github.trailkit.lambda.sinks.SinkFixtures.findings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.trailkit.lambda.FindingSink;
import io.github.trailkit.lambda.SinkException;
import io.github.trailkit.rules.Finding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@link FindingSink} contract for custom sinks, and {@link SinkException}. */
final class FindingSinkTest {

    @Test
    void aLambdaIsASink() {
        List<Finding> seen = new ArrayList<>();
        FindingSink sink = FindingSink.of("memory", seen::addAll);

        sink.send(findings(3));
        sink.send(List.of());
        sink.close();

        assertThat(seen).hasSize(3);
        assertThat(sink.name()).isEqualTo("memory");
    }

    @Test
    void whatACustomSinkThrowsBecomesASinkExceptionCountingTheCall() {
        List<Finding> findings = findings(4);
        FindingSink sink = FindingSink.of("webhook", f -> {
            throw new IllegalStateException("503 from hooks.example.com");
        });

        SinkException e = catchThrowableOfType(SinkException.class, () -> sink.send(findings));

        assertThat(e.sinkName()).isEqualTo("webhook");
        assertThat(e.undeliveredCount()).isEqualTo(4);
        assertThat(e.undelivered()).isEqualTo(findings);
        assertThat(e)
                .hasMessage("webhook: 4 findings not delivered: "
                        + "java.lang.IllegalStateException: 503 from hooks.example.com")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSinkExceptionFromACustomSinkPassesThrough() {
        SinkException own = new SinkException("webhook", 1, "timed out", null);
        FindingSink sink = FindingSink.of("webhook", f -> {
            throw own;
        });

        assertThatThrownBy(() -> sink.send(findings(2))).isSameAs(own);
        assertThat(own).hasMessage("webhook: 1 finding not delivered: timed out");
        assertThat(own.undelivered()).isEmpty();
    }

    @Test
    void aSinkImplementedAsAClassGetsDefaults() {
        FindingSink sink = findings -> {};

        assertThat(sink.name()).isNotBlank();
        sink.close();
    }
}
