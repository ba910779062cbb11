package io.github.trailkit.lambda.ops;

import static io.github.trailkit.rules.Rules.eventName;
import static io.github.trailkit.rules.Rules.rule;

import io.github.trailkit.lambda.TrailkitHandler;
import io.github.trailkit.rules.Finding;
import io.github.trailkit.rules.RuleSet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Run in a fresh JVM by {@link SnapStartPrimingTest}: builds the handler as Lambda's init would, primes it when asked
 * ({@code primed}), then counts the classes the first invocation loads (an EventBridge console sign-in event, a record
 * priming never saw) and prints {@code LOADED <n> FINDINGS <n>}.
 */
public final class PrimingProbe {
    private PrimingProbe() {}

    public static void main(String[] args) throws Exception {
        boolean primed = args.length > 0 && args[0].equals("primed");
        byte[] event;
        try (InputStream in = PrimingProbe.class.getResourceAsStream(
                "/events/realtime/eventbridge-AWS-Console-Sign-In-via-CloudTrail-root-ConsoleLogin.json")) {
            event = in.readAllBytes();
        }
        List<Finding> found = new ArrayList<>();
        S3Client s3 = S3Client.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        TrailkitHandler handler = TrailkitHandler.builder()
                .rules(RuleSet.of(rule("console-login")
                        .when(eventName().is("ConsoleLogin"))
                        .build()))
                .s3(s3)
                .sink(found::addAll)
                .metrics(true)
                .logTo(new PrintStream(OutputStream.nullOutputStream()))
                .build();
        if (primed) {
            handler.prime();
        }
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        long before = classes.getTotalLoadedClassCount();
        handler.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(), null);
        long loaded = classes.getTotalLoadedClassCount() - before;
        System.out.println("LOADED " + loaded + " FINDINGS " + found.size());
    }
}
