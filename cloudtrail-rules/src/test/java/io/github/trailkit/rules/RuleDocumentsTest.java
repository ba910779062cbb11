package io.github.trailkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailLog;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.TrailkitException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Machine;

/**
 * Rule documents and EventBridge patterns: every operator in JSON and in YAML, checked against AWS's Event Ruler as
 * the oracle; envelope patterns; errors with their exact positions; documents from the classpath and from files.
 */
final class RuleDocumentsTest {

    static final String RECORD_JSON = "{"
            + "\"eventVersion\":\"1.09\",\"eventTime\":\"2024-03-01T12:30:00Z\",\"eventType\":\"AwsApiCall\","
            + "\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"PutBucketAcl\",\"awsRegion\":\"eu-west-1\","
            + "\"sourceIPAddress\":\"203.0.113.7\",\"userAgent\":\"aws-cli/2.13.5 Python/3.11.4\","
            + "\"readOnly\":false,\"recipientAccountId\":\"111122223333\","
            + "\"userIdentity\":{\"type\":\"AssumedRole\",\"arn\":\"arn:aws:sts::111122223333:assumed-role/Admin/alice\","
            + "\"sessionContext\":{\"attributes\":{\"mfaAuthenticated\":\"true\"},"
            + "\"sessionIssuer\":{\"type\":\"Role\",\"userName\":\"Admin\"}}},"
            + "\"requestParameters\":{\"bucketName\":\"prod-logs\",\"x-amz-acl\":[\"public-read\"],"
            + "\"count\":42,\"ratio\":0.5,\"enabled\":true,\"note\":null,\"empty\":[],\"obj\":{\"k\":\"v\"},"
            + "\"tags\":[\"a\",\"b\"],\"v6\":\"2001:db8::1\",\"name\":\"Ärger\"},"
            + "\"responseElements\":null}";

    static final CloudTrailRecord RECORD = CloudTrail.reader().readRecord(RECORD_JSON);

    /** The event EventBridge delivers for RECORD. */
    static final String ENVELOPE_JSON = "{\"version\":\"0\",\"id\":\"6f1b5e3a-0000-4000-8000-000000000000\","
            + "\"detail-type\":\"AWS API Call via CloudTrail\",\"source\":\"aws.s3\",\"account\":\"111122223333\","
            + "\"time\":\"2024-03-01T12:30:00Z\",\"region\":\"eu-west-1\",\"resources\":[],\"detail\":" + RECORD_JSON
            + "}";

    /* ------------------------------------------------------------------ every operator, JSON and YAML, vs Event Ruler */

    static Stream<Arguments> recordPatterns() {
        return Stream.of(
                // exact strings, numbers, booleans, null
                Arguments.of("{\"eventName\":[\"PutBucketAcl\"]}", true),
                Arguments.of("{\"eventName\":[\"putbucketacl\"]}", false),
                Arguments.of("{\"eventName\":[\"CreateTopic\",\"PutBucketAcl\"]}", true),
                Arguments.of("{\"eventSource\":[\"s3.amazonaws.com\"],\"eventName\":[\"CreateTopic\"]}", false),
                Arguments.of("{\"eventSource\":[\"s3.amazonaws.com\"],\"eventName\":[\"PutBucketAcl\"]}", true),
                Arguments.of("{\"requestParameters\":{\"count\":[42]}}", true),
                Arguments.of("{\"requestParameters\":{\"count\":[42.0]}}", true),
                Arguments.of("{\"requestParameters.count\":[4.2e1]}", true),
                Arguments.of("{\"requestParameters\":{\"count\":[\"42\"]}}", false),
                Arguments.of("{\"requestParameters\":{\"bucketName\":[42]}}", false),
                Arguments.of("{\"requestParameters\":{\"enabled\":[true]}}", true),
                Arguments.of("{\"requestParameters\":{\"enabled\":[\"true\"]}}", false),
                Arguments.of("{\"readOnly\":[false]}", true),
                Arguments.of("{\"readOnly\":[true]}", false),
                Arguments.of("{\"requestParameters\":{\"note\":[null]}}", true),
                Arguments.of("{\"requestParameters\":{\"missing\":[null]}}", false),
                Arguments.of("{\"requestParameters\":{\"note\":[\"\"]}}", false),
                Arguments.of("{\"responseElements\":[null]}", true),
                Arguments.of("{\"requestParameters\":{\"x-amz-acl\":[\"public-read\"]}}", true),
                Arguments.of("{\"requestParameters\":{\"tags\":[\"b\"]}}", true),
                Arguments.of("{\"userIdentity.sessionContext\":{\"sessionIssuer.userName\":[\"Admin\"]}}", true),
                // IP address strings match the address
                Arguments.of("{\"sourceIPAddress\":[\"203.0.113.7\"]}", true),
                Arguments.of("{\"sourceIPAddress\":[\"203.0.113.007\"]}", true),
                Arguments.of("{\"sourceIPAddress\":[\"203.0.113.8\"]}", false),
                Arguments.of("{\"requestParameters\":{\"v6\":[\"2001:0DB8:0:0:0:0:0:1\"]}}", true),
                Arguments.of("{\"sourceIPAddress\":[\"999.0.113.7\"]}", false),
                // exactly
                Arguments.of("{\"eventName\":[{\"exactly\":\"PutBucketAcl\"}]}", true),
                Arguments.of("{\"sourceIPAddress\":[{\"exactly\":\"203.0.113.7\"}]}", true),
                Arguments.of("{\"eventName\":[{\"exactly\":\"putBucketAcl\"}]}", false),
                // prefix, suffix, equals-ignore-case
                Arguments.of("{\"eventName\":[{\"prefix\":\"Put\"}]}", true),
                Arguments.of("{\"eventName\":[{\"prefix\":\"put\"}]}", false),
                Arguments.of("{\"eventName\":[{\"prefix\":{\"equals-ignore-case\":\"pUT\"}}]}", true),
                Arguments.of("{\"eventName\":[{\"prefix\":{\"equals-ignore-case\":\"get\"}}]}", false),
                Arguments.of("{\"eventName\":[{\"prefix\":\"\"}]}", true),
                Arguments.of("{\"requestParameters\":{\"count\":[{\"prefix\":\"4\"}]}}", false),
                Arguments.of("{\"eventName\":[{\"suffix\":\"Acl\"}]}", true),
                Arguments.of("{\"eventName\":[{\"suffix\":\"ACL\"}]}", false),
                Arguments.of("{\"eventName\":[{\"suffix\":{\"equals-ignore-case\":\"ACL\"}}]}", true),
                Arguments.of("{\"eventName\":[{\"equals-ignore-case\":\"PUTBUCKETACL\"}]}", true),
                Arguments.of("{\"eventName\":[{\"equals-ignore-case\":\"PutBucket\"}]}", false),
                Arguments.of("{\"requestParameters\":{\"name\":[{\"equals-ignore-case\":\"ärger\"}]}}", true),
                // wildcard
                Arguments.of(
                        "{\"userIdentity\":{\"arn\":[{\"wildcard\":\"arn:aws:sts::*:assumed-role/Admin/*\"}]}}", true),
                Arguments.of(
                        "{\"userIdentity\":{\"arn\":[{\"wildcard\":\"arn:aws:sts::*:assumed-role/Ops/*\"}]}}", false),
                Arguments.of("{\"eventName\":[{\"wildcard\":\"Put*Acl\"}]}", true),
                Arguments.of("{\"eventName\":[{\"wildcard\":\"Put*Policy\"}]}", false),
                Arguments.of("{\"userAgent\":[{\"wildcard\":\"*Python/3*\"}]}", true),
                // anything-but
                Arguments.of("{\"eventName\":[{\"anything-but\":\"CreateTopic\"}]}", true),
                Arguments.of("{\"eventName\":[{\"anything-but\":\"PutBucketAcl\"}]}", false),
                Arguments.of("{\"eventName\":[{\"anything-but\":[\"CreateTopic\",\"PutBucketAcl\"]}]}", false),
                Arguments.of("{\"requestParameters\":{\"count\":[{\"anything-but\":42}]}}", false),
                Arguments.of("{\"requestParameters\":{\"count\":[{\"anything-but\":[41,43]}]}}", true),
                Arguments.of("{\"requestParameters\":{\"count\":[{\"anything-but\":[42.0,43]}]}}", false),
                Arguments.of("{\"requestParameters\":{\"count\":[{\"anything-but\":\"42\"}]}}", true),
                Arguments.of("{\"errorCode\":[{\"anything-but\":\"AccessDenied\"}]}", false),
                Arguments.of("{\"requestParameters\":{\"note\":[{\"anything-but\":\"x\"}]}}", true),
                Arguments.of("{\"requestParameters\":{\"tags\":[{\"anything-but\":\"a\"}]}}", true),
                Arguments.of("{\"requestParameters\":{\"obj\":[{\"anything-but\":\"x\"}]}}", false),
                Arguments.of("{\"eventName\":[{\"anything-but\":{\"prefix\":\"Put\"}}]}", false),
                Arguments.of("{\"eventName\":[{\"anything-but\":{\"prefix\":[\"Get\",\"List\"]}}]}", true),
                Arguments.of("{\"requestParameters\":{\"count\":[{\"anything-but\":{\"prefix\":\"4\"}}]}}", true),
                Arguments.of("{\"eventName\":[{\"anything-but\":{\"suffix\":\"Acl\"}}]}", false),
                Arguments.of("{\"eventName\":[{\"anything-but\":{\"suffix\":[\"Policy\"]}}]}", true),
                Arguments.of("{\"eventName\":[{\"anything-but\":{\"equals-ignore-case\":\"putbucketacl\"}}]}", false),
                Arguments.of("{\"eventName\":[{\"anything-but\":{\"equals-ignore-case\":[\"createtopic\"]}}]}", true),
                Arguments.of("{\"eventName\":[{\"anything-but\":{\"wildcard\":\"Put*\"}}]}", false),
                Arguments.of("{\"eventName\":[{\"anything-but\":{\"wildcard\":[\"Get*\",\"*Policy\"]}}]}", true),
                // numeric
                Arguments.of("{\"requestParameters\":{\"count\":[{\"numeric\":[\">\",41]}]}}", true),
                Arguments.of("{\"requestParameters\":{\"count\":[{\"numeric\":[\">\",42]}]}}", false),
                Arguments.of("{\"requestParameters\":{\"count\":[{\"numeric\":[\">=\",42]}]}}", true),
                Arguments.of("{\"requestParameters\":{\"count\":[{\"numeric\":[\"<\",42]}]}}", false),
                Arguments.of("{\"requestParameters\":{\"count\":[{\"numeric\":[\"<=\",42]}]}}", true),
                Arguments.of("{\"requestParameters\":{\"count\":[{\"numeric\":[\"=\",4.2e1]}]}}", true),
                Arguments.of("{\"requestParameters\":{\"count\":[{\"numeric\":[\">\",0,\"<=\",42]}]}}", true),
                Arguments.of("{\"requestParameters\":{\"count\":[{\"numeric\":[\">\",0,\"<\",42]}]}}", false),
                Arguments.of("{\"requestParameters\":{\"ratio\":[{\"numeric\":[\">=\",0.5,\"<\",1]}]}}", true),
                Arguments.of("{\"eventVersion\":[{\"numeric\":[\">\",1]}]}", false),
                // cidr
                Arguments.of("{\"sourceIPAddress\":[{\"cidr\":\"203.0.113.0/24\"}]}", true),
                Arguments.of("{\"sourceIPAddress\":[{\"cidr\":\"10.0.0.0/8\"}]}", false),
                Arguments.of("{\"requestParameters\":{\"v6\":[{\"cidr\":\"2001:db8::/32\"}]}}", true),
                Arguments.of("{\"eventSource\":[{\"cidr\":\"0.0.0.0/0\"}]}", false),
                // exists
                Arguments.of("{\"eventName\":[{\"exists\":true}]}", true),
                Arguments.of("{\"errorCode\":[{\"exists\":true}]}", false),
                Arguments.of("{\"errorCode\":[{\"exists\":false}]}", true),
                Arguments.of("{\"requestParameters\":{\"note\":[{\"exists\":true}]}}", true),
                Arguments.of("{\"requestParameters\":{\"empty\":[{\"exists\":true}]}}", false),
                Arguments.of("{\"requestParameters\":{\"empty\":[{\"exists\":false}]}}", true),
                Arguments.of("{\"requestParameters\":{\"obj\":[{\"exists\":false}]}}", true),
                // several alternatives of different kinds
                Arguments.of("{\"eventName\":[\"CreateTopic\",{\"prefix\":\"Put\"}]}", true),
                Arguments.of("{\"errorCode\":[{\"exists\":false},\"AccessDenied\"]}", true),
                // $or, at the top and nested, and a path given again inside a branch
                Arguments.of(
                        "{\"$or\":[{\"eventName\":[\"CreateTopic\"]},{\"eventSource\":[\"s3.amazonaws.com\"]}]}", true),
                Arguments.of(
                        "{\"$or\":[{\"eventName\":[\"CreateTopic\"]},{\"eventSource\":[\"sns.amazonaws.com\"]}]}",
                        false),
                Arguments.of(
                        "{\"eventSource\":[\"s3.amazonaws.com\"],\"requestParameters\":{\"$or\":["
                                + "{\"count\":[{\"numeric\":[\">\",100]}]},"
                                + "{\"$or\":[{\"bucketName\":[{\"prefix\":\"dev-\"}]},{\"enabled\":[true]}]}]}}",
                        true),
                Arguments.of(
                        "{\"eventSource\":[\"s3.amazonaws.com\"],\"requestParameters\":{\"$or\":["
                                + "{\"count\":[{\"numeric\":[\">\",100]}]},"
                                + "{\"$or\":[{\"bucketName\":[{\"prefix\":\"dev-\"}]},{\"enabled\":[false]}]}]}}",
                        false),
                Arguments.of(
                        "{\"eventName\":[\"CreateTopic\"],"
                                + "\"$or\":[{\"eventName\":[\"PutBucketAcl\"]},{\"eventSource\":[\"sns.amazonaws.com\"]}]}",
                        true));
    }

    @ParameterizedTest
    @MethodSource("recordPatterns")
    void recordPatternInJson(String pattern, boolean expected) {
        assertThat(RuleDocuments.pattern(pattern).matches(RECORD)).as(pattern).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("recordPatterns")
    void recordPatternInYaml(String pattern, boolean expected) {
        String yaml = yamlDocument(pattern);
        List<Rule> rules = RuleDocuments.read(stream(yaml), "rules.yaml");
        assertThat(rules).hasSize(1);
        assertThat(rules.get(0).matches(RECORD)).as(yaml).isEqualTo(expected);
        assertThat(rules.get(0).condition())
                .hasToString(RuleDocuments.pattern(pattern).toString());
    }

    @ParameterizedTest
    @MethodSource("recordPatterns")
    void recordPatternAgreesWithEventRuler(String pattern, boolean expected) throws Exception {
        assertThat(eventRulerMatches(pattern, RECORD_JSON)).as(pattern).isEqualTo(expected);
    }

    static Stream<Arguments> envelopePatterns() {
        return Stream.of(
                Arguments.of(
                        "{\"source\":[\"aws.s3\"],\"detail-type\":[\"AWS API Call via CloudTrail\"],"
                                + "\"detail\":{\"eventName\":[{\"prefix\":\"Put\"}]}}",
                        true),
                Arguments.of(
                        "{\"source\":[\"aws.iam\"],\"detail-type\":[\"AWS API Call via CloudTrail\"],"
                                + "\"detail\":{\"eventName\":[{\"prefix\":\"Delete\"}]}}",
                        false),
                Arguments.of(
                        "{\"source\":[\"aws.s3\"],\"detail-type\":[\"AWS Console Sign In via CloudTrail\"]}", false),
                Arguments.of(
                        "{\"source\":[\"aws.s3\"],\"account\":[\"111122223333\"],\"region\":[\"eu-west-1\"],"
                                + "\"time\":[{\"prefix\":\"2024-03-01T\"}]}",
                        true),
                Arguments.of("{\"source\":[\"aws.s3\"],\"region\":[\"us-east-1\"]}", false),
                Arguments.of("{\"source\":[{\"anything-but\":\"aws.iam\"}],\"account\":[{\"exists\":true}]}", true),
                Arguments.of("{\"version\":[\"0\"],\"source\":[\"aws.s3\"]}", true),
                Arguments.of("{\"version\":[\"1\"],\"source\":[\"aws.s3\"]}", false),
                Arguments.of("{\"version\":[{\"anything-but\":\"0\"}],\"source\":[\"aws.s3\"]}", false),
                Arguments.of(
                        "{\"detail-type\":[{\"prefix\":\"AWS API Call\"}],\"detail.userIdentity.type\":[\"AssumedRole\"]}",
                        true),
                Arguments.of("{\"detail\":{\"requestParameters\":{\"count\":[{\"numeric\":[\">\",40]}]}}}", true),
                Arguments.of(
                        "{\"$or\":[{\"source\":[\"aws.iam\"]},{\"detail\":{\"eventName\":[\"PutBucketAcl\"]}}]}", true),
                Arguments.of(
                        "{\"$or\":[{\"source\":[\"aws.iam\"]},{\"detail\":{\"eventName\":[\"DeleteBucket\"]}}]}",
                        false));
    }

    @ParameterizedTest
    @MethodSource("envelopePatterns")
    void envelopePatternInJson(String pattern, boolean expected) {
        assertThat(RuleDocuments.pattern(pattern).matches(RECORD)).as(pattern).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("envelopePatterns")
    void envelopePatternInYaml(String pattern, boolean expected) {
        List<Rule> rules = RuleDocuments.read(stream(yamlDocument(pattern)), "rules.yaml");
        assertThat(rules.get(0).matches(RECORD)).as(pattern).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("envelopePatterns")
    void envelopePatternAgreesWithEventRulerOnTheDeliveredEvent(String pattern, boolean expected) throws Exception {
        assertThat(eventRulerMatches(pattern, ENVELOPE_JSON)).as(pattern).isEqualTo(expected);
    }

    @Test
    void yamlWrittenByHandWithEveryKindOfValue() {
        String yaml = String.join(
                "\n",
                "rules:",
                "  - id: s3-acl-by-admin",
                "    pattern:",
                "      eventSource: [s3.amazonaws.com]",
                "      eventName:",
                "        - CreateTopic",
                "        - prefix: Put",
                "      readOnly: [false]",
                "      sourceIPAddress: [203.0.113.7]",
                "      userIdentity:",
                "        arn: [{wildcard: 'arn:aws:sts::*:assumed-role/Admin/*'}]",
                "        sessionContext.attributes.mfaAuthenticated: ['true']",
                "      requestParameters:",
                "        count: [{numeric: ['>=', 42, '<', 100]}]",
                "        ratio: [0.5]",
                "        note: [~]",
                "        enabled: [true]",
                "        bucketName: [{anything-but: {prefix: dev-}}]",
                "        name: [{equals-ignore-case: ÄRGER}]",
                "      errorCode: [{exists: false}]",
                "  - id: yes-is-a-string",
                "    pattern:",
                "      eventName: [yes, no, on, off]",
                "");
        List<Rule> rules = RuleDocuments.read(stream(yaml), "hand.yaml");
        assertThat(rules.get(0).matches(RECORD)).isTrue();
        assertThat(rules.get(1).condition()).hasToString("eventName().in(\"yes\", \"no\", \"on\", \"off\")");
        assertThat(rules.get(1).matches(CloudTrail.reader().readRecord("{\"eventName\":\"no\"}")))
                .isTrue();
    }

    @Test
    void inYamlAValueThatLooksLikeANumberIsANumberUnlessQuoted() {
        // as in EventBridge, a number never matches a string: account ids must be quoted in YAML
        Rule unquoted = RuleDocuments.read(
                        stream("rules:\n  - id: a\n    pattern: {recipientAccountId: [111122223333]}\n"), "a.yaml")
                .get(0);
        Rule quoted = RuleDocuments.read(
                        stream("rules:\n  - id: a\n    pattern: {recipientAccountId: ['111122223333']}\n"), "a.yaml")
                .get(0);
        assertThat(unquoted.condition()).hasToString("recipientAccountId().is(111122223333)");
        assertThat(unquoted.matches(RECORD)).isFalse();
        assertThat(quoted.matches(RECORD)).isTrue();
    }

    @Test
    void emptyStringsInYamlStayStrings() {
        Rule r = RuleDocuments.read(stream("rules:\n  - id: e\n    pattern: {errorMessage: [\"\", '']}\n"), "e.yaml")
                .get(0);
        assertThat(r.condition()).hasToString("errorMessage().is(\"\")");
    }

    @Test
    void theJavadocExampleLoads() {
        String yaml = String.join(
                "\n",
                "# rules/sns.yaml",
                "rules:",
                "  - id: sns-topic-created",
                "    title: SNS topic created",
                "    severity: MEDIUM",
                "    tags: [sns]",
                "    pattern:",
                "      eventSource: [sns.amazonaws.com]",
                "      eventName: [CreateTopic]",
                "  - id: iam-delete",
                "    severity: high                       # case does not matter",
                "    pattern:                             # an EventBridge rule pasted as is",
                "      source: [aws.iam]",
                "      detail-type: [AWS API Call via CloudTrail]",
                "      detail:",
                "        eventName: [{prefix: Delete}]",
                "");
        List<Rule> rules = RuleDocuments.read(stream(yaml), "rules/sns.yaml");
        assertThat(rules).extracting(Rule::severity).containsExactly(Severity.MEDIUM, Severity.HIGH);
        assertThat(rules.get(1).condition())
                .hasToString("eventBridgeSource().is(\"aws.iam\")"
                        + ".and(eventBridgeDetailType().is(\"AWS API Call via CloudTrail\"))"
                        + ".and(eventName().startsWith(\"Delete\"))");
    }

    /* ------------------------------------------------------------------ the seed scenario */

    @Test
    void seedRuleMatchesTheAwsSampleCreateTopicRecord() throws IOException {
        List<CloudTrailRecord> records;
        try (CloudTrailLog log = CloudTrail.reader().read(sampleLog())) {
            records = log.stream().collect(Collectors.toList());
        }
        CloudTrailRecord createTopic = records.get(0);
        CloudTrailRecord getTopicAttributes = records.get(1);
        assertThat(createTopic.eventName()).contains("CreateTopic");

        List<Rule> rules = RuleDocuments.read(
                stream(String.join(
                        "\n",
                        "rules:",
                        "  - id: sns-topic-created",
                        "    title: SNS topic created",
                        "    severity: MEDIUM",
                        "    pattern:",
                        "      eventSource: [sns.amazonaws.com]",
                        "      eventName: [CreateTopic]",
                        "")),
                "seed.yaml");

        Rule rule = rules.get(0);
        assertThat(rule.id()).isEqualTo("sns-topic-created");
        assertThat(rule.title()).isEqualTo("SNS topic created");
        assertThat(rule.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(rule.condition())
                .hasToString("eventSource().is(\"sns.amazonaws.com\").and(eventName().is(\"CreateTopic\"))");
        RuleSet set = RuleSet.of(rules);
        assertThat(set.findings(createTopic)).extracting(Finding::ruleId).containsExactly("sns-topic-created");
        assertThat(set.findings(getTopicAttributes)).isEmpty();
        // the same rule as EventBridge sees it
        assertThat(RuleDocuments.pattern("{\"source\":[\"aws.sns\"],\"detail-type\":[\"AWS API Call via CloudTrail\"],"
                                + "\"detail\":{\"eventName\":[\"CreateTopic\"]}}")
                        .matches(createTopic))
                .isTrue();
    }

    private static Path sampleLog() {
        String key = "samples/AWSLogs/123456789012/CloudTrail/us-east-2/2015/01/24/"
                + "123456789012_CloudTrail_us-east-2_20150124T2330Z_tKGwUkXxLSJzB0bm.json.gz";
        Path fromModule = Path.of("..").resolve(key);
        return Files.exists(fromModule) ? fromModule : Path.of(key);
    }

    /* ------------------------------------------------------------------ what the compiled conditions are */

    @Test
    void compiledConditionsAreDslExpressions() {
        assertThat(RuleDocuments.pattern("{\"eventSource\":[\"sns.amazonaws.com\"],\"eventName\":[\"CreateTopic\"]}"))
                .hasToString("eventSource().is(\"sns.amazonaws.com\").and(eventName().is(\"CreateTopic\"))");
        assertThat(RuleDocuments.pattern("{\"source\":[\"aws.iam\"],\"detail-type\":[\"AWS API Call via CloudTrail\"],"
                        + "\"detail\":{\"eventName\":[{\"prefix\":\"Delete\"}]}}"))
                .hasToString("eventBridgeSource().is(\"aws.iam\")"
                        + ".and(eventBridgeDetailType().is(\"AWS API Call via CloudTrail\"))"
                        + ".and(eventName().startsWith(\"Delete\"))");
        assertThat(RuleDocuments.pattern("{\"eventName\":[\"DeleteTopic\",\"CreateTopic\",{\"prefix\":\"Put\"}],"
                        + "\"sourceIPAddress\":[\"10.0.0.1\"]}"))
                .hasToString("anyOf(eventName().in(\"DeleteTopic\", \"CreateTopic\"), eventName().startsWith(\"Put\"))"
                        + ".and(sourceIPAddress().inCidr(\"10.0.0.1\"))");
        assertThat(
                        RuleDocuments.pattern(
                                "{\"userIdentity\":{\"type\":[\"Root\"]},\"requestParameters\":{"
                                        + "\"count\":[{\"numeric\":[\">\",0,\"<=\",5]}],\"name\":[{\"anything-but\":[\"a\",\"b\"]}]},"
                                        + "\"additionalEventData\":{\"MFAUsed\":[\"No\"]},\"tlsDetails.tlsVersion\":[{\"exists\":false}]}"))
                .hasToString("userIdentity().type().is(\"Root\")"
                        + ".and(requestParameter(\"count\").range(\">\", 0, \"<=\", 5))"
                        + ".and(requestParameter(\"name\").anythingBut(\"a\", \"b\"))"
                        + ".and(additionalEventData(\"MFAUsed\").is(\"No\"))"
                        + ".and(field(\"tlsDetails.tlsVersion\").absentAsLeaf())");
        // $or: what every branch shares is tested once
        assertThat(RuleDocuments.pattern("{\"eventSource\":[\"iam.amazonaws.com\"],\"$or\":["
                        + "{\"eventName\":[\"CreateUser\"]},{\"errorCode\":[\"AccessDenied\"],\"readOnly\":[false]}]}"))
                .hasToString(
                        "eventSource().is(\"iam.amazonaws.com\")"
                                + ".and(eventName().is(\"CreateUser\").or(errorCode().is(\"AccessDenied\").and(readOnly().is(false))))");
        // the envelope's version is the constant "0"
        assertThat(RuleDocuments.pattern("{\"version\":[\"0\"],\"source\":[\"aws.sns\"]}"))
                .hasToString("eventBridgeSource().is(\"aws.sns\")");
        assertThat(RuleDocuments.pattern("{\"version\":[\"1\"],\"source\":[\"aws.sns\"]}"))
                .hasToString("never()");
    }

    @Test
    void rulesFromPatternsAreIndexedByTheirEventNames() {
        Rule r = Rules.rule("r")
                .when(RuleDocuments.pattern("{\"eventName\":[\"CreateTopic\",\"DeleteTopic\"]}"))
                .build();
        assertThat(r.condition().required("eventName")).containsExactlyInAnyOrder("CreateTopic", "DeleteTopic");
    }

    /* ------------------------------------------------------------------ documents from the classpath and files */

    @Test
    void documentFromTheClasspath() {
        List<Rule> rules = RuleDocuments.readResource("documents/sns-rules.yaml");
        assertThat(rules).extracting(Rule::id).containsExactly("sns-topic-created", "sns-topic-deleted");
        Rule deleted = rules.get(1);
        assertThat(deleted.title()).isEqualTo("SNS topic deleted");
        assertThat(deleted.description()).contains("Someone deleted a topic; its subscribers stop getting messages.");
        assertThat(deleted.severity()).isEqualTo(Severity.HIGH);
        assertThat(deleted.tags()).containsExactly("sns", "availability");
        assertThat(deleted.dedupKey()).contains("requestParameters.topicArn");
        assertThat(rules.get(0).severity()).isEqualTo(Severity.MEDIUM);

        List<Rule> iam = RuleDocuments.readResource("/documents/iam-eventbridge-rules.json");
        assertThat(
                        iam.get(0)
                                .matches(
                                        CloudTrail.reader()
                                                .readRecord(
                                                        "{\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"DeleteUser\",\"eventType\":\"AwsApiCall\"}")))
                .isTrue();
        assertThat(iam.get(0).matches(RECORD)).isFalse();
    }

    @Test
    void missingClasspathResourceIsNamed() {
        assertThatThrownBy(() -> RuleDocuments.readResource("documents/nope.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .isNotInstanceOf(RuleDocumentException.class)
                .hasMessage("no rule document on the classpath at \"documents/nope.yaml\"");
    }

    @Test
    void invalidClasspathResourceIsNamedInErrors() {
        assertThatThrownBy(() -> RuleDocuments.readResource("documents/invalid-rules.yaml"))
                .isInstanceOf(RuleDocumentException.class)
                .hasMessage("documents/invalid-rules.yaml:2:5: rule \"sns-topic-created\" is missing \"pattern\": "
                        + "expected an EventBridge event pattern, such as {\"eventName\": [\"CreateTopic\"]}\n"
                        + "documents/invalid-rules.yaml:3:5: unknown key \"patern\"; expected one of id, title, "
                        + "description, references, severity, tags, dedupKey, pattern");
    }

    @Test
    void filesAreReadAndCheckedWithTheirPathAsSource(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("good.json");
        Files.writeString(good, "\n  {\"rules\": [{\"id\": \"a\", \"pattern\": {\"eventName\": [\"PutBucketAcl\"]}}]}");
        assertThat(RuleDocuments.read(good))
                .singleElement()
                .satisfies(r -> assertThat(r.matches(RECORD)).isTrue());
        assertThat(RuleDocuments.check(good)).isEmpty();

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "rules:\n  - id: a\n    pattern: {eventName: PutBucketAcl}\n");
        List<RuleDocumentProblem> problems = RuleDocuments.check(bad);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo(bad.toString());
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(26);
            assertThat(p.message())
                    .isEqualTo("\"eventName\" must be an array of alternatives, such as "
                            + "[\"PutBucketAcl\"], or an object of nested fields; found a string \"PutBucketAcl\"");
            assertThat(p).hasToString(bad + ":3:26: " + p.message());
        });

        assertThatThrownBy(() -> RuleDocuments.read(dir.resolve("missing.yaml")))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void byteOrderMarkAndLeadingBlankLinesAreFine() {
        String doc = "\uFEFF\n\n{\"rules\": [{\"id\": \"a\", \"pattern\": {\"eventName\": 5}}]}";
        assertProblems(
                doc,
                "<doc>:3:49: \"eventName\" must be an array of alternatives, such as [5], or an object of "
                        + "nested fields; found a number 5");
    }

    /* ------------------------------------------------------------------ errors: every one, with its position */

    @Test
    void severalErrorsInJsonAreReportedAtOnce() {
        String doc = String.join(
                "\n",
                "{\"rules\": [",
                "  {\"id\": \"a\", \"patern\": {\"eventName\": [\"x\"]}},",
                "  {\"id\": \"b\", \"pattern\": {\"eventName\": \"CreateTopic\", \"eventSource\": [{\"regex\": \"s.*\"}]}},",
                "  {\"id\": \"a\", \"severity\": \"urgent\", \"pattern\": {\"sourceIPAddress\": [{\"cidr\": \"10.0.0.1\"}]}},",
                "  {\"id\": \"c\", \"tags\": \"iam\", \"pattern\": {\"errorCode\": []}},",
                "  {\"title\": 5, \"pattern\": {}}",
                "], \"version\": 1}");
        RuleDocumentException e =
                catchThrowableOfType(RuleDocumentException.class, () -> RuleDocuments.read(stream(doc), "rules.json"));
        assertThat(e.problems())
                .extracting(RuleDocumentProblem::toString)
                .containsExactly(
                        "rules.json:2:3: rule \"a\" is missing \"pattern\": expected an EventBridge event pattern, such as "
                                + "{\"eventName\": [\"CreateTopic\"]}",
                        "rules.json:2:15: unknown key \"patern\"; expected one of id, title, description, references, "
                                + "severity, tags, dedupKey, pattern",
                        "rules.json:3:40: \"eventName\" must be an array of alternatives, such as [\"CreateTopic\"], or an "
                                + "object of nested fields; found a string \"CreateTopic\"",
                        "rules.json:3:72: \"eventSource\": unknown operator \"regex\"; expected one of exactly, prefix, suffix, "
                                + "equals-ignore-case, wildcard, anything-but, numeric, cidr, exists",
                        "rules.json:4:10: duplicate rule id \"a\"; first at line 2, column 10",
                        "rules.json:4:27: unknown severity \"urgent\"; expected one of INFO, LOW, MEDIUM, HIGH, CRITICAL",
                        "rules.json:4:78: \"sourceIPAddress\": \"cidr\" expects a CIDR range with one /, such as "
                                + "\"10.0.0.0/24\" or \"2001:db8::/32\", found \"10.0.0.1\"",
                        "rules.json:5:23: \"tags\" must be a list of strings, found a string \"iam\"",
                        "rules.json:5:55: \"errorCode\" has an empty array; expected at least one alternative, such as "
                                + "[\"CreateTopic\"]",
                        "rules.json:6:3: missing \"id\": each rule needs an id, such as sns-topic-created",
                        "rules.json:6:13: \"title\" must be a string, found a number 5",
                        "rules.json:6:27: empty pattern; expected at least one field",
                        "rules.json:7:4: unknown key \"version\"; expected rules");
        assertThat(e.getMessage())
                .startsWith("rules.json:2:3: rule \"a\" is missing")
                .contains("\nrules.json:2:15: unknown key \"patern\"")
                .hasLineCount(13);
    }

    @Test
    void severalErrorsInYamlAreReportedAtOnce() {
        String doc = String.join(
                "\n",
                "rules:",
                "  - id: a",
                "    patern:",
                "      eventName: [x]",
                "  - id: b",
                "    pattern:",
                "      eventName: CreateTopic",
                "      eventSource: [{regex: s.*}]",
                "  - id: a",
                "    severity: urgent",
                "    dedupKey: user..arn",
                "    pattern:",
                "      requestParameters:",
                "        count: [{numeric: ['<', 5, '>', 0]}]",
                "        name: [{wildcard: 'a**b'}]",
                "        tag: [{anything-but: [a, 1]}]",
                "  - id: 'bad id!'",
                "    pattern:",
                "      source: [aws.iam]",
                "      eventName: [DeleteUser]",
                "      id: ['1']",
                "");
        RuleDocumentException e =
                catchThrowableOfType(RuleDocumentException.class, () -> RuleDocuments.read(stream(doc), "rules.yaml"));
        assertThat(e.problems())
                .extracting(RuleDocumentProblem::toString)
                .containsExactly(
                        "rules.yaml:2:5: rule \"a\" is missing \"pattern\": expected an EventBridge event pattern, such as "
                                + "{\"eventName\": [\"CreateTopic\"]}",
                        "rules.yaml:3:5: unknown key \"patern\"; expected one of id, title, description, references, "
                                + "severity, tags, dedupKey, pattern",
                        "rules.yaml:7:18: \"eventName\" must be an array of alternatives, such as [\"CreateTopic\"], or an "
                                + "object of nested fields; found a string \"CreateTopic\"",
                        "rules.yaml:8:22: \"eventSource\": unknown operator \"regex\"; expected one of exactly, prefix, suffix, "
                                + "equals-ignore-case, wildcard, anything-but, numeric, cidr, exists",
                        "rules.yaml:9:9: duplicate rule id \"a\"; first at line 2, column 9",
                        "rules.yaml:10:15: unknown severity \"urgent\"; expected one of INFO, LOW, MEDIUM, HIGH, CRITICAL",
                        "rules.yaml:11:15: \"dedupKey\" must be a dotted field path such as userIdentity.arn, or a list of "
                                + "them, found \"user..arn\"",
                        "rules.yaml:14:36: \"requestParameters.count\": \"numeric\" takes a lower bound (> or >=) before an "
                                + "upper bound (< or <=); found more elements after \"<\"",
                        "rules.yaml:15:27: \"requestParameters.name\": wildcard \"a**b\" has two * in a row at index 2; "
                                + "EventBridge allows no **, use a single *",
                        "rules.yaml:16:34: \"requestParameters.tag\": \"anything-but\" list mixes strings and numbers; expected "
                                + "all strings or all numbers",
                        "rules.yaml:17:9: rule id must be 1 to 200 letters, digits or . _ : / - starting with a letter or "
                                + "digit, was \"bad id!\"",
                        "rules.yaml:20:7: \"eventName\" is not an EventBridge envelope field (source, detail-type, account, "
                                + "region, time, version, detail); this pattern has \"source\" (line 19, column 7), so put "
                                + "CloudTrail record fields under \"detail\"",
                        "rules.yaml:21:7: \"id\" is set by EventBridge when it delivers the event, so it cannot be matched on "
                                + "CloudTrail records; remove it");
    }

    @Test
    void syntaxErrorsUseTheParsersPositionAndWords() {
        assertProblems(
                "{\"rules\": [\n  {\"id\": \"x\", }\n]}",
                "<doc>:2:15: Unexpected character ('}' (code 125)): was expecting double-quote to start field name");
        assertProblems(
                "{\"rules\": [\n  {\"id\": \"x\"}\n",
                "<doc>:3:1: Unexpected end-of-input: expected close marker for Array (start marker at line 1, column 11)");
        assertProblems(
                "rules:\n  - id: x\n   bad: 1\n",
                "<doc>:3:4: expected <block end>, but found '<block mapping start>' (while parsing a block collection "
                        + "that starts at line 2, column 3)");
        assertProblems(
                "rules: [\n",
                "<doc>:2:1: expected the node content, but found '<stream end>' (while parsing a "
                        + "flow node that starts at line 2, column 1)");
        assertProblems(
                "rules:\n\t- id: x\n",
                "<doc>:2:1: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for "
                        + "indentation) (while scanning for the next token)");
    }

    @Test
    void documentShapeErrors() {
        assertProblems("", "<doc>:1:1: empty document; expected an object with a \"rules\" list");
        assertProblems("# nothing here\n", "<doc>:1:1: empty document; expected an object with a \"rules\" list");
        assertProblems(
                "[]", "<doc>:1:1: expected an object with a \"rules\" list at the top of the document, found an array");
        assertProblems(
                "rules: sns.yaml\n", "<doc>:1:8: \"rules\" must be a list of rules, found a string \"sns.yaml\"");
        assertProblems(
                "title: x\n",
                "<doc>:1:1: unknown key \"title\"; expected rules",
                "<doc>:1:1: missing \"rules\": expected a list of rules at the top of the document");
        assertProblems(
                "rules:\n  - sns-topic-created\n",
                "<doc>:2:5: a rule must be an object with an id and a pattern, found a string \"sns-topic-created\"");
        assertProblems(
                "rules:\n  - id: a\n    id: b\n    pattern: {eventName: [x]}\n",
                "<doc>:3:5: duplicate key \"id\"; first at line 2, column 5");
        assertProblems(
                "rules:\n  - id: a\n    pattern: '{\"eventName\": [\"x\"]}'\n",
                "<doc>:3:14: a pattern must be an object, such as {\"eventName\": [\"CreateTopic\"]}, found a string "
                        + "\"{\\\"eventName\\\": [\\\"x\\\"]}\"");
        assertProblems(
                "rules:\n  - id: a\n    tags: [x, 5]\n    pattern: {eventName: [x]}\n",
                "<doc>:3:15: a tag must be a string, found a number 5");
        assertProblems(
                "base: &b {eventName: [x]}\nrules:\n  - id: a\n    pattern: *b\n",
                "<doc>:1:1: unknown key \"base\"; expected rules",
                "<doc>:1:7: YAML anchors (&b) are not supported in rule documents; write the value out",
                "<doc>:4:14: YAML aliases (*b) are not supported in rule documents; write the value out",
                "<doc>:4:14: a pattern must be an object, such as {\"eventName\": [\"CreateTopic\"]}, found a string \"b\"");
        assertProblems(
                "rules: []\n---\nrules: []\n",
                "<doc>:3:1: a rule document holds one YAML document; found more content");
        assertThat(RuleDocuments.read(stream("rules: []\n"), "empty.yaml")).isEmpty();
    }

    static Stream<Arguments> patternsEventRulerRejects() {
        return Stream.of(
                Arguments.of(
                        "{\"eventName\":\"CreateTopic\"}",
                        "<pattern>:1:14: \"eventName\" must be an array of alternatives, such as [\"CreateTopic\"], or an "
                                + "object of nested fields; found a string \"CreateTopic\""),
                Arguments.of(
                        "{\"eventName\":[]}",
                        "<pattern>:1:14: \"eventName\" has an empty array; expected at least one alternative, such as "
                                + "[\"CreateTopic\"]"),
                Arguments.of("{}", "<pattern>:1:1: empty pattern; expected at least one field"),
                Arguments.of(
                        "{\"requestParameters\":{}}",
                        "<pattern>:1:22: empty object at \"requestParameters\"; expected at least one field"),
                Arguments.of(
                        "{\"a\":[[\"x\"]]}",
                        "<pattern>:1:7: \"a\": an alternative must be a string, a number, true, false, null or an "
                                + "operator such as {\"prefix\": \"Delete\"}; found an array"),
                Arguments.of(
                        "{\"a\":[{}]}",
                        "<pattern>:1:7: \"a\": empty operator object; expected one of exactly, prefix, suffix, "
                                + "equals-ignore-case, wildcard, anything-but, numeric, cidr, exists"),
                Arguments.of(
                        "{\"a\":[{\"prefix\":\"x\",\"suffix\":\"y\"}]}",
                        "<pattern>:1:21: \"a\": an operator object holds one operator, found 2 (prefix, suffix); give "
                                + "each as its own alternative"),
                Arguments.of(
                        "{\"a\":[{\"regex\":\"x.*\"}]}",
                        "<pattern>:1:8: \"a\": unknown operator \"regex\"; expected one of exactly, prefix, suffix, "
                                + "equals-ignore-case, wildcard, anything-but, numeric, cidr, exists"),
                Arguments.of(
                        "{\"a\":[{\"contains\":\"x\"}]}",
                        "<pattern>:1:8: \"a\": unknown operator \"contains\"; expected one of exactly, prefix, suffix, "
                                + "equals-ignore-case, wildcard, anything-but, numeric, cidr, exists (for contains, use "
                                + "{\"wildcard\": \"*text*\"})"),
                Arguments.of(
                        "{\"a\":[{\"exactly\":5}]}",
                        "<pattern>:1:18: \"a\": \"exactly\" expects a string, found a number 5"),
                Arguments.of(
                        "{\"a\":[{\"prefix\":5}]}",
                        "<pattern>:1:17: \"a\": \"prefix\" expects a string or {\"equals-ignore-case\": \"...\"}, found a "
                                + "number 5"),
                Arguments.of(
                        "{\"a\":[{\"suffix\":{\"foo\":\"x\"}}]}",
                        "<pattern>:1:18: \"a\": unknown \"suffix\" option \"foo\"; expected equals-ignore-case"),
                Arguments.of(
                        "{\"a\":[{\"equals-ignore-case\":[\"x\"]}]}",
                        "<pattern>:1:29: \"a\": \"equals-ignore-case\" expects a string, found an array"),
                Arguments.of(
                        "{\"a\":[{\"wildcard\":\"a**b\"}]}",
                        "<pattern>:1:19: \"a\": wildcard \"a**b\" has two * in a row at index 2; EventBridge allows no "
                                + "**, use a single *"),
                Arguments.of(
                        "{\"a\":[{\"wildcard\":\"a\\\\b\"}]}",
                        "<pattern>:1:19: \"a\": wildcard \"a\\\\b\" has an invalid escape at index 1; only \\* (a star) "
                                + "and \\\\ (a backslash) may be escaped"),
                Arguments.of(
                        "{\"a\":[{\"anything-but\":[\"x\",1]}]}",
                        "<pattern>:1:28: \"a\": \"anything-but\" list mixes strings and numbers; expected all strings or "
                                + "all numbers"),
                Arguments.of(
                        "{\"a\":[{\"anything-but\":[]}]}",
                        "<pattern>:1:23: \"a\": \"anything-but\" has an empty list; expected strings or numbers to exclude"),
                Arguments.of(
                        "{\"a\":[{\"anything-but\":[null]}]}",
                        "<pattern>:1:24: \"a\": \"anything-but\" lists strings or numbers, found null"),
                Arguments.of(
                        "{\"a\":[{\"anything-but\":true}]}",
                        "<pattern>:1:23: \"a\": \"anything-but\" expects a string, a number, a list of strings or of "
                                + "numbers, or an object with prefix, suffix, equals-ignore-case or wildcard; found true"),
                Arguments.of(
                        "{\"a\":[{\"anything-but\":{\"prefix\":\"\"}}]}",
                        "<pattern>:1:33: \"a\": \"prefix\" in \"anything-but\" must not be empty"),
                Arguments.of(
                        "{\"a\":[{\"anything-but\":{\"suffix\":[\"x\",\"\"]}}]}",
                        "<pattern>:1:38: \"a\": \"suffix\" in \"anything-but\" must not be empty"),
                Arguments.of(
                        "{\"a\":[{\"anything-but\":{\"wildcard\":\"x**\"}}]}",
                        "<pattern>:1:35: \"a\": wildcard \"x**\" has two * in a row at index 2; EventBridge allows no **, "
                                + "use a single *"),
                Arguments.of(
                        "{\"a\":[{\"anything-but\":{\"regex\":\"x\"}}]}",
                        "<pattern>:1:24: \"a\": unknown \"anything-but\" operator \"regex\"; expected one of prefix, "
                                + "suffix, equals-ignore-case, wildcard"),
                Arguments.of(
                        "{\"a\":[{\"anything-but\":{\"prefix\":{\"equals-ignore-case\":\"x\"}}}]}",
                        "<pattern>:1:33: \"a\": \"prefix\" in \"anything-but\" expects a string or a non-empty list of "
                                + "strings, found an object"),
                Arguments.of(
                        "{\"a\":[{\"anything-but\":{}}]}",
                        "<pattern>:1:23: \"a\": \"anything-but\" has an empty object; expected one of prefix, suffix, "
                                + "equals-ignore-case, wildcard"),
                Arguments.of(
                        "{\"a\":[{\"numeric\":[\"<\",5,\">\",0]}]}",
                        "<pattern>:1:25: \"a\": \"numeric\" takes a lower bound (> or >=) before an upper bound (< or "
                                + "<=); found more elements after \"<\""),
                Arguments.of(
                        "{\"a\":[{\"numeric\":[\">\",5,\"<\",0]}]}",
                        "<pattern>:1:18: \"a\": \"numeric\" range is empty: the lower bound 5 must be below the upper "
                                + "bound 0"),
                Arguments.of(
                        "{\"a\":[{\"numeric\":[\">=\",5,\"<=\",5]}]}",
                        "<pattern>:1:18: \"a\": \"numeric\" range is empty: the lower bound 5 must be below the upper "
                                + "bound 5"),
                Arguments.of(
                        "{\"a\":[{\"numeric\":[\"=\",5,\"<\",10]}]}",
                        "<pattern>:1:25: \"a\": \"numeric\" with \"=\" takes one number, found more elements"),
                Arguments.of(
                        "{\"a\":[{\"numeric\":[\">\",\"5\"]}]}",
                        "<pattern>:1:23: \"a\": \"numeric\" expects a finite number after \">\", found a string \"5\""),
                Arguments.of(
                        "{\"a\":[{\"numeric\":[\">\"]}]}",
                        "<pattern>:1:18: \"a\": \"numeric\" expects a number after \">\""),
                Arguments.of(
                        "{\"a\":[{\"numeric\":[\"!=\",5]}]}",
                        "<pattern>:1:19: \"a\": \"numeric\" expects an operator (=, <, <=, >, >=) here, found a string "
                                + "\"!=\""),
                Arguments.of(
                        "{\"a\":[{\"numeric\":[\">\",0,\">\",5]}]}",
                        "<pattern>:1:25: \"a\": \"numeric\" expects an upper bound operator (< or <=) after the lower bound "
                                + "here, found a string \">\""),
                Arguments.of(
                        "{\"a\":[{\"numeric\":[\">\",0,\"<\",5,\"<\",6]}]}",
                        "<pattern>:1:31: \"a\": \"numeric\" takes at most a lower and an upper bound; found more elements"),
                Arguments.of(
                        "{\"a\":[{\"numeric\":5}]}",
                        "<pattern>:1:18: \"a\": \"numeric\" expects an array such as [\">\", 0, \"<=\", 5], found a "
                                + "number 5"),
                Arguments.of(
                        "{\"a\":[{\"numeric\":[]}]}",
                        "<pattern>:1:18: \"a\": \"numeric\" expects an operator and a number, such as [\">\", 0]; found "
                                + "an empty array"),
                Arguments.of(
                        "{\"a\":[{\"cidr\":\"10.0.0.0/33\"}]}",
                        "<pattern>:1:15: \"a\": \"cidr\" range \"10.0.0.0/33\" needs a prefix length from 0 to 32 after "
                                + "the /"),
                Arguments.of(
                        "{\"a\":[{\"cidr\":\"ec2.amazonaws.com/8\"}]}",
                        "<pattern>:1:15: \"a\": \"cidr\" range \"ec2.amazonaws.com/8\" does not start with an IPv4 or IPv6 "
                                + "address"),
                Arguments.of(
                        "{\"a\":[{\"exists\":\"true\"}]}",
                        "<pattern>:1:17: \"a\": \"exists\" expects true or false, found a string \"true\""),
                Arguments.of(
                        "{\"$or\":[{\"a\":[\"x\"]}]}",
                        "<pattern>:1:8: \"$or\" needs at least two pattern objects, found 1"),
                Arguments.of(
                        "{\"$or\":{\"a\":[\"x\"]}}",
                        "<pattern>:1:8: \"$or\" must be an array of at least two pattern objects, found an object"),
                Arguments.of(
                        "{\"$or\":[{\"a\":[\"x\"]},\"b\"]}",
                        "<pattern>:1:21: \"$or\" holds pattern objects, such as {\"eventName\": [\"CreateTopic\"]}, found "
                                + "a string \"b\""),
                Arguments.of(
                        "{\"$or\":[{\"a\":[\"x\"]},{}]}", "<pattern>:1:21: empty pattern; expected at least one field"),
                Arguments.of(
                        "{\"$or\":[{\"a\":[\"x\"]},{\"prefix\":[\"y\"]}]}",
                        "<pattern>:1:22: \"prefix\" is an operator name, so it cannot be a field name inside \"$or\"; "
                                + "operators go in a field's array, such as [{\"prefix\": \"x\"}]"),
                Arguments.of(
                        "[{\"a\":[\"x\"]}]",
                        "<pattern>:1:1: a pattern must be an object, such as {\"eventName\": [\"CreateTopic\"]}, found an "
                                + "array"),
                Arguments.of(
                        "{\"a\":[\"x\"]",
                        "<pattern>:1:11: Unexpected end-of-input: expected close marker for Object "
                                + "(start marker at line 1, column 1)"));
    }

    @ParameterizedTest
    @MethodSource("patternsEventRulerRejects")
    void patternsEventRulerRejectsAreRejected(String pattern, String problem) {
        assertThat(JsonRuleCompiler.check(pattern))
                .as("Event Ruler rejects it too")
                .isNotNull();
        assertThatThrownBy(() -> RuleDocuments.pattern(pattern))
                .isInstanceOf(RuleDocumentException.class)
                .hasMessage(problem);
    }

    @Test
    void envelopeErrors() {
        assertPatternProblems(
                "{\"source\":[\"aws.iam\"],\"eventName\":[\"DeleteUser\"]}",
                "<pattern>:1:23: \"eventName\" is not an EventBridge envelope field (source, detail-type, account, "
                        + "region, time, version, detail); this pattern has \"source\" (line 1, column 2), so put "
                        + "CloudTrail record fields under \"detail\"");
        assertPatternProblems(
                "{\"detail\":{\"eventName\":[\"x\"]},\"resources\":[\"arn:aws:iam::1:user/a\"],\"id\":[\"1\"]}",
                "<pattern>:1:31: \"resources\" is set by EventBridge when it delivers the event, so it cannot be "
                        + "matched on CloudTrail records; remove it",
                "<pattern>:1:69: \"id\" is set by EventBridge when it delivers the event, so it cannot be matched on "
                        + "CloudTrail records; remove it");
        assertPatternProblems(
                "{\"detail-type\":[\"AWS API Call via CloudTrail\"],\"detail\":[\"x\"]}",
                "<pattern>:1:57: \"detail\" is the CloudTrail record itself: give it an object of record fields, such "
                        + "as {\"eventName\": [\"CreateTopic\"]}, not an array");
        assertPatternProblems(
                "{\"source\":{\"name\":[\"aws.iam\"]}}",
                "<pattern>:1:12: \"source\" is a string in the EventBridge envelope; it has no field \"name\"");
        // a record pattern that merely has a field called region or account is not an envelope pattern
        assertThat(RuleDocuments.pattern("{\"region\":[\"eu-west-1\"]}"))
                .hasToString("field(\"region\").is(\"eu-west-1\")");
    }

    @Test
    void numbersADoubleCannotHoldAreRejectedNotRounded() throws Exception {
        // Event Ruler rejects these in numeric and anything-but; compared as the rounded double they would say that
        // 9007199254740992 is not below 9007199254740993
        assertThat(JsonRuleCompiler.check("{\"a\":[{\"numeric\":[\"<\",9007199254740993]}]}"))
                .isNotNull();
        assertPatternProblems(
                "{\"a\":[{\"numeric\":[\"<\",9007199254740993]}]}",
                "<pattern>:1:23: \"a\": the number 9007199254740993 has more digits than a double holds (it would be "
                        + "compared as 9.007199254740992E15); write it with at most 15 significant digits");
        assertPatternProblems(
                "{\"a\":[{\"anything-but\":[1,9007199254740993]}]}",
                "<pattern>:1:26: \"a\": the number 9007199254740993 has more digits than a double holds (it would be "
                        + "compared as 9.007199254740992E15); write it with at most 15 significant digits");
        assertPatternProblems(
                "{\"a\":[1e400]}",
                "<pattern>:1:7: \"a\": the number 1e400 has more digits than a double "
                        + "holds (it is beyond the double range); write it with at most 15 significant digits");
        // a double's own shortest spelling is exact, whatever its binary value
        assertThat(RuleDocuments.pattern("{\"a\":[0.1,0.30000000000000004,{\"numeric\":[\">\",1e-300]}]}"))
                .isNotNull();
    }

    @Test
    void ipv4PartsWithLeadingZerosAreDecimalInRecordsAsInPatterns() throws Exception {
        for (String pattern : List.of(
                "{\"sourceIPAddress\":[\"10.0.0.1\"]}",
                "{\"sourceIPAddress\":[\"010.0.0.1\"]}",
                "{\"sourceIPAddress\":[{\"cidr\":\"10.0.0.0/8\"}]}")) {
            for (String address : List.of("10.0.0.1", "010.0.0.1", "10.0.0.01")) {
                String event = "{\"sourceIPAddress\":\"" + address + "\"}";
                assertThat(eventRulerMatches(pattern, event))
                        .as("Event Ruler: %s vs %s", pattern, address)
                        .isTrue();
                assertThat(RuleDocuments.pattern(pattern)
                                .matches(CloudTrail.reader().readRecord(event)))
                        .as("%s vs %s", pattern, address)
                        .isTrue();
            }
        }
        assertThat(RuleDocuments.pattern("{\"sourceIPAddress\":[\"10.0.0.1\"]}")
                        .matches(CloudTrail.reader().readRecord("{\"sourceIPAddress\":\"10.0.0.256\"}")))
                .isFalse();
    }

    @ParameterizedTest
    @MethodSource("ignoreCaseAsEventRuler")
    void ignoreCaseMapsEachCharacterOfTheOperandAsEventRulerDoes(String operator, String value, boolean matches)
            throws Exception {
        String event = "{\"eventName\":\"" + value + "\"}";
        assertThat(eventRulerMatches(operator, event)).as("Event Ruler").isEqualTo(matches);
        assertThat(RuleDocuments.pattern(operator).matches(CloudTrail.reader().readRecord(event)))
                .isEqualTo(matches);
    }

    static Stream<Arguments> ignoreCaseAsEventRuler() {
        String eq = "{\"eventName\":[{\"equals-ignore-case\":\"%s\"}]}";
        String prefix = "{\"eventName\":[{\"prefix\":{\"equals-ignore-case\":\"%s\"}}]}";
        String suffix = "{\"eventName\":[{\"suffix\":{\"equals-ignore-case\":\"%s\"}}]}";
        String not = "{\"eventName\":[{\"anything-but\":{\"equals-ignore-case\":\"%s\"}}]}";
        return Stream.of(
                Arguments.of(String.format(eq, "straße"), "STRASSE", true), // upper case of ß is SS
                Arguments.of(String.format(eq, "STRASSE"), "straße", false),
                Arguments.of(String.format(eq, "İ"), "i", false), // lower case of İ is i + combining dot
                Arguments.of(String.format(eq, "İ"), "İ", true),
                Arguments.of(String.format(eq, "ı"), "I", true),
                Arguments.of(String.format(eq, "ı"), "i", false),
                Arguments.of(String.format(eq, "CAFÉ"), "café", true),
                Arguments.of(String.format(prefix, "STRAß"), "STRASSE", true),
                Arguments.of(String.format(suffix, "aße"), "STRASSE", true),
                Arguments.of(String.format(suffix, "İ"), "xi", false),
                Arguments.of(String.format(not, "straße"), "STRASSE", false));
    }

    @Test
    void stricterThanEventRulerWhereItSilentlyDropsSomething() {
        // Event Ruler keeps the last of two equal keys; a rule document reports the first as a mistake
        assertThat(JsonRuleCompiler.check("{\"a\":[\"x\"],\"a\":[\"y\"]}")).isNull();
        assertPatternProblems(
                "{\"a\":[\"x\"],\"a\":[\"y\"]}", "<pattern>:1:12: duplicate key \"a\"; first at line 1, column 2");
        // an empty list of anything-but prefixes excludes nothing: surely a mistake
        assertPatternProblems(
                "{\"a\":[{\"anything-but\":{\"prefix\":[]}}]}",
                "<pattern>:1:33: \"a\": \"prefix\" in \"anything-but\" expects a string or a non-empty list of strings, "
                        + "found an array");
    }

    /**
     * Found by a differential run of random patterns against Event Ruler 2.1.0: in these cases its automaton answers
     * what its own documentation says it should not, every time (checked in thousands of fresh machines on JDK 17 and
     * JDK 25), and rule documents keep to the documented semantics. If Event Ruler changes its answer, this test says
     * so.
     */
    @ParameterizedTest
    @MethodSource("eventRulerQuirks")
    void eventRulerQuirksAreNotCopied(String pattern, String eventJson, boolean documented) throws Exception {
        assertThat(eventRulerMatches(pattern, eventJson))
                .as("Event Ruler 2.1.0")
                .isEqualTo(!documented);
        assertThat(RuleDocuments.pattern(pattern).matches(CloudTrail.reader().readRecord(eventJson)))
                .isEqualTo(documented);
    }

    static Stream<Arguments> eventRulerQuirks() {
        return Stream.of(
                // a /0 range also takes numbers and addresses of the other family
                Arguments.of(
                        "{\"sourceIPAddress\":[{\"cidr\":\"0.0.0.0/0\"}]}",
                        "{\"sourceIPAddress\":\"2001:db8::1\"}",
                        false),
                Arguments.of(
                        "{\"sourceIPAddress\":[{\"cidr\":\"::/0\"}]}", "{\"sourceIPAddress\":\"10.0.0.1\"}", false),
                Arguments.of(
                        "{\"requestParameters\":{\"n\":[{\"cidr\":\"0.0.0.0/0\"}]}}",
                        "{\"requestParameters\":{\"n\":42}}",
                        false),
                // a wildcard starting with * next to an equals-ignore-case matches what neither matches
                Arguments.of(
                        "{\"eventName\":[{\"wildcard\":\"*Acl\"},{\"equals-ignore-case\":\"a\"}]}",
                        "{\"eventName\":\"sns.amazonaws.com\"}",
                        false));
    }

    /**
     * Event Ruler 2.1.0 answers these sometimes right and sometimes wrong: the same pattern and event give either answer
     * from one fresh machine to the next in a single JVM (about half of each over 2,000 machines, on JDK 17 and JDK 25),
     * so its automaton depends on hash or allocation order here. Its answer is not a fact to assert; rule documents give
     * the documented one every time.
     */
    @ParameterizedTest
    @MethodSource("eventRulerUnstableAnswers")
    void eventRulerUnstableAnswersAreNotCopied(String pattern, String eventJson, boolean documented) throws Exception {
        assertThat(RuleDocuments.pattern(pattern).matches(CloudTrail.reader().readRecord(eventJson)))
                .isEqualTo(documented);
    }

    static Stream<Arguments> eventRulerUnstableAnswers() {
        return Stream.of(
                // an exact string next to a numeric range and a third alternative sometimes stops matching
                Arguments.of(
                        "{\"eventName\":[\"PutBucketAcl\",{\"numeric\":[\"<=\",0.5]},{\"equals-ignore-case\":\"y\"}]}",
                        "{\"eventName\":\"PutBucketAcl\"}",
                        true),
                Arguments.of(
                        "{\"eventName\":[\"PutBucketAcl\",{\"numeric\":[\"<=\",0.5]},\"CreateTopic\"]}",
                        "{\"eventName\":\"PutBucketAcl\"}",
                        true));
    }

    @Test
    void aPathGivenAgainReplacesTheEarlierOneAsInEventRuler() throws Exception {
        String dotted = "{\"requestParameters\":{\"count\":[1]},\"requestParameters.count\":[42]}";
        assertThat(RuleDocuments.pattern(dotted)).hasToString("requestParameter(\"count\").is(42)");
        assertThat(eventRulerMatches(dotted, RECORD_JSON)).isTrue();
    }

    @Test
    void problemsAndExceptionsAreValues() {
        RuleDocumentProblem p = RuleDocumentProblem.of("a.yaml", 3, 7, "bad");
        assertThat(p).isEqualTo(RuleDocumentProblem.of("a.yaml", 3, 7, "bad")).hasToString("a.yaml:3:7: bad");
        assertThat(p.hashCode())
                .isEqualTo(RuleDocumentProblem.of("a.yaml", 3, 7, "bad").hashCode());
        assertThat(RuleDocumentProblem.of("a", 0, -1, "m").line()).isEqualTo(1);
        RuleDocumentException e =
                new RuleDocumentException(List.of(p, RuleDocumentProblem.of("a.yaml", 4, 1, "worse")));
        assertThat(e).isInstanceOf(TrailkitException.class).hasMessage("a.yaml:3:7: bad\na.yaml:4:1: worse");
        assertThat(e.problems()).hasSize(2);
        assertThatThrownBy(() -> new RuleDocumentException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    /* ------------------------------------------------------------------ helpers */

    private static boolean eventRulerMatches(String pattern, String eventJson) throws Exception {
        Machine machine = Machine.builder().build();
        machine.addRule("r", pattern);
        return !machine.rulesForJSONEvent(eventJson).isEmpty();
    }

    /** A rule document holding the pattern, written as block-style YAML by Jackson's YAML generator. */
    private static String yamlDocument(String patternJson) {
        String json = "{\"rules\":[{\"id\":\"r\",\"pattern\":" + patternJson + "}]}";
        StringWriter out = new StringWriter();
        YAMLFactory yaml = YAMLFactory.builder()
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .build();
        try (JsonParser p = new JsonFactory().createParser(json);
                JsonGenerator g = yaml.createGenerator(out)) {
            p.nextToken();
            g.copyCurrentStructure(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = out.toString();
        assertThat(text).startsWith("rules:");
        return text;
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertProblems(String document, String... problems) {
        RuleDocumentException e =
                catchThrowableOfType(RuleDocumentException.class, () -> RuleDocuments.read(stream(document), "<doc>"));
        assertThat(e).as("expected problems for %s", document).isNotNull();
        assertThat(e.problems()).extracting(RuleDocumentProblem::toString).containsExactly(problems);
    }

    private static void assertPatternProblems(String pattern, String... problems) {
        RuleDocumentException e =
                catchThrowableOfType(RuleDocumentException.class, () -> RuleDocuments.pattern(pattern));
        assertThat(e).as("expected problems for %s", pattern).isNotNull();
        assertThat(e.problems()).extracting(RuleDocumentProblem::toString).containsExactly(problems);
    }
}
