package io.github.trailkit.lambda.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes {@link TriggerDecoder#decode(byte[])}: any bytes decode to an invocation or throw an {@link
 * IllegalArgumentException}, never anything else. Stored inputs in {@code TriggerDecoderFuzzTestInputs/decode/} run in
 * every build; fuzz with {@code JAZZER_FUZZ=1 mvn -pl cloudtrail-lambda-adapter test -Dtest=TriggerDecoderFuzzTest}.
 *
 * <pre>{@code
 * JAZZER_FUZZ=1 mvn -pl cloudtrail-lambda-adapter test -Dtest=TriggerDecoderFuzzTest
 * }</pre>
 */
final class TriggerDecoderFuzzTest {
    @FuzzTest(maxDuration = "2m")
    void decode(byte[] event) {
        try {
            Invocation invocation = TriggerDecoder.decode(event);
            if (invocation == null) {
                throw new AssertionError("null invocation");
            }
            invocation.toString();
        } catch (IllegalArgumentException expected) {
            // the documented contract for an event of no known shape
        }
    }
}
