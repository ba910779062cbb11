package io.github.trailkit.model;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

/**
 * Fuzzes {@link LogFileKey#parse(String)}: it never throws for a non-null string, and what it parses is consistent.
 * Stored inputs in {@code LogFileKeyFuzzTestInputs/parse/} run in every build; fuzz with
 * {@code JAZZER_FUZZ=1 mvn -pl cloudtrail-model test -Dtest=LogFileKeyFuzzTest}.
 *
 * <pre>{@code
 * JAZZER_FUZZ=1 mvn -pl cloudtrail-model test -Dtest=LogFileKeyFuzzTest
 * }</pre>
 */
final class LogFileKeyFuzzTest {
    @FuzzTest(maxDuration = "2m")
    void parse(@NotNull String key) {
        LogFileKey k = LogFileKey.parse(key);
        if (k.kind() == null) {
            throw new AssertionError("no kind for " + key);
        }
        k.toString();
        if (!LogFileKey.parse(key).equals(k)) {
            throw new AssertionError("parse is not deterministic for " + key);
        }
    }
}
