package io.github.trailkit.lambda.internal.sinks;

import io.github.trailkit.rules.Finding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Sends prepared entries in batch requests of at most {@code maxEntries} entries and {@code maxBytes} bytes, retrying
 * what may pass with exponential backoff, and throws the sink's exception (made by its {@link Undelivered}) for
 * whatever was not delivered.
 *
 * <p>Per batch: a whole-request failure that {@link Retry#isRetryable may pass} sends the batch again; entries the
 * answer lists as retryable are sent again on their own; entries refused for good are set aside and the rest of the
 * call goes on. After {@code maxAttempts} requests for one batch, or a whole-request failure that will not pass (the
 * topic does not exist, access denied, ...), the call stops and every finding not yet delivered is counted in the
 * exception. Immutable and thread-safe.
 */
public final class BatchDelivery {
    /** How many failures the exception message lists one by one. */
    private static final int LISTED = 10;

    private final String sinkName;
    private final int maxEntries;
    private final long maxBytes;
    private final int maxAttempts;
    private final Duration baseDelay;
    private final Undelivered undelivered;

    /** Makes the exception a sink throws for findings it did not deliver. */
    @FunctionalInterface
    public interface Undelivered {
        /**
         * @param sinkName the sink's name
         * @param findings the findings not delivered, in the order given to {@code send}
         * @param reason why, in words
         * @param cause the last exception seen, or null
         */
        RuntimeException exception(String sinkName, List<Finding> findings, String reason, Throwable cause);
    }

    public BatchDelivery(
            String sinkName,
            int maxEntries,
            long maxBytes,
            int maxAttempts,
            Duration baseDelay,
            Undelivered undelivered) {
        this.undelivered = Objects.requireNonNull(undelivered, "undelivered");
        this.sinkName = sinkName;
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.maxAttempts = maxAttempts;
        this.baseDelay = baseDelay;
    }

    /**
     * Splits entries, in order, into batches of at most {@code maxEntries} entries whose sizes add up to at most
     * {@code maxBytes}; an entry bigger than {@code maxBytes} on its own gets a batch of its own.
     */
    public static <T> List<List<Prepared<T>>> split(List<Prepared<T>> entries, int maxEntries, long maxBytes) {
        List<List<Prepared<T>>> batches = new ArrayList<>();
        List<Prepared<T>> current = new ArrayList<>();
        long bytes = 0;
        for (Prepared<T> e : entries) {
            if (!current.isEmpty() && (current.size() >= maxEntries || bytes + e.size() > maxBytes)) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(e);
            bytes += e.size();
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    /** Makes one finding into a request entry; {@code index} is its position in the list given to {@code send}. */
    @FunctionalInterface
    public interface Preparer<T> {
        Prepared<T> prepare(int index, Finding finding);
    }

    /**
     * Prepares each finding and delivers the entries with {@code call}; a finding whose entry is over {@code maxBytes}
     * even without its record is refused for good, named as {@code what} ("message is 300000 bytes even without the
     * record, over SNS's 262144-byte limit").
     */
    public <T> void send(List<Finding> findings, Preparer<T> preparer, String what, String service, BatchCall<T> call) {
        if (findings.isEmpty()) {
            return;
        }
        List<Prepared<T>> entries = new ArrayList<>(findings.size());
        List<Failure> rejected = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = Objects.requireNonNull(findings.get(i), "findings must not contain null");
            Prepared<T> p = preparer.prepare(i, f);
            if (p.size() > maxBytes) {
                rejected.add(new Failure(
                        i,
                        f,
                        what + " is " + p.size() + " bytes even without the record, over " + service + " " + maxBytes
                                + "-byte limit"));
            } else {
                entries.add(p);
            }
        }
        deliver(entries, rejected, call);
    }

    /**
     * Delivers {@code entries} with {@code call}.
     *
     * @param rejected findings that could not even be made into an entry (too big); reported at the end
     * @throws RuntimeException the sink's exception, naming every finding not delivered, once the rest was sent or the sink gave up
     */
    public <T> void deliver(List<Prepared<T>> entries, List<Failure> rejected, BatchCall<T> call) {
        List<Failure> failed = new ArrayList<>(rejected);
        List<List<Prepared<T>>> batches = split(entries, maxEntries, maxBytes);
        for (int b = 0; b < batches.size(); b++) {
            List<Prepared<T>> pending = batches.get(b);
            RuntimeException lastError = null;
            String lastReason = null;
            for (int attempt = 1; ; attempt++) {
                try {
                    Outcome<T> outcome = call.send(pending);
                    failed.addAll(outcome.failed());
                    pending = outcome.retry();
                    lastError = null;
                    lastReason = outcome.retryReason();
                } catch (RuntimeException e) {
                    lastError = e;
                    lastReason = Retry.describe(e);
                    if (!Retry.isRetryable(e)) {
                        throw giveUp(failed, pending, batches, b, "request failed: " + lastReason, e);
                    }
                }
                if (pending.isEmpty()) {
                    break;
                }
                if (attempt >= maxAttempts) {
                    throw giveUp(
                            failed,
                            pending,
                            batches,
                            b,
                            "gave up after " + maxAttempts + (maxAttempts == 1 ? " attempt" : " attempts")
                                    + (lastReason == null ? "" : ", last: " + lastReason),
                            lastError);
                }
                if (!sleep(Retry.delayNanos(baseDelay, attempt))) {
                    throw giveUp(failed, pending, batches, b, "interrupted while waiting to retry", lastError);
                }
            }
        }
        if (!failed.isEmpty()) {
            throw exception(failed, null, null);
        }
    }

    private <T> RuntimeException giveUp(
            List<Failure> failed,
            List<Prepared<T>> pending,
            List<List<Prepared<T>>> batches,
            int batch,
            String why,
            Throwable cause) {
        List<Failure> all = new ArrayList<>(failed);
        for (Prepared<T> p : pending) {
            all.add(new Failure(p.index(), p.finding(), null));
        }
        int notSent = 0;
        for (int b = batch + 1; b < batches.size(); b++) {
            for (Prepared<T> p : batches.get(b)) {
                all.add(new Failure(p.index(), p.finding(), null));
                notSent++;
            }
        }
        return exception(all, why + (notSent == 0 ? "" : "; " + notSent + " more not sent"), cause);
    }

    private RuntimeException exception(List<Failure> failures, String headline, Throwable cause) {
        List<Failure> sorted = new ArrayList<>(failures);
        sorted.sort(Comparator.comparingInt(Failure::index));
        List<Finding> findings = sorted.stream().map(Failure::finding).collect(Collectors.toList());
        List<Failure> refused = sorted.stream().filter(f -> f.reason() != null).collect(Collectors.toList());
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < refused.size() && i < LISTED; i++) {
            list.append(i == 0 ? "" : "; ").append(refused.get(i).describe());
        }
        if (refused.size() > LISTED) {
            list.append("; and ").append(refused.size() - LISTED).append(" more");
        }
        String reason;
        if (headline == null) {
            reason = list.toString();
        } else if (refused.isEmpty()) {
            reason = headline;
        } else {
            reason = headline + ". Refused before: " + list;
        }
        return undelivered.exception(sinkName, findings, reason, cause);
    }

    private static boolean sleep(long nanos) {
        if (nanos <= 0) {
            return !Thread.currentThread().isInterrupted();
        }
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
