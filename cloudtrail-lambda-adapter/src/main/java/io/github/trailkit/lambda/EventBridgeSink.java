package io.github.trailkit.lambda;

import io.github.trailkit.lambda.internal.sinks.BatchDelivery;
import io.github.trailkit.lambda.internal.sinks.BatchSinkOptions;
import io.github.trailkit.lambda.internal.sinks.Failure;
import io.github.trailkit.lambda.internal.sinks.Outcome;
import io.github.trailkit.lambda.internal.sinks.Prepared;
import io.github.trailkit.lambda.internal.sinks.Utf8;
import io.github.trailkit.rules.Finding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Puts findings on an Amazon EventBridge event bus with {@code PutEvents}: up to 10 events and 256 KiB per request.
 *
 * <pre>{@code
 * static final EventBridgeSink EVENTS = EventBridgeSink.builder()
 *         .client(EventBridgeClient.builder().httpClient(UrlConnectionHttpClient.create()).build())
 *         .eventBusName("security")
 *         .build();
 * }</pre>
 *
 * <p>Each finding is one event: {@code Source} {@code trailkit} (or {@link Builder#source}), {@code DetailType}
 * {@value #DETAIL_TYPE}, {@code Detail} the finding as JSON ({@link Finding#toJson(boolean) toJson(true)}, with the
 * whole record, or {@code toJson(false)} when that would pass the 256 KiB limit), {@code Time} the record's {@code
 * eventTime} when it has one, no {@code Resources}. A rule on the bus selects findings with a pattern such as:
 *
 * <pre>{@code
 * {"source": ["trailkit"], "detail-type": ["trailkit Finding"], "detail": {"severity": ["HIGH", "CRITICAL"]}}
 * }</pre>
 *
 * <p>Entry sizes are counted as AWS documents them: {@code Source}, {@code DetailType}, {@code Detail} and {@code
 * Resources} in UTF-8, plus 14 bytes for {@code Time}. Throttling, 5xx answers and I/O errors are retried with
 * exponential backoff and jitter, as are entries answered with error code {@code ThrottlingException} or {@code
 * InternalFailure} (only those entries are sent again), up to {@code maxAttempts} requests per batch; entries failed
 * with another code are not retried, the other findings are still put, then {@link #send} throws {@link
 * SinkException} naming them. When a batch runs out of attempts, or a request fails for good, {@code send} stops and
 * throws, counting every finding not put. Delivery is at least once.
 *
 * <p>Immutable and thread-safe. {@link #close()} does not close the client.
 */
public final class EventBridgeSink implements FindingSink {
    /** The {@code DetailType} of every event. */
    public static final String DETAIL_TYPE = "trailkit Finding";

    /** Most entries in one {@code PutEvents} request. */
    public static final int MAX_BATCH_ENTRIES = 10;

    /** Most bytes of entries in one request, and in one entry: 256 KiB. */
    public static final int MAX_BATCH_BYTES = 256 * 1024;

    /** Per-entry error codes worth sending the entry again. */
    private static final Set<String> RETRYABLE_CODES = Set.of("ThrottlingException", "InternalFailure");

    /** What AWS counts for an entry's {@code Time}. */
    private static final int TIME_BYTES = 14;

    private final EventBridgeClient client;
    private final String eventBusName;
    private final String source;
    private final BatchDelivery delivery;

    private EventBridgeSink(Builder b) {
        this.client = b.options.client();
        this.eventBusName = b.eventBusName;
        this.source = b.source;
        this.delivery = b.options.delivery(name(), MAX_BATCH_ENTRIES, MAX_BATCH_BYTES, SinkException::new);
    }

    /** A new builder; {@code client} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The event bus's name or ARN. */
    public String eventBusName() {
        return eventBusName;
    }

    /** The {@code Source} of every event. */
    public String source() {
        return source;
    }

    /** {@code eventbridge:} and the bus name. */
    @Override
    public String name() {
        return "eventbridge:" + eventBusName;
    }

    @Override
    public void send(List<Finding> findings) {
        delivery.send(findings, this::prepare, "event", "EventBridge's", this::put);
    }

    private Prepared<PutEventsRequestEntry> prepare(int index, Finding f) {
        long fixed = Utf8.length(source) + Utf8.length(DETAIL_TYPE);
        PutEventsRequestEntry.Builder entry = PutEventsRequestEntry.builder()
                .eventBusName(eventBusName)
                .source(source)
                .detailType(DETAIL_TYPE);
        if (f.record().eventTime().isPresent()) {
            entry.time(f.record().eventTime().get());
            fixed += TIME_BYTES;
        }
        String detail = f.toJson(true);
        long size = fixed + Utf8.length(detail);
        if (size > MAX_BATCH_BYTES) {
            detail = f.toJson(false);
            size = fixed + Utf8.length(detail);
        }
        return new Prepared<>(index, f, entry.detail(detail).build(), size);
    }

    private Outcome<PutEventsRequestEntry> put(List<Prepared<PutEventsRequestEntry>> batch) {
        List<PutEventsRequestEntry> request = new ArrayList<>(batch.size());
        for (Prepared<PutEventsRequestEntry> p : batch) {
            request.add(p.entry());
        }
        PutEventsResponse response = client.putEvents(r -> r.entries(request));
        int failedCount = response.failedEntryCount() == null ? 0 : response.failedEntryCount();
        List<PutEventsResultEntry> results = response.entries();
        if (results.size() != batch.size()) {
            // The answer should hold one result per entry, in order; without that, entries cannot be told apart.
            if (failedCount == 0 && !results.isEmpty()) {
                return new Outcome<>(List.of(), List.of(), null);
            }
            return new Outcome<>(
                    batch,
                    List.of(),
                    "PutEvents answered " + results.size() + " results for " + batch.size() + " entries, " + failedCount
                            + " failed");
        }
        List<Prepared<PutEventsRequestEntry>> retry = new ArrayList<>();
        List<Failure> failed = new ArrayList<>();
        String retryReason = null;
        for (int i = 0; i < batch.size(); i++) {
            PutEventsResultEntry r = results.get(i);
            if (r.errorCode() == null && r.eventId() != null) {
                continue;
            }
            Prepared<PutEventsRequestEntry> p = batch.get(i);
            String code = r.errorCode() == null ? "NoEventId" : r.errorCode();
            String reason =
                    code + (r.errorMessage() == null || r.errorMessage().isEmpty() ? "" : ": " + r.errorMessage());
            if (r.errorCode() == null || RETRYABLE_CODES.contains(code)) {
                retry.add(p);
                retryReason = retryReason == null ? reason : retryReason;
            } else {
                failed.add(new Failure(p.index(), p.finding(), reason));
            }
        }
        return new Outcome<>(retry, failed, retryReason);
    }

    @Override
    public String toString() {
        return "EventBridgeSink(" + eventBusName + ", source " + source + ")";
    }

    /** Builds an {@link EventBridgeSink}; each setting is given at most once (else {@link IllegalStateException}). */
    public static final class Builder {
        private final BatchSinkOptions<EventBridgeClient> options = new BatchSinkOptions<>();
        private String eventBusName = "default";
        private String source = "trailkit";

        private Builder() {}

        /** The EventBridge client, built once per container; required. The sink does not close it. */
        public Builder client(EventBridgeClient client) {
            options.client(client);
            return this;
        }

        /** The event bus's name or ARN; {@code default} by default. */
        public Builder eventBusName(String eventBusName) {
            this.eventBusName = options.text(eventBusName, "eventBusName");
            return this;
        }

        /**
         * The {@code Source} of every event; {@code trailkit} by default. EventBridge refuses sources starting with
         * {@code aws.} from {@code PutEvents}.
         */
        public Builder source(String source) {
            this.source = options.text(source, "source");
            return this;
        }

        /** Most requests per batch, the first one included; 5 by default, at least 1. */
        public Builder maxAttempts(int maxAttempts) {
            options.maxAttempts(maxAttempts);
            return this;
        }

        /**
         * The first wait before a retry, doubled at each further retry (at most 10 s) and jittered between half and
         * all of it; 100 ms by default.
         */
        public Builder baseDelay(Duration baseDelay) {
            options.baseDelay(baseDelay);
            return this;
        }

        /** The sink. */
        public EventBridgeSink build() {
            return new EventBridgeSink(this);
        }
    }
}
