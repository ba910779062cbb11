package io.github.trailkit.rules;

import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailLog;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.GeneratedLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Varied records for the tests that compare two ways of evaluating: generated, real, and odd. */
final class TestRecords {
    private TestRecords() {}

    static final List<String> REAL_LOGS = List.of(
            "aws.defense-evasion.cloudtrail-delete",
            "aws.defense-evasion.cloudtrail-stop",
            "aws.defense-evasion.organizations-leave",
            "aws.exfiltration.ec2-security-group-open-port-22-ingress",
            "aws.initial-access.console-login-without-mfa");

    /** Records with explicit nulls and empty objects where typed members are expected, and arrays of objects. */
    static final List<String> ODD = List.of(
            "{\"eventName\":null,\"eventSource\":null,\"errorCode\":null,\"awsRegion\":null,\"eventType\":null}",
            "{\"userIdentity\":null,\"tlsDetails\":null,\"readOnly\":null}",
            "{\"userIdentity\":{\"type\":null,\"arn\":null,\"sessionContext\":null}}",
            "{\"userIdentity\":{\"type\":\"AssumedRole\",\"sessionContext\":{\"sessionIssuer\":null,"
                    + "\"attributes\":{\"mfaAuthenticated\":null,\"creationDate\":\"2024-01-01T00:00:00Z\"}}}}",
            "{\"userIdentity\":{\"type\":\"Root\",\"invokedBy\":\"signin.amazonaws.com\",\"extra\":[1,{\"a\":\"b\"}],"
                    + "\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"userName\":\"r\"},"
                    + "\"webIdFederationData\":{},\"assumedRoot\":\"true\"}}}",
            "{\"tlsDetails\":{\"tlsVersion\":null,\"cipherSuite\":\"c\"},\"errorCode\":\"AccessDenied\"}",
            "{\"tlsDetails\":{},\"userIdentity\":{},\"requestParameters\":{\"a\":[[1,\"x\"],[null,{\"b\":true}]]}}",
            "{\"eventName\":\"ConsoleLogin\",\"resources\":[{\"ARN\":\"a\",\"type\":\"t\"},{\"ARN\":\"b\",\"x\":[\"y\"]}],"
                    + "\"requestParameters\":null,\"responseElements\":{\"ConsoleLogin\":\"Success\"}}",
            "{\"eventName\":\"GetObject\",\"eventSource\":\"s3.amazonaws.com\",\"unknownMember\":{\"type\":\"Root\"},"
                    + "\"additionalEventData\":[{\"MFAUsed\":\"No\"},{\"MFAUsed\":\"Yes\"}]}",
            "{}");

    /** Records of the model's generated logs, then the real logs, then the odd ones. */
    static List<CloudTrailRecord> all(int generated) {
        List<CloudTrailRecord> out = new ArrayList<>(generated(generated));
        out.addAll(realLogs());
        for (String json : ODD) {
            out.add(CloudTrail.reader().readRecord(json));
        }
        return out;
    }

    static List<CloudTrailRecord> generated(int count) {
        try (CloudTrailLog log = CloudTrail.reader().read(GeneratedLog.records(count, 7), "generated")) {
            List<CloudTrailRecord> out = new ArrayList<>(count);
            log.forEach(out::add);
            return out;
        }
    }

    static List<CloudTrailRecord> realLogs() {
        List<CloudTrailRecord> out = new ArrayList<>();
        for (String name : REAL_LOGS) {
            try (InputStream in = TestRecords.class.getResourceAsStream("/real-logs/" + name + ".json.gz");
                    CloudTrailLog log = CloudTrail.reader().read(in, name)) {
                log.forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
