package io.github.trailkit.lambda.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.github.trailkit.lambda.LambdaEventTypes;
import io.github.trailkit.lambda.SnsSink;
import io.github.trailkit.lambda.TrailkitHandler;
import io.github.trailkit.rules.RuleDocuments;
import io.github.trailkit.rules.RuleSet;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

/** README "Your own handler with Lambda's event types": compiled here, run by {@code LambdaEventTypesTest}. */
// README:typed-events
public final class TrailObjects implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final LambdaEventTypes trailkit;

    public TrailObjects() { // what Lambda calls
        this(S3Client.create(), SnsClient.create(), System.getenv("TOPIC_ARN"));
    }

    TrailObjects(S3Client s3, SnsClient sns, String topicArn) { // what your tests call
        trailkit = new LambdaEventTypes(TrailkitHandler.builder()
                .rules(RuleSet.of(RuleDocuments.readResource("/rules/sns-topic-created.yaml")))
                .s3(s3)
                .sink(SnsSink.builder().client(sns).topicArn(topicArn).build())
                .build());
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return trailkit.sqs(event, context); // the messages to deliver again
    }
}
// README:typed-events
