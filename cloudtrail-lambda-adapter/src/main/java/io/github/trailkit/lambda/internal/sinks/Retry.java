package io.github.trailkit.lambda.internal.sinks;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/** Which SDK failures are worth another attempt, and how long to wait before it. */
public final class Retry {
    /** The longest wait between two attempts, whatever the base delay and attempt number. */
    static final Duration MAX_DELAY = Duration.ofSeconds(10);

    /** Error codes that mean "slow down" but that the SDK does not count as throttling (SNS answers them with 400). */
    private static final Set<String> MORE_THROTTLING_CODES = Set.of("KMSThrottling", "Throttled");

    private Retry() {}

    /**
     * True for throttling and server faults ({@code SdkServiceException} that is throttling, HTTP 429 or 5xx), and for
     * I/O failures and timeouts ({@code SdkClientException} caused by an {@link IOException}, or an API call timeout);
     * false for everything else, and when the thread was interrupted.
     */
    public static boolean isRetryable(Throwable e) {
        if (Thread.currentThread().isInterrupted()) {
            return false;
        }
        if (e instanceof SdkServiceException s) {
            if (s.isThrottlingException() || s.statusCode() == 429 || s.statusCode() >= 500) {
                return true;
            }
            return e instanceof AwsServiceException awsServiceException
                    && awsServiceException.awsErrorDetails() != null
                    && MORE_THROTTLING_CODES.contains(
                            awsServiceException.awsErrorDetails().errorCode());
        }
        if (e instanceof AbortedException) {
            return false;
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return true;
        }
        if (e instanceof SdkClientException) {
            for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
                if (c instanceof InterruptedIOException && !(c instanceof java.net.SocketTimeoutException)) {
                    return false;
                }
                if (c instanceof IOException) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The failure in words: {@code Throttling (HTTP 400): Rate exceeded}, or the exception's own text. */
    public static String describe(Throwable e) {
        if (e instanceof AwsServiceException s && s.awsErrorDetails() != null) {
            String code = s.awsErrorDetails().errorCode();
            String message = s.awsErrorDetails().errorMessage();
            return (code == null ? "error" : code) + " (HTTP " + s.statusCode() + ")"
                    + (message == null || message.isEmpty() ? "" : ": " + message);
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /**
     * How long to wait after failed attempt number {@code attempt} (1 for the first): exponential backoff with
     * "equal jitter", a random time between half and all of {@code base * 2^(attempt-1)}, at most {@link #MAX_DELAY}.
     */
    public static long delayNanos(Duration base, int attempt) {
        long baseNanos = base.toNanos();
        if (baseNanos <= 0) {
            return 0;
        }
        long cap = MAX_DELAY.toNanos();
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        long exp = baseNanos > (cap >> shift) ? cap : Math.min(cap, baseNanos << shift);
        long half = exp / 2;
        return half + ThreadLocalRandom.current().nextLong(exp - half + 1);
    }
}
