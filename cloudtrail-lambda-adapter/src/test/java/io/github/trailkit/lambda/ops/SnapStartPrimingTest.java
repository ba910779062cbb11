package io.github.trailkit.lambda.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * SnapStart priming does the first-time work before the snapshot: in a fresh JVM each, the first invocation after
 * {@code prime()} (what the {@code org.crac} {@code beforeCheckpoint} hook runs) loads almost no classes, where
 * without priming it loads about a hundred (hundreds before the trigger events were read without an
 * {@code ObjectMapper}); and priming delivers nothing (the probe's sink sees only the invocation's own
 * finding).
 */
class SnapStartPrimingTest {
    static final Pattern RESULT = Pattern.compile("LOADED (\\d+) FINDINGS (\\d+)");

    static long[] probe(String mode) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(
                        java.toString(),
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        PrimingProbe.class.getName(),
                        mode)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        Matcher m = RESULT.matcher(out);
        assertThat(m.find()).as(out).isTrue();
        System.out.println("SnapStartPrimingTest " + mode + ": " + m.group());
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
    }

    @Test
    void afterPrimingTheFirstInvocationLoadsAlmostNoClasses() throws Exception {
        long[] cold = probe("cold");
        long[] primed = probe("primed");

        assertThat(cold[1]).isEqualTo(1);
        assertThat(primed[1])
                .as("priming delivers nothing; the invocation its one finding")
                .isEqualTo(1);
        assertThat(cold[0])
                .as("the unprimed first invocation does first-time work")
                .isGreaterThan(60);
        assertThat(primed[0]).as("classes the primed first invocation loads").isLessThanOrEqualTo(cold[0] / 5);
    }
}
