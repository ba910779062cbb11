package io.github.trailkit.examples;

import io.github.trailkit.lambda.LogSink;
import io.github.trailkit.lambda.SnsSink;
import io.github.trailkit.lambda.TrailkitHandler;
import io.github.trailkit.rules.Rule;
import io.github.trailkit.rules.RuleDocuments;
import io.github.trailkit.rules.RuleSet;
import java.io.PrintStream;
import java.util.List;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * A root account activity alarm, as the CIS AWS Foundations Benchmark asks for (3.3 in v1.2 to v1.5, 4.3 in later
 * versions): a record whose {@code userIdentity.type} is {@code Root}, with no {@code invokedBy} (an AWS service acting
 * with root's credentials) and an {@code eventType} other than {@code AwsServiceEvent}, is published to the SNS topic
 * {@code TOPIC_ARN} and written to the function's log.
 *
 * <p>The rule is a rule document, {@code io/github/trailkit/examples/root-activity.yaml}, whose pattern is an
 * EventBridge event pattern: the same text works as an EventBridge rule's {@code detail}. Deploy with {@code
 * examples/sam/root-activity-alarm/template.yaml}.
 *
 * <pre>{@code
 * RuleSet rules = RuleSet.of(RootActivityAlarm.ruleList());
 * rules.findings(record);   // [Finding(root-account-activity, CRITICAL, ...)] for a console action as root
 * }</pre>
 */
public final class RootActivityAlarm extends TrailkitHandler {
    /** The rule document, on the classpath. */
    public static final String RULES_RESOURCE = "io/github/trailkit/examples/root-activity.yaml";

    /**
     * The handler Lambda creates: the SNS topic from {@code TOPIC_ARN}, SDK clients with the URLConnection HTTP client.
     *
     * @throws IllegalStateException when {@code TOPIC_ARN} is not set
     */
    public RootActivityAlarm() {
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
     * new RootActivityAlarm("arn:aws:sns:us-east-1:111122223333:root-alarm", s3Client, snsClient, System.out);
     * }</pre>
     *
     * @param topicArn the topic findings are published to
     * @param s3 reads the log objects
     * @param sns publishes to the topic
     * @param log where the handler's log lines and the findings' log lines go
     */
    public RootActivityAlarm(String topicArn, S3Client s3, SnsClient sns, PrintStream log) {
        super(TrailkitHandler.builder()
                .rules(RuleSet.of(ruleList()))
                .s3(s3)
                .sink(SnsSink.builder().client(sns).topicArn(topicArn).build())
                .sink(LogSink.to(log))
                .logTo(log));
    }

    /** The rules of {@link #RULES_RESOURCE}: {@code root-account-activity}. */
    public static List<Rule> ruleList() {
        return RuleDocuments.readResource(RULES_RESOURCE);
    }
}
