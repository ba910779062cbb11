package io.github.trailkit.rules;

import static io.github.trailkit.rules.Rules.*;

import java.util.List;

/**
 * The rules of the {@code aws-attack-techniques} pack: one rule for each AWS attack technique of Stratus Red Team
 * that has published detonation logs, each written from what the technique does (the API calls it makes and their
 * parameters), not from the logs' incidental values (names, agents, accounts). Each rule carries its ATT&CK tactic and
 * technique ids. README's pack table lists what each rule detects and its known false positives.
 */
final class AwsAttackTechniques {
    private AwsAttackTechniques() {}

    private static final String ADMIN_POLICY = "arn:aws:iam::aws:policy/AdministratorAccess";

    /** An instance profile's session: EC2 names the session after the instance, {@code i-...}. */
    private static Condition instanceRoleSession() {
        return userIdentity()
                .type()
                .is("AssumedRole")
                .and(userIdentity().principalId().wildcard("*:i-*"));
    }

    static List<Rule> rules() {
        return List.of(
                // ---------------------------------------------------------------- credential access
                rule("aws-ec2-get-password-data")
                        .title("EC2 Windows administrator password data requested")
                        .description("GetPasswordData returns the encrypted local administrator password of a "
                                + "Windows instance; attackers call it, often many times across instances, to "
                                + "harvest credentials. Failed calls are reported too: repeated denied attempts are "
                                + "themselves a signal.")
                        .severity(Severity.MEDIUM)
                        .attack(AttackTactic.CREDENTIAL_ACCESS, "T1552")
                        .dedupKey("userIdentity.arn", "requestParameters.instanceId")
                        .when(eventSource()
                                .is("ec2.amazonaws.com")
                                .and(eventName().is("GetPasswordData")))
                        .build(),
                rule("aws-ec2-instance-credentials-used-elsewhere")
                        .title("EC2 instance credentials used for reconnaissance or from a workstation")
                        .description("The temporary credentials of an instance profile (session named after the "
                                + "instance) call sts:GetCallerIdentity, the first thing an attacker does with "
                                + "stolen credentials, or are used by a command-line tool on macOS or Windows, where "
                                + "no EC2 workload runs.")
                        .severity(Severity.HIGH)
                        .attack(AttackTactic.CREDENTIAL_ACCESS, "T1552.005")
                        .dedupKey("userIdentity.arn")
                        .when(instanceRoleSession()
                                .and(eventName()
                                        .is("GetCallerIdentity")
                                        .or(userAgent().containsIgnoreCase("Darwin/", "Windows_NT", "Windows/"))))
                        .build(),
                rule("aws-secretsmanager-batch-get-secret-value")
                        .title("Secrets Manager secrets retrieved in a batch")
                        .description("BatchGetSecretValue returns the values of many secrets in one call, "
                                + "selected by name or by filter: a quick way to dump secrets.")
                        .severity(Severity.HIGH)
                        .attack(AttackTactic.CREDENTIAL_ACCESS, "T1555.006")
                        .when(eventSource()
                                .is("secretsmanager.amazonaws.com")
                                .and(eventName().is("BatchGetSecretValue"))
                                .and(succeeded()))
                        .build(),
                rule("aws-secretsmanager-get-secret-value-by-user")
                        .title("Secrets Manager secret value read by an IAM user or root")
                        .description("GetSecretValue called with long-term credentials (an IAM user or root) "
                                + "rather than by a role of an application or an AWS service.")
                        .severity(Severity.MEDIUM)
                        .attack(AttackTactic.CREDENTIAL_ACCESS, "T1555.006")
                        .dedupKey("userIdentity.arn", "requestParameters.secretId")
                        .when(eventSource()
                                .is("secretsmanager.amazonaws.com")
                                .and(eventName().is("GetSecretValue"))
                                .and(userIdentity().type().is("IAMUser", "Root"))
                                .and(succeeded()))
                        .build(),
                rule("aws-ssm-get-parameters-with-decryption")
                        .title("SSM SecureString parameters read with decryption by an IAM user or root")
                        .description("GetParameter, GetParameters or GetParametersByPath with withDecryption set, "
                                + "called with long-term credentials: the plaintext of secrets kept in Parameter "
                                + "Store.")
                        .severity(Severity.MEDIUM)
                        .attack(AttackTactic.CREDENTIAL_ACCESS, "T1555.006")
                        .when(eventSource()
                                .is("ssm.amazonaws.com")
                                .and(eventName().in("GetParameter", "GetParameters", "GetParametersByPath"))
                                .and(requestParameter("withDecryption").is(true))
                                .and(userIdentity().type().is("IAMUser", "Root"))
                                .and(succeeded()))
                        .build(),
                // ---------------------------------------------------------------- defense evasion
                rule("aws-cloudtrail-trail-deleted")
                        .title("CloudTrail trail deleted")
                        .description("DeleteTrail removes a trail and stops its logging for good.")
                        .severity(Severity.HIGH)
                        .attack(AttackTactic.DEFENSE_EVASION, "T1562.008")
                        .dedupKey("requestParameters.name")
                        .when(eventSource()
                                .is("cloudtrail.amazonaws.com")
                                .and(eventName().is("DeleteTrail"))
                                .and(succeeded()))
                        .build(),
                rule("aws-cloudtrail-event-selectors-reduce-logging")
                        .title("CloudTrail event selectors changed to stop logging management or write events")
                        .description("PutEventSelectors with management events excluded or only read events "
                                + "kept: the trail goes on but no longer records what an attacker changes.")
                        .severity(Severity.HIGH)
                        .attack(AttackTactic.DEFENSE_EVASION, "T1562.008")
                        .when(eventSource()
                                .is("cloudtrail.amazonaws.com")
                                .and(eventName().is("PutEventSelectors"))
                                .and(succeeded())
                                .and(requestParameter("eventSelectors.includeManagementEvents")
                                        .is(false)
                                        .or(requestParameter("eventSelectors.readWriteType")
                                                .is("ReadOnly"))))
                        .build(),
                rule("aws-cloudtrail-logging-stopped")
                        .title("CloudTrail logging stopped")
                        .description("StopLogging pauses a trail without deleting it.")
                        .severity(Severity.HIGH)
                        .attack(AttackTactic.DEFENSE_EVASION, "T1562.008")
                        .dedupKey("requestParameters.name")
                        .when(eventSource()
                                .is("cloudtrail.amazonaws.com")
                                .and(eventName().is("StopLogging"))
                                .and(succeeded()))
                        .build(),
                rule("aws-route53resolver-query-logging-deleted")
                        .title("Route 53 Resolver query logging configuration deleted")
                        .description("DeleteResolverQueryLogConfig (or disassociating one from a VPC) ends the "
                                + "record of the DNS names a VPC resolves.")
                        .severity(Severity.HIGH)
                        .attack(AttackTactic.DEFENSE_EVASION, "T1562.008")
                        .when(eventSource()
                                .is("route53resolver.amazonaws.com")
                                .and(eventName()
                                        .is("DeleteResolverQueryLogConfig", "DisassociateResolverQueryLogConfig"))
                                .and(succeeded()))
                        .build(),
                rule("aws-organizations-leave-attempt")
                        .title("Account attempted to leave its AWS Organization")
                        .description("LeaveOrganization frees an account from the organization's service control "
                                + "policies and central logging; attempts are reported even when denied.")
                        .severity(Severity.CRITICAL)
                        .attack(AttackTactic.DEFENSE_EVASION, "T1666")
                        .when(eventSource()
                                .is("organizations.amazonaws.com")
                                .and(eventName().is("LeaveOrganization")))
                        .build(),
                rule("aws-vpc-flow-logs-deleted")
                        .title("VPC flow logs deleted")
                        .description("DeleteFlowLogs ends the network record of VPCs, subnets or interfaces.")
                        .severity(Severity.HIGH)
                        .attack(AttackTactic.DEFENSE_EVASION, "T1562.008")
                        .when(eventSource()
                                .is("ec2.amazonaws.com")
                                .and(eventName().is("DeleteFlowLogs"))
                                .and(succeeded()))
                        .build(),
                // ---------------------------------------------------------------- discovery
                rule("aws-ec2-user-data-read")
                        .title("EC2 instance user data read through the API")
                        .description("DescribeInstanceAttribute for the userData attribute: user data often holds "
                                + "bootstrap secrets. Denied attempts are reported too.")
                        .severity(Severity.LOW)
                        .attack(AttackTactic.DISCOVERY, "T1580")
                        .dedupKey("userIdentity.arn")
                        .when(eventSource()
                                .is("ec2.amazonaws.com")
                                .and(eventName().is("DescribeInstanceAttribute"))
                                .and(requestParameter("attribute").is("userData")))
                        .build(),
                // ---------------------------------------------------------------- execution
                rule("aws-ec2-gpu-instances-launched")
                        .title("GPU or accelerated EC2 instances launched")
                        .description("RunInstances for GPU and accelerator families (p, g, inf, trn, dl), as used "
                                + "for cryptocurrency mining or model training on a stolen account; attempts are "
                                + "reported even when denied.")
                        .severity(Severity.MEDIUM)
                        .attack(AttackTactic.EXECUTION, "T1578.002")
                        .attack(AttackTactic.IMPACT, "T1496")
                        .dedupKey("userIdentity.arn", "requestParameters.instanceType")
                        .when(eventSource()
                                .is("ec2.amazonaws.com")
                                .and(eventName().is("RunInstances"))
                                .and(requestParameter("instanceType")
                                        .startsWith(
                                                "p2.", "p3.", "p3dn.", "p4d.", "p4de.", "p5.", "p5e.", "p5en.", "g3.",
                                                "g3s.", "g4dn.", "g4ad.", "g5.", "g5g.", "g6.", "g6e.", "gr6.", "inf1.",
                                                "inf2.", "trn1.", "trn1n.", "trn2.", "dl1.", "dl2q.")))
                        .build(),
                rule("aws-ec2-user-data-modified")
                        .title("EC2 instance user data modified")
                        .description("ModifyInstanceAttribute setting userData: the script runs as root at the "
                                + "instance's next start.")
                        .severity(Severity.HIGH)
                        .attack(AttackTactic.EXECUTION, "T1059")
                        .when(eventSource()
                                .is("ec2.amazonaws.com")
                                .and(eventName().is("ModifyInstanceAttribute"))
                                .and(requestParameter("userData").exists())
                                .and(succeeded()))
                        .build(),
                rule("aws-ssm-send-command")
                        .title("Commands sent to instances through SSM")
                        .description("SendCommand runs a document, usually a shell script, on managed instances.")
                        .severity(Severity.MEDIUM)
                        .attack(AttackTactic.EXECUTION, "T1651")
                        .when(eventSource()
                                .is("ssm.amazonaws.com")
                                .and(eventName().is("SendCommand"))
                                .and(succeeded()))
                        .build(),
                rule("aws-ssm-start-session")
                        .title("Interactive SSM session started on an instance")
                        .description("StartSession opens a shell on a managed instance without SSH.")
                        .severity(Severity.LOW)
                        .attack(AttackTactic.EXECUTION, "T1651")
                        .when(eventSource()
                                .is("ssm.amazonaws.com")
                                .and(eventName().is("StartSession"))
                                .and(succeeded()))
                        .build(),
                // ---------------------------------------------------------------- exfiltration
                rule("aws-ec2-security-group-ssh-open-to-world")
                        .title("Security group opened SSH (port 22) to the whole internet")
                        .description("AuthorizeSecurityGroupIngress for a port range including 22 from a /0 "
                                + "range (0.0.0.0/0, ::/0).")
                        .severity(Severity.HIGH)
                        .attack(AttackTactic.DEFENSE_EVASION, "T1562.007")
                        .when(eventSource()
                                .is("ec2.amazonaws.com")
                                .and(eventName().is("AuthorizeSecurityGroupIngress"))
                                .and(succeeded())
                                .and(anyOf(
                                        requestParameter("cidrIp")
                                                .endsWith("/0")
                                                .and(requestParameter("fromPort")
                                                        .atMost(22))
                                                .and(requestParameter("toPort").atLeast(22)),
                                        requestParameter("ipPermissions.items.ipRanges.items.cidrIp")
                                                .endsWith("/0")
                                                .and(requestParameter("ipPermissions.items.fromPort")
                                                        .atMost(22))
                                                .and(requestParameter("ipPermissions.items.toPort")
                                                        .atLeast(22)),
                                        requestParameter("ipPermissions.items.ipv6Ranges.items.cidrIpv6")
                                                .endsWith("/0")
                                                .and(requestParameter("ipPermissions.items.fromPort")
                                                        .atMost(22))
                                                .and(requestParameter("ipPermissions.items.toPort")
                                                        .atLeast(22)))))
                        .build(),
                rule("aws-ec2-ami-shared")
                        .title("AMI shared with another account or made public")
                        .description("ModifyImageAttribute adding a launch permission for an account or for all.")
                        .severity(Severity.HIGH)
                        .attack(AttackTactic.EXFILTRATION, "T1537")
                        .when(eventSource()
                                .is("ec2.amazonaws.com")
                                .and(eventName().is("ModifyImageAttribute"))
                                .and(requestParameter("launchPermission.add").isTruthy())
                                .and(succeeded()))
                        .build(),
                rule("aws-ec2-ebs-snapshot-shared")
                        .title("EBS snapshot shared with another account or made public")
                        .description("ModifySnapshotAttribute adding a create-volume permission.")
                        .severity(Severity.HIGH)
                        .attack(AttackTactic.EXFILTRATION, "T1537")
                        .when(eventSource()
                                .is("ec2.amazonaws.com")
                                .and(eventName().is("ModifySnapshotAttribute"))
                                .and(requestParameter("createVolumePermission.add")
                                        .isTruthy())
                                .and(succeeded()))
                        .build(),
                rule("aws-rds-snapshot-shared")
                        .title("RDS snapshot shared with another account or made public")
                        .description("ModifyDBSnapshotAttribute or ModifyDBClusterSnapshotAttribute adding "
                                + "accounts (or all) to the restore attribute.")
                        .severity(Severity.HIGH)
                        .attack(AttackTactic.EXFILTRATION, "T1537")
                        .when(eventSource()
                                .is("rds.amazonaws.com")
                                .and(eventName().is("ModifyDBSnapshotAttribute", "ModifyDBClusterSnapshotAttribute"))
                                .and(requestParameter("attributeName").is("restore"))
                                .and(requestParameter("valuesToAdd").isTruthy())
                                .and(succeeded()))
                        .build(),
                // ---------------------------------------------------------------- impact
                rule("aws-bedrock-model-invoked-by-user")
                        .title("Bedrock model access enabled or a model invoked")
                        .description("Model access granted (PutFoundationModelEntitlement, "
                                + "CreateFoundationModelAgreement, PutUseCaseForModelAccess) or a model invoked "
                                + "(InvokeModel, InvokeModelWithResponseStream, Converse): attackers use stolen "
                                + "accounts to run large language models at the victim's cost.")
                        .severity(Severity.MEDIUM)
                        .attack(AttackTactic.IMPACT, "T1496.004")
                        .dedupKey("userIdentity.arn", "eventName")
                        .when(eventSource()
                                .is("bedrock.amazonaws.com")
                                .and(eventName()
                                        .is(
                                                "InvokeModel",
                                                "InvokeModelWithResponseStream",
                                                "Converse",
                                                "ConverseStream",
                                                "PutFoundationModelEntitlement",
                                                "CreateFoundationModelAgreement",
                                                "PutUseCaseForModelAccess"))
                                .and(succeeded()))
                        .build(),
                // ---------------------------------------------------------------- initial access
                rule("aws-console-login-without-mfa")
                        .title("IAM user signed in to the console without MFA")
                        .description("A successful ConsoleLogin of an IAM user with MFAUsed \"No\".")
                        .severity(Severity.MEDIUM)
                        .attack(AttackTactic.INITIAL_ACCESS, "T1078.004")
                        .dedupKey("userIdentity.arn")
                        .when(eventSource()
                                .is("signin.amazonaws.com")
                                .and(eventName().is("ConsoleLogin"))
                                .and(userIdentity().type().is("IAMUser"))
                                .and(additionalEventData("MFAUsed").is("No"))
                                .and(responseElement("ConsoleLogin").is("Success")))
                        .build(),
                // ---------------------------------------------------------------- lateral movement
                rule("aws-ec2-instance-connect-ssh-key-sent")
                        .title("SSH public key pushed to an instance with EC2 Instance Connect")
                        .description(
                                "SendSSHPublicKey lets the key's holder sign in to the instance for 60 " + "seconds.")
                        .severity(Severity.MEDIUM)
                        .attack(AttackTactic.LATERAL_MOVEMENT, "T1021.008")
                        .dedupKey("userIdentity.arn", "requestParameters.instanceId")
                        .when(eventSource()
                                .is("ec2-instance-connect.amazonaws.com")
                                .and(eventName().is("SendSSHPublicKey"))
                                .and(succeeded()))
                        .build(),
                rule("aws-ec2-serial-console-access")
                        .title("EC2 serial console enabled or an SSH key pushed to it")
                        .description("EnableSerialConsoleAccess turns on serial console access for the account; "
                                + "SendSerialConsoleSSHPublicKey opens a console session on an instance.")
                        .severity(Severity.HIGH)
                        .attack(AttackTactic.LATERAL_MOVEMENT, "T1021.008")
                        .when(eventSource()
                                .is("ec2.amazonaws.com")
                                .and(eventName().is("EnableSerialConsoleAccess"))
                                .or(eventSource()
                                        .is("ec2-instance-connect.amazonaws.com")
                                        .and(eventName().is("SendSerialConsoleSSHPublicKey")))
                                .and(succeeded()))
                        .build(),
                // ---------------------------------------------------------------- persistence
                rule("aws-iam-role-trust-policy-allows-account")
                        .title("Role trust policy changed to trust an AWS account or principal")
                        .description("UpdateAssumeRolePolicy with a trust policy naming an AWS principal (an "
                                + "account, user or role), so that it can assume the role from outside.")
                        .severity(Severity.HIGH)
                        .attack(AttackTactic.PERSISTENCE, "T1098.003")
                        .when(eventSource()
                                .is("iam.amazonaws.com")
                                .and(eventName().is("UpdateAssumeRolePolicy"))
                                .and(requestParameter("policyDocument").contains("\"AWS\""))
                                .and(succeeded()))
                        .build(),
                rule("aws-iam-access-key-created-for-another-user")
                        .title("IAM access key created for another user")
                        .description("CreateAccessKey whose userName is not the caller's own: long-term keys for "
                                + "someone else are a classic backdoor.")
                        .severity(Severity.MEDIUM)
                        .attack(AttackTactic.PERSISTENCE, "T1098.001")
                        .dedupKey("requestParameters.userName")
                        .when(eventSource()
                                .is("iam.amazonaws.com")
                                .and(eventName().is("CreateAccessKey"))
                                .and(requestParameter("userName").exists())
                                .and(requestParameter("userName")
                                        .differsFrom(userIdentity().userName()))
                                .and(succeeded()))
                        .build(),
                rule("aws-iam-administrator-policy-attached-to-user")
                        .title("AdministratorAccess attached to an IAM user")
                        .description("AttachUserPolicy with the AWS managed AdministratorAccess policy.")
                        .severity(Severity.HIGH)
                        .attack(AttackTactic.PERSISTENCE, "T1136.003")
                        .attack(AttackTactic.PRIVILEGE_ESCALATION, "T1098.003")
                        .dedupKey("requestParameters.userName")
                        .when(eventSource()
                                .is("iam.amazonaws.com")
                                .and(eventName().is("AttachUserPolicy"))
                                .and(requestParameter("policyArn").is(ADMIN_POLICY))
                                .and(succeeded()))
                        .build(),
                rule("aws-iam-role-created-trusting-an-account")
                        .title("IAM role created trusting an AWS account")
                        .description("CreateRole whose trust policy lets an account's root principal (any of its "
                                + "identities) assume it, or AdministratorAccess attached to a role.")
                        .severity(Severity.MEDIUM)
                        .attack(AttackTactic.PERSISTENCE, "T1098.003")
                        .when(eventSource()
                                .is("iam.amazonaws.com")
                                .and(succeeded())
                                .and(anyOf(
                                        eventName()
                                                .is("CreateRole")
                                                .and(requestParameter("assumeRolePolicyDocument")
                                                        .wildcard("*\"AWS\"*:root\"*")),
                                        eventName()
                                                .is("AttachRolePolicy")
                                                .and(requestParameter("policyArn")
                                                        .is(ADMIN_POLICY)))))
                        .build(),
                rule("aws-iam-login-profile-created-for-another-user")
                        .title("Console password created for another IAM user")
                        .description("CreateLoginProfile whose userName is not the caller's own: console access "
                                + "for an account that had none.")
                        .severity(Severity.MEDIUM)
                        .attack(AttackTactic.PERSISTENCE, "T1098.001")
                        .dedupKey("requestParameters.userName")
                        .when(eventSource()
                                .is("iam.amazonaws.com")
                                .and(eventName().is("CreateLoginProfile"))
                                .and(requestParameter("userName").exists())
                                .and(requestParameter("userName")
                                        .differsFrom(userIdentity().userName()))
                                .and(succeeded()))
                        .build(),
                rule("aws-lambda-function-made-public")
                        .title("Lambda function made invocable by anyone")
                        .description("AddPermission with principal \"*\": anyone can invoke the function.")
                        .severity(Severity.HIGH)
                        .attack(AttackTactic.PERSISTENCE, "T1098")
                        .when(eventSource()
                                .is("lambda.amazonaws.com")
                                .and(eventName().startsWith("AddPermission"))
                                .and(requestParameter("principal").is("*"))
                                .and(succeeded()))
                        .build(),
                rule("aws-lambda-layer-added")
                        .title("Lambda function configuration changed to add layers")
                        .description("UpdateFunctionConfiguration setting layers: a layer (or an extension in it) "
                                + "runs inside every invocation of the function.")
                        .severity(Severity.MEDIUM)
                        .attack(AttackTactic.PERSISTENCE, "T1546")
                        .when(eventSource()
                                .is("lambda.amazonaws.com")
                                .and(eventName().startsWith("UpdateFunctionConfiguration"))
                                .and(requestParameter("layers").isTruthy())
                                .and(succeeded()))
                        .build(),
                rule("aws-lambda-function-code-updated")
                        .title("Lambda function code replaced")
                        .description("UpdateFunctionCode replaces a function's code.")
                        .severity(Severity.LOW)
                        .attack(AttackTactic.PERSISTENCE, "T1546")
                        .when(eventSource()
                                .is("lambda.amazonaws.com")
                                .and(eventName().startsWith("UpdateFunctionCode"))
                                .and(succeeded()))
                        .build(),
                rule("aws-iam-roles-anywhere-trust-anchor-created")
                        .title("IAM Roles Anywhere trust anchor created")
                        .description("CreateTrustAnchor lets holders of certificates from an outside CA obtain "
                                + "AWS credentials.")
                        .severity(Severity.HIGH)
                        .attack(AttackTactic.PERSISTENCE, "T1098.001")
                        .when(eventSource()
                                .is("rolesanywhere.amazonaws.com")
                                .and(eventName().is("CreateTrustAnchor"))
                                .and(succeeded()))
                        .build(),
                rule("aws-sts-federation-token")
                        .title("Federation token obtained by an IAM user")
                        .description("GetFederationToken gives temporary credentials that outlive the deletion of "
                                + "the access key that asked for them.")
                        .severity(Severity.MEDIUM)
                        .attack(AttackTactic.PERSISTENCE, "T1078.004")
                        .when(eventSource()
                                .is("sts.amazonaws.com")
                                .and(eventName().is("GetFederationToken"))
                                .and(succeeded()))
                        .build(),
                // ---------------------------------------------------------------- privilege escalation
                rule("aws-iam-login-profile-updated-for-another-user")
                        .title("Console password changed for another IAM user")
                        .description("UpdateLoginProfile whose userName is not the caller's own: taking over "
                                + "another user's console access.")
                        .severity(Severity.HIGH)
                        .attack(AttackTactic.PRIVILEGE_ESCALATION, "T1098.001")
                        .dedupKey("requestParameters.userName")
                        .when(eventSource()
                                .is("iam.amazonaws.com")
                                .and(eventName().is("UpdateLoginProfile"))
                                .and(requestParameter("userName").exists())
                                .and(requestParameter("userName")
                                        .differsFrom(userIdentity().userName()))
                                .and(succeeded()))
                        .build());
    }
}
