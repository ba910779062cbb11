package io.github.trailkit.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.github.trailkit.lambda.internal.DigestProcessor;
import io.github.trailkit.lambda.internal.Invocation;
import io.github.trailkit.lambda.internal.InvocationFailedException;
import io.github.trailkit.lambda.internal.LambdaLog;
import io.github.trailkit.lambda.internal.ObjectOutcome;
import io.github.trailkit.lambda.internal.ObjectProcessor;
import io.github.trailkit.lambda.internal.ObjectRef;
import io.github.trailkit.lambda.internal.Responses;
import io.github.trailkit.lambda.internal.Responses.ResultCode;
import io.github.trailkit.lambda.internal.Responses.TaskResult;
import io.github.trailkit.lambda.internal.RuleLocations;
import io.github.trailkit.lambda.internal.TriggerDecoder;
import io.github.trailkit.model.ReadLimits;
import io.github.trailkit.model.digest.PublicKeys;
import io.github.trailkit.rules.Finding;
import io.github.trailkit.rules.RuleSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The Lambda function: S3 tells it that CloudTrail delivered a log object, it streams the object from S3, matches
 * every record against the rules and sends the findings to the sinks.
 *
 * <p><b>Deploy it unchanged</b> with the handler {@code io.github.trailkit.lambda.TrailkitHandler::handleRequest}, configured
 * by environment variables:
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><th>variable</th><th>meaning</th></tr>
 *   <tr><td>{@code TRAILKIT_RULES}</td><td>required: where the rule documents are, comma-separated:
 *       {@code classpath:/rules.yaml}, {@code s3://bucket/rules.yaml} or a file path such as {@code /opt/rules.yaml}
 *       (a layer)</td></tr>
 *   <tr><td>{@code TRAILKIT_SNS_TOPIC_ARN}</td><td>publish findings to this SNS topic</td></tr>
 *   <tr><td>{@code TRAILKIT_EVENT_BUS}</td><td>put findings on this EventBridge bus (name or ARN)</td></tr>
 *   <tr><td>{@code TRAILKIT_LOG_FINDINGS}</td><td>{@code true} (default) or {@code false}: write each finding as a
 *       JSON log line</td></tr>
 *   <tr><td>{@code TRAILKIT_INCLUDE_INSIGHTS}</td><td>{@code true} to read Insights log files too (default
 *       {@code false})</td></tr>
 *   <tr><td>{@code TRAILKIT_MAX_OBJECT_BYTES}</td><td>refuse objects larger than this, as stored (default: no
 *       limit)</td></tr>
 *   <tr><td>{@code TRAILKIT_MAX_UNCOMPRESSED_BYTES}</td><td>stop reading an object after this many bytes of JSON
 *       (default 4 GiB, {@link ReadLimits#maxTotalBytes()})</td></tr>
 *   <tr><td>{@code TRAILKIT_MAX_INFLATE_RATIO}</td><td>stop reading a gzip object that inflates more than this many
 *       times its compressed size, a decompression bomb (default 200, {@link ReadLimits#maxInflateRatio()})</td></tr>
 *   <tr><td>{@code TRAILKIT_MAX_RECORD_BYTES}</td><td>skip (and log) records larger than this (default 4 MiB,
 *       {@link ReadLimits#maxRecordBytes()})</td></tr>
 *   <tr><td>{@code TRAILKIT_STRICT_FIELDS}</td><td>{@code true} to skip (and log) a record with a member whose value
 *       cannot be read into its type; by default ({@code false}) such a record is matched, the value kept as it came,
 *       and a warning logged</td></tr>
 *   <tr><td>{@code TRAILKIT_VERIFY_DIGESTS}</td><td>{@code true} to validate log file integrity when a digest file
 *       is delivered (default {@code false}; see below)</td></tr>
 * </table>
 *
 * <p><b>Or build it in code</b>, with your own rules and sinks, by extending it:
 *
 * <pre>{@code
 * public final class CreateTopicAlarm extends TrailkitHandler {
 *     public CreateTopicAlarm() {
 *         super(TrailkitHandler.builder()
 *                 .rules(RuleSet.of(rule("sns-topic-created")
 *                         .when(eventSource().is("sns.amazonaws.com").and(eventName().is("CreateTopic")))
 *                         .build()))
 *                 .sink(SnsSink.builder().client(SnsClient.create()).topicArn(System.getenv("TOPIC_ARN")).build())
 *                 .sink(LogSink.toStdout()));
 *     }
 * }
 * }</pre>
 *
 * <p><b>Triggers.</b> Every way S3 can reach a function is understood: the S3 event notification, SNS, EventBridge
 * "Object Created", SQS (whose bodies may be any of these; the answer names exactly the failed messages in
 * {@code batchItemFailures}, so turn on {@code ReportBatchItemFailures}; from a FIFO queue, the messages after the
 * first failed one are not processed and are returned too, to keep their order), and S3 Batch Operations (answered with a
 * result per task, to backfill old logs). The {@code s3:TestEvent} is logged and ignored. Keys that are not log files
 * (digests unless in digest mode, Insights unless wanted, {@code ConfigWritabilityCheckFile}) are skipped and counted.
 *
 * <p><b>Digest mode</b> (opt-in: {@code TRAILKIT_VERIFY_DIGESTS=true}, or {@link Builder#verifyDigests(boolean)}
 * or {@link Builder#verifyDigests(PublicKeys)}). A notification for a digest file ({@code CloudTrail-Digest/}), which
 * is otherwise skipped, validates the hour it covers: the digest's signature (its {@code signature} metadata), its
 * link to the previous digest, and the SHA-256 of every log file it lists, as {@code aws cloudtrail validate-logs}
 * does. Every file that is not valid becomes a {@link io.github.trailkit.rules.Severity#CRITICAL} finding, rule id
 * {@value DigestProcessor#RULE_ID}, sent to the sinks like any other. Its record is synthetic, not one CloudTrail
 * wrote: {@code eventSource} {@code trailkit}, {@code eventName} the verdict ({@code MODIFIED}, {@code MISSING},
 * {@code NOT_COVERED}, {@code SIGNATURE_INVALID}, {@code CHAIN_BROKEN}), {@code eventTime} the digest's end time,
 * account and region from the digest key, and {@code requestParameters} holding {@code bucket}, {@code key}, {@code
 * fileType}, {@code verdict}, {@code reason}, {@code digestBucket} and {@code digestKey}; the finding's {@code source}
 * is the failed file. CloudTrail's public keys come from {@link Builder#verifyDigests(PublicKeys)}, or are fetched
 * with {@code cloudtrail:ListPublicKeys} in each digest's region when first needed (and again when none of them was
 * valid at a digest's time), with {@link Builder#cloudTrail(CloudTrailClient)} or a client per region. The function
 * needs {@code s3:GetObject} on the digest and log prefixes and {@code cloudtrail:ListPublicKeys}. An S3 or
 * CloudTrail error is transient (the digest is read again), never a finding.
 *
 * <p><b>Failures.</b> A transient failure (S3 throttling or 5xx after the SDK's retries, a broken connection) or a sink
 * that stays down fails the unit of work so that it is delivered again: the SQS message, the Batch Operations task
 * ({@code TemporaryFailure}), or else the invocation (Lambda retries asynchronous events). An object that no longer
 * exists, is not a CloudTrail log, or is damaged fails for good: it is logged as an {@code ERROR} line with bucket,
 * key and reason, and does not fail the rest; findings from the records before the damage are still sent. Retrying it
 * cannot help, so a direct invocation does not fail for it and a Batch Operations task reports
 * {@code PermanentFailure}; an SQS message naming it is still returned in {@code batchItemFailures}, so that after
 * the queue's {@code maxReceiveCount} it is kept in the dead-letter queue rather than deleted.
 * Delivery is at least once; within one invocation the same finding (rule id and {@link Finding#dedupKey()}) is sent
 * once.
 *
 * <p>Everything expensive (clients, compiled rules) is built once, when Lambda creates the handler, and shared by
 * every invocation of the container. The handler is thread-safe.
 */
public class TrailkitHandler implements RequestStreamHandler {
    /** How many findings are handed to the sinks at once (SNS and EventBridge take 10 per call). */
    private static final int FLUSH_EVERY = 100;

    private final RuleSet rules;
    private final List<FindingSink> sinks;
    private final ObjectProcessor processor;
    private final DigestProcessor digests;
    private final LambdaLog log;

    /** The handler Lambda creates: configured by the environment variables listed above. */
    public TrailkitHandler() {
        this(builder().environment(System.getenv()));
    }

    /**
     * A handler built in code; subclasses call it from their no-argument constructor.
     *
     * @param builder the configuration
     * @throws IllegalStateException when there are no rules or no sink
     * @throws IllegalArgumentException when a setting is invalid or the rules cannot be read
     */
    protected TrailkitHandler(Builder builder) {
        Builder b = Objects.requireNonNull(builder, "builder");
        Supplier<PrintStream> out = b.logTo != null ? () -> b.logTo : () -> System.out;
        this.log = new LambdaLog(out);
        Map<String, String> env = b.environment;
        S3Client s3 = b.s3 != null ? b.s3 : defaultS3();
        this.rules = resolveRules(b, env, s3);
        this.sinks = resolveSinks(b, env);
        boolean insights = b.includeInsights != null ? b.includeInsights
                : flag(env, "TRAILKIT_INCLUDE_INSIGHTS", false);
        long maxBytes = b.maxObjectBytes != null ? b.maxObjectBytes : number(env, "TRAILKIT_MAX_OBJECT_BYTES", 0);
        ReadLimits limits = resolveLimits(b, env);
        boolean strictFields = b.strictFields != null ? b.strictFields : flag(env, "TRAILKIT_STRICT_FIELDS", false);
        this.processor = new ObjectProcessor(s3, rules, insights, maxBytes, limits, log, strictFields);
        boolean verifyDigests = b.verifyDigests != null ? b.verifyDigests : flag(env, "TRAILKIT_VERIFY_DIGESTS", false);
        this.digests = verifyDigests ? new DigestProcessor(s3, b.publicKeys, cloudTrailClients(b), log) : null;
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("rules", rules.size());
        f.put("sinks", sinks.stream().map(FindingSink::name).toList().toString());
        f.put("includeInsights", insights);
        f.put("maxObjectBytes", maxBytes == 0 ? null : maxBytes);
        f.put("maxUncompressedBytes", limits.maxTotalBytes());
        f.put("maxInflateRatio", limits.maxInflateRatio());
        f.put("maxRecordBytes", limits.maxRecordBytes());
        f.put("verifyDigests", verifyDigests);
        f.put("strictFields", strictFields);
        log.info("trailkit handler ready", f);
    }

    /** A builder for a handler with your own rules, clients and sinks. */
    public static Builder builder() {
        return new Builder();
    }

    /** The rules this handler matches records against. */
    public final RuleSet rules() {
        return rules;
    }

    /** The sinks findings go to, in order. */
    public final List<FindingSink> sinks() {
        return sinks;
    }

    /**
     * Handles one invocation: decodes the trigger, processes every object it names and writes the answer the trigger
     * expects (a partial batch response for SQS, a result per task for S3 Batch Operations, else a short summary).
     *
     * @throws IllegalArgumentException when the event is of no known shape (nothing to retry)
     * @throws RuntimeException when an object must be read again or a sink stays down, for a trigger whose only way to
     *     ask for a retry is to fail the invocation
     */
    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String requestId = context == null ? null : context.getAwsRequestId();
        byte[] event = input.readAllBytes();
        Invocation invocation;
        try {
            invocation = TriggerDecoder.decode(event);
        } catch (IllegalArgumentException e) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("requestId", requestId);
            f.put("reason", e.getMessage());
            log.error("unrecognised event", f);
            throw e;
        }
        for (String reason : invocation.ignored()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("requestId", requestId);
            f.put("trigger", invocation.kind().name());
            f.put("reason", reason);
            log.info("event ignored", f);
        }
        Tally tally = new Tally();
        Set<String> seen = new HashSet<>();
        byte[] answer;
        switch (invocation.kind()) {
            case SQS -> {
                List<String> failed = new ArrayList<>();
                for (Invocation.SqsMessage message : invocation.messages()) {
                    if (message.fromFifoQueue() && !failed.isEmpty()) {
                        // a FIFO queue keeps order only if nothing after a failed message is processed
                        failed.add(message.messageId());
                        tally.notTried++;
                        continue;
                    }
                    if (!message.decoded()) {
                        Map<String, Object> f = new LinkedHashMap<>();
                        f.put("requestId", requestId);
                        f.put("messageId", message.messageId());
                        f.put("reason", message.problem());
                        log.error("SQS message not understood", f);
                        tally.undecodable++;
                        failed.add(message.messageId());
                        continue;
                    }
                    Unit unit = processUnit(message.objects(), seen, tally, requestId);
                    if (unit.mustRetry() || unit.permanent()) {
                        // a permanent failure fails its message too: after the queue's maxReceiveCount it is kept
                        // in the dead-letter queue instead of being deleted unread
                        failed.add(message.messageId());
                    }
                }
                answer = Responses.sqsBatchResponse(failed);
            }
            case BATCH_OPERATIONS -> {
                List<TaskResult> results = new ArrayList<>();
                for (Invocation.BatchTask task : invocation.batch().tasks()) {
                    Unit unit = processUnit(List.of(task.object()), seen, tally, requestId);
                    results.add(new TaskResult(task.taskId(), unit.resultCode(), unit.summary()));
                }
                answer = Responses.batchOperationsResponse(invocation.batch(), results);
            }
            default -> {
                Unit unit = processUnit(invocation.objects(), seen, tally, requestId);
                logDone(invocation, tally, requestId);
                if (unit.mustRetry()) {
                    throw new InvocationFailedException(unit.summary());
                }
                output.write(tally.json(invocation.kind()).getBytes(StandardCharsets.UTF_8));
                return;
            }
        }
        logDone(invocation, tally, requestId);
        output.write(answer);
    }

    private void logDone(Invocation invocation, Tally tally, String requestId) {
        Map<String, Object> f = tally.fields(invocation.kind());
        f.put("requestId", requestId);
        log.info("invocation done", f);
    }

    /** Processes the objects of one unit of work (a message, a task, an invocation) and delivers its findings. */
    private Unit processUnit(List<ObjectRef> objects, Set<String> seen, Tally tally, String requestId) {
        Delivery delivery = new Delivery(seen);
        List<ObjectOutcome> outcomes = new ArrayList<>();
        String failure = null;
        try {
            for (ObjectRef ref : objects) {
                ObjectOutcome outcome = digests != null && DigestProcessor.isDigest(ref.key())
                        ? digests.process(ref, delivery) : processor.process(ref, delivery);
                outcomes.add(outcome);
                tally.add(outcome);
            }
            delivery.flush();
        } catch (SinkException e) {
            failure = "sink " + e.sinkName() + " failed: " + e.getMessage();
            tally.sinkFailures++;
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("requestId", requestId);
            f.put("sink", e.sinkName());
            f.put("undelivered", e.undeliveredCount());
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
        return new Unit(outcomes, failure);
    }

    private RuleSet resolveRules(Builder b, Map<String, String> env, S3Client s3) {
        if (b.rules != null) {
            return b.rules;
        }
        String locations = env.get("TRAILKIT_RULES");
        if (locations == null || locations.isBlank()) {
            throw new IllegalStateException("no rules: set TRAILKIT_RULES to classpath:/..., s3://bucket/key or a file "
                    + "path (comma-separated), or give the builder rules(...)");
        }
        return RuleSet.of(RuleLocations.load(locations, s3));
    }

    private List<FindingSink> resolveSinks(Builder b, Map<String, String> env) {
        List<FindingSink> all = new ArrayList<>(b.sinks);
        String topic = env.get("TRAILKIT_SNS_TOPIC_ARN");
        if (topic != null && !topic.isBlank()) {
            SnsClient sns = b.sns != null ? b.sns
                    : SnsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
            all.add(SnsSink.builder().client(sns).topicArn(topic.strip()).build());
        }
        String bus = env.get("TRAILKIT_EVENT_BUS");
        if (bus != null && !bus.isBlank()) {
            EventBridgeClient events = b.eventBridge != null ? b.eventBridge
                    : EventBridgeClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
            all.add(EventBridgeSink.builder().client(events).eventBusName(bus.strip()).build());
        }
        if (!env.isEmpty() && flag(env, "TRAILKIT_LOG_FINDINGS", true)) {
            all.add(b.logTo != null ? LogSink.to(b.logTo) : LogSink.toStdout());
        }
        if (all.isEmpty()) {
            throw new IllegalStateException("no sink: findings would go nowhere; set TRAILKIT_SNS_TOPIC_ARN, "
                    + "TRAILKIT_EVENT_BUS or TRAILKIT_LOG_FINDINGS=true, or give the builder sink(...)");
        }
        return List.copyOf(all);
    }

    /** The builder's CloudTrail client for every region, else one default client per region, built when needed. */
    private static Function<String, CloudTrailClient> cloudTrailClients(Builder b) {
        if (b.cloudTrail != null) {
            CloudTrailClient given = b.cloudTrail;
            return region -> given;
        }
        Map<String, CloudTrailClient> byRegion = new ConcurrentHashMap<>();
        return region -> byRegion.computeIfAbsent(region, r -> CloudTrailClient.builder()
                .region(Region.of(r))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build());
    }

    private static S3Client defaultS3() {
        return S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    private static boolean flag(Map<String, String> env, String name, boolean otherwise) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return otherwise;
        }
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, found \"" + v + "\"");
        };
    }

    /** The builder's limits when it was given some; else the defaults, with the limits the environment sets. */
    private static ReadLimits resolveLimits(Builder b, Map<String, String> env) {
        if (b.readLimits != null) {
            return b.readLimits;
        }
        ReadLimits base = ReadLimits.defaults();
        ReadLimits.Builder limits = base.toBuilder();
        try {
            limits.maxTotalBytes(number(env, "TRAILKIT_MAX_UNCOMPRESSED_BYTES", base.maxTotalBytes()));
            limits.maxRecordBytes(number(env, "TRAILKIT_MAX_RECORD_BYTES", base.maxRecordBytes()));
            long ratio = number(env, "TRAILKIT_MAX_INFLATE_RATIO", base.maxInflateRatio());
            limits.maxInflateRatio((int) Math.min(Integer.MAX_VALUE, ratio));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid limit in the environment: " + e.getMessage(), e);
        }
        return limits.build();
    }

    private static long number(Map<String, String> env, String name, long otherwise) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return otherwise;
        }
        try {
            long n = Long.parseLong(v.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number of bytes, found \"" + v + "\"");
        }
    }

    /** Collects findings for one unit of work: drops repeats within the invocation, hands them on in batches. */
    private final class Delivery implements Consumer<Finding> {
        private final Set<String> seen;
        private final List<Finding> buffer = new ArrayList<>();
        long delivered;
        long duplicates;

        Delivery(Set<String> seen) {
            this.seen = seen;
        }

        @Override
        public void accept(Finding finding) {
            if (!finding.dedupKey().isEmpty() && !seen.add(finding.ruleId() + '\u0000' + finding.dedupKey())) {
                duplicates++;
                return;
            }
            buffer.add(finding);
            if (buffer.size() >= FLUSH_EVERY) {
                flush();
            }
        }

        /** Sends the buffer to every sink (a failing sink does not keep the others from theirs), then throws. */
        void flush() {
            if (buffer.isEmpty()) {
                return;
            }
            List<Finding> batch = List.copyOf(buffer);
            buffer.clear();
            SinkException first = null;
            for (FindingSink sink : sinks) {
                try {
                    sink.send(batch);
                } catch (SinkException e) {
                    if (first == null) {
                        first = e;
                    } else {
                        first.addSuppressed(e);
                    }
                } catch (RuntimeException e) {
                    SinkException wrapped = new SinkException(sink.name(), batch, e.toString(), e);
                    if (first == null) {
                        first = wrapped;
                    } else {
                        first.addSuppressed(wrapped);
                    }
                }
            }
            if (first != null) {
                throw first;
            }
            delivered += batch.size();
        }
    }

    /** What became of one unit of work. */
    private record Unit(List<ObjectOutcome> outcomes, String failure) {
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
                    case READ -> s.append(o.records()).append(" records, ").append(o.findings()).append(" findings");
                    default -> s.append(o.status().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                            .append(": ").append(o.reason());
                }
            }
            return s.toString();
        }
    }

    /** Counts for the invocation's summary line. */
    private static final class Tally {
        long objects;
        long read;
        long skipped;
        long failedForGood;
        long toRetry;
        long records;
        long badRecords;
        long findings;
        long delivered;
        long duplicates;
        long sinkFailures;
        long undecodable;
        long unexpected;
        long notTried;

        void add(ObjectOutcome o) {
            objects++;
            records += o.records();
            badRecords += o.badRecords();
            findings += o.findings();
            switch (o.status()) {
                case READ -> read++;
                case SKIPPED -> skipped++;
                case PERMANENT_FAILURE -> failedForGood++;
                case TRANSIENT_FAILURE -> toRetry++;
            }
        }

        Map<String, Object> fields(Invocation.Kind kind) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("trigger", kind.name());
            f.put("objects", objects);
            f.put("read", read);
            f.put("skipped", skipped);
            f.put("failedForGood", failedForGood);
            f.put("toRetry", toRetry);
            f.put("records", records);
            f.put("badRecords", badRecords);
            f.put("findings", findings);
            f.put("delivered", delivered);
            f.put("duplicates", duplicates);
            f.put("sinkFailures", sinkFailures);
            f.put("undecodableMessages", undecodable);
            f.put("unexpectedFailures", unexpected);
            f.put("fifoMessagesNotTried", notTried);
            return f;
        }

        String json(Invocation.Kind kind) {
            String line = LambdaLog.line("INFO", "invocation done", fields(kind));
            return line;
        }
    }

    /**
     * The configuration of a {@link TrailkitHandler}. Settings made here win over the environment; what is not set
     * comes from the environment given to {@link #environment(Map)} (nothing, unless it is called).
     *
     * <pre>{@code
     * TrailkitHandler.builder()
     *         .environment(System.getenv())        // TRAILKIT_RULES, TRAILKIT_SNS_TOPIC_ARN, ...
     *         .s3(S3Client.create())               // else a client with the URLConnection HTTP client
     *         .sink(mySink)                        // in addition to the sinks the environment names
     * }</pre>
     */
    public static final class Builder {
        private Map<String, String> environment = Map.of();
        private RuleSet rules;
        private S3Client s3;
        private SnsClient sns;
        private EventBridgeClient eventBridge;
        private CloudTrailClient cloudTrail;
        private Boolean verifyDigests;
        private PublicKeys publicKeys;
        private final List<FindingSink> sinks = new ArrayList<>();
        private Boolean includeInsights;
        private Long maxObjectBytes;
        private Boolean strictFields;
        private ReadLimits readLimits;
        private PrintStream logTo;

        private Builder() {
        }

        /** Reads the {@code TRAILKIT_*} variables from this map (such as {@code System.getenv()}). */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /** The rules, instead of {@code TRAILKIT_RULES}. */
        public Builder rules(RuleSet rules) {
            this.rules = Objects.requireNonNull(rules, "rules");
            return this;
        }

        /** The S3 client log objects (and {@code s3://} rule documents) are read with. */
        public Builder s3(S3Client s3) {
            this.s3 = Objects.requireNonNull(s3, "s3");
            return this;
        }

        /** The SNS client for the sink {@code TRAILKIT_SNS_TOPIC_ARN} asks for. */
        public Builder sns(SnsClient sns) {
            this.sns = Objects.requireNonNull(sns, "sns");
            return this;
        }

        /** The EventBridge client for the sink {@code TRAILKIT_EVENT_BUS} asks for. */
        public Builder eventBridge(EventBridgeClient eventBridge) {
            this.eventBridge = Objects.requireNonNull(eventBridge, "eventBridge");
            return this;
        }

        /**
         * Whether digest-file notifications validate the hour they cover (see the class description), instead of
         * {@code TRAILKIT_VERIFY_DIGESTS}; public keys are fetched with {@code cloudtrail:ListPublicKeys}.
         */
        public Builder verifyDigests(boolean verifyDigests) {
            this.verifyDigests = verifyDigests;
            return this;
        }

        /**
         * Turns digest mode on with these public keys, instead of fetching them.
         *
         * <pre>{@code
         * TrailkitHandler.builder().verifyDigests(PublicKeys.parse(keysJson, "keys.json"))
         * }</pre>
         */
        public Builder verifyDigests(PublicKeys publicKeys) {
            this.publicKeys = Objects.requireNonNull(publicKeys, "publicKeys");
            this.verifyDigests = true;
            return this;
        }

        /**
         * The CloudTrail client digest mode fetches public keys with, for every digest region; else a client with the
         * URLConnection HTTP client is built for each region digests come from.
         */
        public Builder cloudTrail(CloudTrailClient cloudTrail) {
            this.cloudTrail = Objects.requireNonNull(cloudTrail, "cloudTrail");
            return this;
        }

        /** Adds a sink; findings go to every sink, in the order added (before those the environment names). */
        public Builder sink(FindingSink sink) {
            sinks.add(Objects.requireNonNull(sink, "sink"));
            return this;
        }

        /** Whether Insights log files are read too, instead of {@code TRAILKIT_INCLUDE_INSIGHTS}. */
        public Builder includeInsights(boolean includeInsights) {
            this.includeInsights = includeInsights;
            return this;
        }

        /**
         * Instead of {@code TRAILKIT_STRICT_FIELDS}: {@code true} skips (and logs) a record with a member whose value
         * cannot be read into its type; {@code false} (the default) matches it, the value kept as it came, and logs a
         * warning.
         *
         * <pre>{@code
         * TrailkitHandler.builder().rules(rules).strictFields(true);
         * }</pre>
         */
        public Builder strictFields(boolean strictFields) {
            this.strictFields = strictFields;
            return this;
        }

        /** Objects larger than this many bytes (as stored) are refused for good; 0 for no limit. */
        public Builder maxObjectBytes(long maxObjectBytes) {
            if (maxObjectBytes < 0) {
                throw new IllegalArgumentException("maxObjectBytes must be 0 or more, found " + maxObjectBytes);
            }
            this.maxObjectBytes = maxObjectBytes;
            return this;
        }

        /**
         * Limits on what is read from each object, instead of {@link ReadLimits#defaults()} with the {@code
         * TRAILKIT_MAX_UNCOMPRESSED_BYTES}, {@code TRAILKIT_MAX_RECORD_BYTES} and {@code TRAILKIT_MAX_INFLATE_RATIO}
         * environment variables. An object over a limit is a permanent failure; the rest of the batch is still
         * processed.
         *
         * <pre>{@code
         * TrailkitHandler.builder().readLimits(ReadLimits.builder().maxInflateRatio(50).build())
         * }</pre>
         */
        public Builder readLimits(ReadLimits readLimits) {
            this.readLimits = Objects.requireNonNull(readLimits, "readLimits");
            return this;
        }

        /** Where the handler's JSON log lines go, instead of standard output (for tests). */
        public Builder logTo(PrintStream logTo) {
            this.logTo = Objects.requireNonNull(logTo, "logTo");
            return this;
        }

        /** A handler with this configuration; for a subclass, pass the builder to the constructor instead. */
        public TrailkitHandler build() {
            return new TrailkitHandler(this);
        }
    }
}
