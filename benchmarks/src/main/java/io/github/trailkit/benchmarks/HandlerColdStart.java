package io.github.trailkit.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.trailkit.lambda.FindingSink;
import io.github.trailkit.lambda.TrailkitHandler;
import io.github.trailkit.rules.RuleDocuments;
import io.github.trailkit.rules.RuleSet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Run in a fresh JVM by {@link Report}: the Lambda handler's cold start. The log object is served by an S3-compatible
 * server (S3Proxy) that the report started in its own JVM, so that nothing here is loaded or compiled before the clock
 * starts. Timed, from just before the S3 client is built: build the S3 client ({@link ColdStartClients}: the
 * URLConnection HTTP client, as the deployed handler has by default, or the one named by the fifth argument), load and compile the 100-rule document from the class path, build the {@link TrailkitHandler}
 * with a sink that records when it is first handed findings, then hand it one S3 {@code ObjectCreated:Put} event for
 * the log object: it decodes the event, gets the object over HTTP, inflates and reads it, matches its records and
 * delivers the findings.
 *
 * <p>Prints {@code handler-first-finding} with: milliseconds from just before building to the first finding delivered
 * to the sink; milliseconds from the JVM's start ({@code RuntimeMXBean.getStartTime}) to that finding; milliseconds
 * from the JVM's start to the start of the clock; the id of the first rule found; the findings the handler counted in
 * its answer; and the process's CPU milliseconds (all threads) at the first finding.
 *
 * <pre>
 * java -cp function.jar:bench-app.jar io.github.trailkit.benchmarks.HandlerColdStart ENDPOINT BUCKET KEY SIZE [HTTP-CLIENT]
 * </pre>
 */
public final class HandlerColdStart {
    private static long firstNanos;
    private static long firstMillis;
    private static String firstRule;
    private static long firstCpuMillis;

    private HandlerColdStart() {}

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        SdkHttpClient.Builder<?> http =
                ColdStartClients.http(args.length > 4 ? args[4] : ColdStartClients.URL_CONNECTION);
        S3Client s3 = ColdStartClients.s3(URI.create(args[0]), http);
        TrailkitHandler handler = TrailkitHandler.builder()
                .httpClient(http)
                .environment(Map.of())
                .rules(RuleSet.of(RuleDocuments.readResource(BenchRules.RESOURCE)))
                .s3(s3)
                .sink(FindingSink.of("cold-start", findings -> {
                    if (firstRule == null) {
                        firstNanos = System.nanoTime();
                        firstMillis = System.currentTimeMillis();
                        firstRule = findings.get(0).ruleId();
                        firstCpuMillis = processCpuMillis();
                    }
                }))
                .logTo(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))
                .build();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        handler.handleRequest(
                new ByteArrayInputStream(s3Event(args[1], args[2], Long.parseLong(args[3]))), answer, null);
        if (firstRule == null) {
            System.out.println("no-finding " + answer.toString(StandardCharsets.UTF_8));
            return;
        }
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println(String.format(
                Locale.ROOT,
                "handler-first-finding %d %d %d %s %s %d",
                (firstNanos - start) / 1_000_000L,
                firstMillis - jvmStart,
                startMillis - jvmStart,
                firstRule,
                new ObjectMapper()
                        .readTree(answer.toByteArray())
                        .path("findings")
                        .asLong(),
                firstCpuMillis));
    }

    /** CPU time of the whole process so far (every thread: main, JIT compilers, GC), -1 if the OS does not say. */
    static long processCpuMillis() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(java.time.Duration::toMillis)
                .orElse(-1L);
    }

    /** The notification S3 sends to a Lambda function when CloudTrail writes a log object (key URL-encoded). */
    static byte[] s3Event(String bucket, String key, long size) {
        String json = "{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"awsRegion\":\"us-east-1\","
                + "\"eventTime\":\"2024-01-01T00:05:00.000Z\",\"eventName\":\"ObjectCreated:Put\","
                + "\"userIdentity\":{\"principalId\":\"AWS:AIDAINPONIXQXHT3IKHL2\"},"
                + "\"requestParameters\":{\"sourceIPAddress\":\"203.0.113.10\"},"
                + "\"responseElements\":{\"x-amz-request-id\":\"D82B88E5F771F645\",\"x-amz-id-2\":\"x\"},"
                + "\"s3\":{\"s3SchemaVersion\":\"1.0\",\"configurationId\":\"cloudtrail\","
                + "\"bucket\":{\"name\":\"" + bucket + "\",\"ownerIdentity\":{\"principalId\":\"A3I5XTEXAMAI3E\"},"
                + "\"arn\":\"arn:aws:s3:::" + bucket + "\"},"
                + "\"object\":{\"key\":\""
                + URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/")
                + "\",\"size\":" + size + ",\"sequencer\":\"0C0F6F405D6ED209E1\"}}}]}";
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
