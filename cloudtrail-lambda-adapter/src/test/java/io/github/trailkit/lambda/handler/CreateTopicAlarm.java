package io.github.trailkit.lambda.handler;

import static io.github.trailkit.rules.Rules.eventName;
import static io.github.trailkit.rules.Rules.eventSource;
import static io.github.trailkit.rules.Rules.rule;

import io.github.trailkit.lambda.LogSink;
import io.github.trailkit.lambda.SnsSink;
import io.github.trailkit.lambda.TrailkitHandler;
import io.github.trailkit.rules.RuleSet;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

// README:handler
public final class CreateTopicAlarm extends TrailkitHandler {
    public CreateTopicAlarm() { // what Lambda calls
        this(S3Client.create(), SnsClient.create(), System.getenv("TOPIC_ARN"));
    }

    CreateTopicAlarm(S3Client s3, SnsClient sns, String topicArn) { // what your tests call
        super(TrailkitHandler.builder()
                .rules(RuleSet.of(rule("sns-topic-created")
                        .title("SNS topic created")
                        .when(eventSource()
                                .is("sns.amazonaws.com")
                                .and(eventName().is("CreateTopic")))
                        .build()))
                .s3(s3)
                .sink(SnsSink.builder().client(sns).topicArn(topicArn).build())
                .sink(LogSink.toStdout()));
    }
}
// README:handler
