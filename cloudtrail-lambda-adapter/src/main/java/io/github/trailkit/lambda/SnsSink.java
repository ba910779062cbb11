package io.github.trailkit.lambda;

import io.github.trailkit.lambda.internal.sinks.BatchDelivery;
import io.github.trailkit.lambda.internal.sinks.BatchSinkOptions;
import io.github.trailkit.lambda.internal.sinks.Failure;
import io.github.trailkit.lambda.internal.sinks.FindingText;
import io.github.trailkit.lambda.internal.sinks.Outcome;
import io.github.trailkit.lambda.internal.sinks.Prepared;
import io.github.trailkit.lambda.internal.sinks.Utf8;
import io.github.trailkit.model.SafeText;
import io.github.trailkit.rules.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishBatchResultEntry;

/**
 * Publishes findings to an Amazon SNS topic with {@code PublishBatch}: up to 10 messages and 256 KiB per request.
 *
 * <pre>{@code
 * static final SnsSink SNS = SnsSink.builder()
 *         .client(SnsClient.builder().httpClient(UrlConnectionHttpClient.create()).build())
 *         .topicArn(System.getenv("TOPIC_ARN"))
 *         .build();
 * }</pre>
 *
 * <p>Each finding is one message:
 *
 * <ul>
 *   <li>{@code Subject} (shown by e-mail subscriptions): {@code [HIGH] sns-topic-created: CreateTopic in
 *       111122223333 us-east-2}, printable ASCII, shorter than 100 characters;
 *   <li>{@code Message}: a few lines for people (title, rule, severity, who, what, when, where, event id, source and
 *       record index), a blank line, then the finding as one JSON line ({@link Finding#toJson(boolean)
 *       toJson(true)}, with the whole record); when that would pass SNS's 256 KiB limit, the record is left out
 *       ({@code toJson(false)}) and a line says so;
 *   <li>message attributes {@code ruleId} and {@code severity} (type {@code String}), for subscription filter
 *       policies such as {@code {"severity":["HIGH","CRITICAL"]}}.
 * </ul>
 *
 * <p>For a FIFO topic (its ARN ends in {@code .fifo}) the message group is the rule id and the deduplication id a
 * SHA-256 of the rule id and {@link Finding#dedupKey()}, so that a log object processed twice within SNS's five-minute
 * window publishes its findings once.
 *
 * <p>Throttling, 5xx answers and I/O errors are retried with exponential backoff and jitter, as are entries the
 * answer lists as failed with {@code SenderFault=false} (only those entries are sent again), up to {@code
 * maxAttempts} requests per batch. Entries refused as sender faults are not retried: the other findings are still
 * published, then {@link #send} throws {@link SinkException} naming the refused ones. When a batch runs out of
 * attempts, or a request fails for good (no such topic, access denied), {@code send} stops and throws, counting every
 * finding not published. Delivery is at least once: a request that timed out may have been published before the
 * retry. The client's own SDK retries, if any, happen inside each attempt.
 *
 * <p>Immutable and thread-safe. {@link #close()} does not close the client.
 */
public final class SnsSink implements FindingSink {
    /** Most entries in one {@code PublishBatch} request. */
    public static final int MAX_BATCH_ENTRIES = 10;

    /** Most bytes of messages (with subjects and attributes) in one request, and in one message: 256 KiB. */
    public static final int MAX_BATCH_BYTES = 256 * 1024;

    private static final String STRING = "String";

    private final SnsClient client;
    private final String topicArn;
    private final boolean fifo;
    private final BatchDelivery delivery;

    private SnsSink(Builder b) {
        this.client = b.options.client();
        this.topicArn = Objects.requireNonNull(b.topicArn, "topicArn");
        this.fifo = topicArn.endsWith(".fifo");
        this.delivery = b.options.delivery(name(), MAX_BATCH_ENTRIES, MAX_BATCH_BYTES, SinkException::new);
    }

    /** A new builder; {@code client} and {@code topicArn} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The topic findings are published to. */
    public String topicArn() {
        return topicArn;
    }

    /** {@code sns:} and the topic ARN. */
    @Override
    public String name() {
        return "sns:" + topicArn;
    }

    @Override
    public void send(List<Finding> findings) {
        delivery.send(findings, this::prepare, "message", "SNS's", this::publish);
    }

    private Prepared<PublishBatchRequestEntry> prepare(int index, Finding f) {
        String subject = FindingText.subject(f);
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        attributes.put(
                "ruleId",
                MessageAttributeValue.builder()
                        .dataType(STRING)
                        .stringValue(f.ruleId())
                        .build());
        attributes.put(
                "severity",
                MessageAttributeValue.builder()
                        .dataType(STRING)
                        .stringValue(f.severity().name())
                        .build());
        long fixed = Utf8.length(subject);
        for (Map.Entry<String, MessageAttributeValue> a : attributes.entrySet()) {
            fixed += Utf8.length(a.getKey())
                    + Utf8.length(STRING)
                    + Utf8.length(a.getValue().stringValue());
        }
        String message = FindingText.summary(f, false) + "\n\n" + SafeText.escape(f.toJson(true));
        long size = fixed + Utf8.length(message);
        if (size > MAX_BATCH_BYTES) {
            message = FindingText.summary(f, true) + "\n\n" + SafeText.escape(f.toJson(false));
            size = fixed + Utf8.length(message);
        }
        PublishBatchRequestEntry.Builder entry = PublishBatchRequestEntry.builder()
                .id(Integer.toString(index))
                .subject(subject)
                .message(message)
                .messageAttributes(attributes);
        if (fifo) {
            String group = f.ruleId();
            entry.messageGroupId(group.length() > 128 ? group.substring(0, 128) : group)
                    .messageDeduplicationId(dedupId(f));
        }
        return new Prepared<>(index, f, entry.build(), size);
    }

    private Outcome<PublishBatchRequestEntry> publish(List<Prepared<PublishBatchRequestEntry>> batch) {
        List<PublishBatchRequestEntry> request = new ArrayList<>(batch.size());
        Map<String, Prepared<PublishBatchRequestEntry>> byId = new LinkedHashMap<>();
        for (Prepared<PublishBatchRequestEntry> p : batch) {
            request.add(p.entry());
            byId.put(p.entry().id(), p);
        }
        PublishBatchResponse response =
                client.publishBatch(r -> r.topicArn(topicArn).publishBatchRequestEntries(request));
        Set<String> published = new HashSet<>();
        for (PublishBatchResultEntry ok : response.successful()) {
            published.add(ok.id());
        }
        List<Prepared<PublishBatchRequestEntry>> retry = new ArrayList<>();
        List<Failure> failed = new ArrayList<>();
        String retryReason = null;
        Set<String> answered = new HashSet<>(published);
        for (BatchResultErrorEntry e : response.failed()) {
            Prepared<PublishBatchRequestEntry> p = byId.get(e.id());
            if (p == null || published.contains(e.id()) || !answered.add(e.id())) {
                continue;
            }
            String reason = e.code() + (e.message() == null || e.message().isEmpty() ? "" : ": " + e.message());
            if (Boolean.TRUE.equals(e.senderFault())) {
                failed.add(new Failure(p.index(), p.finding(), reason));
            } else {
                retry.add(p);
                retryReason = retryReason == null ? reason : retryReason;
            }
        }
        for (Map.Entry<String, Prepared<PublishBatchRequestEntry>> e : byId.entrySet()) {
            if (!answered.contains(e.getKey())) {
                retry.add(e.getValue());
                retryReason = retryReason == null ? "entry missing from the PublishBatch answer" : retryReason;
            }
        }
        retry.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return new Outcome<>(retry, failed, retryReason);
    }

    private static String dedupId(Finding f) {
        String key = f.dedupKey().isEmpty() ? f.toJson(false) : f.dedupKey();
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((f.ruleId() + "\n" + key).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "SnsSink(" + topicArn + ")";
    }

    /** Builds an {@link SnsSink}; each setting is given at most once (else {@link IllegalStateException}). */
    public static final class Builder {
        private final BatchSinkOptions<SnsClient> options = new BatchSinkOptions<>();
        private String topicArn;

        private Builder() {}

        /** The SNS client, built once per container; required. The sink does not close it. */
        public Builder client(SnsClient client) {
            options.client(client);
            return this;
        }

        /** The topic's ARN; required. A FIFO topic's ARN ends in {@code .fifo}. */
        public Builder topicArn(String topicArn) {
            this.topicArn = options.given(topicArn, "topicArn");
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
        public SnsSink build() {
            return new SnsSink(this);
        }
    }
}
