package io.github.trailkit.lambda.sinks;

import static io.github.trailkit.rules.Rules.eventName;
import static io.github.trailkit.rules.Rules.eventSource;
import static io.github.trailkit.rules.Rules.rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.rules.Finding;
import io.github.trailkit.rules.RuleSet;
import io.github.trailkit.rules.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Findings made the way the handler makes them: records read from JSON, matched by a rule set, then located. */
final class SinkFixtures {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOPIC = "arn:aws:sns:us-east-2:111122223333:trailkit-findings";
    static final String SOURCE = "s3://trail-bucket/AWSLogs/111122223333/CloudTrail/us-east-2/2024/03/01/log.json.gz";

    static final RuleSet RULES = RuleSet.of(
            rule("sns-topic-created")
                    .title("SNS topic created")
                    .severity(Severity.HIGH)
                    .tags("cis-3.x", "messaging")
                    .when(eventSource().is("sns.amazonaws.com").and(eventName().is("CreateTopic")))
                    .build(),
            rule("root-activity")
                    .title("Root user activity: \u00e9t\u00e9 \u2603 \"quoted\"")
                    .severity(Severity.CRITICAL)
                    .when(eventName().is("ConsoleLogin"))
                    .build());

    private SinkFixtures() {}

    /** A CreateTopic record, distinct per {@code i}, with {@code padding} characters in its request parameters. */
    static CloudTrailRecord createTopic(int i, int padding) {
        return CloudTrail.reader()
                .readRecord("{\"eventVersion\":\"1.09\","
                        + "\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":\"AIDAEXAMPLE\","
                        + "\"arn\":\"arn:aws:iam::111122223333:user/alice\",\"accountId\":\"111122223333\",\"userName\":\"alice\"},"
                        + "\"eventTime\":\"2024-03-01T12:30:" + String.format("%02d", i % 60) + "Z\","
                        + "\"eventSource\":\"sns.amazonaws.com\",\"eventName\":\"CreateTopic\",\"awsRegion\":\"us-east-2\","
                        + "\"sourceIPAddress\":\"203.0.113.7\",\"userAgent\":\"aws-cli/2.15.0\","
                        + "\"requestParameters\":{\"name\":\"topic-" + i + "\",\"note\":\"" + "x".repeat(padding)
                        + "\"},"
                        + "\"responseElements\":{\"topicArn\":\"arn:aws:sns:us-east-2:111122223333:topic-" + i + "\"},"
                        + "\"requestID\":\"req-" + i + "\",\"eventID\":\"0000-ev-" + i + "\",\"readOnly\":false,"
                        + "\"eventType\":\"AwsApiCall\",\"managementEvent\":true,\"recipientAccountId\":\"111122223333\","
                        + "\"eventCategory\":\"Management\"}");
    }

    /** {@code n} findings of distinct CreateTopic records, located at {@link #SOURCE} with record index i. */
    static List<Finding> findings(int n) {
        return findings(n, 0);
    }

    /** {@code n} findings whose records carry {@code padding} extra characters each. */
    static List<Finding> findings(int n, int padding) {
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Finding> matched = RULES.findings(createTopic(i, padding));
            if (matched.size() != 1) {
                throw new AssertionError("expected one finding, got " + matched);
            }
            out.add(matched.get(0).at(SOURCE, i));
        }
        return out;
    }

    /** A finding of the root rule over a record with no time, region or account. */
    static Finding sparse() {
        CloudTrailRecord r = CloudTrail.reader()
                .readRecord(
                        "{\"eventName\":\"ConsoleLogin\",\"userIdentity\":{\"type\":\"Root\",\"principalId\":\"111122223333\"}}");
        return RULES.findings(r).get(0);
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
