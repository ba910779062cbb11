package io.github.trailkit.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.github.trailkit.lambda.internal.DigestProcessor;
import io.github.trailkit.lambda.internal.HandlerOptions;
import io.github.trailkit.lambda.internal.HandlerSettings;
import io.github.trailkit.lambda.internal.InvocationRunner;
import io.github.trailkit.lambda.internal.LambdaLog;
import io.github.trailkit.lambda.internal.Outlet;
import io.github.trailkit.lambda.internal.ops.Priming;
import io.github.trailkit.model.ReadLimits;
import io.github.trailkit.model.digest.DigestLimits;
import io.github.trailkit.model.digest.PublicKeys;
import io.github.trailkit.rules.Finding;
import io.github.trailkit.rules.RuleSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.http.SdkHttpClient;
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
    private final RuleSet rules;
    private final List<FindingSink> sinks;
    private final InvocationRunner runner;
    /** Strongly held: the CRaC context may hold its resources weakly. */
    private final Priming priming;

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
        HandlerOptions<FindingSink> options = Objects.requireNonNull(builder, "builder").options;
        this.priming = new Priming(this::primeWork);
        HandlerSettings settings = new HandlerSettings(options);
        LambdaLog log = new LambdaLog(priming.quiet(settings.logOutput()));
        this.rules = settings.rules();
        this.sinks = sinks(options.sinks(), settings);
        this.runner = new InvocationRunner(
                settings, log, sinks.stream().map(TrailkitHandler::outlet).toList(), priming);
        log.info(
                "trailkit handler ready",
                settings.describe(sinks.stream().map(FindingSink::name).toList()));
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
        runner.prime();
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
        runner.run(input, output, context);
    }

    /** The builder's sinks, then those the environment names: SNS, EventBridge, the log. */
    private static List<FindingSink> sinks(List<FindingSink> given, HandlerSettings settings) {
        List<FindingSink> all = new ArrayList<>(given);
        if (settings.snsTopicArn() != null) {
            all.add(SnsSink.builder()
                    .client(settings.sns())
                    .topicArn(settings.snsTopicArn())
                    .build());
        }
        if (settings.eventBus() != null) {
            all.add(EventBridgeSink.builder()
                    .client(settings.eventBridge())
                    .eventBusName(settings.eventBus())
                    .build());
        }
        if (settings.logFindings()) {
            all.add(settings.logTo() != null ? LogSink.to(settings.logTo()) : LogSink.toStdout());
        }
        return List.copyOf(all);
    }

    /**
     * The sink as the handler's delivery sees it: whatever it did not deliver is reported with the message of its
     * {@link SinkException}, any other exception counting every finding of the batch.
     */
    private static Outlet outlet(FindingSink sink) {
        return new Outlet(sink.name(), batch -> {
            try {
                sink.send(batch);
            } catch (SinkException e) {
                throw undelivered(e);
            } catch (RuntimeException e) {
                throw undelivered(new SinkException(sink.name(), batch, e.toString(), e));
            }
        });
    }

    private static Outlet.Undelivered undelivered(SinkException e) {
        return new Outlet.Undelivered(e.sinkName(), e.undeliveredCount(), e.getMessage(), e);
    }

    /**
     * The configuration of a {@link TrailkitHandler}. Settings made here win over the environment; what is not set
     * comes from the environment given to {@link #environment(Map)} (nothing, unless it is called). Each setting is
     * given at most once: a second {@code rules(...)} (or any other setting) throws {@link IllegalStateException}
     * naming it ("rules already set"); {@link #sink(FindingSink)} adds up instead. Both forms of {@code
     * verifyDigests} are one setting, as are both forms of {@code metrics}.
     *
     * <pre>{@code
     * TrailkitHandler.builder()
     *         .environment(System.getenv())        // TRAILKIT_RULES, TRAILKIT_SNS_TOPIC_ARN, ...
     *         .s3(S3Client.create())               // else a client with the URLConnection HTTP client
     *         .sink(mySink)                        // in addition to the sinks the environment names
     * }</pre>
     */
    public static final class Builder {
        private final HandlerOptions<FindingSink> options = new HandlerOptions<>();

        private Builder() {}

        /** Reads the {@code TRAILKIT_*} variables from this map (such as {@code System.getenv()}). */
        public Builder environment(Map<String, String> environment) {
            options.environment(environment);
            return this;
        }

        /** The rules, instead of {@code TRAILKIT_RULES}. */
        public Builder rules(RuleSet rules) {
            options.rules(rules);
            return this;
        }

        /** The S3 client log objects (and {@code s3://} rule documents) are read with. */
        public Builder s3(S3Client s3) {
            options.s3(s3);
            return this;
        }

        /** The SNS client for the sink {@code TRAILKIT_SNS_TOPIC_ARN} asks for. */
        public Builder sns(SnsClient sns) {
            options.sns(sns);
            return this;
        }

        /** The EventBridge client for the sink {@code TRAILKIT_EVENT_BUS} asks for. */
        public Builder eventBridge(EventBridgeClient eventBridge) {
            options.eventBridge(eventBridge);
            return this;
        }

        /**
         * Whether digest-file notifications validate the hour they cover (see the class description), instead of
         * {@code TRAILKIT_VERIFY_DIGESTS}; public keys are fetched with {@code cloudtrail:ListPublicKeys}.
         */
        public Builder verifyDigests(boolean verifyDigests) {
            options.verifyDigests(verifyDigests);
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
            options.verifyDigests(publicKeys);
            return this;
        }

        /**
         * The CloudTrail client digest mode fetches public keys with, for every digest region; else a client with the
         * URLConnection HTTP client is built for each region digests come from.
         */
        public Builder cloudTrail(CloudTrailClient cloudTrail) {
            options.cloudTrail(cloudTrail);
            return this;
        }

        /** Adds a sink; findings go to every sink, in the order added (before those the environment names). */
        public Builder sink(FindingSink sink) {
            options.sink(sink);
            return this;
        }

        /** Whether Insights log files are read too, instead of {@code TRAILKIT_INCLUDE_INSIGHTS}. */
        public Builder includeInsights(boolean includeInsights) {
            options.includeInsights(includeInsights);
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
            options.strictFields(strictFields);
            return this;
        }

        /** Objects larger than this many bytes (as stored) are refused for good; 0 for no limit. */
        public Builder maxObjectBytes(long maxObjectBytes) {
            options.maxObjectBytes(maxObjectBytes);
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
            options.readLimits(readLimits);
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
            options.digestLimits(digestLimits);
            return this;
        }

        /** Where the handler's JSON log lines go, instead of standard output (for tests). */
        public Builder logTo(PrintStream logTo) {
            options.logTo(logTo);
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
            options.deadlineMargin(margin);
            return this;
        }

        /**
         * Whether each invocation writes one CloudWatch Embedded Metric Format line (objects read, skipped, failed,
         * to retry, handed back; records; findings; duplicates; bytes; duration), instead of {@code TRAILKIT_METRICS}
         * (default: on in Lambda, where {@code AWS_LAMBDA_FUNCTION_NAME} is set).
         */
        public Builder metrics(boolean metrics) {
            options.metrics(metrics);
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
            options.metrics(namespace, dimensions);
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
            options.httpClient(httpClient);
            return this;
        }

        /** A handler with this configuration; for a subclass, pass the builder to the constructor instead. */
        public TrailkitHandler build() {
            return new TrailkitHandler(this);
        }
    }
}
