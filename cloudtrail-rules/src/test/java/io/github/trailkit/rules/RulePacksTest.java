package io.github.trailkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailLog;
import io.github.trailkit.model.CloudTrailRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every control of the CIS AWS Foundations pack with records that must and must not match. */
final class RulePacksTest {
    private static final RuleSet PACK = RuleSet.of(RulePacks.cisAwsFoundations());

    @Test
    void thePackHasTheFifteenControlsInCisOrder() {
        assertThat(RulePacks.cisAwsFoundations())
                .extracting(Rule::id)
                .containsExactly(
                        "cis-4.3-root-usage",
                        "cis-4.1-unauthorized-api-calls",
                        "cis-4.2-console-signin-without-mfa",
                        "cis-4.4-iam-policy-changes",
                        "cis-4.5-cloudtrail-changes",
                        "cis-4.6-console-auth-failures",
                        "cis-4.7-cmk-disable-or-deletion",
                        "cis-4.8-s3-bucket-policy-changes",
                        "cis-4.9-config-changes",
                        "cis-4.10-security-group-changes",
                        "cis-4.11-nacl-changes",
                        "cis-4.12-network-gateway-changes",
                        "cis-4.13-route-table-changes",
                        "cis-4.14-vpc-changes",
                        "cis-4.15-organizations-changes");
        for (int i = 1; i <= 14; i++) {
            String tag = "security-hub:CloudWatch." + i;
            assertThat(RulePacks.cisAwsFoundations())
                    .filteredOn(r -> r.tags().contains(tag))
                    .hasSize(1);
        }
        assertThat(RulePacks.byName("cis-aws-foundations")).isSameAs(RulePacks.cisAwsFoundations());
        assertThat(RulePacks.names()).containsExactlyInAnyOrder("cis-aws-foundations", "aws-attack-techniques");
    }

    @Test
    void anUnknownPackNamesTheKnownOnes() {
        assertThatThrownBy(() -> RulePacks.byName("cis"))
                .hasMessage("no rule pack named \"cis\"; the packs are aws-attack-techniques, cis-aws-foundations");
    }

    static Stream<Arguments> pantherCases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        JsonFactory json = new JsonFactory();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                RulePacksTest.class.getResourceAsStream("/cis/panther-cases.jsonl"), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                String rule = null;
                String test = null;
                boolean expected = false;
                String log = null;
                try (JsonParser p = json.createParser(line)) {
                    p.nextToken();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        JsonToken t = p.nextToken();
                        int start = (int) p.currentTokenLocation().getCharOffset();
                        switch (name) {
                            case "rule":
                                rule = p.getText();
                                break;
                            case "test":
                                test = p.getText();
                                break;
                            case "expected":
                                expected = t == JsonToken.VALUE_TRUE;
                                break;
                            case "log":
                                p.skipChildren();
                                log = line.substring(
                                        start, (int) p.currentTokenLocation().getCharOffset() + 1);
                                break;
                            default:
                                p.skipChildren();
                        }
                    }
                }
                cases.add(Arguments.of(rule, test, expected, log));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("pantherCases")
    void pantherTestLogs(String ruleId, String test, boolean expected, String log) {
        CloudTrailRecord record = CloudTrail.reader().readRecord(log);
        assertThat(PACK.rule(ruleId).orElseThrow().matches(record))
                .as(() -> PACK.explain(ruleId, record))
                .isEqualTo(expected);
    }

    private static String record(String eventSource, String eventName, String identityType, String extra) {
        return "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"" + identityType + "\","
                + "\"principalId\":\"AIDAEXAMPLE\",\"arn\":\"arn:aws:iam::111122223333:user/alice\","
                + "\"accountId\":\"111122223333\",\"userName\":\"alice\"},\"eventTime\":\"2024-05-02T10:11:12Z\","
                + "\"eventSource\":\"" + eventSource + "\",\"eventName\":\"" + eventName
                + "\",\"awsRegion\":\"eu-west-1\","
                + "\"sourceIPAddress\":\"198.51.100.20\",\"userAgent\":\"aws-cli/2.15.0\","
                + "\"requestID\":\"5f6e7a1c-0000-4000-8000-000000000001\",\"eventID\":\"e1a2b3c4-0000-4000-8000-000000000002\","
                + "\"readOnly\":false,\"eventType\":\"AwsApiCall\",\"managementEvent\":true,"
                + "\"recipientAccountId\":\"111122223333\",\"eventCategory\":\"Management\"" + extra + "}";
    }

    static Stream<Arguments> edgeCases() {
        return Stream.of(
                Arguments.of("cis-4.3-root-usage", record("iam.amazonaws.com", "ListUsers", "Root", ""), true),
                Arguments.of("cis-4.3-root-usage", record("iam.amazonaws.com", "ListUsers", "IAMUser", ""), false),
                Arguments.of(
                        "cis-4.3-root-usage",
                        record("kms.amazonaws.com", "RotateKey", "Root", "").replace("AwsApiCall", "AwsServiceEvent"),
                        false),
                Arguments.of(
                        "cis-4.1-unauthorized-api-calls",
                        record(
                                "ec2.amazonaws.com",
                                "RunInstances",
                                "IAMUser",
                                ",\"errorCode\":\"Client.UnauthorizedOperation\""),
                        true),
                Arguments.of(
                        "cis-4.1-unauthorized-api-calls",
                        record("kms.amazonaws.com", "Decrypt", "IAMUser", ",\"errorCode\":\"AccessDeniedException\""),
                        true),
                Arguments.of(
                        "cis-4.1-unauthorized-api-calls",
                        record(
                                "ec2.amazonaws.com",
                                "RunInstances",
                                "IAMUser",
                                ",\"errorCode\":\"Client.InstanceLimitExceeded\""),
                        false),
                Arguments.of(
                        "cis-4.1-unauthorized-api-calls",
                        record("s3.amazonaws.com", "GetObject", "IAMUser", ",\"errorCode\":\"NoSuchKeyAccessDenied\""),
                        false),
                // MFAUsed missing: the selector reaches nothing, so != does not match
                Arguments.of(
                        "cis-4.2-console-signin-without-mfa",
                        record(
                                "signin.amazonaws.com",
                                "ConsoleLogin",
                                "IAMUser",
                                ",\"responseElements\":{\"ConsoleLogin\":\"Success\"}"),
                        false),
                Arguments.of(
                        "cis-4.2-console-signin-without-mfa",
                        record(
                                "signin.amazonaws.com",
                                "ConsoleLogin",
                                "IAMUser",
                                ",\"responseElements\":{\"ConsoleLogin\":\"Success\"},"
                                        + "\"additionalEventData\":{\"MFAUsed\":\"No\"}"),
                        true),
                Arguments.of(
                        "cis-4.6-console-auth-failures",
                        record(
                                "signin.amazonaws.com",
                                "ConsoleLogin",
                                "IAMUser",
                                ",\"errorMessage\":\"Failed authentication\","
                                        + "\"responseElements\":{\"ConsoleLogin\":\"Failure\"}"),
                        true),
                Arguments.of(
                        "cis-4.6-console-auth-failures",
                        record(
                                "signin.amazonaws.com",
                                "ConsoleLogin",
                                "IAMUser",
                                ",\"errorMessage\":\"No username found in supplied account\","
                                        + "\"responseElements\":{\"ConsoleLogin\":\"Failure\"}"),
                        false),
                Arguments.of(
                        "cis-4.7-cmk-disable-or-deletion",
                        record("kms.amazonaws.com", "ScheduleKeyDeletion", "AssumedRole", ""),
                        true),
                Arguments.of(
                        "cis-4.7-cmk-disable-or-deletion",
                        record("cloudhsm.amazonaws.com", "DisableKey", "AssumedRole", ""),
                        false),
                Arguments.of(
                        "cis-4.8-s3-bucket-policy-changes",
                        record("s3.amazonaws.com", "PutBucketPolicy", "AssumedRole", ""),
                        true),
                Arguments.of(
                        "cis-4.8-s3-bucket-policy-changes",
                        record("s3.amazonaws.com", "PutObjectAcl", "AssumedRole", ""),
                        false),
                Arguments.of(
                        "cis-4.9-config-changes",
                        record("config.amazonaws.com", "StopConfigurationRecorder", "AssumedRole", ""),
                        true),
                Arguments.of(
                        "cis-4.9-config-changes",
                        record("config.amazonaws.com", "StartConfigurationRecorder", "AssumedRole", ""),
                        false),
                Arguments.of(
                        "cis-4.12-network-gateway-changes",
                        record("ec2.amazonaws.com", "DeleteCustomerGateway", "AssumedRole", ""),
                        true),
                Arguments.of(
                        "cis-4.12-network-gateway-changes",
                        record("ec2.amazonaws.com", "CreateNatGateway", "AssumedRole", ""),
                        false),
                Arguments.of(
                        "cis-4.13-route-table-changes",
                        record("ec2.amazonaws.com", "DisassociateRouteTable", "AssumedRole", ""),
                        true),
                Arguments.of(
                        "cis-4.14-vpc-changes",
                        record("ec2.amazonaws.com", "AcceptVpcPeeringConnection", "AssumedRole", ""),
                        true),
                Arguments.of(
                        "cis-4.14-vpc-changes",
                        record("ec2.amazonaws.com", "CreateVpcEndpoint", "AssumedRole", ""),
                        false),
                Arguments.of(
                        "cis-4.15-organizations-changes",
                        record("organizations.amazonaws.com", "CreateAccount", "AssumedRole", ""),
                        true),
                Arguments.of(
                        "cis-4.15-organizations-changes",
                        record("organizations.amazonaws.com", "DescribeOrganization", "AssumedRole", ""),
                        false),
                Arguments.of(
                        "cis-4.15-organizations-changes",
                        record("iam.amazonaws.com", "CreatePolicy", "AssumedRole", ""),
                        false));
    }

    @ParameterizedTest(name = "{0} #{index} -> {2}")
    @MethodSource("edgeCases")
    void handWrittenEdges(String ruleId, String json, boolean expected) {
        CloudTrailRecord record = CloudTrail.reader().readRecord(json);
        assertThat(PACK.rule(ruleId).orElseThrow().matches(record))
                .as(() -> PACK.explain(ruleId, record))
                .isEqualTo(expected);
    }

    static Stream<Arguments> realLogs() {
        return Stream.of(
                Arguments.of("aws.defense-evasion.cloudtrail-stop", Set.of("cis-4.5-cloudtrail-changes")),
                Arguments.of("aws.defense-evasion.cloudtrail-delete", Set.of("cis-4.5-cloudtrail-changes")),
                Arguments.of(
                        "aws.defense-evasion.organizations-leave",
                        Set.of("cis-4.15-organizations-changes", "cis-4.1-unauthorized-api-calls")),
                Arguments.of(
                        "aws.initial-access.console-login-without-mfa", Set.of("cis-4.2-console-signin-without-mfa")),
                Arguments.of(
                        "aws.exfiltration.ec2-security-group-open-port-22-ingress",
                        Set.of("cis-4.10-security-group-changes")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realLogs")
    void stratusRedTeamDetonations(String technique, Set<String> expected) throws IOException {
        Set<String> found = new TreeSet<>();
        try (InputStream in = RulePacksTest.class.getResourceAsStream("/real-logs/" + technique + ".json.gz");
                CloudTrailLog log = CloudTrail.reader().read(in, technique)) {
            for (CloudTrailRecord r : log) {
                found.addAll(PACK.findings(r).stream().map(Finding::ruleId).collect(Collectors.toList()));
            }
        }
        assertThat(found).isEqualTo(new TreeSet<>(expected));
    }
}
