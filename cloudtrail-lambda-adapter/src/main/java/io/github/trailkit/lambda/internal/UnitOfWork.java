package io.github.trailkit.lambda.internal;

import io.github.trailkit.lambda.internal.Responses.ResultCode;
import io.github.trailkit.lambda.internal.ops.Deadline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Processes one unit of work (an SQS message or Kinesis record, a Batch Operations task, a whole invocation): reads
 * each object it names (a digest file in digest mode, else a log file) and its carried records, and delivers their
 * findings. What cannot be started before the deadline is not started, and the unit comes back whole. A sink that
 * stays down, or any unexpected failure, fails the unit so that it is delivered again; it never escapes.
 *
 * <pre>{@code
 * UnitOfWork.Result r = units.process(message.objects(), message.records(), seen, tally, requestId, deadline);
 * if (r.mustRetry()) { failed.add(message.messageId()); }
 * }</pre>
 *
 * <p>Thread-safe: it keeps nothing between calls.
 */
final class UnitOfWork {
    private final ObjectProcessor objects;
    private final DigestProcessor digests;
    private final EventRecordProcessor events;
    private final LambdaLog log;

    /** @param digests the digest processor, or null when digest mode is off */
    UnitOfWork(ObjectProcessor objects, DigestProcessor digests, EventRecordProcessor events, LambdaLog log) {
        this.objects = objects;
        this.digests = digests;
        this.events = events;
        this.log = log;
    }

    /**
     * Processes the objects and carried records of one unit and delivers its findings to {@code outlets}.
     *
     * @param seen the keys of the findings already delivered in this invocation
     */
    Result process(
            List<ObjectRef> refs,
            List<EventRecord> records,
            Set<String> seen,
            List<Outlet> outlets,
            Tally tally,
            String requestId,
            Deadline deadline) {
        Delivery delivery = new Delivery(seen, outlets);
        List<ObjectOutcome> outcomes = new ArrayList<>();
        String failure = null;
        try {
            for (int i = 0; i < refs.size() && failure == null; i++) {
                if (deadline.refusal() != null) {
                    // what cannot be finished in time is not started: the unit fails and comes back whole
                    failure = deadline.refusal();
                    deadline.handedBack(refs.size() - i, records.isEmpty() ? 0 : 1, false);
                    break;
                }
                ObjectRef ref = refs.get(i);
                ObjectOutcome outcome = digests != null && DigestProcessor.isDigest(ref.key())
                        ? digests.process(ref, delivery)
                        : objects.process(ref, delivery);
                outcomes.add(outcome);
                tally.add(outcome);
            }
            if (!records.isEmpty() && failure == null) {
                if (deadline.refusal() != null) {
                    failure = deadline.refusal();
                    deadline.handedBack(0, 1, false);
                } else {
                    tally.add(events.process(records, delivery));
                }
            }
            delivery.flush();
        } catch (Outlet.Undelivered e) {
            failure = "sink " + e.sinkName() + " failed: " + e.getMessage();
            tally.sinkFailures++;
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("requestId", requestId);
            f.put("sink", e.sinkName());
            f.put("undelivered", e.count());
            f.put("reason", e.getMessage());
            log.error("findings not delivered; the objects will be read again", f);
        } catch (RuntimeException e) {
            failure = "unexpected failure: " + e;
            tally.unexpected++;
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("requestId", requestId);
            f.put("reason", e.toString());
            log.error("unexpected failure; the objects will be read again", f);
        }
        tally.delivered += delivery.delivered;
        tally.duplicates += delivery.duplicates;
        return new Result(outcomes, failure);
    }

    /**
     * What became of one unit of work.
     *
     * @param outcomes what became of each object read
     * @param failure why the whole unit failed (a sink, the deadline, an unexpected error), or null
     */
    record Result(List<ObjectOutcome> outcomes, String failure) {
        boolean mustRetry() {
            return failure != null || outcomes.stream().anyMatch(ObjectOutcome::mustRetry);
        }

        boolean permanent() {
            return outcomes.stream().anyMatch(o -> o.status() == ObjectOutcome.Status.PERMANENT_FAILURE);
        }

        ResultCode resultCode() {
            if (mustRetry()) {
                return ResultCode.TEMPORARY_FAILURE;
            }
            return permanent() ? ResultCode.PERMANENT_FAILURE : ResultCode.SUCCEEDED;
        }

        String summary() {
            if (failure != null) {
                return failure;
            }
            StringBuilder s = new StringBuilder();
            for (ObjectOutcome o : outcomes) {
                if (s.length() > 0) {
                    s.append("; ");
                }
                s.append(o.object().uri()).append(": ");
                switch (o.status()) {
                    case READ ->
                        s.append(o.records())
                                .append(" records, ")
                                .append(o.findings())
                                .append(" findings");
                    default ->
                        s.append(o.status().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                                .append(": ")
                                .append(o.reason());
                }
            }
            return s.toString();
        }
    }
}
