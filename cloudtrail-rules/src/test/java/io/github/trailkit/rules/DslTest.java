package io.github.trailkit.rules;

import static io.github.trailkit.rules.Rules.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailRecord;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every operator of the DSL, with a record that matches and one that does not. */
final class DslTest {

    static final CloudTrailRecord RECORD = CloudTrail.reader()
            .readRecord("{"
                    + "\"eventVersion\":\"1.09\",\"eventTime\":\"2024-03-01T12:30:00Z\","
                    + "\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"PutBucketAcl\",\"awsRegion\":\"eu-west-1\","
                    + "\"sourceIPAddress\":\"203.0.113.7\",\"userAgent\":\"aws-cli/2.13.5 Python/3.11.4\","
                    + "\"readOnly\":false,\"recipientAccountId\":\"111122223333\","
                    + "\"userIdentity\":{\"type\":\"AssumedRole\",\"arn\":\"arn:aws:sts::111122223333:assumed-role/Admin/alice\","
                    + "\"sessionContext\":{\"attributes\":{\"mfaAuthenticated\":\"true\"},"
                    + "\"sessionIssuer\":{\"type\":\"Role\",\"userName\":\"Admin\"}}},"
                    + "\"requestParameters\":{\"bucketName\":\"prod-logs\",\"x-amz-acl\":[\"public-read\"],"
                    + "\"count\":42,\"ratio\":0.5,\"enabled\":true,\"note\":null,\"empty\":[],\"obj\":{\"k\":\"v\"},"
                    + "\"items\":[{\"port\":22,\"cidr\":\"0.0.0.0/0\"},{\"port\":443,\"cidr\":\"10.0.0.0/8\"}],"
                    + "\"v6\":\"2001:db8::1\",\"name\":\"Ärger\"},"
                    + "\"responseElements\":null}");

    static Stream<Arguments> operators() {
        return Stream.of(
                // condition, expected for RECORD
                Arguments.of(eventName().is("PutBucketAcl"), true),
                Arguments.of(eventName().is("putbucketacl"), false),
                Arguments.of(eventName().in("CreateTopic", "PutBucketAcl"), true),
                Arguments.of(eventName().in("CreateTopic", "DeleteTopic"), false),
                Arguments.of(requestParameter("count").is(42), true),
                Arguments.of(requestParameter("count").is(42.0), true),
                Arguments.of(requestParameter("count").is("42"), false),
                Arguments.of(requestParameter("enabled").is(true), true),
                Arguments.of(requestParameter("enabled").is("true"), false),
                Arguments.of(readOnly().is(false), true),
                Arguments.of(readOnly().is(true), false),
                Arguments.of(requestParameter("note").isNull(), true),
                Arguments.of(requestParameter("missing").isNull(), false),
                Arguments.of(eventName().equalsIgnoreCase("PUTBUCKETACL"), true),
                Arguments.of(requestParameter("name").equalsIgnoreCase("ärger"), true),
                Arguments.of(eventName().equalsIgnoreCase("PutBucket"), false),
                Arguments.of(eventName().startsWith("Put"), true),
                Arguments.of(eventName().startsWith("put"), false),
                Arguments.of(eventName().startsWithIgnoreCase("put"), true),
                Arguments.of(requestParameter("count").startsWith("4"), false),
                Arguments.of(eventName().endsWith("Acl"), true),
                Arguments.of(eventName().endsWith("ACL"), false),
                Arguments.of(eventName().endsWithIgnoreCase("ACL"), true),
                Arguments.of(userAgent().contains("Python/3"), true),
                Arguments.of(userAgent().contains("Ruby"), false),
                Arguments.of(userIdentity().arn().wildcard("arn:aws:sts::*:assumed-role/Admin/*"), true),
                Arguments.of(userIdentity().arn().wildcard("arn:aws:sts::*:assumed-role/ReadOnly/*"), false),
                Arguments.of(eventName().wildcard("Put*Acl"), true),
                Arguments.of(eventName().wildcard("Put*Policy"), false),
                Arguments.of(eventName().wildcard("PutBucketAcl"), true),
                Arguments.of(userAgent().matchesRegex("aws-cli/2\\.\\d+\\.\\d+ .*"), true),
                Arguments.of(userAgent().matchesRegex("aws-cli/1\\..*"), false),
                Arguments.of(userAgent().matchesRegex("Python"), false), // whole value
                Arguments.of(errorCode().absent(), true),
                Arguments.of(errorCode().exists(), false),
                Arguments.of(eventName().exists(), true),
                Arguments.of(requestParameter("note").exists(), true), // null is there
                Arguments.of(requestParameter("empty").exists(), true), // [] is there
                Arguments.of(requestParameter("obj").exists(), true), // an object is there
                Arguments.of(requestParameter("obj").absent(), false),
                Arguments.of(requestParameters().absent(), false),
                Arguments.of(requestParameter("missing").absent(), true),
                // EventBridge's leaf-only forms, as rule documents use them
                Arguments.of(requestParameter("note").existsAsLeaf(), true), // null is a value
                Arguments.of(requestParameter("empty").existsAsLeaf(), false), // [] is not
                Arguments.of(requestParameter("obj").existsAsLeaf(), false), // an object is not a leaf
                Arguments.of(requestParameter("obj").absentAsLeaf(), true),
                // null, empty, truthy and falsy
                Arguments.of(requestParameter("note").absentOrNull(), true),
                Arguments.of(requestParameter("missing").absentOrNull(), true),
                Arguments.of(requestParameter("obj").absentOrNull(), false),
                Arguments.of(responseElements().absentOrNull(), true),
                Arguments.of(responseElements().isNull(), true),
                Arguments.of(responseElements().absent(), false),
                Arguments.of(requestParameter("empty").isEmpty(), true),
                Arguments.of(requestParameter("note").isEmpty(), false),
                Arguments.of(requestParameter("obj").isEmpty(), false),
                Arguments.of(requestParameter("obj").isTruthy(), true),
                Arguments.of(requestParameter("empty").isFalsy(), true),
                Arguments.of(requestParameter("note").isFalsy(), true),
                Arguments.of(requestParameter("missing").isFalsy(), true),
                Arguments.of(requestParameter("count").isTruthy(), true),
                Arguments.of(requestParameter("enabled").isTruthy(), true),
                Arguments.of(readOnly().isFalsy(), true),
                Arguments.of(errorCode().isFalsy(), true),
                Arguments.of(succeeded(), true),
                Arguments.of(failed(), false),
                // several values for every string test
                Arguments.of(eventName().is("CreateTopic", "PutBucketAcl"), true),
                Arguments.of(eventName().startsWith("Get", "Put"), true),
                Arguments.of(eventName().startsWith("Get", "List"), false),
                Arguments.of(eventName().endsWith("Policy", "Acl"), true),
                Arguments.of(userAgent().contains("Ruby", "Python"), true),
                Arguments.of(eventName().wildcard("Get*", "Put*Acl"), true),
                Arguments.of(userAgent().matchesRegex("x", "aws-cli/.*"), true),
                Arguments.of(eventName().startsWithIgnoreCase("get", "PUT"), true),
                Arguments.of(eventName().endsWithIgnoreCase("POLICY", "acl"), true),
                // ignore case
                Arguments.of(userAgent().containsIgnoreCase("PYTHON/3"), true),
                Arguments.of(userAgent().containsIgnoreCase("trufflehog", "ruby"), false),
                Arguments.of(eventName().wildcardIgnoreCase("put*ACL"), true),
                Arguments.of(eventName().wildcardIgnoreCase("get*"), false),
                Arguments.of(requestParameter("name").containsIgnoreCase("ÄRG"), true),
                // two fields
                Arguments.of(
                        userIdentity().sessionIssuer().userName().sameAs(field("requestParameters.missing")), false),
                Arguments.of(
                        field("userIdentity.sessionContext.sessionIssuer.userName")
                                .sameAs(userIdentity().sessionIssuer().userName()),
                        true),
                Arguments.of(requestParameter("bucketName").sameAsIgnoreCase(requestParameter("name")), false),
                Arguments.of(
                        requestParameter("bucketName")
                                .differsFrom(userIdentity().sessionIssuer().userName()),
                        true),
                Arguments.of(
                        requestParameter("missing")
                                .differsFrom(userIdentity().sessionIssuer().userName()),
                        true),
                Arguments.of(requestParameter("items.port").sameAs(requestParameter("count")), false),
                Arguments.of(requestParameter("count").greaterThan(41), true),
                Arguments.of(requestParameter("count").greaterThan(42), false),
                Arguments.of(requestParameter("count").atLeast(42), true),
                Arguments.of(requestParameter("ratio").lessThan(1), true),
                Arguments.of(requestParameter("ratio").atMost(0.4), false),
                Arguments.of(requestParameter("count").between(40, 42), true),
                Arguments.of(requestParameter("count").range(">", 40, "<", 42), false),
                Arguments.of(requestParameter("bucketName").greaterThan(0), false), // a string is no number
                Arguments.of(sourceIPAddress().inCidr("203.0.113.0/24"), true),
                Arguments.of(sourceIPAddress().inCidr("10.0.0.0/8", "192.168.0.0/16"), false),
                Arguments.of(requestParameter("v6").inCidr("2001:db8::/32"), true),
                Arguments.of(requestParameter("v6").inCidr("2001:db9::/32"), false),
                Arguments.of(eventName().isNot("DeleteBucket"), true),
                Arguments.of(eventName().isNot("PutBucketAcl", "DeleteBucket"), false),
                Arguments.of(requestParameter("note").isNot("x"), true), // null is not "x"
                Arguments.of(requestParameter("missing").isNot("x"), true), // neither is absent: Python's !=
                Arguments.of(requestParameter("missing").notStartsWith("x"), true),
                Arguments.of(requestParameter("missing").notContains("x"), true),
                Arguments.of(userAgent().notContains("Python"), false),
                // EventBridge's anything-but: a value must be there
                Arguments.of(requestParameter("note").anythingBut("x"), true), // null is a value other than "x"
                Arguments.of(requestParameter("missing").anythingBut("x"), false), // absent is not
                Arguments.of(eventName().anythingBut("PutBucketAcl"), false),
                Arguments.of(requestParameter("missing").anythingButPrefix("x"), false),
                Arguments.of(eventName().anythingButPrefix("Get"), true),
                Arguments.of(eventName().anythingButSuffix("Acl"), false),
                Arguments.of(eventName().anythingButIgnoreCase("putbucketACL"), false),
                Arguments.of(eventName().anythingButWildcard("Get*"), true),
                Arguments.of(requestParameter("count").anythingBut(41), true),
                Arguments.of(requestParameter("count").in(41, 42), true),
                Arguments.of(requestParameter("count").isNot(41, 43), true),
                Arguments.of(requestParameter("count").isNot(42), false),
                Arguments.of(eventName().notStartsWith("Get", "List"), true),
                Arguments.of(eventName().notStartsWith("Put"), false),
                Arguments.of(eventName().notEndsWith("Policy"), true),
                Arguments.of(eventName().notEndsWith("Acl"), false),
                Arguments.of(eventName().isNotIgnoreCase("putbucketacl"), false),
                Arguments.of(eventName().isNotIgnoreCase("deletebucket"), true),
                Arguments.of(eventName().notWildcard("Get*"), true),
                Arguments.of(eventName().notWildcard("Put*"), false),
                // arrays: any element
                Arguments.of(requestParameter("x-amz-acl").is("public-read"), true),
                Arguments.of(requestParameter("items.port").is(443), true),
                Arguments.of(requestParameter("items.port").is(80), false),
                Arguments.of(requestParameter("items.cidr").is("0.0.0.0/0"), true),
                // typed selectors
                Arguments.of(userIdentity().type().is("AssumedRole"), true),
                Arguments.of(userIdentity().mfaAuthenticated().is("true"), true),
                Arguments.of(userIdentity().sessionIssuer().userName().is("Admin"), true),
                Arguments.of(userIdentity().sessionIssuer().type().is("User"), false),
                Arguments.of(eventTime().startsWith("2024-03-01T12"), true),
                Arguments.of(eventVersion().is("1.09"), true),
                Arguments.of(recipientAccountId().is("111122223333"), true),
                Arguments.of(awsRegion().startsWith("us-"), false),
                Arguments.of(
                        field("userIdentity.sessionContext.sessionIssuer.userName")
                                .is("Admin"),
                        true),
                Arguments.of(eventBridgeSource().is("aws.s3"), true),
                Arguments.of(eventBridgeDetailType().is("AWS API Call via CloudTrail"), false), // no eventType
                // combinators
                Arguments.of(
                        eventSource().is("s3.amazonaws.com").and(eventName().is("PutBucketAcl")), true),
                Arguments.of(
                        eventSource().is("s3.amazonaws.com").and(eventName().is("GetObject")), false),
                Arguments.of(eventName().is("GetObject").or(eventName().is("PutBucketAcl")), true),
                Arguments.of(not(eventName().is("PutBucketAcl")), false),
                Arguments.of(allOf(), true),
                Arguments.of(anyOf(), false),
                Arguments.of(always(), true),
                Arguments.of(never(), false),
                Arguments.of(
                        predicate("bucket is long", r -> r.requestParameters().isPresent()), true));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("operators")
    void operator(Condition condition, boolean expected) {
        assertThat(condition.matches(RECORD)).isEqualTo(expected);
    }

    @Test
    void toString_isTheDsl() {
        assertThat(eventSource().is("sns.amazonaws.com").and(eventName().in("CreateTopic", "DeleteTopic")))
                .hasToString(
                        "eventSource().is(\"sns.amazonaws.com\").and(eventName().in(\"CreateTopic\", \"DeleteTopic\"))");
        assertThat(not(userIdentity().type().is("Root")).or(readOnly().is(false)))
                .hasToString("not(userIdentity().type().is(\"Root\")).or(readOnly().is(false))");
        assertThat(requestParameter("count")
                        .between(1, 5)
                        .and(requestParameter("ratio").greaterThan(0.5)))
                .hasToString(
                        "requestParameter(\"count\").between(1, 5).and(requestParameter(\"ratio\").greaterThan(0.5))");
        assertThat(field("a.b").isNot("x", "y")).hasToString("not(field(\"a.b\").in(\"x\", \"y\"))");
        assertThat(field("a.b").anythingBut("x", "y")).hasToString("field(\"a.b\").anythingBut(\"x\", \"y\")");
        assertThat(eventName().startsWith("Get", "List")).hasToString("eventName().startsWith(\"Get\", \"List\")");
        assertThat(errorCode().absentOrNull()).hasToString("errorCode().absentOrNull()");
        assertThat(field("a").sameAs(userIdentity().userName()))
                .hasToString("field(\"a\").sameAs(userIdentity().userName())");
        // grouping is kept: an or that is the first part of an and is written as anyOf
        assertThat(anyOf(eventName().is("a"), eventName().is("b"))
                        .and(readOnly().is(false)))
                .hasToString("anyOf(eventName().is(\"a\"), eventName().is(\"b\")).and(readOnly().is(false))");
        assertThat(eventName().is("a").or(eventName().is("b").and(readOnly().is(false))))
                .hasToString("eventName().is(\"a\").or(eventName().is(\"b\").and(readOnly().is(false)))");
        assertThat(userIdentity().sessionIssuer().arn().endsWith("/Admin"))
                .hasToString("userIdentity().sessionIssuer().arn().endsWith(\"/Admin\")");
        assertThat(eventName().is("a\"b\\c")).hasToString("eventName().is(\"a\\\"b\\\\c\")");
    }

    @Test
    void printedConditions_buildTheSameCondition() {
        Condition grouped =
                anyOf(eventName().is("a"), eventName().is("b")).and(readOnly().is(false));
        CloudTrailRecord aWrite = CloudTrail.reader().readRecord("{\"eventName\":\"a\",\"readOnly\":false}");
        CloudTrailRecord bRead = CloudTrail.reader().readRecord("{\"eventName\":\"b\",\"readOnly\":true}");
        assertThat(grouped.matches(aWrite)).isTrue();
        assertThat(grouped.matches(bRead)).isFalse();
        // what the old printing suggested, a or (b and c), would match the read of "a"
        CloudTrailRecord aRead = CloudTrail.reader().readRecord("{\"eventName\":\"a\",\"readOnly\":true}");
        assertThat(grouped.matches(aRead)).isFalse();
        assertThat(eventName()
                        .is("a")
                        .or(eventName().is("b").and(readOnly().is(false)))
                        .matches(aRead))
                .isTrue();
    }

    @Test
    void explicitNull_readsTheSameForTypedFieldsAndPayloads() {
        CloudTrailRecord r = CloudTrail.reader()
                .readRecord("{\"errorCode\":null,\"requestParameters\":null,\"userIdentity\":{\"arn\":null}}");
        for (Field f :
                new Field[] {errorCode(), requestParameters(), userIdentity().arn()}) {
            assertThat(f.isNull().matches(r)).as("%s isNull", f).isTrue();
            assertThat(f.exists().matches(r)).as("%s exists", f).isTrue();
            assertThat(f.absent().matches(r)).as("%s absent", f).isFalse();
            assertThat(f.absentOrNull().matches(r)).as("%s absentOrNull", f).isTrue();
            assertThat(f.isFalsy().matches(r)).as("%s isFalsy", f).isTrue();
        }
        assertThat(r.errorCode()).isEmpty();
        assertThat(r.requestParameters()).isEmpty();
        String written = CloudTrail.writer().toJson(r);
        assertThat(written)
                .contains("\"errorCode\":null")
                .contains("\"requestParameters\":null")
                .contains("\"arn\":null");
        assertThat(CloudTrail.reader().readRecord(written)).isEqualTo(r);
    }

    @Test
    void succeeded_isPanthersSuccessCheck() {
        String[] failures = {"{\"errorCode\":\"AccessDenied\"}", "{\"errorMessage\":\"denied\"}"};
        String[] successes = {
            "{}", "{\"errorCode\":null}", "{\"errorCode\":\"\"}", "{\"errorCode\":\"\",\"errorMessage\":null}"
        };
        for (String json : failures) {
            CloudTrailRecord r = CloudTrail.reader().readRecord(json);
            assertThat(succeeded().matches(r)).as(json).isFalse();
            assertThat(failed().matches(r)).as(json).isTrue();
        }
        for (String json : successes) {
            CloudTrailRecord r = CloudTrail.reader().readRecord(json);
            assertThat(succeeded().matches(r)).as(json).isTrue();
            assertThat(failed().matches(r)).as(json).isFalse();
        }
    }

    @Test
    void explain_saysWhyARuleMatched_withTheRecordsValues() {
        Rule r = rule("acl")
                .when(eventName()
                        .startsWith("Put", "Delete")
                        .and(userAgent().containsIgnoreCase("python"))
                        .and(not(readOnly().is(true))))
                .build();
        String why = r.explain(RECORD);
        assertThat(why)
                .startsWith("acl matches: ")
                .contains("eventName().startsWith(\"Put\", \"Delete\") held: eventName is \"PutBucketAcl\"")
                .contains("userAgent is \"aws-cli/2.13.5 Python/3.11.4\"")
                .contains("not(readOnly().is(true)) held, as readOnly is false, expected readOnly().is(true)");
        Rule anyRule = rule("any")
                .when(anyOf(eventName().is("x"), requestParameters().isTruthy()))
                .build();
        assertThat(anyRule.explain(RECORD))
                .isEqualTo("any matches: requestParameters().isTruthy() held: requestParameters is an object");
        Rule pair = rule("pair")
                .when(requestParameter("bucketName").differsFrom(userIdentity().userName()))
                .build();
        assertThat(pair.explain(RECORD)).contains("userIdentity.userName is absent");
    }

    @Test
    void invalidArguments_areRejectedWhenTheConditionIsBuilt() {
        assertThatThrownBy(() -> eventName().wildcardIgnoreCase("a**b")).hasMessageContaining("consecutive *");
        assertThatThrownBy(() -> eventName().wildcard("a**b")).hasMessageContaining("consecutive *");
        assertThatThrownBy(() -> eventName().wildcard("a\\b")).hasMessageContaining("only \\* and \\\\");
        assertThatThrownBy(() -> eventName().matchesRegex("(a")).hasMessageContaining("invalid regular expression");
        assertThatThrownBy(() -> sourceIPAddress().inCidr("10.0.0.0/33")).hasMessageContaining("prefix length");
        assertThatThrownBy(() -> sourceIPAddress().inCidr("ec2.amazonaws.com")).hasMessageContaining("not an IP");
        assertThatThrownBy(() -> field("a..b")).hasMessageContaining("dot-separated");
        assertThatThrownBy(() -> requestParameter("n").between(5, 1)).hasMessageContaining("empty range");
        assertThatThrownBy(() -> requestParameter("n").range("<", 1, "<", 2)).hasMessageContaining("lower bound");
    }

    @Test
    void regex_isLinearTime_evenForCatastrophicPatterns() {
        String evil = "a".repeat(50_000) + "!";
        CloudTrailRecord r = CloudTrail.reader().readRecord("{\"userAgent\":\"" + evil + "\"}");
        // (a+)+$ backtracks exponentially in java.util.regex; RE2J answers in linear time
        assertThat(userAgent().matchesRegex("(a+)+$").matches(r)).isFalse();
    }

    @Test
    void cidr_neverResolvesNames_andHandlesIpv6Forms() {
        CloudTrailRecord service = CloudTrail.reader().readRecord("{\"sourceIPAddress\":\"ec2.amazonaws.com\"}");
        assertThat(sourceIPAddress().inCidr("0.0.0.0/0").matches(service)).isFalse();
        CloudTrailRecord v6 = CloudTrail.reader().readRecord("{\"sourceIPAddress\":\"::ffff:192.0.2.1\"}");
        assertThat(sourceIPAddress().inCidr("::ffff:0:0/96").matches(v6)).isTrue();
        CloudTrailRecord full =
                CloudTrail.reader().readRecord("{\"sourceIPAddress\":\"2001:0db8:0000:0000:0000:0000:0000:0001\"}");
        assertThat(sourceIPAddress().inCidr("2001:db8::1").matches(full)).isTrue();
        assertThat(Cidr.parseAddress("1.2.3")).isNull();
        // decimal with leading zeros, as Event Ruler and InetAddress read it (never octal)
        assertThat(Cidr.parseAddress("01.2.3.010")).containsExactly(1, 2, 3, 10);
        assertThat(Cidr.parseAddress("1.2.3.0256")).isNull();
        assertThat(Cidr.parseAddress("1::2::3")).isNull();
    }
}
