package io.github.trailkit.lambda.internal;

import io.github.trailkit.model.ReadLimits;
import io.github.trailkit.model.digest.DigestLimits;
import io.github.trailkit.model.digest.PublicKeys;
import io.github.trailkit.rules.RuleSet;
import java.io.PrintStream;
import java.time.Duration;
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
 * What the handler's builder was given, each setting at most once (see {@link Once}); {@code null} where a setting
 * was not given, for {@link HandlerSettings} to take from the environment. The sinks are of the handler's sink type
 * {@code S}, which this layer only counts and hands back.
 *
 * <pre>{@code
 * HandlerOptions<FindingSink> options = new HandlerOptions<>();
 * options.rules(rules);
 * options.sink(LogSink.toStdout());
 * }</pre>
 *
 * <p>Not thread-safe, as a builder is not.
 */
public final class HandlerOptions<S> {
    private final Once once = new Once();
    Map<String, String> environment = Map.of();
    RuleSet rules;
    S3Client s3;
    SnsClient sns;
    EventBridgeClient eventBridge;
    CloudTrailClient cloudTrail;
    Boolean verifyDigests;
    PublicKeys publicKeys;
    private final List<S> sinks = new ArrayList<>();
    Boolean includeInsights;
    Long maxObjectBytes;
    Boolean strictFields;
    ReadLimits readLimits;
    DigestLimits digestLimits;
    PrintStream logTo;
    Long deadlineMarginMillis;
    SdkHttpClient.Builder<?> httpClient;
    Boolean metrics;
    String metricsNamespace;
    List<String> metricsDimensions;

    public void environment(Map<String, String> environment) {
        Map<String, String> copy = Map.copyOf(environment);
        once.mark("environment");
        this.environment = copy;
    }

    public void rules(RuleSet rules) {
        Objects.requireNonNull(rules, "rules");
        once.mark("rules");
        this.rules = rules;
    }

    public void s3(S3Client s3) {
        Objects.requireNonNull(s3, "s3");
        once.mark("s3");
        this.s3 = s3;
    }

    public void sns(SnsClient sns) {
        Objects.requireNonNull(sns, "sns");
        once.mark("sns");
        this.sns = sns;
    }

    public void eventBridge(EventBridgeClient eventBridge) {
        Objects.requireNonNull(eventBridge, "eventBridge");
        once.mark("eventBridge");
        this.eventBridge = eventBridge;
    }

    /** Digest mode on or off; one setting with {@link #verifyDigests(PublicKeys)}. */
    public void verifyDigests(boolean verifyDigests) {
        once.mark("verifyDigests");
        this.verifyDigests = verifyDigests;
    }

    /** Digest mode on with these keys; one setting with {@link #verifyDigests(boolean)}. */
    public void verifyDigests(PublicKeys publicKeys) {
        Objects.requireNonNull(publicKeys, "publicKeys");
        once.mark("verifyDigests");
        this.publicKeys = publicKeys;
        this.verifyDigests = true;
    }

    public void cloudTrail(CloudTrailClient cloudTrail) {
        Objects.requireNonNull(cloudTrail, "cloudTrail");
        once.mark("cloudTrail");
        this.cloudTrail = cloudTrail;
    }

    /** Adds a sink: sinks add up, they are not a setting given once. */
    public void sink(S sink) {
        sinks.add(Objects.requireNonNull(sink, "sink"));
    }

    /** The sinks given, in order. */
    public List<S> sinks() {
        return List.copyOf(sinks);
    }

    public void includeInsights(boolean includeInsights) {
        once.mark("includeInsights");
        this.includeInsights = includeInsights;
    }

    public void strictFields(boolean strictFields) {
        once.mark("strictFields");
        this.strictFields = strictFields;
    }

    public void maxObjectBytes(long maxObjectBytes) {
        if (maxObjectBytes < 0) {
            throw new IllegalArgumentException("maxObjectBytes must be 0 or more, found " + maxObjectBytes);
        }
        once.mark("maxObjectBytes");
        this.maxObjectBytes = maxObjectBytes;
    }

    public void readLimits(ReadLimits readLimits) {
        Objects.requireNonNull(readLimits, "readLimits");
        once.mark("readLimits");
        this.readLimits = readLimits;
    }

    public void digestLimits(DigestLimits digestLimits) {
        Objects.requireNonNull(digestLimits, "digestLimits");
        once.mark("digestLimits");
        this.digestLimits = digestLimits;
    }

    public void logTo(PrintStream logTo) {
        Objects.requireNonNull(logTo, "logTo");
        once.mark("logTo");
        this.logTo = logTo;
    }

    public void deadlineMargin(Duration margin) {
        if (margin.isNegative()) {
            throw new IllegalArgumentException("deadlineMargin must not be negative, found " + margin);
        }
        once.mark("deadlineMargin");
        this.deadlineMarginMillis = margin.toMillis();
    }

    /** Metrics on or off; one setting with {@link #metrics(String, String...)}. */
    public void metrics(boolean metrics) {
        once.mark("metrics");
        this.metrics = metrics;
    }

    /** Metrics on in this namespace with these dimensions; one setting with {@link #metrics(boolean)}. */
    public void metrics(String namespace, String... dimensions) {
        Objects.requireNonNull(namespace, "namespace");
        List<String> list = List.of(dimensions);
        once.mark("metrics");
        this.metrics = true;
        this.metricsNamespace = namespace;
        this.metricsDimensions = list;
    }

    public void httpClient(SdkHttpClient.Builder<?> httpClient) {
        Objects.requireNonNull(httpClient, "httpClient");
        once.mark("httpClient");
        this.httpClient = httpClient;
    }
}
