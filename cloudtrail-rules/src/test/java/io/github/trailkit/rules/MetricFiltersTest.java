package io.github.trailkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailRecord;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The CloudWatch Logs filter pattern reader, operator by operator, each with a record that matches and one that does not. */
final class MetricFiltersTest {

    static final CloudTrailRecord RECORD = CloudTrail.reader()
            .readRecord("{"
                    + "\"eventVersion\":\"1.08\",\"eventTime\":\"2024-03-01T12:30:00Z\","
                    + "\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":\"RunInstances\",\"awsRegion\":\"us-east-1\","
                    + "\"sourceIPAddress\":\"203.0.113.7\",\"userAgent\":\"aws-cli/2.13.5\","
                    + "\"errorCode\":\"Client.UnauthorizedOperation\",\"readOnly\":false,\"recipientAccountId\":\"111122223333\","
                    + "\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::111122223333:user/alice\"},"
                    + "\"requestParameters\":{\"instancesSet\":{\"items\":[{\"imageId\":\"ami-1\",\"minCount\":1,\"maxCount\":3},"
                    + "{\"imageId\":\"ami-2\",\"minCount\":2}]},\"disableApiTermination\":false,\"ebsOptimized\":true,"
                    + "\"clientToken\":null,\"grid\":[[0,1,2],[4,5,6]],\"latency\":250.5,\"tags\":[\"a\",\"b\"],"
                    + "\"literal\":\"Ev*ent\",\"quoted\":\"say \\\"hi\\\"\"},"
                    + "\"resources\":[{\"ARN\":\"arn:aws:ec2:us-east-1:111122223333:instance/i-1\",\"type\":\"AWS::EC2::Instance\"}]"
                    + "}");

    static Stream<Arguments> patterns() {
        return Stream.of(
                // = on strings, quoted and unquoted, case-sensitive
                Arguments.of("{ $.eventName = \"RunInstances\" }", true),
                Arguments.of("{ $.eventName = RunInstances }", true),
                Arguments.of("{$.eventName=RunInstances}", true),
                Arguments.of("{ $.eventName = \"runinstances\" }", false),
                Arguments.of("{ $.eventSource = ec2.amazonaws.com }", true),
                Arguments.of("{ $.eventSource = s3.amazonaws.com }", false),
                Arguments.of("{ $.requestParameters.quoted = \"say \\\"hi\\\"\" }", true),
                // wildcards at the start, the end, both; a star inside is a plain character
                Arguments.of("{ $.errorCode = \"*UnauthorizedOperation\" }", true),
                Arguments.of("{ $.errorCode = \"*Unauthorized\" }", false),
                Arguments.of("{ $.errorCode = \"Client.*\" }", true),
                Arguments.of("{ $.errorCode = \"AccessDenied*\" }", false),
                Arguments.of("{ $.errorCode = \"*Unauthorized*\" }", true),
                Arguments.of("{ $.errorCode = \"*Denied*\" }", false),
                Arguments.of("{ $.sourceIPAddress = 203.0.* }", true),
                Arguments.of("{ $.sourceIPAddress = 123.123.* }", false),
                Arguments.of("{ $.requestParameters.literal = \"Ev*ent\" }", true),
                Arguments.of("{ $.eventName = \"Run*ances\" }", false),
                // * alone: any string or number
                Arguments.of("{ $.errorCode = \"*\" }", true),
                Arguments.of("{ $.errorMessage = \"*\" }", false),
                Arguments.of("{ $.requestParameters.latency = * }", true),
                Arguments.of("{ $.requestParameters.clientToken = * }", false),
                // != needs a string or number there
                Arguments.of("{ $.eventName != \"ConsoleLogin\" }", true),
                Arguments.of("{ $.eventName != \"RunInstances\" }", false),
                Arguments.of("{ $.sourceIPAddress != 123.123.* }", true),
                Arguments.of("{ $.sourceIPAddress != 203.0.* }", false),
                Arguments.of("{ $.additionalEventData.MFAUsed != \"Yes\" }", false),
                Arguments.of("{ $.requestParameters.clientToken != \"x\" }", false),
                Arguments.of("{ $.requestParameters.ebsOptimized != \"x\" }", false),
                Arguments.of("{ $.requestParameters.instancesSet != \"x\" }", false),
                Arguments.of("{ $.requestParameters.tags != \"x\" }", false),
                Arguments.of("{ $.requestParameters.tags = \"a\" }", false),
                // numbers
                Arguments.of("{ $.requestParameters.latency = 250.5 }", true),
                Arguments.of("{ $.requestParameters.latency = 250 }", false),
                Arguments.of("{ $.requestParameters.latency != 250 }", true),
                Arguments.of("{ $.requestParameters.latency != 250.50 }", false),
                Arguments.of("{ $.requestParameters.latency > 250 }", true),
                Arguments.of("{ $.requestParameters.latency > 250.5 }", false),
                Arguments.of("{ $.requestParameters.latency >= 250.5 }", true),
                Arguments.of("{ $.requestParameters.latency >= +251 }", false),
                Arguments.of("{ $.requestParameters.latency < 2.51e2 }", true),
                Arguments.of("{ $.requestParameters.latency < 250.5 }", false),
                Arguments.of("{ $.requestParameters.latency <= 250.5 }", true),
                Arguments.of("{ $.requestParameters.latency <= -1 }", false),
                Arguments.of("{ $.recipientAccountId = 111122223333 }", true),
                Arguments.of("{ $.recipientAccountId > 999999999999 }", false),
                Arguments.of("{ $.eventName > 5 }", false),
                Arguments.of("{ $.requestParameters.missing < 5 }", false),
                // array indexes, chained, and arrays never entered without one
                Arguments.of("{ $.requestParameters.instancesSet.items[0].imageId = ami-1 }", true),
                Arguments.of("{ $.requestParameters.instancesSet.items[1].imageId = ami-1 }", false),
                Arguments.of("{ $.requestParameters.instancesSet.items[1].minCount = 2 }", true),
                Arguments.of("{ $.requestParameters.instancesSet.items[5].minCount = 2 }", false),
                Arguments.of("{ $.requestParameters.instancesSet.items.imageId = ami-1 }", false),
                Arguments.of("{ $.requestParameters.grid[1][2] = 6 }", true),
                Arguments.of("{ $.requestParameters.grid[1][2] = 5 }", false),
                Arguments.of("{ $.requestParameters.tags[1] = b }", true),
                Arguments.of("{ $.eventName[0] = RunInstances }", false),
                Arguments.of("{ $.resources[0].type = \"AWS::EC2::Instance\" }", true),
                Arguments.of("{ $.resources[1].type = \"AWS::EC2::Instance\" }", false),
                // IS NULL, NOT EXISTS, IS TRUE, IS FALSE
                Arguments.of("{ $.requestParameters.clientToken IS NULL }", true),
                Arguments.of("{ $.requestParameters.missing IS NULL }", false),
                Arguments.of("{ $.eventName IS NULL }", false),
                Arguments.of("{ $.userIdentity.invokedBy NOT EXISTS }", true),
                Arguments.of("{ $.requestParameters.clientToken NOT EXISTS }", false),
                Arguments.of("{ $.userIdentity.type NOT EXISTS }", false),
                Arguments.of("{ $.requestParameters.instancesSet.items[7] NOT EXISTS }", true),
                Arguments.of("{ $.requestParameters.ebsOptimized IS TRUE }", true),
                Arguments.of("{ $.requestParameters.disableApiTermination IS TRUE }", false),
                Arguments.of("{ $.requestParameters.disableApiTermination IS FALSE }", true),
                Arguments.of("{ $.readOnly IS FALSE }", true),
                Arguments.of("{ $.readOnly IS TRUE }", false),
                Arguments.of("{ $.eventName IS FALSE }", false),
                Arguments.of("{ $.requestParameters.ebsOptimized = true }", false),
                // && binds tighter than ||; parentheses regroup (the documentation's own examples)
                Arguments.of("{ ($.eventName = RunInstances) && ($.userIdentity.type = \"IAMUser\") }", true),
                Arguments.of("{ ($.eventName = RunInstances) && ($.userIdentity.type = \"Root\") }", false),
                Arguments.of("{ ($.eventName = StopInstances) || ($.userIdentity.type = \"IAMUser\") }", true),
                Arguments.of("{ ($.eventName = StopInstances) || ($.userIdentity.type = \"Root\") }", false),
                Arguments.of("{ $.eventName = RunInstances || $.eventName = x && $.eventName = y }", true),
                Arguments.of("{ ($.eventName = RunInstances || $.eventName = x) && $.eventName = y }", false),
                Arguments.of("{ (($.eventName = x) || (($.eventName = RunInstances))) && $.readOnly IS FALSE }", true));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("patterns")
    void operator(String pattern, boolean expected) {
        assertThat(MetricFilters.parse(pattern).matches(RECORD)).isEqualTo(expected);
    }

    @Test
    void anIndexedOrExactEventNameFeedsTheRuleIndex() {
        Condition c = MetricFilters.parse("{ ($.eventName = A) || ($.eventName = \"B\") }");
        assertThat(c.required("eventName")).containsExactlyInAnyOrder("A", "B");
        assertThat(MetricFilters.parse("{ $.eventName = A* }").required("eventName"))
                .isNull();
        assertThat(MetricFilters.parse("{ $.eventName != A }").required("eventName"))
                .isNull();
    }

    @Test
    void toStringRebuildsTheTests() {
        Condition c = MetricFilters.parse("{ ($.eventName = A) && ($.x.y[0] NOT EXISTS) }");
        assertThat(c.toString())
                .isEqualTo(
                        "MetricFilters.parse(\"{ $.eventName = A }\").and(MetricFilters.parse(\"{ $.x.y[0] NOT EXISTS }\"))");
    }

    @Test
    void explainSaysWhatWasFound() {
        Rule r = Rules.rule("r")
                .when(MetricFilters.parse("{ $.eventName = \"ConsoleLogin\" }"))
                .build();
        assertThat(r.explain(RECORD))
                .contains("$.eventName is \"RunInstances\"")
                .contains("expected $.eventName = \"ConsoleLogin\"");
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("$.eventName = x", 1, "starts with {"),
                Arguments.of("{ }", 3, "empty pattern"),
                Arguments.of("{ $.eventName = }", 17, "expected a value after ="),
                Arguments.of("{ $.eventName == x }", 16, "== is not an operator"),
                Arguments.of("{ $.eventName ~ x }", 15, "expected an operator"),
                Arguments.of("{ eventName = x }", 3, "property selector"),
                Arguments.of("{ $eventName = x }", 4, "expected . after $"),
                Arguments.of("{ $.a[x] = 1 }", 7, "array index"),
                Arguments.of("{ $.a = \"x }", 13, "unterminated string"),
                Arguments.of("{ ($.a = x }", 12, "expected )"),
                Arguments.of("{ $.a = x", 10, "closing }"),
                Arguments.of("{ $.a = x } extra", 13, "after the closing }"),
                Arguments.of("{ $.a > abc }", 9, "compares numbers"),
                Arguments.of("{ $.a EXISTS }", 7, "EXISTS is not part"),
                Arguments.of("{ $.a IS NOT NULL }", 7, "IS NOT is not part"),
                Arguments.of("{ $.a = %ab+c% }", 9, "regular expression"),
                Arguments.of("%ERROR%", 1, "regular expression"),
                Arguments.of("{ !($.a = x) }", 3, "no general negation"),
                Arguments.of("{ $.a = x &| $.b = y }", 11, "expected && or ||"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void errorsNameTheColumn(String pattern, int column, String reason) {
        assertThatThrownBy(() -> MetricFilters.parse(pattern))
                .isInstanceOfSatisfying(MetricFilterException.class, e -> {
                    assertThat(e.column()).as(e.getMessage()).isEqualTo(column);
                    assertThat(e.reason()).contains(reason);
                    assertThat(e.pattern()).isEqualTo(pattern);
                });
    }
}
