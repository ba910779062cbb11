package io.github.trailkit.lambda.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.trailkit.lambda.FindingSink;
import io.github.trailkit.lambda.LogSink;
import io.github.trailkit.lambda.SinkException;
import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailLog;
import io.github.trailkit.model.CloudTrailParseException;
import io.github.trailkit.model.TrailkitException;
import io.github.trailkit.rules.Finding;
import io.github.trailkit.rules.MetricFilterException;
import io.github.trailkit.rules.MetricFilters;
import io.github.trailkit.rules.RuleDocumentException;
import io.github.trailkit.rules.RuleDocuments;
import io.github.trailkit.rules.RuleSet;
import io.github.trailkit.rules.Rules;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every exception the library throws for a problem it can name is caught as one {@link TrailkitException}. */
class TrailkitExceptionTest {

    @Test
    void anInvalidRuleDocument_isCaughtAsTheRoot_andKeepsItsProblems() {
        String yaml = "rules:\n  - id: x\n    when: {eventName: {nope: 1}}\n";
        TrailkitException e = catchThrowableOfType(
                () -> RuleDocuments.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "r.yaml"),
                TrailkitException.class);
        assertThat(e).isInstanceOf(RuleDocumentException.class).isNotInstanceOf(IllegalArgumentException.class);
        assertThat(((RuleDocumentException) e).problems()).isNotEmpty();
        assertThat(e.getMessage()).startsWith("r.yaml:");
    }

    @Test
    void anUnreadableMetricFilter_isCaughtAsTheRoot_andKeepsItsColumn() {
        TrailkitException e =
                catchThrowableOfType(() -> MetricFilters.parse("{ $.eventName = }"), TrailkitException.class);
        assertThat(e).isInstanceOf(MetricFilterException.class).isNotInstanceOf(IllegalArgumentException.class);
        assertThat(((MetricFilterException) e).column()).isPositive();
    }

    @Test
    void aBadLog_isCaughtAsTheRoot() {
        TrailkitException e = catchThrowableOfType(
                () -> {
                    try (CloudTrailLog log =
                            CloudTrail.reader().read("{\"Records\": [".getBytes(StandardCharsets.UTF_8), "bad.json")) {
                        log.forEach(r -> {});
                    }
                },
                TrailkitException.class);
        assertThat(e).isInstanceOf(CloudTrailParseException.class);
        assertThat(e.getMessage()).contains("bad.json");
    }

    @Test
    void anUndeliveredFinding_isCaughtAsTheRoot_andKeepsTheFindings() {
        PrintStream broken = new PrintStream(OutputStream.nullOutputStream()) {
            @Override
            public boolean checkError() {
                return true;
            }
        };
        RuleSet rules = RuleSet.of(
                Rules.rule("any").when(Rules.eventName().is("CreateTopic")).build());
        List<Finding> findings = rules.findings(CloudTrail.reader()
                .readRecord("{\"eventVersion\":\"1.08\",\"eventName\":\"CreateTopic\",\"eventID\":\"e1\"}"));
        TrailkitException e = catchThrowableOfType(() -> LogSink.to(broken).send(findings), TrailkitException.class);
        assertThat(e).isInstanceOf(SinkException.class);
        assertThat(((SinkException) e).undelivered()).isEqualTo(findings);
    }

    @Test
    void readmeCatchesAnyLibraryErrorAtTheRoot(@TempDir Path dir) throws IOException {
        Path rulesFile = dir.resolve("rules.yaml");
        Files.writeString(rulesFile, "rules:\n  - id: x\n    when: {eventName: {nope: 1}}\n");
        Path logFile = dir.resolve("log.json");
        FindingSink sink = LogSink.toStdout();
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            // README:errors
            try {
                RuleSet rules = RuleSet.of(RuleDocuments.read(rulesFile));
                try (CloudTrailLog log = CloudTrail.reader().read(logFile)) {
                    log.forEach(r -> sink.send(rules.findings(r)));
                }
            } catch (TrailkitException e) { // a bad rule file, a bad log, or findings a sink could not deliver
                System.err.println(e.getMessage());
            }
            // README:errors
        } finally {
            System.setErr(err);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("rules.yaml:");
    }
}
