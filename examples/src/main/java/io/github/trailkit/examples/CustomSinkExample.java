package io.github.trailkit.examples;

import io.github.trailkit.lambda.FindingSink;
import io.github.trailkit.lambda.LogSink;
import io.github.trailkit.lambda.TrailkitHandler;
import io.github.trailkit.rules.Rule;
import io.github.trailkit.rules.RuleSet;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A handler whose findings go to a sink written in code, {@link WebhookSink}, which posts them to the URL in the
 * environment variable {@code WEBHOOK_URL}; they are also written to the function's log. The rules are the two other
 * examples' together: an SNS topic created, and the root account used.
 *
 * <p>Any {@link FindingSink} plugs in the same way: {@code TrailkitHandler.builder().sink(mySink)}. Deploy with {@code
 * examples/sam/custom-sink-webhook/template.yaml}.
 *
 * <pre>{@code
 * public final class MyHandler extends TrailkitHandler {
 *     public MyHandler() {
 *         super(TrailkitHandler.builder()
 *                 .rules(RuleSet.of(CreateTopicNotifier.SNS_TOPIC_CREATED))
 *                 .sink(new WebhookSink(URI.create(System.getenv("WEBHOOK_URL")))));
 *     }
 * }
 * }</pre>
 */
public final class CustomSinkExample extends TrailkitHandler {
    /**
     * The handler Lambda creates: the webhook from {@code WEBHOOK_URL}, an S3 client with the URLConnection HTTP
     * client.
     *
     * @throws IllegalStateException when {@code WEBHOOK_URL} is not set
     */
    public CustomSinkExample() {
        this(
                new WebhookSink(URI.create(Examples.requiredEnv("WEBHOOK_URL"))),
                S3Client.builder()
                        .httpClientBuilder(UrlConnectionHttpClient.builder())
                        .build(),
                System.out);
    }

    /**
     * The same handler with the sink, the S3 client and the log stream given, for tests or other wiring.
     *
     * <pre>{@code
     * new CustomSinkExample(new WebhookSink(URI.create("http://127.0.0.1:8080/hook")), s3Client, System.out);
     * }</pre>
     *
     * @param sink where findings go, before the log
     * @param s3 reads the log objects
     * @param log where the handler's log lines and the findings' log lines go
     */
    public CustomSinkExample(FindingSink sink, S3Client s3, PrintStream log) {
        super(TrailkitHandler.builder()
                .rules(RuleSet.of(ruleList()))
                .s3(s3)
                .sink(sink)
                .sink(LogSink.to(log))
                .logTo(log));
    }

    /** {@link CreateTopicNotifier#SNS_TOPIC_CREATED} and {@link RootActivityAlarm#ruleList()}. */
    public static List<Rule> ruleList() {
        List<Rule> rules = new ArrayList<>();
        rules.add(CreateTopicNotifier.SNS_TOPIC_CREATED);
        rules.addAll(RootActivityAlarm.ruleList());
        return List.copyOf(rules);
    }
}
