package io.github.trailkit.lambda.sinks;

import static io.github.trailkit.lambda.sinks.SinkFixtures.findings;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.trailkit.lambda.internal.sinks.BatchDelivery;
import io.github.trailkit.lambda.internal.sinks.Prepared;
import io.github.trailkit.lambda.internal.sinks.Retry;
import io.github.trailkit.lambda.internal.sinks.Utf8;
import io.github.trailkit.rules.Finding;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** The sinks' shared machinery: which failures are retried, backoff, batch splitting and UTF-8 sizes. */
final class SinkRetryTest {

    private static AwsServiceException service(int status, String code) {
        return AwsServiceException.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage("m")
                        .build())
                .build();
    }

    @Test
    void throttlingServerFaultsAndIoErrorsAreRetryableOthersAreNot() {
        assertThat(Retry.isRetryable(service(400, "Throttling"))).isTrue();
        assertThat(Retry.isRetryable(service(400, "KMSThrottling"))).isTrue();
        assertThat(Retry.isRetryable(service(429, "Throttled"))).isTrue();
        assertThat(Retry.isRetryable(service(500, "InternalError"))).isTrue();
        assertThat(Retry.isRetryable(service(503, "ServiceUnavailable"))).isTrue();
        assertThat(Retry.isRetryable(service(400, "InvalidParameter"))).isFalse();
        assertThat(Retry.isRetryable(service(403, "AuthorizationError"))).isFalse();
        assertThat(Retry.isRetryable(service(404, "NotFound"))).isFalse();
        assertThat(Retry.isRetryable(SdkClientException.create(
                        "Unable to execute HTTP request", new ConnectException("Connection refused"))))
                .isTrue();
        assertThat(Retry.isRetryable(SdkClientException.create("Unable to marshall request")))
                .isFalse();
        assertThat(Retry.isRetryable(new IllegalStateException(new IOException())))
                .isFalse();
        assertThat(Retry.describe(service(503, "ServiceUnavailable"))).isEqualTo("ServiceUnavailable (HTTP 503): m");
    }

    @Test
    void backoffDoublesWithJitterAndHasACeiling() {
        Duration base = Duration.ofMillis(100);
        for (int i = 0; i < 200; i++) {
            assertThat(Retry.delayNanos(base, 1)).isBetween(50_000_000L, 100_000_000L);
            assertThat(Retry.delayNanos(base, 3)).isBetween(200_000_000L, 400_000_000L);
            assertThat(Retry.delayNanos(base, 40)).isBetween(5_000_000_000L, 10_000_000_000L);
        }
        assertThat(Retry.delayNanos(Duration.ZERO, 3)).isZero();
        assertThat(Retry.delayNanos(Duration.ofDays(1), 2)).isLessThanOrEqualTo(10_000_000_000L);
    }

    @Test
    void batchesSplitByCountAndBySize() {
        List<Finding> f = findings(1);
        List<Prepared<String>> entries = new ArrayList<>();
        long[] sizes = {100, 100, 100, 900, 50, 1000, 1, 1, 1, 1, 1, 1};
        for (int i = 0; i < sizes.length; i++) {
            entries.add(new Prepared<>(i, f.get(0), "e" + i, sizes[i]));
        }

        List<List<Prepared<String>>> batches = BatchDelivery.split(entries, 3, 1000);

        assertThat(batches)
                .extracting(b -> b.stream().map(Prepared::entry).toList())
                .containsExactly(
                        List.of("e0", "e1", "e2"),
                        List.of("e3", "e4"),
                        List.of("e5"),
                        List.of("e6", "e7", "e8"),
                        List.of("e9", "e10", "e11"));
    }

    @Test
    void utf8LengthMatchesTheEncoder() {
        for (String s : List.of("", "ascii", "\u00e9t\u00e9", "\u2603", "\uD83D\uDE00 emoji", "x\uD800y")) {
            long expected = s.getBytes(StandardCharsets.UTF_8).length;
            if (s.contains("\uD800")) {
                expected += 2; // the encoder writes '?' for a lone surrogate; we count the worst case
            }
            assertThat(Utf8.length(s)).as(s).isEqualTo(expected);
        }
    }
}
