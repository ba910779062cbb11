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

    static final CloudTrailRecord RECORD = CloudTrail.reader().readRecord("{"
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
                Arguments.of(requestParameter("note").exists(), true), // null is a value
                Arguments.of(requestParameter("empty").exists(), false), // [] is not
                Arguments.of(requestParameter("obj").exists(), false), // an object is not a leaf
                Arguments.of(requestParameter("obj").absent(), true),
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
                Arguments.of(requestParameter("note").isNot("x"), true), // null is a value other than "x"
                Arguments.of(requestParameter("missing").isNot("x"), false), // absent is not
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
                Arguments.of(field("userIdentity.sessionContext.sessionIssuer.userName").is("Admin"), true),
                Arguments.of(eventBridgeSource().is("aws.s3"), true),
                Arguments.of(eventBridgeDetailType().is("AWS API Call via CloudTrail"), false), // no eventType
                // combinators
                Arguments.of(eventSource().is("s3.amazonaws.com").and(eventName().is("PutBucketAcl")), true),
                Arguments.of(eventSource().is("s3.amazonaws.com").and(eventName().is("GetObject")), false),
                Arguments.of(eventName().is("GetObject").or(eventName().is("PutBucketAcl")), true),
                Arguments.of(not(eventName().is("PutBucketAcl")), false),
                Arguments.of(allOf(), true),
                Arguments.of(anyOf(), false),
                Arguments.of(always(), true),
                Arguments.of(never(), false),
                Arguments.of(predicate("bucket is long", r -> r.requestParameters().isPresent()), true));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("operators")
    void operator(Condition condition, boolean expected) {
        assertThat(condition.matches(RECORD)).isEqualTo(expected);
    }

    @Test
    void toString_isTheDsl() {
        assertThat(eventSource().is("sns.amazonaws.com").and(eventName().in("CreateTopic", "DeleteTopic")))
                .hasToString("eventSource().is(\"sns.amazonaws.com\").and(eventName().in(\"CreateTopic\", \"DeleteTopic\"))");
        assertThat(not(userIdentity().type().is("Root")).or(readOnly().is(false)))
                .hasToString("not(userIdentity().type().is(\"Root\")).or(readOnly().is(false))");
        assertThat(requestParameter("count").between(1, 5).and(requestParameter("ratio").greaterThan(0.5)))
                .hasToString("requestParameter(\"count\").between(1, 5).and(requestParameter(\"ratio\").greaterThan(0.5))");
        assertThat(field("a.b").isNot("x", "y")).hasToString("field(\"a.b\").isNot(\"x\", \"y\")");
        assertThat(userIdentity().sessionIssuer().arn().endsWith("/Admin"))
                .hasToString("userIdentity().sessionIssuer().arn().endsWith(\"/Admin\")");
        assertThat(eventName().is("a\"b\\c")).hasToString("eventName().is(\"a\\\"b\\\\c\")");
    }

    @Test
    void invalidArguments_areRejectedWhenTheConditionIsBuilt() {
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
        CloudTrailRecord full = CloudTrail.reader().readRecord("{\"sourceIPAddress\":\"2001:0db8:0000:0000:0000:0000:0000:0001\"}");
        assertThat(sourceIPAddress().inCidr("2001:db8::1").matches(full)).isTrue();
        assertThat(Cidr.parseAddress("1.2.3")).isNull();
        // decimal with leading zeros, as Event Ruler and InetAddress read it (never octal)
        assertThat(Cidr.parseAddress("01.2.3.010")).containsExactly(1, 2, 3, 10);
        assertThat(Cidr.parseAddress("1.2.3.0256")).isNull();
        assertThat(Cidr.parseAddress("1::2::3")).isNull();
    }
}
