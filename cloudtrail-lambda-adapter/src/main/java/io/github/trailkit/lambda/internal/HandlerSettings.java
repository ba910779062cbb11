package io.github.trailkit.lambda.internal;

import io.github.trailkit.lambda.internal.ops.Deadline;
import io.github.trailkit.lambda.internal.ops.EmfMetrics;
import io.github.trailkit.lambda.internal.ops.HttpClients;
import io.github.trailkit.lambda.internal.ops.LogOutput;
import io.github.trailkit.lambda.internal.ops.LogSettings;
import io.github.trailkit.lambda.internal.ops.S3Clients;
import io.github.trailkit.model.ReadLimits;
import io.github.trailkit.model.digest.DigestLimits;
import io.github.trailkit.model.digest.PublicKeys;
import io.github.trailkit.rules.RuleSet;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The handler's settings: what its builder was given ({@link HandlerOptions}), else what the environment says
 * ({@code TRAILKIT_*}, and Lambda's {@code AWS_LAMBDA_LOG_*} from the process when the builder's environment lacks
 * them), else the defaults; with the clients and rules those settings call for, built once. Settings are resolved in
 * a fixed order (logging, metrics, HTTP client, S3, rules, sinks, limits, deadline, digests), so that the first bad
 * one is the one reported.
 *
 * <pre>{@code
 * HandlerSettings settings = new HandlerSettings(options);
 * settings.rules();         // the builder's, else loaded from TRAILKIT_RULES
 * settings.snsTopicArn();   // TRAILKIT_SNS_TOPIC_ARN, or null
 * }</pre>
 *
 * <p>Immutable once built.
 */
public final class HandlerSettings {
    private final Supplier<PrintStream> stdout;
    private final PrintStream logTo;
    private final LogOutput logOutput;
    private final EmfMetrics metrics;
    private final SdkHttpClient.Builder<?> http;
    private final S3Client s3;
    private final RuleSet rules;
    private final String snsTopicArn;
    private final SnsClient sns;
    private final String eventBus;
    private final EventBridgeClient eventBridge;
    private final boolean logFindings;
    private final boolean includeInsights;
    private final long maxObjectBytes;
    private final ReadLimits readLimits;
    private final boolean strictFields;
    private final long deadlineMarginMillis;
    private final boolean verifyDigests;
    private final DigestLimits digestLimits;
    private final PublicKeys publicKeys;
    private final Function<String, CloudTrailClient> cloudTrail;

    /**
     * Resolves every setting.
     *
     * @throws IllegalStateException when there are no rules or no sink
     * @throws IllegalArgumentException when a setting is invalid or the rules cannot be read
     */
    public HandlerSettings(HandlerOptions<?> b) {
        this.logTo = b.logTo;
        PrintStream given = b.logTo;
        this.stdout = given != null ? () -> given : () -> System.out;
        Map<String, String> env = b.environment;
        this.logOutput = LogSettings.resolve(lambdaLogEnv(env), stdout, given != null);
        this.metrics = EmfMetrics.resolve(lambdaLogEnv(env), b.metrics, b.metricsNamespace, b.metricsDimensions);
        this.http = b.httpClient != null ? b.httpClient : HttpClients.fromEnvironment(env);
        this.s3 = b.s3 != null ? b.s3 : S3Clients.lean(http, env);
        this.rules = resolveRules(b, env, s3);
        this.snsTopicArn = text(env, "TRAILKIT_SNS_TOPIC_ARN");
        this.sns = snsTopicArn == null
                ? null
                : b.sns != null
                        ? b.sns
                        : SnsClient.builder().httpClientBuilder(http).build();
        this.eventBus = text(env, "TRAILKIT_EVENT_BUS");
        if (eventBus != null) {
            OptionalClients.require(OptionalClients.EVENTBRIDGE, "TRAILKIT_EVENT_BUS (the EventBridge sink)");
        }
        this.eventBridge = eventBus == null
                ? null
                : b.eventBridge != null
                        ? b.eventBridge
                        : EventBridgeClient.builder().httpClientBuilder(http).build();
        this.logFindings = !env.isEmpty() && flag(env, "TRAILKIT_LOG_FINDINGS", true);
        if (b.sinks().isEmpty() && snsTopicArn == null && eventBus == null && !logFindings) {
            throw new IllegalStateException("no sink: findings would go nowhere; set TRAILKIT_SNS_TOPIC_ARN, "
                    + "TRAILKIT_EVENT_BUS or TRAILKIT_LOG_FINDINGS=true, or give the builder sink(...)");
        }
        this.includeInsights =
                b.includeInsights != null ? b.includeInsights : flag(env, "TRAILKIT_INCLUDE_INSIGHTS", false);
        this.maxObjectBytes = b.maxObjectBytes != null ? b.maxObjectBytes : number(env, "TRAILKIT_MAX_OBJECT_BYTES", 0);
        this.readLimits = resolveLimits(b, env);
        this.strictFields = b.strictFields != null ? b.strictFields : flag(env, "TRAILKIT_STRICT_FIELDS", false);
        this.deadlineMarginMillis = b.deadlineMarginMillis != null
                ? b.deadlineMarginMillis
                : millis(env, "TRAILKIT_DEADLINE_MARGIN_MS", Deadline.DEFAULT_MARGIN_MILLIS);
        this.verifyDigests = b.verifyDigests != null ? b.verifyDigests : flag(env, "TRAILKIT_VERIFY_DIGESTS", false);
        this.digestLimits = b.digestLimits != null ? b.digestLimits : digestLimits(maxObjectBytes, readLimits);
        this.publicKeys = b.publicKeys;
        this.cloudTrail = verifyDigests ? cloudTrailClients(b, http) : null;
    }

    /** Where standard output is: the builder's {@code logTo}, else {@code System.out} when each line is written. */
    public Supplier<PrintStream> stdout() {
        return stdout;
    }

    /** The builder's {@code logTo}, or null. */
    public PrintStream logTo() {
        return logTo;
    }

    /** Where log lines go, at which level and in which format. */
    public LogOutput logOutput() {
        return logOutput;
    }

    /** The Embedded Metric Format writer, or null when metrics are off. */
    public EmfMetrics metrics() {
        return metrics;
    }

    /** The S3 client objects and {@code s3://} rule documents are read with. */
    public S3Client s3() {
        return s3;
    }

    public RuleSet rules() {
        return rules;
    }

    /** The topic {@code TRAILKIT_SNS_TOPIC_ARN} names, stripped, or null. */
    public String snsTopicArn() {
        return snsTopicArn;
    }

    /** The client for {@link #snsTopicArn()}; null when there is no topic. */
    public SnsClient sns() {
        return sns;
    }

    /** The bus {@code TRAILKIT_EVENT_BUS} names, stripped, or null. */
    public String eventBus() {
        return eventBus;
    }

    /** The client for {@link #eventBus()}; null when there is no bus. */
    public EventBridgeClient eventBridge() {
        return eventBridge;
    }

    /** Whether findings are also written as log lines ({@code TRAILKIT_LOG_FINDINGS}, read only from an environment). */
    public boolean logFindings() {
        return logFindings;
    }

    public boolean includeInsights() {
        return includeInsights;
    }

    /** The largest object read, as stored; 0 for no limit. */
    public long maxObjectBytes() {
        return maxObjectBytes;
    }

    public ReadLimits readLimits() {
        return readLimits;
    }

    public boolean strictFields() {
        return strictFields;
    }

    public long deadlineMarginMillis() {
        return deadlineMarginMillis;
    }

    public boolean verifyDigests() {
        return verifyDigests;
    }

    public DigestLimits digestLimits() {
        return digestLimits;
    }

    /** The builder's public keys, or null to fetch them. */
    public PublicKeys publicKeys() {
        return publicKeys;
    }

    /** The CloudTrail client for a region; null unless digest mode is on. */
    public Function<String, CloudTrailClient> cloudTrail() {
        return cloudTrail;
    }

    /** The fields of the handler's "ready" log line. */
    public Map<String, Object> describe(List<String> sinkNames) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("rules", rules.size());
        f.put("sinks", sinkNames.toString());
        f.put("includeInsights", includeInsights);
        f.put("maxObjectBytes", maxObjectBytes == 0 ? null : maxObjectBytes);
        f.put("maxUncompressedBytes", readLimits.maxTotalBytes());
        f.put("maxInflateRatio", readLimits.maxInflateRatio());
        f.put("maxRecordBytes", readLimits.maxRecordBytes());
        f.put("verifyDigests", verifyDigests);
        if (verifyDigests) {
            f.put("digestLimits", digestLimits.toString());
        }
        f.put("deadlineMarginMillis", deadlineMarginMillis);
        f.put("httpClient", HttpClients.nameOf(http));
        f.put("metricsNamespace", metrics == null ? null : metrics.namespace());
        f.put("strictFields", strictFields);
        return f;
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

    private static RuleSet resolveRules(HandlerOptions<?> b, Map<String, String> env, S3Client s3) {
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

    /** The builder's CloudTrail client for every region, else one default client per region, built when needed. */
    private static Function<String, CloudTrailClient> cloudTrailClients(
            HandlerOptions<?> b, SdkHttpClient.Builder<?> http) {
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
     * function whether or not the handler was built with an environment.
     */
    private static Map<String, String> lambdaLogEnv(Map<String, String> env) {
        Map<String, String> all = new HashMap<>();
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

    /** The variable's value, stripped; null when it is unset or blank. */
    private static String text(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
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
    private static ReadLimits resolveLimits(HandlerOptions<?> b, Map<String, String> env) {
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
}
