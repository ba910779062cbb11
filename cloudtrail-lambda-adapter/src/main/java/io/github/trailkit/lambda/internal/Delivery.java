package io.github.trailkit.lambda.internal;

import io.github.trailkit.rules.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Collects the findings of one unit of work: drops a finding already delivered in this invocation (same rule id, the
 * record's {@code recipientAccountId} and {@link Finding#dedupKey()}), and hands the rest to every outlet in batches
 * of {@value #FLUSH_EVERY}. A failing outlet does not keep the others from their batch; the first failure is thrown
 * after all were tried, the others suppressed in it.
 *
 * <pre>{@code
 * Delivery delivery = new Delivery(seen, outlets);
 * processor.process(ref, delivery);
 * delivery.flush();
 * }</pre>
 *
 * <p>One per unit of work, used by one thread.
 */
final class Delivery implements Consumer<Finding> {
    /** How many findings are handed to the outlets at once (SNS and EventBridge take 10 per call). */
    static final int FLUSH_EVERY = 100;

    private final Set<String> seen;
    private final List<Outlet> outlets;
    private final List<Finding> buffer = new ArrayList<>();
    long delivered;
    long duplicates;

    /**
     * @param seen the keys of the findings delivered so far in this invocation, shared by its units
     * @param outlets where findings go (none while priming)
     */
    Delivery(Set<String> seen, List<Outlet> outlets) {
        this.seen = seen;
        this.outlets = outlets;
    }

    @Override
    public void accept(Finding finding) {
        // the account too: the caller's and the owner's copy of a cross-account call share their eventID
        if (!finding.dedupKey().isEmpty()
                && !seen.add(finding.ruleId()
                        + '\u0000'
                        + finding.record().recipientAccountId().orElse("")
                        + '\u0000'
                        + finding.dedupKey())) {
            duplicates++;
            return;
        }
        buffer.add(finding);
        if (buffer.size() >= FLUSH_EVERY) {
            flush();
        }
    }

    /**
     * Sends the buffer to every outlet, then throws the first failure.
     *
     * @throws Outlet.Undelivered when an outlet did not deliver the batch
     */
    void flush() {
        if (buffer.isEmpty()) {
            return;
        }
        List<Finding> batch = List.copyOf(buffer);
        buffer.clear();
        Outlet.Undelivered first = null;
        for (Outlet outlet : outlets) {
            try {
                outlet.send().accept(batch);
            } catch (Outlet.Undelivered e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
        delivered += batch.size();
    }
}
