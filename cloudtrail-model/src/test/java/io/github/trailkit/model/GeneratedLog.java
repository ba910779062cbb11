package io.github.trailkit.model;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A CloudTrail log file {@code {"Records":[...]}} generated on the fly, for streaming and memory tests.
 *
 * <p>Nothing is stored: each record is rendered into one small reusable buffer (a few KB) when the consumer has read
 * the previous one, so a log of any size costs constant memory on the producing side and any memory growth seen by a
 * test belongs to the consumer. The content is a pure function of the seed ({@link SplittableRandom}): the same seed
 * gives the same bytes, and {@link #records} and {@link #ofAtLeastBytes} with one seed share their first records.
 *
 * <p>Records are realistic and varied, about 1 to 2 KB each: 35 event sources and about 400 event names (common ones
 * more often), every {@code userIdentity} type, nested {@code requestParameters} (objects, arrays, integers, decimals,
 * exponents, big integers, booleans, nulls), {@code responseElements: null} for reads and failures, errors, resources,
 * {@code tlsDetails}, Management and Data events, and now and then non-ASCII text (sometimes written as {@code \\u}
 * escapes) and strings that need JSON escaping (quotes, backslashes, control characters).
 *
 * <p>Public, in the module's test-jar, because it is also the data of the {@code benchmarks} module: one generator,
 * so that the streaming test and the benchmark report read the same kind of records.
 *
 * <pre>{@code
 * GeneratedLog in = GeneratedLog.ofAtLeastBytes(1L << 30, 42);
 * try (CloudTrailLog log = CloudTrail.reader().read(in, "generated")) { ... }
 * in.recordCount();   // after the end was read
 * }</pre>
 */
public final class GeneratedLog extends InputStream {
    private static final int START = 0;
    private static final int RECORDS = 1;
    private static final int ENDED = 2;

    private final long maxRecords;
    private final long minBytes;
    private final SplittableRandom random;

    /** The reusable output buffer: bytes {@code [pos, len)} are not yet read. */
    private byte[] buf = new byte[8192];

    private int len;
    private int pos;

    private int state = START;
    private long recordCount;
    private long bytesProduced;

    /** JSON writer state: a value or member was written at this level, the next one needs a comma. */
    private boolean comma;
    /** This record writes non-ASCII characters as backslash-u escapes instead of UTF-8. */
    private boolean escapeNonAscii;
    /** Seconds since the epoch of the current record; grows by 0 to 3 seconds a record. */
    private long now = 1_704_067_200L; // 2024-01-01T00:00:00Z

    private GeneratedLog(long maxRecords, long minBytes, long seed) {
        this.maxRecords = maxRecords;
        this.minBytes = minBytes;
        this.random = new SplittableRandom(seed);
    }

    /** A log of exactly {@code count} records. */
    public static GeneratedLog records(long count, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("count < 0: " + count);
        }
        return new GeneratedLog(count, Long.MAX_VALUE, seed);
    }

    /** A log that adds records until at least {@code bytes} bytes are out, then closes the array. */
    public static GeneratedLog ofAtLeastBytes(long bytes, long seed) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes < 0: " + bytes);
        }
        return new GeneratedLog(Long.MAX_VALUE, bytes, seed);
    }

    /** The records generated so far; the number of records in the log once it has been read to the end. */
    public long recordCount() {
        return recordCount;
    }

    /** The bytes generated so far; the size of the log once it has been read to the end. */
    public long bytesProduced() {
        return bytesProduced;
    }

    /** Whether the consumer has read the last byte. */
    public boolean fullyRead() {
        return state == ENDED && pos == len;
    }

    @Override
    public int read() {
        if (pos == len && !refill()) {
            return -1;
        }
        return buf[pos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int n) {
        Objects.checkFromIndexSize(off, n, b.length);
        if (n == 0) {
            return 0;
        }
        int done = 0;
        while (done < n) {
            if (pos == len && !refill()) {
                break;
            }
            int chunk = Math.min(n - done, len - pos);
            System.arraycopy(buf, pos, b, off + done, chunk);
            pos += chunk;
            done += chunk;
        }
        return done == 0 ? -1 : done;
    }

    @Override
    public int available() {
        return len - pos;
    }

    /** Renders the next piece (the header, one record, or the end) into the buffer; false at the end. */
    private boolean refill() {
        pos = 0;
        len = 0;
        comma = false;
        switch (state) {
            case START:
                ascii("{\"Records\":[");
                state = RECORDS;
                break;
            case RECORDS:
                if (recordCount >= maxRecords || bytesProduced >= minBytes) {
                    ascii("]}");
                    state = ENDED;
                } else {
                    if (recordCount > 0) {
                        put(',');
                    }
                    record();
                    recordCount++;
                }
                break;
            default:
                return false;
        }
        bytesProduced += len;
        return true;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The catalog
    // ---------------------------------------------------------------------------------------------------------------

    /** An event source, its event names (a leading {@code *} marks a data event) and its main request parameter. */
    private static final class Service {
        final String source;
        final String host;
        final String arnService;
        final String resourceKey;
        final String[] names;
        final boolean[] data;
        final boolean[] readOnly;

        Service(String source, String resourceKey, String... names) {
            this.source = source;
            this.host = source.substring(0, source.indexOf('.'));
            this.arnService = host.equals("monitoring") ? "cloudwatch" : host;
            this.resourceKey = resourceKey;
            this.names = new String[names.length];
            this.data = new boolean[names.length];
            this.readOnly = new boolean[names.length];
            for (int i = 0; i < names.length; i++) {
                boolean d = names[i].startsWith("*");
                this.names[i] = d ? names[i].substring(1) : names[i];
                this.data[i] = d;
                this.readOnly[i] = isReadOnly(this.names[i]);
            }
        }

        private static boolean isReadOnly(String name) {
            for (String p : new String[] {
                "Get",
                "List",
                "Describe",
                "Head",
                "Lookup",
                "Query",
                "Scan",
                "BatchGet",
                "Check",
                "Search",
                "Validate",
                "Decrypt",
                "Encrypt",
                "GenerateDataKey",
                "Receive",
                "Filter",
                "Invoke",
                "Converse",
                "Federate",
                "Authenticate",
                "Select",
                "BatchCheck"
            }) {
                if (name.startsWith(p)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Common services first; within a service, common events first (both are picked with a skew). */
    private static final Service[] SERVICES = {
        new Service(
                "sts.amazonaws.com",
                "roleArn",
                "AssumeRole",
                "GetCallerIdentity",
                "AssumeRoleWithWebIdentity",
                "AssumeRoleWithSAML",
                "GetSessionToken",
                "GetFederationToken",
                "DecodeAuthorizationMessage",
                "GetAccessKeyInfo"),
        new Service(
                "kms.amazonaws.com",
                "keyId",
                "Decrypt",
                "GenerateDataKey",
                "Encrypt",
                "DescribeKey",
                "ListAliases",
                "GenerateDataKeyWithoutPlaintext",
                "ListKeys",
                "ReEncrypt",
                "CreateGrant",
                "RetireGrant",
                "GetKeyPolicy",
                "GetKeyRotationStatus",
                "CreateKey",
                "CreateAlias",
                "PutKeyPolicy",
                "EnableKeyRotation",
                "DisableKey",
                "ScheduleKeyDeletion"),
        new Service(
                "s3.amazonaws.com",
                "bucketName",
                "*GetObject",
                "*PutObject",
                "*HeadObject",
                "*ListObjects",
                "*DeleteObject",
                "*CopyObject",
                "*CreateMultipartUpload",
                "*UploadPart",
                "*CompleteMultipartUpload",
                "*GetObjectTagging",
                "ListBuckets",
                "GetBucketLocation",
                "GetBucketAcl",
                "GetBucketPolicy",
                "GetBucketVersioning",
                "GetBucketEncryption",
                "GetBucketTagging",
                "GetBucketLogging",
                "GetBucketNotification",
                "PutBucketPolicy",
                "PutBucketEncryption",
                "PutBucketPublicAccessBlock",
                "PutBucketTagging",
                "PutBucketLifecycle",
                "CreateBucket",
                "DeleteBucket"),
        new Service(
                "ec2.amazonaws.com",
                "instanceId",
                "DescribeInstances",
                "DescribeSecurityGroups",
                "DescribeVpcs",
                "DescribeSubnets",
                "DescribeVolumes",
                "DescribeNetworkInterfaces",
                "DescribeImages",
                "DescribeRegions",
                "DescribeKeyPairs",
                "DescribeInstanceAttribute",
                "RunInstances",
                "StartInstances",
                "StopInstances",
                "TerminateInstances",
                "CreateTags",
                "DeleteTags",
                "AuthorizeSecurityGroupIngress",
                "RevokeSecurityGroupIngress",
                "CreateSecurityGroup",
                "CreateSnapshot",
                "ModifySnapshotAttribute",
                "ModifyImageAttribute",
                "GetPasswordData",
                "GetConsoleOutput",
                "CreateKeyPair",
                "AllocateAddress",
                "AssociateAddress",
                "CreateNetworkInterface"),
        new Service(
                "iam.amazonaws.com",
                "userName",
                "GetUser",
                "ListUsers",
                "GetRole",
                "ListRoles",
                "ListAccessKeys",
                "ListAttachedRolePolicies",
                "GetPolicy",
                "GetPolicyVersion",
                "ListPolicies",
                "GetAccountAuthorizationDetails",
                "CreateUser",
                "DeleteUser",
                "CreateAccessKey",
                "DeleteAccessKey",
                "UpdateAccessKey",
                "CreateRole",
                "DeleteRole",
                "AttachRolePolicy",
                "DetachRolePolicy",
                "PutRolePolicy",
                "AttachUserPolicy",
                "UpdateAssumeRolePolicy",
                "CreateLoginProfile",
                "UpdateLoginProfile",
                "CreatePolicy",
                "AddUserToGroup",
                "CreateServiceLinkedRole"),
        new Service(
                "lambda.amazonaws.com",
                "functionName",
                "*Invoke",
                "GetFunction20150331v2",
                "ListFunctions20150331",
                "GetFunctionConfiguration20150331v2",
                "GetPolicy20150331v2",
                "ListLayers20181031",
                "CreateFunction20150331",
                "UpdateFunctionCode20150331v2",
                "UpdateFunctionConfiguration20150331v2",
                "DeleteFunction20150331",
                "AddPermission20150331v2",
                "PublishLayerVersion20181031",
                "CreateEventSourceMapping20150331"),
        new Service(
                "dynamodb.amazonaws.com",
                "tableName",
                "*GetItem",
                "*Query",
                "*PutItem",
                "*UpdateItem",
                "*BatchGetItem",
                "*BatchWriteItem",
                "*DeleteItem",
                "*Scan",
                "DescribeTable",
                "ListTables",
                "DescribeContinuousBackups",
                "CreateTable",
                "UpdateTable",
                "DeleteTable",
                "UpdateTimeToLive",
                "TagResource"),
        new Service(
                "signin.amazonaws.com",
                "accountId",
                "ConsoleLogin",
                "SwitchRole",
                "CheckMfa",
                "ExitRole",
                "RenewRole",
                "CredentialVerification",
                "CredentialChallenge",
                "UserAuthentication",
                "GetSigninToken"),
        new Service(
                "logs.amazonaws.com",
                "logGroupName",
                "DescribeLogGroups",
                "DescribeLogStreams",
                "FilterLogEvents",
                "GetLogEvents",
                "GetQueryResults",
                "CreateLogStream",
                "CreateLogGroup",
                "StartQuery",
                "PutRetentionPolicy",
                "PutSubscriptionFilter",
                "PutMetricFilter",
                "CreateExportTask",
                "DeleteLogGroup"),
        new Service(
                "monitoring.amazonaws.com",
                "alarmName",
                "GetMetricData",
                "DescribeAlarms",
                "ListMetrics",
                "GetMetricStatistics",
                "GetDashboard",
                "DescribeAlarmHistory",
                "PutMetricAlarm",
                "PutDashboard",
                "SetAlarmState",
                "DeleteAlarms"),
        new Service(
                "ssm.amazonaws.com",
                "name",
                "GetParameter",
                "GetParameters",
                "GetParametersByPath",
                "DescribeParameters",
                "DescribeInstanceInformation",
                "UpdateInstanceInformation",
                "GetCommandInvocation",
                "ListCommands",
                "PutParameter",
                "DeleteParameter",
                "SendCommand",
                "StartSession",
                "TerminateSession"),
        new Service(
                "secretsmanager.amazonaws.com",
                "secretId",
                "GetSecretValue",
                "DescribeSecret",
                "ListSecrets",
                "BatchGetSecretValue",
                "GetResourcePolicy",
                "CreateSecret",
                "PutSecretValue",
                "UpdateSecret",
                "RotateSecret",
                "DeleteSecret"),
        new Service(
                "sqs.amazonaws.com",
                "queueUrl",
                "*SendMessage",
                "*ReceiveMessage",
                "*DeleteMessage",
                "GetQueueAttributes",
                "GetQueueUrl",
                "ListQueues",
                "SetQueueAttributes",
                "CreateQueue",
                "PurgeQueue",
                "DeleteQueue"),
        new Service(
                "sns.amazonaws.com",
                "topicArn",
                "*Publish",
                "GetTopicAttributes",
                "ListTopics",
                "ListSubscriptions",
                "Subscribe",
                "Unsubscribe",
                "ConfirmSubscription",
                "SetTopicAttributes",
                "CreateTopic",
                "DeleteTopic"),
        new Service(
                "cloudtrail.amazonaws.com",
                "name",
                "LookupEvents",
                "DescribeTrails",
                "GetTrailStatus",
                "GetEventSelectors",
                "ListTrails",
                "GetInsightSelectors",
                "CreateTrail",
                "UpdateTrail",
                "PutEventSelectors",
                "StartLogging",
                "StopLogging",
                "DeleteTrail"),
        new Service(
                "ecr.amazonaws.com",
                "repositoryName",
                "GetAuthorizationToken",
                "BatchGetImage",
                "GetDownloadUrlForLayer",
                "BatchCheckLayerAvailability",
                "DescribeRepositories",
                "DescribeImages",
                "ListImages",
                "InitiateLayerUpload",
                "CompleteLayerUpload",
                "PutImage",
                "CreateRepository",
                "SetRepositoryPolicy"),
        new Service(
                "ecs.amazonaws.com",
                "cluster",
                "DescribeTasks",
                "ListTasks",
                "DescribeServices",
                "ListClusters",
                "DescribeClusters",
                "DescribeTaskDefinition",
                "SubmitTaskStateChange",
                "RunTask",
                "StopTask",
                "RegisterTaskDefinition",
                "UpdateService",
                "CreateService"),
        new Service(
                "eks.amazonaws.com",
                "clusterName",
                "DescribeCluster",
                "ListClusters",
                "ListNodegroups",
                "DescribeNodegroup",
                "ListAddons",
                "CreateCluster",
                "CreateNodegroup",
                "UpdateClusterConfig",
                "CreateAccessEntry",
                "AssociateAccessPolicy",
                "DeleteCluster"),
        new Service(
                "elasticloadbalancing.amazonaws.com",
                "loadBalancerArn",
                "DescribeLoadBalancers",
                "DescribeTargetGroups",
                "DescribeTargetHealth",
                "DescribeListeners",
                "RegisterTargets",
                "DeregisterTargets",
                "CreateLoadBalancer",
                "CreateListener",
                "ModifyListener",
                "DeleteLoadBalancer"),
        new Service(
                "autoscaling.amazonaws.com",
                "autoScalingGroupName",
                "DescribeAutoScalingGroups",
                "DescribeScalingActivities",
                "DescribeLaunchConfigurations",
                "UpdateAutoScalingGroup",
                "SetDesiredCapacity",
                "TerminateInstanceInAutoScalingGroup",
                "CreateLaunchConfiguration",
                "CreateAutoScalingGroup",
                "PutScalingPolicy"),
        new Service(
                "cloudformation.amazonaws.com",
                "stackName",
                "DescribeStacks",
                "DescribeStackEvents",
                "ListStacks",
                "GetTemplate",
                "ListStackResources",
                "GetTemplateSummary",
                "DescribeChangeSet",
                "ValidateTemplate",
                "CreateChangeSet",
                "ExecuteChangeSet",
                "CreateStack",
                "UpdateStack",
                "DeleteStack"),
        new Service(
                "route53.amazonaws.com",
                "hostedZoneId",
                "ListHostedZones",
                "GetHostedZone",
                "ListResourceRecordSets",
                "GetChange",
                "ListQueryLoggingConfigs",
                "ChangeResourceRecordSets",
                "CreateHostedZone",
                "DeleteHostedZone",
                "DeleteQueryLoggingConfig"),
        new Service(
                "config.amazonaws.com",
                "configRuleName",
                "DescribeConfigRules",
                "DescribeConfigurationRecorders",
                "GetComplianceDetailsByConfigRule",
                "PutEvaluations",
                "PutConfigRule",
                "StartConfigRulesEvaluation",
                "PutConfigurationRecorder",
                "StopConfigurationRecorder",
                "DeleteConfigRule",
                "DeleteDeliveryChannel"),
        new Service(
                "guardduty.amazonaws.com",
                "detectorId",
                "ListDetectors",
                "GetDetector",
                "ListFindings",
                "GetFindings",
                "ArchiveFindings",
                "CreateFilter",
                "CreateIPSet",
                "UpdateIPSet",
                "CreateDetector",
                "UpdateDetector",
                "DeleteDetector"),
        new Service(
                "organizations.amazonaws.com",
                "organizationalUnitId",
                "DescribeOrganization",
                "ListAccounts",
                "DescribeAccount",
                "ListRoots",
                "ListPolicies",
                "ListOrganizationalUnitsForParent",
                "AttachPolicy",
                "CreatePolicy",
                "MoveAccount",
                "CreateAccount",
                "LeaveOrganization"),
        new Service(
                "sso.amazonaws.com",
                "instanceArn",
                "Federate",
                "GetRoleCredentials",
                "ListAccountRoles",
                "Authenticate",
                "ListInstances",
                "ListPermissionSets",
                "DescribePermissionSet",
                "ListAccountAssignments",
                "CreatePermissionSet",
                "AttachManagedPolicyToPermissionSet",
                "ProvisionPermissionSet",
                "CreateAccountAssignment",
                "DeleteAccountAssignment"),
        new Service(
                "apigateway.amazonaws.com",
                "restApiId",
                "GetRestApis",
                "GetStages",
                "GetResources",
                "GetApiKeys",
                "CreateDeployment",
                "UpdateStage",
                "PutIntegration",
                "CreateApiKey",
                "CreateRestApi",
                "DeleteRestApi"),
        new Service(
                "events.amazonaws.com",
                "eventBusName",
                "*PutEvents",
                "ListRules",
                "DescribeRule",
                "ListTargetsByRule",
                "PutRule",
                "PutTargets",
                "EnableRule",
                "DisableRule",
                "RemoveTargets",
                "DeleteRule"),
        new Service(
                "states.amazonaws.com",
                "stateMachineArn",
                "StartExecution",
                "DescribeExecution",
                "ListExecutions",
                "GetExecutionHistory",
                "DescribeStateMachine",
                "ListStateMachines",
                "StopExecution",
                "CreateStateMachine",
                "UpdateStateMachine"),
        new Service(
                "kinesis.amazonaws.com",
                "streamName",
                "*PutRecords",
                "*PutRecord",
                "*GetRecords",
                "*GetShardIterator",
                "DescribeStreamSummary",
                "DescribeStream",
                "ListStreams",
                "ListShards",
                "CreateStream",
                "DeleteStream"),
        new Service(
                "athena.amazonaws.com",
                "workGroup",
                "GetQueryExecution",
                "GetQueryResults",
                "StartQueryExecution",
                "ListWorkGroups",
                "GetWorkGroup",
                "ListDataCatalogs",
                "StopQueryExecution",
                "CreateWorkGroup"),
        new Service(
                "glue.amazonaws.com",
                "databaseName",
                "GetTable",
                "GetTables",
                "GetDatabases",
                "GetPartitions",
                "GetCrawler",
                "GetJobRuns",
                "BatchCreatePartition",
                "StartCrawler",
                "StartJobRun",
                "CreateTable",
                "CreateJob"),
        new Service(
                "bedrock.amazonaws.com",
                "modelId",
                "InvokeModel",
                "Converse",
                "InvokeModelWithResponseStream",
                "ListFoundationModels",
                "GetFoundationModelAvailability",
                "GetModelInvocationLoggingConfiguration",
                "ListCustomModels",
                "CreateModelCustomizationJob"),
        new Service(
                "cognito-idp.amazonaws.com",
                "userPoolId",
                "InitiateAuth",
                "RespondToAuthChallenge",
                "AdminGetUser",
                "ListUsers",
                "DescribeUserPool",
                "AdminInitiateAuth",
                "SignUp",
                "ConfirmSignUp",
                "AdminCreateUser",
                "CreateUserPool"),
        new Service(
                "rds.amazonaws.com",
                "dBInstanceIdentifier",
                "DescribeDBInstances",
                "DescribeDBClusters",
                "DescribeDBSnapshots",
                "CreateDBSnapshot",
                "ModifyDBSnapshotAttribute",
                "ModifyDBInstance",
                "RebootDBInstance",
                "StopDBInstance",
                "AddTagsToResource",
                "CreateDBInstance",
                "DeleteDBInstance"),
    };

    /** The number of distinct event names in the catalog (counted per source). */
    public static int catalogEventNames() {
        int n = 0;
        for (Service s : SERVICES) {
            n += s.names.length;
        }
        return n;
    }

    /** The number of event sources in the catalog. */
    public static int catalogEventSources() {
        return SERVICES.length;
    }

    private static final String[] ACCOUNTS = {
        "111122223333", "444455556666", "123456789012", "210987654321", "777788889999", "900138736586", "246813579135"
    };
    private static final String[] REGIONS = {
        "us-east-1",
        "us-east-1",
        "us-east-1",
        "us-east-2",
        "us-west-2",
        "eu-west-1",
        "eu-central-1",
        "eu-north-1",
        "ap-northeast-1",
        "ap-southeast-2",
        "ap-south-1",
        "sa-east-1",
        "ca-central-1",
        "me-central-1"
    };
    private static final String[] ROLES = {
        "OrganizationAccountAccessRole",
        "AWSReservedSSO_AdministratorAccess_4f2a6b8c0d1e3f57",
        "AWSReservedSSO_ReadOnlyAccess_9a8b7c6d5e4f3a21",
        "lambda-exec-orders",
        "eks-node-group-prod",
        "GitHubActionsDeploy",
        "terraform-ci",
        "AWSServiceRoleForECS",
        "AWSServiceRoleForAutoScaling",
        "datadog-integration",
        "ecsTaskExecutionRole",
        "SecurityAudit",
        "cdk-hnb659fds-deploy-role-111122223333-us-east-1"
    };
    private static final String[] USERS = {
        "alice",
        "bob",
        "carol.smith",
        "deploy-bot",
        "jenkins",
        "ci-user",
        "backup-operator",
        "security-audit",
        "dave@example.com",
        "svc_reporting"
    };
    private static final String[] SSO_USERS = {
        "jane.doe@example.com", "jose.garcia@example.com", "m.tanaka@example.co.jp", "ops-oncall@example.com"
    };
    private static final String[] INVOKERS = {
        "cloudformation.amazonaws.com",
        "lambda.amazonaws.com",
        "ecs-tasks.amazonaws.com",
        "ec2.amazonaws.com",
        "config.amazonaws.com",
        "autoscaling.amazonaws.com",
        "elasticloadbalancing.amazonaws.com",
        "cloudtrail.amazonaws.com",
        "access-analyzer.amazonaws.com",
        "guardduty.amazonaws.com",
        "s3.amazonaws.com",
        "AWS Internal",
        "sso.amazonaws.com",
        "events.amazonaws.com"
    };
    private static final String[] USER_AGENTS = {
        "aws-cli/2.15.10 Python/3.11.6 Linux/6.1.0-17-cloud-amd64 exe/x86_64.debian.12 prompt/off command/s3.cp",
        "Boto3/1.34.2 md/Botocore#1.34.2 ua/2.0 os/linux#5.10.205-195.804.amzn2.x86_64 md/arch#x86_64 "
                + "lang/python#3.12.1 md/pyimpl#CPython exec-env/AWS_Lambda_python3.12 cfg/retry-mode#legacy "
                + "Botocore/1.34.2",
        "aws-sdk-java/2.20.43 Linux/5.10.201-213.748.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.9+8-LTS Java/17.0.9 "
                + "vendor/Amazon.com_Inc. exec-env/AWS_ECS_FARGATE io/sync http/Apache cfg/retry-mode/standard",
        "aws-sdk-go-v2/1.24.0 os/linux lang/go#1.21.5 md/GOOS#linux md/GOARCH#amd64 api/sts#1.26.6",
        "APN/1.0 HashiCorp/1.0 Terraform/1.6.6 (+https://www.terraform.io) terraform-provider-aws/5.31.0 "
                + "(+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go/1.49.6 (go1.20.12; linux; amd64)",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 "
                + "Safari/605.1.15",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 "
                + "Safari/537.36 Edg/120.0.0.0",
        "console.amazonaws.com",
        "AWS Internal",
        "ec2.amazonaws.com",
        "cloudformation.amazonaws.com",
        "aws-internal/3 aws-sdk-java/1.12.581 Linux/5.10.199-168.748.amzn2int.x86_64 "
                + "OpenJDK_64-Bit_Server_VM/25.392-b08 java/1.8.0_392 vendor/Oracle_Corporation cfg/retry-mode/standard",
        "[S3Console/0.4, aws-internal/3 aws-sdk-java/1.12.488 Linux/5.10.198-166.748.amzn2int.x86_64 "
                + "OpenJDK_64-Bit_Server_VM/25.382-b10 java/1.8.0_382 vendor/Oracle_Corporation cfg/retry-mode/standard]",
        "kubectl/v1.28.4 (linux/amd64) kubernetes/bae2c62",
        "aws-cdk/2.115.0"
    };
    private static final String[] CIPHERS = {
        "TLS_AES_128_GCM_SHA256",
        "TLS_AES_128_GCM_SHA256",
        "TLS_AES_256_GCM_SHA384",
        "TLS_CHACHA20_POLY1305_SHA256",
        "ECDHE-RSA-AES128-GCM-SHA256",
        "ECDHE-RSA-AES256-GCM-SHA384"
    };
    private static final String[] BUCKETS = {
        "prod-data-lake",
        "aws-cloudtrail-logs-111122223333-3f1a2b",
        "customer-uploads-eu",
        "terraform-state-ci",
        "static-site-assets",
        "athena-query-results-us-east-1",
        "backup-archive-2024"
    };
    private static final String[] TABLES = {"orders", "sessions", "user-profiles", "inventory", "audit-events"};
    private static final String[] FUNCTIONS = {
        "orders-api-handler", "thumbnail-generator", "cloudtrail-processor", "nightly-report", "auth-authorizer"
    };
    private static final String[] WORDS = {
        "prod", "staging", "dev", "orders", "payments", "billing", "reports", "analytics", "ingest", "frontend",
        "backend", "worker", "batch", "audit", "shared", "legacy", "canary", "blue", "green", "primary"
    };
    private static final String[] UNICODE = {
        "é",
        "日本",
        "Zürich",
        "São Paulo",
        "résumé.pdf",
        "データ分析",
        "Ωmega",
        "naïve café",
        "Привет мир",
        "שלום",
        "مرحبا",
        "中文测试",
        "🚀 launch",
        "ünïcödé",
        "Ελληνικά",
        "한국어",
        "ok 👍🏽",
        "Ærøskøbing"
    };
    private static final String[] NEEDS_ESCAPING = {
        "say \"hi\"",
        "C:\\Users\\build\\out",
        "line1\nline2",
        "tab\tseparated",
        "bell\u0007char",
        "slash/and\\back",
        "ctl \u0001\u001f end",
        "</script>",
        "line\u2028separator",
        "cr\rlf\r\n",
        "\b\f"
    };
    private static final int[] PORTS = {22, 443, 3389, 5432, 6379};
    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };
    /** JSON number texts kept as written by the reader: integers, decimals, exponents, beyond-long integers. */
    private static final String[] NUMBER_TEXTS = {
        "0",
        "-1",
        "3.14159",
        "9.82222E-5",
        "1.0E10",
        "-0.5",
        "2.5e+3",
        "12345678901234567890123",
        "1.0",
        "0.000001",
        "-273.15",
        "6.02214076E23",
        "100.00",
        "1e-7",
        "-9223372036854775809"
    };
    /** Members of generic request parameters: none is the main parameter of a service. */
    private static final String[] GENERIC_KEYS = {
        "maxResults",
        "nextToken",
        "filters",
        "tags",
        "includeDeleted",
        "dryRun",
        "clientToken",
        "description",
        "enabled",
        "limit",
        "startTime",
        "endTime",
        "pageSize",
        "sortOrder",
        "encryptionConfiguration",
        "attributes",
        "labels",
        "capacity",
        "timeoutSeconds",
        "retryPolicy",
        "priority",
        "ratio",
        "threshold",
        "metadata",
        "options",
        "settings",
        "notes",
        "ownerId",
        "version",
        "protocol",
        "port",
        "cidrBlocks",
        "allowedPrincipals",
        "dimensions",
        "statistics",
        "period",
        "evaluationPeriods",
        "comparisonOperator",
        "treatMissingData",
        "kmsKeyArn",
        "subnetIds",
        "securityGroupIds",
        "vpcConfig",
        "environment",
        "retentionInDays",
        "schedule",
        "state",
        "target",
        "weight",
        "logging",
        "deletionProtection",
        "autoRollback",
        "concurrency"
    }; // 53 names, a prime: any step below 53 visits distinct names

    private static final String[] ERRORS = {
        "AccessDenied",
        "AccessDenied",
        "Client.UnauthorizedOperation",
        "ThrottlingException",
        "NoSuchEntityException",
        "ResourceNotFoundException",
        "ValidationException",
        "InvalidParameterValueException",
        "NoSuchBucket",
        "ExpiredToken",
        "KMSInvalidStateException",
        "Client.DryRunOperation",
        "ServiceUnavailableException",
        "AccessDeniedException"
    };

    private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final String B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String HEX = "0123456789abcdef";

    // ---------------------------------------------------------------------------------------------------------------
    // One record
    // ---------------------------------------------------------------------------------------------------------------

    /** What the record is about, chosen first so that the parts agree. */
    private Service svc;

    private String eventName;
    private boolean dataEvent;
    private boolean readOnly;
    private String region;
    private String account;
    private String error;
    private String identityType;
    private String callerArn;

    private void record() {
        SplittableRandom r = random;
        now += r.nextInt(4);
        escapeNonAscii = r.nextInt(25) == 0;
        svc = SERVICES[skewed(SERVICES.length)];
        int e = skewed(svc.names.length);
        eventName = svc.names[e];
        dataEvent = svc.data[e];
        readOnly = svc.readOnly[e];
        region = svc.host.equals("iam") || svc.host.equals("route53") || svc.host.equals("organizations")
                ? "us-east-1"
                : pick(REGIONS);
        account = ACCOUNTS[skewed(ACCOUNTS.length)];
        error = r.nextInt(100) < 9 ? pick(ERRORS) : null;
        boolean signIn = svc.host.equals("signin");
        boolean serviceEvent = !signIn && !dataEvent && r.nextInt(100) < 3;
        identityType = serviceEvent ? "AWSService" : identityType(signIn);

        begin();
        field("eventVersion", dataEvent ? "1.10" : pick(new String[] {"1.08", "1.09", "1.09", "1.10", "1.11"}));
        userIdentity();
        name("eventTime");
        time(now);
        field("eventSource", svc.source);
        field("eventName", eventName);
        field("awsRegion", region);
        sourceIp();
        userAgent();
        if (error != null) {
            errorFields();
        }
        requestParameters(signIn);
        responseElements(signIn);
        additionalEventData(signIn);
        name("requestID");
        if (svc.host.equals("s3")) {
            quoteOpen();
            randomChars(16, B32);
            quoteClose();
        } else {
            uuid();
        }
        name("eventID");
        uuid();
        if (!signIn || r.nextBoolean()) {
            name("readOnly");
            bool(readOnly);
        }
        resources();
        field("eventType", signIn ? "AwsConsoleSignIn" : serviceEvent ? "AwsServiceEvent" : "AwsApiCall");
        if (svc.host.equals("route53") || svc.host.equals("dynamodb") && r.nextBoolean()) {
            field("apiVersion", svc.host.equals("route53") ? "2013-04-01" : "2012-08-10");
        }
        name("managementEvent");
        bool(!dataEvent);
        field("recipientAccountId", account);
        if (serviceEvent) {
            name("serviceEventDetails");
            begin();
            field("eventSource", svc.source);
            field("rotationType", pick(new String[] {"AUTOMATIC", "ON_DEMAND"}));
            name("keyRotated");
            bool(r.nextBoolean());
            end();
        }
        if (identityType.equals("AWSService") || identityType.equals("AWSAccount") || r.nextInt(50) == 0) {
            name("sharedEventID");
            uuid();
        }
        if (r.nextInt(12) == 0) {
            name("vpcEndpointId");
            quoteOpen();
            ascii("vpce-");
            hexChars(17);
            quoteClose();
            if (r.nextBoolean()) {
                field("vpcEndpointAccountId", r.nextBoolean() ? account : pick(ACCOUNTS));
            }
        }
        field("eventCategory", dataEvent ? "Data" : "Management");
        if (identityType.equals("AssumedRole") && r.nextInt(6) == 0) {
            field("sessionCredentialFromConsole", "true");
        }
        if (!signIn && !serviceEvent && r.nextInt(100) < 88) {
            tlsDetails();
        }
        end();
    }

    private String identityType(boolean signIn) {
        int p = random.nextInt(100);
        if (signIn) {
            return p < 40 ? "IAMUser" : p < 55 ? "Root" : p < 90 ? "AssumedRole" : "Unknown";
        }
        if (p < 44) {
            return "AssumedRole";
        } else if (p < 58) {
            return "IAMUser";
        } else if (p < 70) {
            return "AWSService";
        } else if (p < 74) {
            return "Root";
        } else if (p < 78) {
            return "FederatedUser";
        } else if (p < 82) {
            return "AWSAccount";
        } else if (p < 87) {
            return "IdentityCenterUser";
        } else if (p < 90) {
            return "SAMLUser";
        } else if (p < 93) {
            return "WebIdentityUser";
        } else if (p < 96) {
            return "Role";
        } else if (p < 98) {
            return "Directory";
        }
        return "Unknown";
    }

    private void userIdentity() {
        SplittableRandom r = random;
        String acct = r.nextInt(10) == 0 ? pick(ACCOUNTS) : account;
        name("userIdentity");
        begin();
        field("type", identityType);
        switch (identityType) {
            case "Root":
                field("principalId", acct);
                callerArn = "arn:aws:iam::" + acct + ":root";
                field("arn", callerArn);
                field("accountId", acct);
                accessKey(r.nextInt(4) == 0 ? null : "ASIA");
                if (r.nextBoolean()) {
                    field("userName", "acme-" + pick(WORDS));
                }
                if (r.nextBoolean()) {
                    name("sessionContext");
                    begin();
                    sessionAttributes(true);
                    end();
                }
                break;
            case "IAMUser": {
                String user = pick(USERS);
                name("principalId");
                quoteOpen();
                ascii("AIDA");
                randomChars(17, B32);
                quoteClose();
                callerArn = "arn:aws:iam::" + acct + ":user/" + user;
                field("arn", callerArn);
                field("accountId", acct);
                accessKey(r.nextInt(3) == 0 ? "ASIA" : "AKIA");
                field("userName", user);
                if (r.nextInt(3) == 0) {
                    name("sessionContext");
                    begin();
                    name("sessionIssuer");
                    begin();
                    end();
                    name("webIdFederationData");
                    begin();
                    end();
                    sessionAttributes(r.nextBoolean());
                    end();
                }
                if (r.nextInt(8) == 0) {
                    field("invokedBy", pick(INVOKERS));
                }
                break;
            }
            case "AssumedRole": {
                String role = ROLES[skewed(ROLES.length)];
                String session = sessionName();
                String roleId = "AROA" + randomText(17, B32);
                field("principalId", roleId + ":" + session);
                callerArn = "arn:aws:sts::" + acct + ":assumed-role/" + role + "/" + session;
                field("arn", callerArn);
                field("accountId", acct);
                accessKey("ASIA");
                name("sessionContext");
                begin();
                name("sessionIssuer");
                begin();
                field("type", "Role");
                field("principalId", roleId);
                field(
                        "arn",
                        (role.startsWith("AWSReservedSSO")
                                        ? "arn:aws:iam::" + acct + ":role/aws-reserved/sso.amazonaws.com/"
                                        : role.startsWith("AWSServiceRole")
                                                ? "arn:aws:iam::" + acct + ":role/aws-service-role/"
                                                : "arn:aws:iam::" + acct + ":role/")
                                + role);
                field("accountId", acct);
                field("userName", role);
                end();
                name("webIdFederationData");
                begin();
                if (role.startsWith("eks") || role.startsWith("GitHub")) {
                    field(
                            "federatedProvider",
                            role.startsWith("eks")
                                    ? "arn:aws:iam::" + acct + ":oidc-provider/oidc.eks." + region
                                            + ".amazonaws.com/id/" + randomText(32, "0123456789ABCDEF")
                                    : "arn:aws:iam::" + acct + ":oidc-provider/token.actions.githubusercontent.com");
                    name("attributes");
                    begin();
                    if (role.startsWith("eks")) {
                        field(
                                "oidc.eks." + region + ".amazonaws.com/id/EXAMPLE:sub",
                                "system:serviceaccount:" + pick(WORDS) + ":" + pick(WORDS));
                        field("oidc.eks." + region + ".amazonaws.com/id/EXAMPLE:aud", "sts.amazonaws.com");
                    } else {
                        field(
                                "token.actions.githubusercontent.com:sub",
                                "repo:acme/" + pick(WORDS) + ":ref:refs/heads/main");
                        field("token.actions.githubusercontent.com:aud", "sts.amazonaws.com");
                    }
                    end();
                }
                end();
                sessionAttributes(r.nextInt(5) == 0);
                if (r.nextInt(10) == 0) {
                    field("sourceIdentity", r.nextInt(4) == 0 ? pick(UNICODE) : pick(SSO_USERS));
                }
                if (r.nextInt(7) == 0) {
                    field("ec2RoleDelivery", "2.0");
                    if (r.nextBoolean()) {
                        field("ec2IssuedInVPC", "vpc-" + randomText(17, HEX));
                    }
                }
                end();
                if (r.nextInt(12) == 0) {
                    field("invokedBy", pick(INVOKERS));
                }
                if (r.nextInt(25) == 0) {
                    name("inScopeOf");
                    begin();
                    field("issuerType", "AWS::Lambda::Function");
                    field(
                            "credentialsIssuedTo",
                            "arn:aws:lambda:" + region + ":" + acct + ":function:" + pick(FUNCTIONS));
                    end();
                }
                if (r.nextInt(40) == 0) {
                    name("invokedByDelegate");
                    begin();
                    field("accountId", pick(ACCOUNTS));
                    end();
                }
                break;
            }
            case "AWSService":
                field("invokedBy", pick(INVOKERS));
                if (r.nextInt(4) == 0) {
                    field("accountId", acct);
                }
                callerArn = null;
                break;
            case "FederatedUser": {
                String user = pick(USERS);
                String name = pick(WORDS) + "-" + r.nextInt(1000);
                field("principalId", acct + ":" + name);
                callerArn = "arn:aws:sts::" + acct + ":federated-user/" + name;
                field("arn", callerArn);
                field("accountId", acct);
                accessKey("ASIA");
                name("sessionContext");
                begin();
                name("sessionIssuer");
                begin();
                field("type", "IAMUser");
                field("principalId", "AIDA" + randomText(17, B32));
                field("arn", "arn:aws:iam::" + acct + ":user/" + user);
                field("accountId", acct);
                field("userName", user);
                end();
                name("webIdFederationData");
                begin();
                end();
                sessionAttributes(false);
                end();
                break;
            }
            case "AWSAccount":
                field("principalId", "AIDA" + randomText(17, B32));
                field("accountId", pick(ACCOUNTS));
                if (r.nextBoolean()) {
                    field("invokedBy", pick(INVOKERS));
                }
                callerArn = null;
                break;
            case "IdentityCenterUser":
                field("accountId", acct);
                name("onBehalfOf");
                begin();
                name("userId");
                quoteOpen();
                hexChars(10);
                put('-');
                uuidChars();
                quoteClose();
                field(
                        "identityStoreArn",
                        "arn:aws:identitystore::" + acct + ":identitystore/d-9067" + randomText(6, "0123456789"));
                end();
                name("credentialId");
                quoteOpen();
                randomChars(48, B64);
                quoteClose();
                callerArn = null;
                break;
            case "SAMLUser": {
                String user = pick(SSO_USERS);
                String idp = randomText(28, B64) + "=";
                field("principalId", idp + ":" + user);
                field("userName", user);
                field("identityProvider", idp);
                callerArn = null;
                break;
            }
            case "WebIdentityUser": {
                String sub = randomText(21, "0123456789");
                field(
                        "principalId",
                        "accounts.google.com:" + randomText(12, "0123456789") + "-example.apps.googleusercontent.com:"
                                + sub);
                field("userName", sub);
                field("identityProvider", "accounts.google.com");
                callerArn = null;
                break;
            }
            case "Role": {
                String role = pick(ROLES);
                field("principalId", "AROA" + randomText(17, B32));
                callerArn = "arn:aws:iam::" + acct + ":role/" + role;
                field("arn", callerArn);
                field("accountId", acct);
                field("userName", role);
                break;
            }
            case "Directory":
                field("principalId", "d-" + randomText(10, HEX) + ":" + pick(USERS));
                field("accountId", acct);
                field("userName", pick(USERS));
                callerArn = null;
                break;
            default: // Unknown
                field("principalId", r.nextBoolean() ? acct : "");
                field("accountId", acct);
                field("accessKeyId", "");
                field("userName", "HIDDEN_DUE_TO_SECURITY_REASONS");
                callerArn = null;
                break;
        }
        end();
    }

    private void accessKey(String prefix) {
        name("accessKeyId");
        quoteOpen();
        if (prefix != null) {
            ascii(prefix);
            randomChars(16, B32);
        }
        quoteClose();
    }

    private void sessionAttributes(boolean mfa) {
        name("attributes");
        begin();
        name("creationDate");
        time(now - random.nextInt(43_200));
        field("mfaAuthenticated", mfa ? "true" : "false");
        end();
    }

    private String sessionName() {
        switch (random.nextInt(6)) {
            case 0:
                return "aws-go-sdk-" + (1_700_000_000_000_000_000L + random.nextLong(100_000_000_000_000_000L));
            case 1:
                return "botocore-session-" + (1_700_000_000 + random.nextInt(30_000_000));
            case 2:
                return "i-0" + randomText(16, HEX);
            case 3:
                return pick(SSO_USERS);
            case 4:
                return "GitHubActions";
            default:
                return pick(WORDS) + "-" + randomText(8, HEX);
        }
    }

    private void sourceIp() {
        name("sourceIPAddress");
        switch (identityType) {
            case "AWSService":
                str(random.nextInt(4) == 0 ? "AWS Internal" : pick(INVOKERS));
                return;
            default:
                int p = random.nextInt(20);
                if (p == 0) {
                    str("AWS Internal");
                } else if (p == 1) {
                    quoteOpen();
                    ascii("2001:db8:");
                    hexChars(4);
                    put(':');
                    hexChars(4);
                    ascii("::");
                    hexChars(3);
                    quoteClose();
                } else {
                    quoteOpen();
                    digits(1 + random.nextInt(223));
                    put('.');
                    digits(random.nextInt(256));
                    put('.');
                    digits(random.nextInt(256));
                    put('.');
                    digits(random.nextInt(256));
                    quoteClose();
                }
        }
    }

    private void userAgent() {
        name("userAgent");
        if (identityType.equals("AWSService")) {
            str(pick(INVOKERS));
        } else if (svc.host.equals("signin")) {
            str(USER_AGENTS[5 + random.nextInt(2)]);
        } else if (random.nextInt(60) == 0) {
            // a locale in the agent, as some SDKs and consoles send
            quoteOpen();
            part(USER_AGENTS[skewed(USER_AGENTS.length)]);
            ascii(" lang/");
            part(pick(UNICODE));
            quoteClose();
        } else {
            str(USER_AGENTS[skewed(USER_AGENTS.length)]);
        }
    }

    private void errorFields() {
        field("errorCode", error);
        switch (error) {
            case "AccessDenied":
            case "AccessDeniedException":
                if (callerArn != null && random.nextBoolean()) {
                    name("errorMessage");
                    quoteOpen();
                    ascii("User: ");
                    part(callerArn);
                    ascii(" is not authorized to perform: ");
                    ascii(svc.arnService);
                    put(':');
                    ascii(eventName);
                    ascii(" on resource: arn:aws:");
                    ascii(svc.arnService);
                    put(':');
                    ascii(region);
                    put(':');
                    ascii(account);
                    ascii(":* because no identity-based policy allows the ");
                    ascii(svc.arnService);
                    put(':');
                    ascii(eventName);
                    ascii(" action");
                    quoteClose();
                } else {
                    field("errorMessage", "Access Denied");
                }
                return;
            case "Client.UnauthorizedOperation":
                name("errorMessage");
                quoteOpen();
                ascii("You are not authorized to perform this operation. Encoded authorization failure message: ");
                randomChars(200 + random.nextInt(400), B64);
                quoteClose();
                return;
            case "ThrottlingException":
                field("errorMessage", "Rate exceeded");
                return;
            case "NoSuchEntityException":
                field("errorMessage", "The role with name " + pick(ROLES) + " cannot be found.");
                return;
            case "ResourceNotFoundException":
                field("errorMessage", "Requested resource not found: Table: " + pick(TABLES) + " not found");
                return;
            case "ValidationException":
                name("errorMessage");
                quoteOpen();
                ascii("1 validation error detected: Value '");
                part(pick(UNICODE));
                part("' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                        + "[\\w+=,.@-]+");
                quoteClose();
                return;
            case "InvalidParameterValueException":
                name("errorMessage");
                quoteOpen();
                ascii("Value (");
                part(pick(NEEDS_ESCAPING));
                ascii(") for parameter groupName is invalid.");
                quoteClose();
                return;
            case "NoSuchBucket":
                field("errorMessage", "The specified bucket does not exist");
                return;
            case "ExpiredToken":
                field("errorMessage", "The security token included in the request is expired");
                return;
            case "KMSInvalidStateException":
                name("errorMessage");
                quoteOpen();
                ascii("arn:aws:kms:");
                ascii(region);
                put(':');
                ascii(account);
                ascii(":key/");
                uuidChars();
                ascii(" is pending deletion.");
                quoteClose();
                return;
            case "Client.DryRunOperation":
                field("errorMessage", "Request would have succeeded, but DryRun flag is set.");
                return;
            default: // some errors come without a message
                return;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Payloads
    // ---------------------------------------------------------------------------------------------------------------

    private void requestParameters(boolean signIn) {
        SplittableRandom r = random;
        name("requestParameters");
        if (signIn || r.nextInt(20) == 0) {
            nul();
            return;
        }
        begin();
        switch (svc.host) {
            case "s3":
                s3Parameters();
                break;
            case "sts":
                stsParameters();
                break;
            case "kms":
                kmsParameters();
                break;
            case "ec2":
                ec2Parameters();
                break;
            case "iam":
                iamParameters();
                break;
            case "lambda":
                name("functionName");
                quoteOpen();
                if (r.nextBoolean()) {
                    ascii("arn:aws:lambda:");
                    ascii(region);
                    put(':');
                    ascii(account);
                    ascii(":function:");
                }
                ascii(pick(FUNCTIONS));
                quoteClose();
                if (eventName.equals("Invoke")) {
                    field("invocationType", pick(new String[] {"RequestResponse", "Event", "DryRun"}));
                    field("logType", "None");
                } else {
                    genericMembers(r.nextInt(3));
                }
                break;
            case "dynamodb":
                field("tableName", pick(TABLES));
                if (dataEvent) {
                    name("key");
                    begin();
                    field("pk", "HIDDEN_DUE_TO_SECURITY_REASONS");
                    if (r.nextBoolean()) {
                        field("sk", "HIDDEN_DUE_TO_SECURITY_REASONS");
                    }
                    end();
                    name("consistentRead");
                    bool(r.nextBoolean());
                    if (r.nextBoolean()) {
                        field("returnConsumedCapacity", "TOTAL");
                    }
                } else {
                    genericMembers(r.nextInt(4));
                }
                break;
            case "ssm":
                if (eventName.equals("SendCommand")) {
                    name("instanceIds");
                    beginArray();
                    for (int i = 1 + r.nextInt(3); i > 0; i--) {
                        quoteOpen();
                        ascii("i-0");
                        hexChars(16);
                        quoteClose();
                    }
                    endArray();
                    field("documentName", "AWS-RunShellScript");
                    field("parameters", "HIDDEN_DUE_TO_SECURITY_REASONS");
                    name("interactive");
                    bool(false);
                } else {
                    field("name", "/" + pick(WORDS) + "/" + pick(WORDS) + "/db-password");
                    name("withDecryption");
                    bool(r.nextBoolean());
                }
                break;
            case "cloudtrail":
                if (eventName.equals("LookupEvents")) {
                    name("maxResults");
                    num(50);
                    name("lookupAttributes");
                    beginArray();
                    begin();
                    field("attributeKey", "EventName");
                    field("attributeValue", pick(SERVICES).names[0]);
                    end();
                    endArray();
                    name("startTime");
                    expiration(now - 86_400);
                } else {
                    field("name", "arn:aws:cloudtrail:" + region + ":" + account + ":trail/management-events");
                    genericMembers(r.nextInt(3));
                }
                break;
            default:
                name(svc.resourceKey);
                quoteOpen();
                part(pick(WORDS));
                put('-');
                part(r.nextInt(30) == 0 ? pick(UNICODE) : pick(WORDS));
                put('-');
                hexChars(6);
                quoteClose();
                genericMembers(r.nextInt(5));
                break;
        }
        end();
    }

    private void s3Parameters() {
        SplittableRandom r = random;
        String bucket = pick(BUCKETS);
        field("bucketName", bucket);
        name("Host");
        quoteOpen();
        ascii(bucket);
        ascii(".s3.");
        ascii(region);
        ascii(".amazonaws.com");
        quoteClose();
        if (dataEvent && !eventName.equals("ListObjects")) {
            name("key");
            s3Key();
            if (eventName.equals("UploadPart")) {
                field("partNumber", Integer.toString(1 + r.nextInt(40)));
                name("uploadId");
                quoteOpen();
                randomChars(64, B64);
                quoteClose();
            }
            if (r.nextInt(4) == 0) {
                field("x-id", eventName);
            }
        } else if (eventName.equals("ListObjects")) {
            field("list-type", "2");
            field("prefix", pick(WORDS) + "/");
            field("max-keys", "1000");
            field("encoding-type", "url");
        } else if (eventName.equals("PutBucketPolicy")) {
            name("bucketPolicy");
            begin();
            field("Version", "2012-10-17");
            name("Statement");
            beginArray();
            for (int i = 1 + r.nextInt(2); i > 0; i--) {
                begin();
                field("Sid", pick(WORDS) + i);
                field("Effect", r.nextInt(4) == 0 ? "Deny" : "Allow");
                name("Principal");
                begin();
                field("AWS", "arn:aws:iam::" + pick(ACCOUNTS) + ":root");
                end();
                name("Action");
                beginArray();
                str("s3:GetObject");
                str("s3:PutObject");
                endArray();
                field("Resource", "arn:aws:s3:::" + bucket + "/*");
                if (r.nextBoolean()) {
                    name("Condition");
                    begin();
                    name("Bool");
                    begin();
                    field("aws:SecureTransport", "false");
                    end();
                    end();
                }
                end();
            }
            endArray();
            end();
            name("policy");
            beginArray();
            str("");
            endArray();
        } else {
            // GetBucketAcl: {"bucketName":..., "Host":..., "bucketAcl":""}
            int verb = 1;
            while (!Character.isUpperCase(eventName.charAt(verb))) {
                verb++;
            }
            field(Character.toLowerCase(eventName.charAt(verb)) + eventName.substring(verb + 1), "");
        }
    }

    private void s3Key() {
        SplittableRandom r = random;
        quoteOpen();
        part(pick(WORDS));
        put('/');
        digits(2024);
        put('/');
        digits(10 + r.nextInt(3));
        put('/');
        int p = r.nextInt(40);
        if (p == 0) {
            part(pick(UNICODE));
        } else if (p == 1) {
            part(pick(NEEDS_ESCAPING));
        } else {
            part(pick(WORDS));
            put('-');
            hexChars(12);
        }
        ascii(pick(new String[] {".json.gz", ".parquet", ".csv", ".png", ".tar.gz", ""}));
        quoteClose();
    }

    private void stsParameters() {
        SplittableRandom r = random;
        switch (eventName) {
            case "AssumeRole":
            case "AssumeRoleWithWebIdentity":
            case "AssumeRoleWithSAML":
                field("roleArn", "arn:aws:iam::" + account + ":role/" + pick(ROLES));
                if (!eventName.equals("AssumeRoleWithSAML")) {
                    field("roleSessionName", sessionName());
                } else {
                    field("principalArn", "arn:aws:iam::" + account + ":saml-provider/Okta");
                }
                name("durationSeconds");
                num(r.nextBoolean() ? 3600 : 900 + r.nextInt(42_300));
                if (r.nextInt(8) == 0) {
                    field("externalId", randomText(24, B64));
                }
                if (r.nextInt(10) == 0) {
                    name("tags");
                    beginArray();
                    begin();
                    field("key", "team");
                    field("value", pick(UNICODE));
                    end();
                    begin();
                    field("key", "cost-center");
                    field("value", Integer.toString(1000 + r.nextInt(9000)));
                    end();
                    endArray();
                    name("transitiveTagKeys");
                    beginArray();
                    str("team");
                    endArray();
                }
                break;
            case "GetSessionToken":
                name("durationSeconds");
                num(43_200);
                if (r.nextBoolean()) {
                    field("serialNumber", "arn:aws:iam::" + account + ":mfa/" + pick(USERS));
                }
                break;
            case "DecodeAuthorizationMessage":
                name("encodedMessage");
                quoteOpen();
                randomChars(300, B64);
                quoteClose();
                break;
            default:
                genericMembers(r.nextInt(2));
                break;
        }
    }

    private void kmsParameters() {
        SplittableRandom r = random;
        if (eventName.equals("Decrypt") || eventName.startsWith("GenerateDataKey") || eventName.equals("Encrypt")) {
            if (!eventName.equals("Decrypt") || r.nextBoolean()) {
                field(
                        "keyId",
                        r.nextBoolean()
                                ? "alias/aws/s3"
                                : "arn:aws:kms:" + region + ":" + account
                                        + ":key/" + randomText(8, HEX) + "-" + randomText(4, HEX) + "-4"
                                        + randomText(3, HEX) + "-a"
                                        + randomText(3, HEX) + "-" + randomText(12, HEX));
            }
            field("encryptionAlgorithm", "SYMMETRIC_DEFAULT");
            if (eventName.startsWith("GenerateDataKey")) {
                field("keySpec", "AES_256");
            }
            name("encryptionContext");
            begin();
            switch (r.nextInt(4)) {
                case 0:
                    field(
                            "aws:s3:arn",
                            "arn:aws:s3:::" + pick(BUCKETS) + "/" + pick(WORDS) + "/part-0000" + r.nextInt(10)
                                    + ".parquet");
                    break;
                case 1:
                    field(
                            "aws:lambda:FunctionArn",
                            "arn:aws:lambda:" + region + ":" + account + ":function:" + pick(FUNCTIONS));
                    break;
                case 2:
                    field(
                            "SecretARN",
                            "arn:aws:secretsmanager:" + region + ":" + account + ":secret:" + pick(WORDS) + "/db-"
                                    + randomText(6, B64.substring(0, 62)));
                    field("SecretVersionId", randomUuid());
                    break;
                default:
                    field("aws:ebs:id", "vol-0" + randomText(16, HEX));
                    break;
            }
            end();
        } else {
            field("keyId", randomUuid());
            genericMembers(r.nextInt(4));
        }
    }

    private void ec2Parameters() {
        SplittableRandom r = random;
        switch (eventName) {
            case "RunInstances":
                name("instancesSet");
                begin();
                name("items");
                beginArray();
                begin();
                field("imageId", "ami-0" + randomText(16, HEX));
                name("minCount");
                num(1);
                name("maxCount");
                num(1 + r.nextInt(10));
                end();
                endArray();
                end();
                field("instanceType", pick(new String[] {"t3.micro", "m6i.large", "c7g.xlarge", "p4d.24xlarge"}));
                name("blockDeviceMapping");
                begin();
                end();
                name("monitoring");
                begin();
                name("enabled");
                bool(false);
                end();
                name("disableApiTermination");
                bool(r.nextBoolean());
                field("clientToken", randomUuid());
                name("tagSpecificationSet");
                begin();
                name("items");
                beginArray();
                begin();
                field("resourceType", "instance");
                name("tags");
                beginArray();
                begin();
                field("key", "Name");
                field("value", r.nextInt(8) == 0 ? pick(UNICODE) : pick(WORDS) + "-" + pick(WORDS));
                end();
                endArray();
                end();
                endArray();
                end();
                break;
            case "AuthorizeSecurityGroupIngress":
            case "RevokeSecurityGroupIngress":
                field("groupId", "sg-0" + randomText(16, HEX));
                name("ipPermissions");
                begin();
                name("items");
                beginArray();
                begin();
                field("ipProtocol", "tcp");
                int port = PORTS[r.nextInt(PORTS.length)];
                name("fromPort");
                num(port);
                name("toPort");
                num(port);
                name("groups");
                begin();
                end();
                name("ipRanges");
                begin();
                name("items");
                beginArray();
                begin();
                field("cidrIp", r.nextBoolean() ? "0.0.0.0/0" : "10." + r.nextInt(256) + ".0.0/16");
                if (r.nextBoolean()) {
                    field("description", r.nextInt(5) == 0 ? pick(NEEDS_ESCAPING) : "office VPN");
                }
                end();
                endArray();
                end();
                name("ipv6Ranges");
                begin();
                end();
                name("prefixListIds");
                begin();
                end();
                end();
                endArray();
                end();
                break;
            case "DescribeInstances":
                name("instancesSet");
                begin();
                if (r.nextBoolean()) {
                    name("items");
                    beginArray();
                    for (int i = 1 + r.nextInt(3); i > 0; i--) {
                        begin();
                        name("instanceId");
                        quoteOpen();
                        ascii("i-0");
                        hexChars(16);
                        quoteClose();
                        end();
                    }
                    endArray();
                }
                end();
                name("filterSet");
                begin();
                end();
                break;
            default:
                name("instanceId");
                quoteOpen();
                ascii("i-0");
                hexChars(16);
                quoteClose();
                genericMembers(r.nextInt(4));
                break;
        }
    }

    private void iamParameters() {
        SplittableRandom r = random;
        if (eventName.contains("Role")) {
            field("roleName", pick(ROLES));
            if (eventName.equals("CreateRole") || eventName.equals("UpdateAssumeRolePolicy")) {
                // a policy document is a string of JSON: many escaped quotes
                name("assumeRolePolicyDocument");
                quoteOpen();
                part("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Allow\", "
                        + "\"Principal\": {\"AWS\": \"arn:aws:iam::" + pick(ACCOUNTS) + ":root\"}, "
                        + "\"Action\": \"sts:AssumeRole\"}]\n}");
                quoteClose();
                if (r.nextBoolean()) {
                    name("description");
                    quoteOpen();
                    part("Role for ");
                    part(r.nextInt(3) == 0 ? pick(UNICODE) : pick(WORDS));
                    quoteClose();
                }
                name("maxSessionDuration");
                num(3600);
            } else if (eventName.endsWith("RolePolicy") || eventName.equals("AttachRolePolicy")) {
                field(
                        "policyArn",
                        "arn:aws:iam::aws:policy/"
                                + pick(new String[] {
                                    "AdministratorAccess", "ReadOnlyAccess", "AmazonS3FullAccess", "SecurityAudit"
                                }));
            }
        } else if (eventName.contains("Polic")) {
            field("policyArn", "arn:aws:iam::" + account + ":policy/" + pick(WORDS) + "-policy");
            if (r.nextBoolean()) {
                field("versionId", "v" + (1 + r.nextInt(5)));
            }
        } else if (eventName.startsWith("List") || eventName.startsWith("GetAccount")) {
            if (r.nextBoolean()) {
                name("maxItems");
                num(100);
            }
            genericMembers(r.nextInt(2));
        } else {
            field("userName", pick(USERS));
            if (eventName.contains("AccessKey") && !eventName.startsWith("Create")) {
                name("accessKeyId");
                quoteOpen();
                ascii("AKIA");
                randomChars(16, B32);
                quoteClose();
                if (eventName.startsWith("Update")) {
                    field("status", "Inactive");
                }
            } else if (eventName.contains("LoginProfile")) {
                name("passwordResetRequired");
                bool(r.nextBoolean());
            }
        }
    }

    private void responseElements(boolean signIn) {
        SplittableRandom r = random;
        name("responseElements");
        if (signIn) {
            if (eventName.equals("ConsoleLogin") || eventName.equals("SwitchRole")) {
                begin();
                field(eventName, error == null ? "Success" : "Failure");
                end();
            } else {
                nul();
            }
            return;
        }
        boolean credentials = svc.host.equals("sts")
                && (eventName.startsWith("AssumeRole")
                        || eventName.startsWith("GetSessionToken")
                        || eventName.startsWith("GetFederationToken"));
        if (error != null || readOnly && !credentials || r.nextInt(10) < 3) {
            nul();
            return;
        }
        begin();
        if (credentials) {
            name("credentials");
            begin();
            name("accessKeyId");
            quoteOpen();
            ascii("ASIA");
            randomChars(16, B32);
            quoteClose();
            name("sessionToken");
            quoteOpen();
            randomChars(360 + 4 * r.nextInt(60), B64);
            quoteClose();
            name("expiration");
            expiration(now + 3600);
            end();
            if (eventName.startsWith("AssumeRole")) {
                name("assumedRoleUser");
                begin();
                String session = sessionName();
                field("assumedRoleId", "AROA" + randomText(17, B32) + ":" + session);
                field("arn", "arn:aws:sts::" + account + ":assumed-role/" + pick(ROLES) + "/" + session);
                end();
                if (r.nextInt(5) == 0) {
                    name("packedPolicySize");
                    num(r.nextInt(100));
                }
            }
        } else if (svc.host.equals("ec2")) {
            name("requestId");
            uuid();
            name("_return");
            bool(true);
            if (r.nextBoolean()) {
                name("instancesSet");
                begin();
                name("items");
                beginArray();
                begin();
                name("instanceId");
                quoteOpen();
                ascii("i-0");
                hexChars(16);
                quoteClose();
                name("currentState");
                begin();
                name("code");
                num(16);
                field("name", "running");
                end();
                end();
                endArray();
                end();
            }
        } else {
            int k = 1 + r.nextInt(4);
            name(svc.resourceKey);
            quoteOpen();
            ascii("arn:aws:");
            ascii(svc.arnService);
            put(':');
            ascii(region);
            put(':');
            ascii(account);
            put(':');
            part(pick(WORDS));
            put('/');
            hexChars(12);
            quoteClose();
            genericMembers(k - 1);
        }
        end();
    }

    private void additionalEventData(boolean signIn) {
        SplittableRandom r = random;
        if (signIn && eventName.equals("ConsoleLogin")) {
            name("additionalEventData");
            begin();
            field(
                    "LoginTo",
                    "https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true&state="
                            + "hashArgsFromTB_" + region + "_" + randomText(16, HEX));
            field("MobileVersion", "No");
            field("MFAUsed", r.nextBoolean() ? "Yes" : "No");
            if (r.nextBoolean()) {
                field(
                        "MFAIdentifier",
                        "arn:aws:iam::" + account + ":u2f/user/" + pick(USERS) + "/default-" + randomText(26, B32));
            }
            end();
        } else if (svc.host.equals("s3") && r.nextInt(4) != 0) {
            name("additionalEventData");
            begin();
            field("SignatureVersion", "SigV4");
            field("CipherSuite", pick(CIPHERS));
            name("bytesTransferredIn");
            num(eventName.startsWith("Put") || eventName.equals("UploadPart") ? r.nextInt(50_000_000) : 0);
            field("AuthenticationMethod", r.nextInt(10) == 0 ? "QueryString" : "AuthHeader");
            name("x-amz-id-2");
            quoteOpen();
            randomChars(76, B64);
            quoteClose();
            name("bytesTransferredOut");
            if (r.nextInt(50) == 0) {
                rawNumber("1.0E7"); // seen in real logs: a float where an integer is expected
            } else {
                num(eventName.startsWith("Get") ? r.nextLong(5_000_000_000L) : 0);
            }
            end();
        } else if (svc.host.equals("lambda") && eventName.equals("Invoke")) {
            name("additionalEventData");
            begin();
            field(
                    "functionVersion",
                    "arn:aws:lambda:" + region + ":" + account + ":function:" + pick(FUNCTIONS) + ":$LATEST");
            end();
        } else if (r.nextInt(40) == 0) {
            name("additionalEventData");
            begin();
            genericMembers(1 + r.nextInt(3));
            end();
        }
    }

    private void resources() {
        SplittableRandom r = random;
        String type;
        String arn;
        switch (svc.host) {
            case "s3":
                if (!dataEvent && r.nextBoolean()) {
                    return;
                }
                type = "AWS::S3::Bucket";
                arn = "arn:aws:s3:::" + pick(BUCKETS);
                break;
            case "kms":
                type = "AWS::KMS::Key";
                arn = "arn:aws:kms:" + region + ":" + account + ":key/" + randomUuid();
                break;
            case "sts":
                if (!eventName.startsWith("AssumeRole")) {
                    return;
                }
                type = "AWS::IAM::Role";
                arn = "arn:aws:iam::" + account + ":role/" + pick(ROLES);
                break;
            case "lambda":
                type = "AWS::Lambda::Function";
                arn = "arn:aws:lambda:" + region + ":" + account + ":function:" + pick(FUNCTIONS);
                break;
            case "dynamodb":
                type = "AWS::DynamoDB::Table";
                arn = "arn:aws:dynamodb:" + region + ":" + account + ":table/" + pick(TABLES);
                break;
            default:
                if (r.nextInt(10) != 0) {
                    return;
                }
                type = "AWS::" + Character.toUpperCase(svc.arnService.charAt(0)) + svc.arnService.substring(1)
                        + "::Resource";
                arn = "arn:aws:" + svc.arnService + ":" + region + ":" + account + ":" + pick(WORDS) + "/"
                        + randomText(8, HEX);
                break;
        }
        name("resources");
        beginArray();
        if (svc.host.equals("s3") && dataEvent) {
            begin();
            field("type", "AWS::S3::Object");
            if (eventName.equals("ListObjects") || r.nextInt(6) == 0) {
                field("ARNPrefix", arn + "/" + pick(WORDS) + "/");
            } else {
                field("ARN", arn + "/" + pick(WORDS) + "/" + randomText(12, HEX) + ".json.gz");
            }
            end();
        }
        begin();
        if (r.nextInt(8) != 0) {
            field("accountId", account);
        }
        field("type", type);
        field("ARN", arn);
        end();
        endArray();
    }

    private void tlsDetails() {
        SplittableRandom r = random;
        name("tlsDetails");
        begin();
        String cipher = pick(CIPHERS);
        field("tlsVersion", cipher.startsWith("TLS_") ? "TLSv1.3" : "TLSv1.2");
        field("cipherSuite", cipher);
        name("clientProvidedHostHeader");
        quoteOpen();
        if (svc.host.equals("s3") && r.nextBoolean()) {
            ascii(pick(BUCKETS));
            ascii(".s3.");
        } else {
            ascii(svc.host);
            put('.');
        }
        ascii(region);
        ascii(".amazonaws.com");
        quoteClose();
        if (r.nextInt(5) == 0) {
            field("keyExchange", pick(new String[] {"x25519", "secp256r1", "X25519MLKEM768"}));
        }
        end();
    }

    /** {@code count} members with distinct names from {@link #GENERIC_KEYS}, values of any kind. */
    private void genericMembers(int count) {
        int n = GENERIC_KEYS.length;
        int start = random.nextInt(n);
        int step = 1 + random.nextInt(n - 1);
        for (int i = 0; i < count; i++) {
            name(GENERIC_KEYS[(start + i * step) % n]);
            genericValue(1);
        }
    }

    private void genericValue(int depth) {
        SplittableRandom r = random;
        switch (r.nextInt(depth >= 3 ? 7 : 11)) {
            case 0:
            case 1:
                genericString();
                break;
            case 2:
                num(r.nextInt(3) == 0 ? -r.nextInt(1000) : r.nextLong(1L << r.nextInt(1, 62)));
                break;
            case 3:
                rawNumber(pick(NUMBER_TEXTS));
                break;
            case 4:
                bool(r.nextBoolean());
                break;
            case 5:
                nul();
                break;
            case 6:
                genericString();
                break;
            case 7:
            case 8:
                begin();
                genericMembers(r.nextInt(4));
                end();
                break;
            default:
                beginArray();
                int kind = r.nextInt(3);
                for (int i = r.nextInt(5); i > 0; i--) {
                    if (kind == 0) {
                        genericString();
                    } else if (kind == 1) {
                        begin();
                        field("key", pick(WORDS));
                        name("value");
                        genericValue(depth + 1);
                        end();
                    } else {
                        genericValue(depth + 1);
                    }
                }
                endArray();
                break;
        }
    }

    private void genericString() {
        SplittableRandom r = random;
        int p = r.nextInt(40);
        if (p < 3) {
            str(pick(UNICODE));
        } else if (p < 4) {
            str(pick(NEEDS_ESCAPING));
        } else if (p < 5) {
            str("");
        } else if (p < 8) {
            quoteOpen();
            ascii("arn:aws:");
            ascii(svc.arnService);
            put(':');
            ascii(region);
            put(':');
            ascii(account);
            put(':');
            ascii(pick(WORDS));
            put('/');
            hexChars(10);
            quoteClose();
        } else if (p < 10) {
            time(now - r.nextInt(1_000_000));
        } else if (p < 12) {
            quoteOpen();
            randomChars(20 + r.nextInt(60), B64);
            quoteClose();
        } else {
            quoteOpen();
            ascii(pick(WORDS));
            put('-');
            ascii(pick(WORDS));
            if (r.nextBoolean()) {
                put('-');
                digits(r.nextInt(100));
            }
            quoteClose();
        }
    }

    /** A time as the {@code expiration} of STS credentials and the times of some requests: {@code Jan 1, 2024, 1:00:00 AM}. */
    private void expiration(long epochSecond) {
        long days = Math.floorDiv(epochSecond, 86_400);
        int secs = Math.floorMod(epochSecond, 86_400);
        long[] ymd = civil(days);
        quoteOpen();
        ascii(MONTHS[(int) ymd[1] - 1]);
        put(' ');
        digits(ymd[2]);
        ascii(", ");
        digits(ymd[0]);
        ascii(", ");
        int h = secs / 3600;
        digits(h % 12 == 0 ? 12 : h % 12);
        put(':');
        pad2(secs / 60 % 60);
        put(':');
        pad2(secs % 60);
        ascii(h < 12 ? " AM" : " PM");
        quoteClose();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // A minimal JSON writer into buf
    // ---------------------------------------------------------------------------------------------------------------

    private int skewed(int n) {
        double u = random.nextDouble();
        return (int) (n * u * u);
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private Service pick(Service[] options) {
        return options[random.nextInt(options.length)];
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    private void put(char c) {
        ensure(1);
        buf[len++] = (byte) c;
    }

    private void separate() {
        if (comma) {
            put(',');
        }
    }

    private void begin() {
        separate();
        put('{');
        comma = false;
    }

    private void end() {
        put('}');
        comma = true;
    }

    private void beginArray() {
        separate();
        put('[');
        comma = false;
    }

    private void endArray() {
        put(']');
        comma = true;
    }

    private void name(String name) {
        separate();
        put('"');
        ascii(name);
        ascii("\":");
        comma = false;
    }

    private void field(String name, String value) {
        name(name);
        str(value);
    }

    private void str(String s) {
        quoteOpen();
        part(s);
        quoteClose();
    }

    /** Starts a string value whose text follows in {@link #ascii} and {@link #part} calls, then {@link #quoteClose}. */
    private void quoteOpen() {
        separate();
        put('"');
    }

    private void quoteClose() {
        put('"');
        comma = true;
    }

    private void num(long v) {
        separate();
        digits(v);
        comma = true;
    }

    private void rawNumber(String text) {
        separate();
        ascii(text);
        comma = true;
    }

    private void bool(boolean v) {
        separate();
        ascii(v ? "true" : "false");
        comma = true;
    }

    private void nul() {
        separate();
        ascii("null");
        comma = true;
    }

    /** Text known to be printable ASCII without quotes or backslashes, copied as is. */
    private void ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    /** Any text, JSON-escaped, as UTF-8 (or backslash-u escapes in records that escape non-ASCII). */
    private void part(String s) {
        int n = s.length();
        ensure(6 * n);
        byte[] b = buf;
        int at = len;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    b[at++] = (byte) c;
                } else {
                    b[at++] = '\\';
                    switch (c) {
                        case '"':
                            b[at++] = '"';
                            break;
                        case '\\':
                            b[at++] = '\\';
                            break;
                        case '\n':
                            b[at++] = 'n';
                            break;
                        case '\r':
                            b[at++] = 'r';
                            break;
                        case '\t':
                            b[at++] = 't';
                            break;
                        case '\b':
                            b[at++] = 'b';
                            break;
                        case '\f':
                            b[at++] = 'f';
                            break;
                        default:
                            at = unicodeEscape(b, at, c);
                    }
                }
            } else if (escapeNonAscii) {
                b[at++] = '\\';
                at = unicodeEscape(b, at, c);
            } else if (c < 0x800) {
                b[at++] = (byte) (0xC0 | c >> 6);
                b[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[at++] = (byte) (0xF0 | cp >> 18);
                b[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
                b[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[at++] = (byte) (0x80 | cp & 0x3F);
            } else {
                b[at++] = (byte) (0xE0 | c >> 12);
                b[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        len = at;
    }

    /** Writes {@code uXXXX} (the backslash is already written). */
    private static int unicodeEscape(byte[] b, int at, char c) {
        b[at++] = 'u';
        b[at++] = (byte) HEX.charAt(c >> 12 & 0xF);
        b[at++] = (byte) HEX.charAt(c >> 8 & 0xF);
        b[at++] = (byte) HEX.charAt(c >> 4 & 0xF);
        b[at++] = (byte) HEX.charAt(c & 0xF);
        return at;
    }

    private void digits(long v) {
        if (v < 0) {
            put('-');
            if (v == Long.MIN_VALUE) {
                ascii("9223372036854775808");
                return;
            }
            v = -v;
        }
        ensure(19);
        int start = len;
        do {
            buf[len++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
        for (int i = start, j = len - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
    }

    private void pad2(int v) {
        put((char) ('0' + v / 10));
        put((char) ('0' + v % 10));
    }

    private void randomChars(int n, String alphabet) {
        ensure(n);
        int k = alphabet.length();
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) alphabet.charAt(random.nextInt(k));
        }
    }

    private String randomText(int n, String alphabet) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return new String(c);
    }

    private void hexChars(int n) {
        ensure(n);
        long bits = 0;
        for (int i = 0; i < n; i++) {
            if (i % 16 == 0) {
                bits = random.nextLong();
            }
            buf[len++] = (byte) HEX.charAt((int) (bits & 0xF));
            bits >>>= 4;
        }
    }

    private void uuid() {
        quoteOpen();
        uuidChars();
        quoteClose();
    }

    private void uuidChars() {
        hexChars(8);
        put('-');
        hexChars(4);
        ascii("-4");
        hexChars(3);
        put('-');
        put("89ab".charAt(random.nextInt(4)));
        hexChars(3);
        put('-');
        hexChars(12);
    }

    private String randomUuid() {
        int mark = len;
        boolean c = comma;
        comma = false;
        uuidChars();
        String s = new String(buf, mark, len - mark, java.nio.charset.StandardCharsets.US_ASCII);
        len = mark;
        comma = c;
        return s;
    }

    /** An ISO 8601 UTC time such as {@code 2024-01-31T23:59:59Z}, as {@link java.time.Instant#toString} writes it. */
    private void time(long epochSecond) {
        long days = Math.floorDiv(epochSecond, 86_400);
        int secs = Math.floorMod(epochSecond, 86_400);
        long[] ymd = civil(days);
        quoteOpen();
        digits(ymd[0]);
        put('-');
        pad2((int) ymd[1]);
        put('-');
        pad2((int) ymd[2]);
        put('T');
        pad2(secs / 3600);
        put(':');
        pad2(secs / 60 % 60);
        put(':');
        pad2(secs % 60);
        put('Z');
        quoteClose();
    }

    /** Year, month, day of a day count since 1970-01-01 (H. Hinnant's civil_from_days; years 0 to 9999 here). */
    private static long[] civil(long days) {
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp < 10 ? mp + 3 : mp - 9;
        long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
        return new long[] {y, m, d};
    }
}
