package io.github.trailkit.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.github.trailkit.lambda.internal.DigestProcessor;
import io.github.trailkit.lambda.internal.EventRecord;
import io.github.trailkit.lambda.internal.EventRecordProcessor;
import io.github.trailkit.lambda.internal.Invocation;
import io.github.trailkit.lambda.internal.InvocationFailedException;
import io.github.trailkit.lambda.internal.LambdaLog;
import io.github.trailkit.lambda.internal.ObjectOutcome;
import io.github.trailkit.lambda.internal.ObjectProcessor;
import io.github.trailkit.lambda.internal.ObjectRef;
import io.github.trailkit.lambda.internal.OptionalClients;
import io.github.trailkit.lambda.internal.Responses;
import io.github.trailkit.lambda.internal.Responses.ResultCode;
import io.github.trailkit.lambda.internal.Responses.TaskResult;
import io.github.trailkit.lambda.internal.RuleLocations;
import io.github.trailkit.lambda.internal.TriggerDecoder;
import io.github.trailkit.lambda.internal.ops.Deadline;
import io.github.trailkit.lambda.internal.ops.EmfMetrics;
import io.github.trailkit.lambda.internal.ops.HttpClients;
import io.github.trailkit.lambda.internal.ops.LogSettings;
import io.github.trailkit.lambda.internal.ops.Priming;
import io.github.trailkit.lambda.internal.ops.S3Clients;
import io.github.trailkit.model.ReadLimits;
import io.github.trailkit.model.digest.DigestLimits;
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
import software.amazon.awssdk.http.SdkHttpClient;
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
 *   <tr><td>{@code TRAILKIT_DEADLINE_MARGIN_MS}</td><td>start no object or batch of carried records when less than
 *       this many milliseconds of the invocation are left; hand it back for retry instead (default 3000; 0: off;
 *       see {@link Builder#deadlineMargin(java.time.Duration)})</td></tr>
 *   <tr><td>{@code TRAILKIT_HTTP_CLIENT}</td><td>the HTTP client of the AWS clients the handler builds:
 *       {@code url-connection} (default), {@code crt}, {@code apache} or {@code apache5} (the function brings that
 *       client)</td></tr>
 *   <tr><td>{@code AWS_LAMBDA_LOG_LEVEL}, {@code AWS_LAMBDA_LOG_FORMAT}</td><td>set by Lambda's logging configuration:
 *       lines below the level are not written; {@code JSON} (default) or {@code Text} lines</td></tr>
 *   <tr><td>{@code TRAILKIT_LOG_OUTPUT}</td><td>{@code stdout} (default), {@code slf4j} or {@code auto}: log lines as
 *       SLF4J events with their fields as key-value pairs</td></tr>
 *   <tr><td>{@code TRAILKIT_METRICS}, {@code TRAILKIT_METRICS_NAMESPACE}, {@code TRAILKIT_METRICS_DIMENSIONS}</td>
 *       <td>one CloudWatch Embedded Metric Format line per invocation (default: on in Lambda), its namespace
 *       (default {@code trailkit}) and dimensions (default {@code FunctionName})</td></tr>
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
 * <p><b>Records without a log file</b>, with no setting to change: EventBridge events CloudTrail sends (every
 * {@code detail-type} "... via CloudTrail": API calls, console sign-ins, service events, Insights) straight, as SQS
 * bodies, through SNS or as Kinesis Data Streams records; CloudWatch Logs subscription events
 * ({@code {"awslogs":{"data":...}}}) straight or through Kinesis (a {@code CONTROL_MESSAGE} is logged and ignored);
 * and any mix of these with the S3 shapes in one SQS batch. Each carried record is read by the same reader, within
 * the same limits, and matched by the same rules as a record of a log file, so a rule gives the same finding for it
 * on every path. Its findings say where it came from: {@code source} is {@code eventbridge:<event id>} (record index
 * 0) or {@code cloudwatch-logs:<log group>:<log stream>:<log event id>} (record index: its place in
 * {@code logEvents}), where a log file's findings have {@code s3://bucket/key}; their {@link Finding#dedupKey()} comes
 * from the record alone and is the same on every path. A Kinesis batch is answered with {@code batchItemFailures}
 * naming sequence numbers (after a failed record the rest are returned too, as from a FIFO queue). An event that
 * cannot be decoded (bad base64, data that is not gzip, a {@code detail} that is not an object) fails its unit of work
 * (its SQS message or Kinesis record, else the invocation) with the reason logged, never the rest of the batch.
 *
 * <p><b>Digest mode</b> (opt-in: {@code TRAILKIT_VERIFY_DIGESTS=true}, or {@link Builder#verifyDigests(boolean)}
 * or {@link Builder#verifyDigests(PublicKeys)}). A notification for a digest file ({@code CloudTrail-Digest/}), which
 * is otherwise skipped, validates the hour it covers: the digest's signature (its {@code signature} metadata), its
 * link to the previous digest, and the SHA-256 of every log file it lists, as {@code aws cloudtrail validate-logs}
 * does. Every file that is not valid becomes a {@link io.github.trailkit.rules.Severity#CRITICAL} finding, rule id
 * {@value DigestProcessor#RULE_ID}, sent to the sinks like any other. Its record is synthetic, not one CloudTrail
 * wrote: {@code eventSource} {@code trailkit}, {@code eventName} the verdict ({@code MODIFIED}, {@code MISSING},
 * {@code UNVERIFIED}, {@code NOT_COVERED}, {@code SIGNATURE_INVALID}, {@code CHAIN_BROKEN}, {@code LIMIT_EXCEEDED}),
 * {@code eventTime} the digest's end time,
 * account and region from the digest key, and {@code requestParameters} holding {@code bucket}, {@code key}, {@code
 * fileType}, {@code verdict}, {@code reason}, {@code digestBucket} and {@code digestKey}; the finding's {@code source}
 * is the failed file. CloudTrail's public keys come from {@link Builder#verifyDigests(PublicKeys)}, or are fetched
 * with {@code cloudtrail:ListPublicKeys} in each digest's region when first needed (and again when none of them was
 * valid at a digest's time), with {@link Builder#cloudTrail(CloudTrailClient)} or a client per region. The function
 * needs {@code s3:GetObject} on the digest and log prefixes and {@code cloudtrail:ListPublicKeys}. An S3 or
 * CloudTrail error is transient (the digest is read again), never a finding. A log file is valid only when the
 * digest listing it has a verified signature; one listed by a digest whose signature fails or cannot be checked is
 * an {@code UNVERIFIED} finding naming the digest. Each digest is streamed within {@link Builder#digestLimits
 * DigestLimits} (by default the smaller of 32 MiB and {@code TRAILKIT_MAX_OBJECT_BYTES} as stored, the smaller of
 * 128 MiB and {@code TRAILKIT_MAX_UNCOMPRESSED_BYTES} inflated, {@code TRAILKIT_MAX_INFLATE_RATIO}, 100,000 listed
 * files); a digest over one is a {@code LIMIT_EXCEEDED} finding.
 *
 * <p><b>Failures.</b> A transient failure (S3 throttling or 5xx after the SDK's retries, a broken connection) or a sink
 * that stays down fails the unit of work so that it is delivered again: the SQS message, the Batch Operations task
 * ({@code TemporaryFailure}), or else the invocation (Lambda retries asynchronous events). An object that no longer
 * exists, is not a CloudTrail log, or is damaged fails for good: it is logged as an {@code ERROR} line with bucket,
 * key and reason, and does not fail the rest; findings from the records before the damage are still sent. Retrying it
 * cannot help, so a direct invocation does not fail for it and a Batch Operations task reports
 * {@code PermanentFailure}; an SQS message naming it is still returned in {@code batchItemFailures}, so that after
 * the queue's {@code maxReceiveCount} it is kept in the dead-letter queue rather than deleted.
 * Delivery is at least once; within one invocation the same finding (rule id, the record's {@code
 * recipientAccountId} and {@link Finding#dedupKey()}) is sent once, whichever paths delivered its record.
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
    private final EventRecordProcessor events;
    private final ReadLimits readLimits;
    private final LambdaLog log;
    private final long deadlineMarginMillis;
    private final EmfMetrics metrics;
    private final Supplier<PrintStream> stdout;
    /** Strongly held: the CRaC context may hold its resources weakly. */
    private final Priming priming;
    /** The HTTP client the handler's own AWS clients are built with. */
    private final SdkHttpClient.Builder<?> http;

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
        Map<String, String> env = b.environment;
        this.priming = new Priming(this::primeWork);
        this.log = new LambdaLog(priming.quiet(LogSettings.resolve(lambdaLogEnv(env), out, b.logTo != null)));
        this.stdout = out;
        this.metrics = EmfMetrics.resolve(lambdaLogEnv(env), b.metrics, b.metricsNamespace, b.metricsDimensions);
        this.http = b.httpClient != null ? b.httpClient : HttpClients.fromEnvironment(env);
        S3Client s3 = b.s3 != null ? b.s3 : S3Clients.lean(http, env);
        this.rules = resolveRules(b, env, s3);
        this.sinks = resolveSinks(b, env);
        boolean insights =
                b.includeInsights != null ? b.includeInsights : flag(env, "TRAILKIT_INCLUDE_INSIGHTS", false);
        long maxBytes = b.maxObjectBytes != null ? b.maxObjectBytes : number(env, "TRAILKIT_MAX_OBJECT_BYTES", 0);
        ReadLimits limits = resolveLimits(b, env);
        boolean strictFields = b.strictFields != null ? b.strictFields : flag(env, "TRAILKIT_STRICT_FIELDS", false);
        this.processor = new ObjectProcessor(s3, rules, insights, maxBytes, limits, log, strictFields);
        this.events = new EventRecordProcessor(rules, limits, log, strictFields);
        this.readLimits = limits;
        this.deadlineMarginMillis = b.deadlineMarginMillis != null
                ? b.deadlineMarginMillis
                : millis(env, "TRAILKIT_DEADLINE_MARGIN_MS", Deadline.DEFAULT_MARGIN_MILLIS);
        boolean verifyDigests = b.verifyDigests != null ? b.verifyDigests : flag(env, "TRAILKIT_VERIFY_DIGESTS", false);
        DigestLimits digestLimits = b.digestLimits != null ? b.digestLimits : digestLimits(maxBytes, limits);
        this.digests = verifyDigests
                ? new DigestProcessor(s3, b.publicKeys, cloudTrailClients(b, http), digestLimits, log)
                : null;
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("rules", rules.size());
        f.put("sinks", sinks.stream().map(FindingSink::name).toList().toString());
        f.put("includeInsights", insights);
        f.put("maxObjectBytes", maxBytes == 0 ? null : maxBytes);
        f.put("maxUncompressedBytes", limits.maxTotalBytes());
        f.put("maxInflateRatio", limits.maxInflateRatio());
        f.put("maxRecordBytes", limits.maxRecordBytes());
        f.put("verifyDigests", verifyDigests);
        if (verifyDigests) {
            f.put("digestLimits", digestLimits.toString());
        }
        f.put("deadlineMarginMillis", deadlineMarginMillis);
        f.put("httpClient", HttpClients.nameOf(http));
        f.put("metricsNamespace", metrics == null ? null : metrics.namespace());
        f.put("strictFields", strictFields);
        log.info("trailkit handler ready", f);
        priming.register();
    }

    /**
     * Runs the SnapStart priming now, which the {@code org.crac} {@code beforeCheckpoint} hook does before Lambda
     * takes the snapshot: the bundled sample log through the reader and the rules, bundled trigger events through the
     * decoder and one bundled CloudTrail event through a whole invocation, delivering nothing and logging nothing.
     * No AWS call is made. Call it yourself to warm a function that does not use SnapStart (at the end of your
     * constructor), or to test what priming loads.
     *
     * <pre>{@code
     * TrailkitHandler handler = TrailkitHandler.builder().rules(rules).sink(sink).build();
     * handler.prime();
     * }</pre>
     */
    public final void prime() {
        priming.prime();
    }

    private void primeWork() {
        Priming.readSamples(rules, readLimits);
        try {
            handleRequest(
                    new java.io.ByteArrayInputStream(Priming.invocationEvent()), OutputStream.nullOutputStream(), null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The default digest limits, within the object-size, uncompressed-size and inflate-ratio settings. */
    static DigestLimits digestLimits(long maxObjectBytes, ReadLimits limits) {
        DigestLimits d = DigestLimits.defaults();
        DigestLimits.Builder b = DigestLimits.builder()
                .maxInflateRatio(limits.maxInflateRatio())
                .maxUncompressedBytes(Math.min(d.maxUncompressedBytes(), limits.maxTotalBytes()));
        if (maxObjectBytes > 0) {
            b.maxDigestBytes(Math.min(d.maxDigestBytes(), maxObjectBytes));
        }
        return b.build();
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
        long started = System.nanoTime();
        String requestId = context == null ? null : context.getAwsRequestId();
        byte[] event = input.readAllBytes();
        Invocation invocation;
        try {
            invocation = TriggerDecoder.decode(event, readLimits);
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
        Deadline deadline = Deadline.of(context, deadlineMarginMillis);
        byte[] answer;
        switch (invocation.kind()) {
            case SQS, KINESIS -> {
                List<String> failed = new ArrayList<>();
                for (Invocation.SqsMessage message : invocation.messages()) {
                    if (deadline.refusal() != null) {
                        failed.add(message.messageId());
                        deadline.handedBack(
                                message.objects().size(), message.records().isEmpty() ? 0 : 1, true);
                        continue;
                    }
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
                        log.error(
                                invocation.kind() == Invocation.Kind.KINESIS
                                        ? "Kinesis record not understood"
                                        : "SQS message not understood",
                                f);
                        tally.undecodable++;
                        failed.add(message.messageId());
                        continue;
                    }
                    Unit unit = processUnit(message.objects(), message.records(), seen, tally, requestId, deadline);
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
                    if (deadline.refusal() != null) {
                        deadline.handedBack(1, 0, true);
                        results.add(new TaskResult(task.taskId(), ResultCode.TEMPORARY_FAILURE, deadline.refusal()));
                        continue;
                    }
                    Unit unit = processUnit(List.of(task.object()), List.of(), seen, tally, requestId, deadline);
                    results.add(new TaskResult(task.taskId(), unit.resultCode(), unit.summary()));
                }
                answer = Responses.batchOperationsResponse(invocation.batch(), results);
            }
            default -> {
                Unit unit = processUnit(invocation.objects(), invocation.records(), seen, tally, requestId, deadline);
                logDone(invocation, tally, requestId, deadline, context, started);
                if (unit.mustRetry()) {
                    throw new InvocationFailedException(unit.summary());
                }
                output.write(tally.json(invocation.kind()).getBytes(StandardCharsets.UTF_8));
                return;
            }
        }
        logDone(invocation, tally, requestId, deadline, context, started);
        output.write(answer);
    }

    private void logDone(
            Invocation invocation, Tally tally, String requestId, Deadline deadline, Context context, long started) {
        if (deadline.refused()) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("requestId", requestId);
            w.put("trigger", invocation.kind().name());
            w.put("handedBackObjects", deadline.objectsHandedBack());
            w.put("handedBackRecordBatches", deadline.recordBatchesHandedBack());
            w.put("handedBackUnits", deadline.unitsHandedBack());
            w.put("remainingMillis", deadline.remainingAtRefusal());
            w.put("marginMillis", deadline.marginMillis());
            w.put("reason", deadline.refusal());
            log.warn("deadline near: work handed back for retry", w);
        }
        Map<String, Object> f = tally.fields(invocation.kind());
        f.put("requestId", requestId);
        f.put("handedBack", deadline.objectsHandedBack() + deadline.recordBatchesHandedBack());
        log.info("invocation done", f);
        if (metrics != null && !priming.active()) {
            String function = context != null ? context.getFunctionName() : System.getenv("AWS_LAMBDA_FUNCTION_NAME");
            String line = metrics.line(
                    f,
                    (System.nanoTime() - started) / 1_000_000,
                    System.currentTimeMillis(),
                    function,
                    invocation.kind().name());
            PrintStream target = stdout.get();
            synchronized (target) {
                target.println(line);
            }
        }
    }

    /**
     * Processes the objects and carried records of one unit of work (a message, a task, an invocation) and delivers
     * its findings.
     */
    private Unit processUnit(
            List<ObjectRef> objects,
            List<EventRecord> records,
            Set<String> seen,
            Tally tally,
            String requestId,
            Deadline deadline) {
        Delivery delivery = new Delivery(seen);
        List<ObjectOutcome> outcomes = new ArrayList<>();
        String failure = null;
        try {
            for (int i = 0; i < objects.size() && failure == null; i++) {
                if (deadline.refusal() != null) {
                    // what cannot be finished in time is not started: the unit fails and comes back whole
                    failure = deadline.refusal();
                    deadline.handedBack(objects.size() - i, records.isEmpty() ? 0 : 1, false);
                    break;
                }
                ObjectRef ref = objects.get(i);
                ObjectOutcome outcome = digests != null && DigestProcessor.isDigest(ref.key())
                        ? digests.process(ref, delivery)
                        : processor.process(ref, delivery);
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
            SnsClient sns = b.sns != null
                    ? b.sns
                    : SnsClient.builder().httpClientBuilder(http).build();
            all.add(SnsSink.builder().client(sns).topicArn(topic.strip()).build());
        }
        String bus = env.get("TRAILKIT_EVENT_BUS");
        if (bus != null && !bus.isBlank()) {
            OptionalClients.require(OptionalClients.EVENTBRIDGE, "TRAILKIT_EVENT_BUS (the EventBridge sink)");
            EventBridgeClient events = b.eventBridge != null
                    ? b.eventBridge
                    : EventBridgeClient.builder().httpClientBuilder(http).build();
            all.add(EventBridgeSink.builder()
                    .client(events)
                    .eventBusName(bus.strip())
                    .build());
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
    private static Function<String, CloudTrailClient> cloudTrailClients(Builder b, SdkHttpClient.Builder<?> http) {
        if (b.cloudTrail != null) {
            CloudTrailClient given = b.cloudTrail;
            return region -> given;
        }
        if (b.publicKeys == null) {
            OptionalClients.require(
                    OptionalClients.CLOUDTRAIL,
                    "digest verification with public keys fetched from CloudTrail (TRAILKIT_VERIFY_DIGESTS)");
        }
        Map<String, CloudTrailClient> byRegion = new ConcurrentHashMap<>();
        return region -> byRegion.computeIfAbsent(
                region,
                r -> CloudTrailClient.builder()
                        .region(Region.of(r))
                        .httpClientBuilder(http)
                        .build());
    }

    /**
     * Lambda's logging variables from the builder's environment, else from the process's: Lambda sets them for the
     * function whether or not the handler was built with {@link Builder#environment(Map)}.
     */
    private static Map<String, String> lambdaLogEnv(Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>();
        for (String name : List.of(
                "AWS_LAMBDA_LOG_LEVEL",
                "AWS_LAMBDA_LOG_FORMAT",
                "TRAILKIT_LOG_OUTPUT",
                "AWS_LAMBDA_FUNCTION_NAME",
                "TRAILKIT_METRICS",
                "TRAILKIT_METRICS_NAMESPACE",
                "TRAILKIT_METRICS_DIMENSIONS")) {
            String v = env.containsKey(name) ? env.get(name) : System.getenv(name);
            if (v != null) {
                all.put(name, v);
            }
        }
        return all;
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

    private static long millis(Map<String, String> env, String name, long otherwise) {
        try {
            return number(env, name, otherwise);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    name + " must be a whole number of milliseconds (0: off), found \"" + env.get(name) + "\"", e);
        }
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

        /** Sends the buffer to every sink (a failing sink does not keep the others from theirs), then throws. */
        void flush() {
            if (buffer.isEmpty()) {
                return;
            }
            List<Finding> batch = List.copyOf(buffer);
            buffer.clear();
            SinkException first = null;
            for (FindingSink sink : priming.active() ? List.<FindingSink>of() : sinks) {
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
        long eventRecords;
        long bytes;

        void add(EventRecordProcessor.Outcome o) {
            eventRecords += o.records() + o.badRecords();
            records += o.records();
            badRecords += o.badRecords();
            findings += o.findings();
        }

        void add(ObjectOutcome o) {
            objects++;
            bytes += o.bytes();
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
            f.put("eventRecords", eventRecords);
            f.put("bytes", bytes);
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
        private DigestLimits digestLimits;
        private PrintStream logTo;
        private Long deadlineMarginMillis;
        private SdkHttpClient.Builder<?> httpClient;
        private Boolean metrics;
        private String metricsNamespace;
        private List<String> metricsDimensions;

        private Builder() {}

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

        /**
         * Limits on each digest file digest mode reads, instead of {@link DigestLimits#defaults()} with {@code
         * maxDigestBytes} lowered to {@code TRAILKIT_MAX_OBJECT_BYTES} (or {@link #maxObjectBytes(long)}), {@code
         * maxUncompressedBytes} to {@code TRAILKIT_MAX_UNCOMPRESSED_BYTES} and {@code maxInflateRatio} set from
         * {@code TRAILKIT_MAX_INFLATE_RATIO} (or {@link #readLimits(ReadLimits)}). A digest over a limit is a
         * {@code LIMIT_EXCEEDED} finding.
         *
         * <pre>{@code
         * TrailkitHandler.builder().digestLimits(DigestLimits.builder().maxLogFiles(20_000).build())
         * }</pre>
         */
        public Builder digestLimits(DigestLimits digestLimits) {
            this.digestLimits = Objects.requireNonNull(digestLimits, "digestLimits");
            return this;
        }

        /** Where the handler's JSON log lines go, instead of standard output (for tests). */
        public Builder logTo(PrintStream logTo) {
            this.logTo = Objects.requireNonNull(logTo, "logTo");
            return this;
        }

        /**
         * The time to keep in hand, instead of {@code TRAILKIT_DEADLINE_MARGIN_MS} (default 3 s): before each object
         * or batch of carried records, the handler asks {@code context.getRemainingTimeInMillis()}, and when less than
         * this is left it starts nothing more; what is not started is handed back for retry (SQS and Kinesis item
         * failures, Batch Operations {@code TemporaryFailure}, else a failed invocation). The margin used is at most
         * half the time left when the invocation began. {@code Duration.ZERO} turns the check off.
         *
         * <pre>{@code
         * TrailkitHandler.builder().deadlineMargin(Duration.ofSeconds(10))
         * }</pre>
         */
        public Builder deadlineMargin(java.time.Duration margin) {
            if (margin.isNegative()) {
                throw new IllegalArgumentException("deadlineMargin must not be negative, found " + margin);
            }
            this.deadlineMarginMillis = margin.toMillis();
            return this;
        }

        /**
         * Whether each invocation writes one CloudWatch Embedded Metric Format line (objects read, skipped, failed,
         * to retry, handed back; records; findings; duplicates; bytes; duration), instead of {@code TRAILKIT_METRICS}
         * (default: on in Lambda, where {@code AWS_LAMBDA_FUNCTION_NAME} is set).
         */
        public Builder metrics(boolean metrics) {
            this.metrics = metrics;
            return this;
        }

        /**
         * Turns metrics on in this CloudWatch namespace with these dimensions, instead of {@code
         * TRAILKIT_METRICS_NAMESPACE} and {@code TRAILKIT_METRICS_DIMENSIONS}. A dimension is {@code FunctionName},
         * {@code Trigger} (the trigger shape) or a fixed {@code Name=value}; none at all is allowed.
         *
         * <pre>{@code
         * TrailkitHandler.builder().metrics("Security/CloudTrail", "FunctionName", "Stage=prod")
         * }</pre>
         */
        public Builder metrics(String namespace, String... dimensions) {
            this.metrics = true;
            this.metricsNamespace = Objects.requireNonNull(namespace, "namespace");
            this.metricsDimensions = List.of(dimensions);
            return this;
        }

        /**
         * The HTTP client the handler builds its own S3, SNS, EventBridge and CloudTrail clients with, instead of
         * {@code TRAILKIT_HTTP_CLIENT} ({@code url-connection}, the default; {@code crt}, {@code apache} or {@code
         * apache5} when that client is on the class path). Clients given to the builder keep their own.
         *
         * <pre>{@code
         * TrailkitHandler.builder().httpClient(AwsCrtHttpClient.builder().maxConcurrency(8))
         * }</pre>
         */
        public Builder httpClient(SdkHttpClient.Builder<?> httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /** A handler with this configuration; for a subclass, pass the builder to the constructor instead. */
        public TrailkitHandler build() {
            return new TrailkitHandler(this);
        }
    }
}
