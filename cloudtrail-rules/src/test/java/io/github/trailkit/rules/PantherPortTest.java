package io.github.trailkit.rules;

import static io.github.trailkit.rules.Rules.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailRecord;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 36 stateless CloudTrail detections of Panther's rule repository, written in the DSL as a detection engineer
 * would (no {@code predicate}), each checked against Panther's own tests (test resources {@code panther/}, Apache-2.0).
 * The natural forms of the traps of issue 21 give Panther's answers: {@code succeeded()} for Panther's success check,
 * {@code isNot} true on a missing field, {@code absentOrNull}, {@code isTruthy}/{@code isFalsy}, {@code
 * containsIgnoreCase}.
 */
final class PantherPortTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final Map<String, Rule> PORTED = new LinkedHashMap<>();

    private static void port(String id, Condition c) {
        PORTED.put(id, rule(id).when(c).build());
    }

    private static Condition named(String... names) {
        return eventName().in(names[0], java.util.Arrays.copyOfRange(names, 1, names.length));
    }

    static {
        port("AWS.CloudTrail.AttemptToLeaveOrg", eventName().is("LeaveOrganization"));
        port("AWS.CloudTrail.Created", succeeded().and(named("CreateTrail", "UpdateTrail", "StartLogging")));
        port(
                "AWS.CloudTrail.EventSelectorsDisabled",
                succeeded()
                        .and(eventName().is("PutEventSelectors"))
                        .and(requestParameter("eventSelectors").exists())
                        .and(requestParameter("eventSelectors.includeManagementEvents")
                                .isNot("true")
                                .and(not(requestParameter("eventSelectors.includeManagementEvents")
                                        .is(true)))));
        port(
                "AWS.CloudTrail.IAMAssumeRoleBlacklistIgnored",
                succeeded()
                        .and(eventName().is("AssumeRole"))
                        .and(userIdentity().type().in("IAMUser", "FederatedUser"))
                        .and(requestParameter("roleArn").is("arn:aws:iam::123456789012:role/FullAdminRole")));
        port(
                "AWS.CloudTrail.NetworkACLPermissiveEntry",
                succeeded()
                        .and(eventName().is("CreateNetworkAclEntry"))
                        .and(requestParameter("cidrBlock").is("0.0.0.0/0"))
                        .and(requestParameter("ruleAction").is("allow"))
                        .and(requestParameter("egress").is(false)));
        port(
                "AWS.CloudTrail.RootAccessKeyCreated",
                eventName()
                        .is("CreateAccessKey")
                        .and(userIdentity().type().is("Root"))
                        .and(requestParameters().absentOrNull()));
        port(
                "AWS.CloudTrail.RootPasswordChanged",
                eventName()
                        .is("PasswordUpdated")
                        .and(userIdentity().type().is("Root"))
                        .and(responseElement("PasswordUpdated").is("Success")));
        port("AWS.CloudTrail.Stopped", succeeded().and(named("DeleteTrail", "StopLogging")));
        port(
                "AWS.ConfigService.Created",
                succeeded().and(named("PutDeliveryChannel", "PutConfigurationRecorder", "StartConfigurationRecorder")));
        port(
                "AWS.ConfigService.DisabledDeleted",
                succeeded().and(named("StopConfigurationRecorder", "DeleteDeliveryChannel")));
        port(
                "AWS.Console.LoginWithoutMFA",
                eventName()
                        .is("ConsoleLogin")
                        .and(userIdentity().arn().notContains("AWSReservedSSO"))
                        .and(additionalEventData("SamlProviderArn").absentOrNull())
                        .and(responseElement("ConsoleLogin").is("Success"))
                        .and(additionalEventData("MFAUsed").isNot("Yes"))
                        .and(userIdentity().mfaAuthenticated().isNot("true")));
        port(
                "AWS.Console.LoginWithoutSAML",
                eventName()
                        .is("ConsoleLogin")
                        .and(userIdentity().type().isNot("AssumedRole"))
                        .and(additionalEventData("SamlProviderArn").isFalsy()));
        port(
                "AWS.Console.RootLogin",
                eventName()
                        .is("ConsoleLogin")
                        .and(userIdentity().type().is("Root"))
                        .and(responseElement("ConsoleLogin").is("Success")));
        port(
                "AWS.Console.RootLoginFailed",
                eventName()
                        .is("ConsoleLogin")
                        .and(userIdentity().type().is("Root"))
                        .and(responseElement("ConsoleLogin").is("Failure")));
        port(
                "AWS.EC2.GatewayModified",
                succeeded()
                        .and(named(
                                "CreateCustomerGateway",
                                "DeleteCustomerGateway",
                                "AttachInternetGateway",
                                "CreateInternetGateway",
                                "DeleteInternetGateway",
                                "DetachInternetGateway")));
        port(
                "AWS.EC2.NetworkACLModified",
                succeeded()
                        .and(named(
                                "CreateNetworkAcl",
                                "CreateNetworkAclEntry",
                                "DeleteNetworkAcl",
                                "DeleteNetworkAclEntry",
                                "ReplaceNetworkAclEntry",
                                "ReplaceNetworkAclAssociation")));
        port(
                "AWS.EC2.RouteTableModified",
                succeeded()
                        .and(named(
                                "CreateRoute",
                                "CreateRouteTable",
                                "ReplaceRoute",
                                "ReplaceRouteTableAssociation",
                                "DeleteRouteTable",
                                "DeleteRoute",
                                "DisassociateRouteTable")));
        port(
                "AWS.EC2.SecurityGroupModified",
                succeeded()
                        .and(named(
                                "AuthorizeSecurityGroupIngress",
                                "AuthorizeSecurityGroupEgress",
                                "RevokeSecurityGroupIngress",
                                "RevokeSecurityGroupEgress",
                                "CreateSecurityGroup",
                                "DeleteSecurityGroup")));
        port(
                "AWS.EC2.Startup.Script.Change",
                eventName()
                        .is("ModifyInstanceAttribute")
                        .and(requestParameter("userData").isTruthy()));
        port(
                "AWS.EC2.VPCModified",
                succeeded()
                        .and(named(
                                "CreateVpc",
                                "DeleteVpc",
                                "ModifyVpcAttribute",
                                "AcceptVpcPeeringConnection",
                                "CreateVpcPeeringConnection",
                                "DeleteVpcPeeringConnection",
                                "RejectVpcPeeringConnection",
                                "AttachClassicLinkVpc",
                                "DetachClassicLinkVpc",
                                "DisableVpcClassicLink",
                                "EnableVpcClassicLink")));
        port(
                "AWS.IAM.AttachAdminUserPolicy",
                succeeded()
                        .and(eventName().is("AttachUserPolicy"))
                        .and(requestParameter("policyArn").endsWith("AdministratorAccess")));
        port(
                "AWS.IAM.PolicyModified",
                succeeded()
                        .and(named(
                                "DeleteGroupPolicy",
                                "DeleteRolePolicy",
                                "DeleteUserPolicy",
                                "PutGroupPolicy",
                                "PutRolePolicy",
                                "PutUserPolicy",
                                "CreatePolicy",
                                "DeletePolicy",
                                "CreatePolicyVersion",
                                "DeletePolicyVersion",
                                "AttachRolePolicy",
                                "DetachRolePolicy",
                                "AttachUserPolicy",
                                "DetachUserPolicy",
                                "AttachGroupPolicy",
                                "DetachGroupPolicy")));
        port(
                "AWS.IAMUser.ReconAccessDenied",
                errorCode()
                        .is("AccessDenied")
                        .and(userIdentity().type().is("IAMUser"))
                        .and(userAgent().notStartsWith("aws-internal/3"))
                        .and(sourceIPAddress().inCidr("0.0.0.0/0", "::/0"))
                        .and(anyOf(
                                eventSource()
                                        .startsWith("dynamodb")
                                        .and(eventName().startsWith("List", "Describe", "Get")),
                                eventSource().startsWith("ec2").and(eventName().startsWith("Describe", "Get")),
                                eventSource().startsWith("iam").and(eventName().startsWith("List", "Get")),
                                eventSource().startsWith("s3").and(eventName().startsWith("List", "Get")),
                                eventSource().startsWith("rds").and(eventName().startsWith("Describe", "List")))));
        port("AWS.KMS.CustomerManagedKeyLoss", succeeded().and(named("DisableKey", "ScheduleKeyDeletion")));
        port(
                "AWS.Macie.Evasion",
                named(
                                "ArchiveFindings",
                                "CreateFindingsFilter",
                                "DeleteMember",
                                "DisassociateFromMasterAccount",
                                "DisassociateMember",
                                "DisableMacie",
                                "DisableOrganizationAdminAccount",
                                "UpdateFindingsFilter",
                                "UpdateMacieSession",
                                "UpdateMemberSession",
                                "UpdateClassificationJob")
                        .and(eventSource().wildcard("macie*.amazonaws.com")));
        port(
                "AWS.Root.Activity",
                userIdentity()
                        .type()
                        .is("Root")
                        .and(succeeded())
                        .and(userIdentity().invokedBy().absentOrNull())
                        .and(eventType().isNot("AwsServiceEvent"))
                        .and(eventName().isNot("CreateServiceLinkedRole"))
                        .and(readOnly().isFalsy()));
        port(
                "AWS.S3.BucketPolicyModified",
                named(
                                "PutBucketAcl",
                                "PutBucketPolicy",
                                "PutBucketCors",
                                "PutBucketLifecycle",
                                "PutBucketReplication",
                                "DeleteBucketPolicy",
                                "DeleteBucketCors",
                                "DeleteBucketLifecycle",
                                "DeleteBucketReplication")
                        .and(succeeded()));
        port(
                "AWS.S3.DeleteBucketEncryption",
                succeeded()
                        .and(eventSource().is("s3.amazonaws.com"))
                        .and(eventName().is("DeleteBucketEncryption")));
        port(
                "AWS.S3.DeletePublicAccessBlock",
                succeeded()
                        .and(eventSource().is("s3.amazonaws.com"))
                        .and(eventName().is("DeleteBucketPublicAccessBlock")));
        port(
                "AWS.S3.DisableBucketLogging",
                succeeded()
                        .and(eventSource().is("s3.amazonaws.com"))
                        .and(eventName().is("PutBucketLogging"))
                        .and(requestParameter("logging").is("")));
        port(
                "AWS.S3.SuspendVersioning",
                succeeded()
                        .and(eventSource().is("s3.amazonaws.com"))
                        .and(eventName().is("PutBucketVersioning"))
                        .and(requestParameter("VersioningConfiguration.Status").is("Suspended", "Disabled")));
        port(
                "AWS.STS.GetCallerIdentity.TruffleHog",
                eventSource()
                        .is("sts.amazonaws.com")
                        .and(eventName().is("GetCallerIdentity"))
                        .and(userAgent().containsIgnoreCase("trufflehog")));
        port(
                "AWS.SecurityHub.Finding.Evasion",
                eventSource()
                        .is("securityhub.amazonaws.com")
                        .and(named("BatchUpdateFindings", "DeleteInsight", "UpdateFindings", "UpdateInsight")));
        // as written upstream: the guard joins its two tests with and, so either one lets a record through
        port(
                "AWS.Unsuccessful.MFA.attempt",
                eventSource()
                        .is("signin.amazonaws.com")
                        .or(eventName().is("ConsoleLogin"))
                        .and(additionalEventData("MFAUsed").is("Yes"))
                        .and(responseElement("ConsoleLogin").is("Failure")));
        port("AWS.VPCFlow.LogsDeleted", succeeded().and(eventName().is("DeleteFlowLogs")));
        port(
                "Role.Assumed.by.User",
                eventName()
                        .is("AssumeRole")
                        .and(requestParameter("roleArn").isTruthy())
                        .and(userIdentity().type().isNot("AWSService")));
    }

    static Stream<Arguments> tests() throws IOException {
        List<Arguments> all = new ArrayList<>();
        for (String id : PORTED.keySet()) {
            JsonNode file;
            try (InputStream in = PantherPortTest.class.getResourceAsStream("/panther/" + id + ".json")) {
                file = JSON.readTree(in);
            }
            for (JsonNode t : file.get("tests")) {
                if (t.hasNonNull("mocks")) {
                    continue; // a lookup of outside state (geolocation, a cache) the record cannot answer
                }
                JsonNode log = t.get("log");
                JsonNode time = log.get("eventTime");
                if (time != null
                        && time.isTextual()
                        && time.asText().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d.*")) {
                    // Panther's tests write some times as its log store does ("2024-06-02 20:27:12"); CloudTrail
                    // writes ISO 8601, which the reader requires
                    ((com.fasterxml.jackson.databind.node.ObjectNode) log)
                            .put("eventTime", time.asText().replace(' ', 'T') + "Z");
                } else if (time != null && time.asText().equals("redacted")) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) log).remove("eventTime"); // no time at all
                }
                all.add(Arguments.of(
                        id, t.get("name").asText(), t.get("expected").asBoolean(), JSON.writeValueAsString(log)));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("tests")
    void portGivesPanthersAnswer(String id, String test, boolean expected, String log) {
        Rule rule = PORTED.get(id);
        CloudTrailRecord record = CloudTrail.reader().readRecord(log);
        assertThat(rule.matches(record)).as(() -> rule.explain(record)).isEqualTo(expected);
        assertThat(RuleSet.of(rule).findings(record)).as("through the index").hasSize(expected ? 1 : 0);
    }

    @Test
    void all36DetectionsArePorted_withoutPredicates() {
        assertThat(PORTED).hasSize(36);
        assertThat(PORTED.values())
                .allSatisfy(r -> assertThat(r.condition().toString()).doesNotContain("predicate("));
    }
}
