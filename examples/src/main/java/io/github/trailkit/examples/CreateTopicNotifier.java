package io.github.trailkit.examples;

import static io.github.trailkit.rules.Rules.eventName;
import static io.github.trailkit.rules.Rules.eventSource;
import static io.github.trailkit.rules.Rules.rule;

import io.github.trailkit.lambda.LogSink;
import io.github.trailkit.lambda.SnsSink;
import io.github.trailkit.lambda.TrailkitHandler;
import io.github.trailkit.rules.Rule;
import io.github.trailkit.rules.RuleSet;
import io.github.trailkit.rules.Severity;
import java.io.PrintStream;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The seed scenario as a ready Lambda: when CloudTrail delivers a log file in which someone created an SNS topic,
 * publish a message to the SNS topic named by the environment variable {@code TOPIC_ARN} (subscribe your e-mail to
 * it), and write the finding to the function's log.
 *
 * <p>Deploy it with {@code examples/sam/create-topic-notifier/template.yaml}, or by hand: runtime {@code java25} (or {@code java21}),
 * handler {@code io.github.trailkit.examples.CreateTopicNotifier::handleRequest}, an S3 trigger on the trail bucket
 * (prefix {@code AWSLogs/}, suffix {@code .json.gz}), {@code s3:GetObject} on the logs and {@code sns:Publish} on the
 * topic.
 *
 * <pre>{@code
 * // what Lambda does, once per container:
 * RequestStreamHandler handler = new CreateTopicNotifier();       // reads TOPIC_ARN
 * // and for each S3 notification:
 * handler.handleRequest(eventStream, answerStream, context);
 * }</pre>
 */
public final class CreateTopicNotifier extends TrailkitHandler {
    /** Someone called SNS {@code CreateTopic}. */
    public static final Rule SNS_TOPIC_CREATED = rule("sns-topic-created")
            .title("SNS topic created")
            .description("Someone created an SNS topic; check that it is expected and who can publish to it.")
            .severity(Severity.HIGH)
            .tags("sns")
            .when(eventSource().is("sns.amazonaws.com").and(eventName().is("CreateTopic")))
            .build();

    /**
     * The handler Lambda creates: the SNS topic from {@code TOPIC_ARN}, SDK clients with the URLConnection HTTP client
     * (the region and credentials of the function).
     *
     * @throws IllegalStateException when {@code TOPIC_ARN} is not set
     */
    public CreateTopicNotifier() {
        this(
                Examples.requiredEnv("TOPIC_ARN"),
                S3Client.builder()
                        .httpClientBuilder(UrlConnectionHttpClient.builder())
                        .build(),
                SnsClient.builder()
                        .httpClientBuilder(UrlConnectionHttpClient.builder())
                        .build(),
                System.out);
    }

    /**
     * The same handler with the clients and the log stream given, for tests or other wiring.
     *
     * <pre>{@code
     * new CreateTopicNotifier("arn:aws:sns:us-east-1:111122223333:alerts", s3Client, snsClient, System.out);
     * }</pre>
     *
     * @param topicArn the topic findings are published to
     * @param s3 reads the log objects
     * @param sns publishes to the topic
     * @param log where the handler's log lines and the findings' log lines go
     */
    public CreateTopicNotifier(String topicArn, S3Client s3, SnsClient sns, PrintStream log) {
        super(TrailkitHandler.builder()
                .rules(RuleSet.of(SNS_TOPIC_CREATED))
                .s3(s3)
                .sink(SnsSink.builder().client(sns).topicArn(topicArn).build())
                .sink(LogSink.to(log))
                .logTo(log));
    }
}
