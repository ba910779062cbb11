package io.github.trailkit.lambda.internal.sinks;

import java.util.List;

/**
 * What a batch request did with its entries: the ones to send again, and the ones that failed for good. Entries in
 * neither list were delivered.
 *
 * @param retry entries that failed for a reason that may pass (throttling, a service-side fault, no answer)
 * @param failed entries the service refused for good (a sender fault)
 * @param retryReason why the first retryable entry failed, for the exception if retries run out; null if none
 */
public record Outcome<T>(List<Prepared<T>> retry, List<Failure> failed, String retryReason) {
    public Outcome {
        retry = List.copyOf(retry);
        failed = List.copyOf(failed);
    }
}
