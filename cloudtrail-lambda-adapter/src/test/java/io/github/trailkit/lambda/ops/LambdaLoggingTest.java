package io.github.trailkit.lambda.ops;

import static io.github.trailkit.rules.Rules.eventSource;
import static io.github.trailkit.rules.Rules.rule;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.trailkit.lambda.TrailkitHandler;
import io.github.trailkit.lambda.internal.ops.StdoutLogOutput;
import io.github.trailkit.lambda.testing.LoopbackS3;
import io.github.trailkit.lambda.testing.TriggerEvents;
import io.github.trailkit.rules.RuleSet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/**
 * The handler's log as Lambda's advanced logging controls set it ({@code AWS_LAMBDA_LOG_LEVEL},
 * {@code AWS_LAMBDA_LOG_FORMAT}), and through SLF4J to the user's own configuration (Logback here, the provider on
 * the test class path), always with the structured fields.
 */
class LambdaLoggingTest {
    static final String BUCKET = "log-bucket";
    static final String MISSING = "AWSLogs/123456789012/CloudTrail/us-east-1/2024/01/15/"
            + "123456789012_CloudTrail_us-east-1_20240115T1200Z_missing0001.json.gz";
    static final ObjectMapper JSON = new ObjectMapper();

    static LoopbackS3 s3;
    static RuleSet rules;

    final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        rules = RuleSet.of(
                rule("sns-call").when(eventSource().is("sns.amazonaws.com")).build());
        s3 = LoopbackS3.inMemory();
        s3.createBucket(BUCKET);
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
        }
    }

    TrailkitHandler.Builder builder(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.put("TRAILKIT_LOG_FINDINGS", "false");
        return TrailkitHandler.builder()
                .rules(rules)
                .s3(s3.handlerClient())
                .sink(findings -> {})
                .environment(all);
    }

    static void invoke(TrailkitHandler handler, String event) {
        try {
            handler.handleRequest(new ByteArrayInputStream(event.getBytes(UTF_8)), new ByteArrayOutputStream(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> lines() {
        return logBytes.toString(UTF_8).lines().toList();
    }

    static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theLogLevelLeavesOutTheLessSevereLines() {
        TrailkitHandler handler = builder(Map.of("AWS_LAMBDA_LOG_LEVEL", "error"))
                .logTo(new PrintStream(logBytes, true, UTF_8))
                .build();

        invoke(handler, TriggerEvents.s3Event(BUCKET, MISSING));

        // no "trailkit handler ready", no "invocation done" (INFO); the failed object (ERROR) with its fields
        assertThat(lines()).singleElement().satisfies(line -> {
            JsonNode l = json(line);
            assertThat(l.path("level").asText()).isEqualTo("ERROR");
            assertThat(l.path("message").asText()).isEqualTo("object failed for good");
            assertThat(l.path("bucket").asText()).isEqualTo(BUCKET);
            assertThat(l.path("key").asText()).isEqualTo(MISSING);
            assertThat(l.path("reason").asText()).isNotBlank();
        });
    }

    @Test
    void withoutLambdasSettingsEveryInfoLineIsWrittenAsBefore() {
        TrailkitHandler handler =
                builder(Map.of()).logTo(new PrintStream(logBytes, true, UTF_8)).build();

        invoke(handler, TriggerEvents.s3Event(BUCKET, MISSING));

        assertThat(lines())
                .extracting(l -> json(l).path("message").asText())
                .containsExactly("trailkit handler ready", "object failed for good", "invocation done");
        assertThat(json(lines().get(0)).has("timestamp")).isFalse();
    }

    @Test
    void theJsonFormatSetByLambdaAddsATimestamp() {
        TrailkitHandler handler = builder(Map.of("AWS_LAMBDA_LOG_FORMAT", "JSON", "AWS_LAMBDA_LOG_LEVEL", "INFO"))
                .logTo(new PrintStream(logBytes, true, UTF_8))
                .build();

        invoke(handler, TriggerEvents.s3Event(BUCKET, MISSING));

        assertThat(lines())
                .hasSize(3)
                .allSatisfy(line ->
                        assertThat(json(line).path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z"));
    }

    @Test
    void theTextFormatWritesOneEscapedLinePerEventWithTheSameFields() {
        String hostileKey =
                "AWSLogs/123456789012/CloudTrail/us-east-1/2024/01/15/x\n" + "ERROR forged line=1 \"quoted\".json.gz";
        TrailkitHandler handler = builder(Map.of("AWS_LAMBDA_LOG_FORMAT", "Text"))
                .logTo(new PrintStream(logBytes, true, UTF_8))
                .build();

        invoke(handler, TriggerEvents.s3Event(BUCKET, MISSING, hostileKey));

        List<String> lines = lines();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("INFO trailkit handler ready rules=1 ");
        assertThat(lines.get(1))
                .startsWith("ERROR object failed for good ")
                .contains(" bucket=" + BUCKET + " ", " key=" + MISSING + " ", " reason=\"");
        // not a log file key, so skipped; its key is one quoted, escaped value
        assertThat(lines.get(2))
                .isEqualTo("INFO object skipped bucket=" + BUCKET
                        + " key=\"AWSLogs/123456789012/CloudTrail/us-east-1/2024/01/15/x\\nERROR forged line=1 "
                        + "\\\"quoted\\\".json.gz\" reason=\"not a CloudTrail log file key (OTHER)\"");
        assertThat(lines.get(3))
                .startsWith("INFO invocation done trigger=S3_EVENT objects=2 read=0 skipped=1 " + "failedForGood=1 ");
        assertThat(lines).noneMatch(l -> l.startsWith("ERROR forged"));
    }

    @Test
    void aTextLineQuotesAndEscapesWhatCouldBreakIt() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("plain", "abc");
        f.put("spaced", "a b");
        f.put("empty", "");
        f.put("count", 3L);
        f.put("skipped", null);
        f.put("controls", "tab\there\rnul\u0000sep\u2028end\\");

        assertThat(StdoutLogOutput.textLine("WARN", "two\nlines", f))
                .isEqualTo("WARN two\\nlines plain=abc "
                        + "spaced=\"a b\" empty=\"\" count=3 controls=\"tab\\there\\rnul\\u0000sep\\u2028end\\\\\"");
    }

    @Test
    void badSettingsAreNamed() {
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> builder(Map.of("AWS_LAMBDA_LOG_LEVEL", "LOUD")).build())
                .withMessageContaining("AWS_LAMBDA_LOG_LEVEL");
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> builder(Map.of("AWS_LAMBDA_LOG_FORMAT", "xml")).build())
                .withMessageContaining("AWS_LAMBDA_LOG_FORMAT");
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> builder(Map.of("TRAILKIT_LOG_OUTPUT", "syslog")).build())
                .withMessageContaining("TRAILKIT_LOG_OUTPUT");
    }

    @Test
    void throughSlf4jTheUsersConfigurationGetsEachLineWithItsFieldsAsKeyValuePairs() {
        Logger logger = (Logger) LoggerFactory.getLogger("io.github.trailkit.lambda");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        Level before = logger.getLevel();
        try {
            logger.setLevel(Level.INFO);
            TrailkitHandler handler =
                    builder(Map.of("TRAILKIT_LOG_OUTPUT", "slf4j")).build();
            invoke(handler, TriggerEvents.s3Event(BUCKET, MISSING));

            assertThat(appender.list)
                    .extracting(ILoggingEvent::getMessage)
                    .containsExactly("trailkit handler ready", "object failed for good", "invocation done");
            ILoggingEvent failed = appender.list.get(1);
            assertThat(failed.getLevel()).isEqualTo(Level.ERROR);
            Map<String, Object> kv = new LinkedHashMap<>();
            for (KeyValuePair p : failed.getKeyValuePairs()) {
                kv.put(p.key, p.value);
            }
            assertThat(kv)
                    .containsEntry("bucket", BUCKET)
                    .containsEntry("key", MISSING)
                    .containsKey("reason");
            ILoggingEvent done = appender.list.get(2);
            assertThat(done.getKeyValuePairs()).anySatisfy(p -> {
                assertThat(p.key).isEqualTo("failedForGood");
                assertThat(p.value).isEqualTo(1L);
            });

            // the user's level applies: at WARN, only the failure comes through
            appender.list.clear();
            logger.setLevel(Level.WARN);
            invoke(handler, TriggerEvents.s3Event(BUCKET, MISSING));
            assertThat(appender.list).extracting(ILoggingEvent::getMessage).containsExactly("object failed for good");
            assertThat(logBytes.size()).isZero();
        } finally {
            logger.setLevel(before);
            logger.detachAppender(appender);
        }
    }
}
