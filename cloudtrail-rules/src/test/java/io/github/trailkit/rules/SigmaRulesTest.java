package io.github.trailkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailLog;
import io.github.trailkit.model.CloudTrailRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Real SigmaHQ CloudTrail rules against records that should and should not match, and what the reader refuses. */
final class SigmaRulesTest {

    static Rule load(String name) {
        try (InputStream in = SigmaRulesTest.class.getResourceAsStream("/sigma/" + name)) {
            return SigmaRules.read(in, name);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String record(String identityType, String arn, String eventSource, String eventName, String extra) {
        return "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"" + identityType + "\","
                + "\"principalId\":\"AIDAEXAMPLE:session\",\"arn\":\"" + arn + "\",\"accountId\":\"111122223333\"},"
                + "\"eventTime\":\"2024-06-03T08:09:10Z\",\"eventSource\":\"" + eventSource + "\","
                + "\"eventName\":\"" + eventName + "\",\"awsRegion\":\"us-east-1\","
                + "\"requestID\":\"0b1c2d3e-0000-4000-8000-00000000000a\",\"eventID\":\"9f8e7d6c-0000-4000-8000-00000000000b\","
                + "\"readOnly\":false,\"managementEvent\":true,\"recipientAccountId\":\"111122223333\","
                + "\"eventCategory\":\"Management\""
                + (extra.contains("\"eventType\"") ? "" : ",\"eventType\":\"AwsApiCall\"")
                + (extra.contains("\"sourceIPAddress\"") ? "" : ",\"sourceIPAddress\":\"198.51.100.23\"")
                + (extra.contains("\"userAgent\"") ? "" : ",\"userAgent\":\"aws-cli/2.15.30 Python/3.11.8\"")
                + extra + "}";
    }

    static final String USER = "arn:aws:iam::111122223333:user/alice";
    static final String INSTANCE_ROLE = "arn:aws:sts::111122223333:assumed-role/aws:ec2-instance/i-0abc123def4567890";

    static Stream<Arguments> cases() {
        String policy = "{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\","
                + "\\\"Action\\\":[\\\"s3:GetObject\\\",\\\"s3:PutObject\\\"],"
                + "\\\"Resource\\\":[\\\"arn:aws:s3:::<YOUR-BUCKET-NAME>/*\\\"]}]}";
        return Stream.of(
                Arguments.of(
                        "aws_cloudtrail_console_login_success_without_mfa.yml",
                        true,
                        record(
                                "IAMUser",
                                USER,
                                "signin.amazonaws.com",
                                "ConsoleLogin",
                                ",\"eventType\":\"AwsConsoleSignIn\",\"responseElements\":{\"ConsoleLogin\":\"Success\"},"
                                        + "\"additionalEventData\":{\"MFAUsed\":\"No\",\"MobileVersion\":\"No\"}")),
                Arguments.of(
                        "aws_cloudtrail_console_login_success_without_mfa.yml",
                        false,
                        record(
                                "IAMUser",
                                USER,
                                "signin.amazonaws.com",
                                "ConsoleLogin",
                                ",\"eventType\":\"AwsConsoleSignIn\",\"responseElements\":{\"ConsoleLogin\":\"Success\"},"
                                        + "\"additionalEventData\":{\"MFAUsed\":\"Yes\",\"MobileVersion\":\"No\"}")),
                Arguments.of(
                        "aws_cloudtrail_disable_logging.yml",
                        true,
                        record(
                                "IAMUser",
                                USER,
                                "cloudtrail.amazonaws.com",
                                "DeleteTrail",
                                ",\"requestParameters\":{\"name\":\"management-events\"},\"responseElements\":null")),
                Arguments.of(
                        "aws_cloudtrail_disable_logging.yml",
                        false,
                        record(
                                "IAMUser",
                                USER,
                                "cloudtrail.amazonaws.com",
                                "StartLogging",
                                ",\"requestParameters\":{\"name\":\"management-events\"},\"responseElements\":null")),
                Arguments.of(
                        "aws_cloudtrail_guardduty_detector_deleted_or_updated.yml",
                        true,
                        record(
                                "IAMUser",
                                USER,
                                "guardduty.amazonaws.com",
                                "UpdateDetector",
                                ",\"requestParameters\":{\"detectorId\":\"12abc34d567e8fa901bc2d34e56789f0\",\"enable\":false}")),
                Arguments.of(
                        "aws_cloudtrail_guardduty_detector_deleted_or_updated.yml",
                        true,
                        record(
                                "IAMUser",
                                USER,
                                "guardduty.amazonaws.com",
                                "DeleteDetector",
                                ",\"requestParameters\":{\"detectorId\":\"12abc34d567e8fa901bc2d34e56789f0\"}")),
                Arguments.of(
                        "aws_cloudtrail_guardduty_detector_deleted_or_updated.yml",
                        false,
                        record(
                                "IAMUser",
                                USER,
                                "guardduty.amazonaws.com",
                                "DeleteDetector",
                                ",\"errorCode\":\"AccessDenied\",\"requestParameters\":{\"detectorId\":\"12abc\"}")),
                Arguments.of(
                        "aws_cloudtrail_guardduty_detector_deleted_or_updated.yml",
                        false,
                        record(
                                "IAMUser",
                                USER,
                                "guardduty.amazonaws.com",
                                "UpdateDetector",
                                ",\"requestParameters\":{\"detectorId\":\"12abc\",\"enable\":true}")),
                Arguments.of(
                        "aws_cloudtrail_imds_malicious_usage.yml",
                        true,
                        record(
                                "AssumedRole",
                                INSTANCE_ROLE,
                                "s3.amazonaws.com",
                                "ListBuckets",
                                ",\"sourceIPAddress\":\"203.0.113.99\"")),
                Arguments.of(
                        "aws_cloudtrail_imds_malicious_usage.yml",
                        false,
                        record(
                                "AssumedRole",
                                INSTANCE_ROLE,
                                "s3.amazonaws.com",
                                "ListBuckets",
                                ",\"sourceIPAddress\":\"AWS Internal\"")),
                Arguments.of(
                        "aws_cloudtrail_imds_malicious_usage.yml",
                        false,
                        record(
                                "AssumedRole",
                                "arn:aws:sts::111122223333:assumed-role/Admin/alice",
                                "s3.amazonaws.com",
                                "ListBuckets",
                                "")),
                Arguments.of(
                        "aws_ec2_vm_export_failure.yml",
                        true,
                        record(
                                "IAMUser",
                                USER,
                                "ec2.amazonaws.com",
                                "CreateInstanceExportTask",
                                ",\"responseElements\":{\"exportTask\":{\"exportTaskId\":\"export-i-0abc\",\"state\":\"active\"}}")),
                Arguments.of(
                        "aws_ec2_vm_export_failure.yml",
                        false,
                        record(
                                "IAMUser",
                                USER,
                                "ec2.amazonaws.com",
                                "CreateInstanceExportTask",
                                ",\"errorCode\":\"Client.NotExportable\",\"errorMessage\":\"The instance is not exportable\"")),
                Arguments.of(
                        "aws_ecs_task_definition_cred_endpoint_query.yml",
                        true,
                        record(
                                "IAMUser",
                                USER,
                                "ecs.amazonaws.com",
                                "RegisterTaskDefinition",
                                ",\"requestParameters\":{\"family\":\"web\",\"containerDefinitions\":[{\"name\":\"web\","
                                        + "\"image\":\"nginx\",\"command\":[\"sh\",\"-c\","
                                        + "\"curl 169.254.170.2$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI\"]}]}")),
                Arguments.of(
                        "aws_ecs_task_definition_cred_endpoint_query.yml",
                        false,
                        record(
                                "IAMUser",
                                USER,
                                "ecs.amazonaws.com",
                                "RegisterTaskDefinition",
                                ",\"requestParameters\":{\"family\":\"web\",\"containerDefinitions\":[{\"name\":\"web\","
                                        + "\"image\":\"nginx\",\"command\":[\"nginx\",\"-g\",\"daemon off;\"]}]}")),
                // the filter compares with a literal string, so every CreateAccessKey matches (a known upstream slip)
                Arguments.of(
                        "aws_iam_backdoor_users_keys.yml",
                        true,
                        record(
                                "IAMUser",
                                USER,
                                "iam.amazonaws.com",
                                "CreateAccessKey",
                                ",\"requestParameters\":{\"userName\":\"bob\"},"
                                        + "\"responseElements\":{\"accessKey\":{\"userName\":\"bob\",\"status\":\"Active\"}}")),
                Arguments.of(
                        "aws_iam_backdoor_users_keys.yml",
                        false,
                        record(
                                "IAMUser",
                                USER,
                                "iam.amazonaws.com",
                                "CreateUser",
                                ",\"requestParameters\":{\"userName\":\"bob\"}")),
                Arguments.of(
                        "aws_iam_s3browser_templated_s3_bucket_policy_creation.yml",
                        true,
                        record(
                                "IAMUser",
                                USER,
                                "iam.amazonaws.com",
                                "PutUserPolicy",
                                ",\"userAgent\":\"S3 Browser 11.5.7 https://s3browser.com\","
                                        + "\"requestParameters\":{\"userName\":\"bob\",\"policyName\":\"s3\","
                                        + "\"policyDocument\":\"" + policy + "\"}")),
                Arguments.of(
                        "aws_iam_s3browser_templated_s3_bucket_policy_creation.yml",
                        false,
                        record(
                                "IAMUser",
                                USER,
                                "iam.amazonaws.com",
                                "PutUserPolicy",
                                ",\"userAgent\":\"S3 Browser 11.5.7 https://s3browser.com\","
                                        + "\"requestParameters\":{\"userName\":\"bob\",\"policyName\":\"s3\","
                                        + "\"policyDocument\":\"" + policy.replace("<YOUR-BUCKET-NAME>", "prod-data")
                                        + "\"}")),
                Arguments.of(
                        "aws_new_lambda_layer_attached.yml",
                        true,
                        record(
                                "IAMUser",
                                USER,
                                "lambda.amazonaws.com",
                                "UpdateFunctionConfiguration20150331v2",
                                ",\"requestParameters\":{\"functionName\":\"billing\","
                                        + "\"layers\":[\"arn:aws:lambda:us-east-1:111122223333:layer:ext:3\"]}")),
                Arguments.of(
                        "aws_new_lambda_layer_attached.yml",
                        false,
                        record(
                                "IAMUser",
                                USER,
                                "lambda.amazonaws.com",
                                "UpdateFunctionConfiguration20150331v2",
                                ",\"requestParameters\":{\"functionName\":\"billing\",\"timeout\":30}")),
                Arguments.of(
                        "aws_root_account_usage.yml",
                        true,
                        record("Root", "arn:aws:iam::111122223333:root", "iam.amazonaws.com", "CreateUser", "")),
                Arguments.of(
                        "aws_root_account_usage.yml",
                        false,
                        record(
                                "Root",
                                "arn:aws:iam::111122223333:root",
                                "kms.amazonaws.com",
                                "RotateKey",
                                ",\"eventType\":\"AwsServiceEvent\"")),
                Arguments.of(
                        "aws_sts_getcalleridentity_trufflehog.yml",
                        true,
                        record(
                                "IAMUser",
                                USER,
                                "sts.amazonaws.com",
                                "GetCallerIdentity",
                                ",\"userAgent\":\"TruffleHog/3.63.2 aws-sdk-go/1.50.0\"")),
                Arguments.of(
                        "aws_sts_getcalleridentity_trufflehog.yml",
                        false,
                        record("IAMUser", USER, "sts.amazonaws.com", "GetCallerIdentity", "")),
                Arguments.of(
                        "aws_susp_saml_activity.yml",
                        true,
                        record(
                                "SAMLUser",
                                "arn:aws:sts::111122223333:assumed-role/Saml/alice",
                                "sts.amazonaws.com",
                                "AssumeRoleWithSAML",
                                "")),
                Arguments.of(
                        "aws_susp_saml_activity.yml",
                        true,
                        record("IAMUser", USER, "iam.amazonaws.com", "UpdateSAMLProvider", "")),
                Arguments.of(
                        "aws_susp_saml_activity.yml",
                        false,
                        record("IAMUser", USER, "sts.amazonaws.com", "AssumeRole", "")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("cases")
    void sigmaHqRules(String file, boolean expected, String json) {
        Rule rule = load(file);
        CloudTrailRecord record = CloudTrail.reader().readRecord(json);
        assertThat(rule.matches(record)).as(() -> rule.explain(record)).isEqualTo(expected);
    }

    @Test
    void everySupportedRuleHasCasesBothWays() throws IOException {
        List<String> files = new ArrayList<>();
        try (var dir = java.nio.file.Files.list(java.nio.file.Path.of("src/test/resources/sigma"))) {
            dir.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yml"))
                    .forEach(files::add);
        }
        assertThat(files).hasSize(12);
        for (String f : files) {
            assertThat(cases().filter(a -> a.get()[0].equals(f)).map(a -> a.get()[1]))
                    .as(f)
                    .contains(true, false);
        }
    }

    @Test
    void realDetonationsMatch() throws IOException {
        assertThat(findings("aws_cloudtrail_disable_logging.yml", "aws.defense-evasion.cloudtrail-stop"))
                .isEqualTo(1);
        assertThat(findings("aws_cloudtrail_disable_logging.yml", "aws.defense-evasion.cloudtrail-delete"))
                .isEqualTo(1);
        assertThat(findings(
                        "aws_cloudtrail_console_login_success_without_mfa.yml",
                        "aws.initial-access.console-login-without-mfa"))
                .isEqualTo(1);
        assertThat(findings("aws_cloudtrail_disable_logging.yml", "aws.defense-evasion.organizations-leave"))
                .isZero();
    }

    private static int findings(String rule, String technique) throws IOException {
        Rule r = load(rule);
        int n = 0;
        try (InputStream in = SigmaRulesTest.class.getResourceAsStream("/real-logs/" + technique + ".json.gz");
                CloudTrailLog log = CloudTrail.reader().read(in, technique)) {
            for (CloudTrailRecord record : log) {
                n += r.matches(record) ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void metadataIsKept() {
        Rule r = load("aws_cloudtrail_guardduty_detector_deleted_or_updated.yml");
        assertThat(r.id()).isEqualTo("d2656e78-c069-4571-8220-9e0ab5913f19");
        assertThat(r.title()).isEqualTo("AWS GuardDuty Detector Deleted Or Updated");
        assertThat(r.severity()).isEqualTo(Severity.HIGH);
        assertThat(r.tags()).contains("attack.defense-impairment");
        assertThat(r.description()).get().asString().contains("Sigma rule by suktech24, Detection Rule License 1.1.");
    }

    @Test
    void fieldrefComparesTwoFieldsOfTheRecord() {
        Rule self = inline("  selection:\n    eventName: CreateAccessKey\n"
                + "  filter:\n    requestParameters.userName|fieldref: userIdentity.userName\n"
                + "  condition: selection and not filter\n");
        String forBob = ",\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":\"alice\"},"
                + "\"requestParameters\":{\"userName\":\"bob\"}}";
        CloudTrailRecord other = CloudTrail.reader().readRecord("{\"eventName\":\"CreateAccessKey\"" + forBob);
        CloudTrailRecord own = CloudTrail.reader()
                .readRecord("{\"eventName\":\"CreateAccessKey\"" + forBob.replace("\"bob\"", "\"ALICE\""));
        assertThat(self.matches(other)).as(() -> self.explain(other)).isTrue();
        assertThat(self.matches(own)).as("ignores case, as Sigma values do").isFalse();
        Rule cased = inline("  filter:\n    requestParameters.userName|fieldref|cased: userIdentity.userName\n"
                + "  condition: filter\n");
        assertThat(cased.matches(own)).isFalse();
        assertThat(cased.matches(CloudTrail.reader()
                        .readRecord("{\"eventName\":\"CreateAccessKey\"" + forBob.replace("\"bob\"", "\"alice\""))))
                .isTrue();
        // SigmaHQ's rule, once refused for its fieldref: the user's ARN is never a user name, so the filter never holds
        Rule upstream = load("unsupported/aws_update_login_profile.yml");
        assertThat(upstream.attackTechniques()).containsExactly("T1098");
        assertThat(upstream.attackTactics())
                .containsExactly(AttackTactic.PERSISTENCE, AttackTactic.PRIVILEGE_ESCALATION);
        assertThat(upstream.references())
                .containsExactly("https://github.com/RhinoSecurityLabs/AWS-IAM-Privilege-Escalation");
        CloudTrailRecord update = CloudTrail.reader()
                .readRecord(record(
                        "IAMUser",
                        USER,
                        "iam.amazonaws.com",
                        "UpdateLoginProfile",
                        ",\"requestParameters\":{\"userName\":\"bob\"}"));
        assertThat(upstream.matches(update)).isTrue();
        assertThatThrownBy(() -> inline("  f:\n    a|fieldref: 'b..c'\n  condition: f\n"))
                .hasMessageContaining("a|fieldref");
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(
                        "count_aggregation.yml",
                        9,
                        "aggregation in the condition (\"| count() by userIdentity.arn > 10\") is not supported"),
                Arguments.of("correlation.yml", 1, "Sigma correlation rules are not supported"),
                Arguments.of("keywords.yml", 8, "keywords is a keyword list (values without field names)"),
                Arguments.of(
                        "other_logsource.yml",
                        4,
                        "only logsource product: aws, service: cloudtrail is supported, found product: windows, category: process_creation"),
                Arguments.of("base64_modifier.yml", 9, "the modifier \"base64\""),
                Arguments.of("timeframe.yml", 7, "timeframe (an aggregation window) is not supported"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void unsupportedRulesAreRefusedWithTheFileAndWhat(String file, int line, String message) {
        assertThatThrownBy(() -> load("unsupported/" + file)).isInstanceOfSatisfying(RuleDocumentException.class, e -> {
            assertThat(e.problems()).hasSize(1);
            RuleDocumentProblem p = e.problems().get(0);
            assertThat(p.source()).isEqualTo("unsupported/" + file);
            assertThat(p.message()).contains(message);
            assertThat(p.line()).as(p.toString()).isEqualTo(line);
        });
    }

    private static Rule inline(String detection) {
        String yaml =
                "title: t\nid: 'my rule #1'\nlevel: informational\nlogsource:\n  product: aws\n  service: cloudtrail\n"
                        + "detection:\n" + detection;
        return SigmaRules.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "inline.yml");
    }

    private static final CloudTrailRecord SAMPLE = CloudTrail.reader()
            .readRecord(record(
                    "IAMUser",
                    USER,
                    "ec2.amazonaws.com",
                    "AuthorizeSecurityGroupIngress",
                    ",\"requestParameters\":{\"groupId\":\"sg-0123\",\"ipPermissions\":{\"items\":[{\"fromPort\":22,"
                            + "\"ipRanges\":{\"items\":[{\"cidrIp\":\"0.0.0.0/0\"}]}}]}}"));

    static Stream<Arguments> features() {
        return Stream.of(
                Arguments.of("  sel:\n    eventName|endswith: 'ingress'\n  condition: sel\n", true),
                Arguments.of("  sel:\n    eventName|endswith|cased: 'ingress'\n  condition: sel\n", false),
                Arguments.of("  sel:\n    eventName: 'authorize*group?ngress'\n  condition: sel\n", true),
                Arguments.of("  sel:\n    eventName: 'Authorize\\*'\n  condition: sel\n", false),
                Arguments.of("  sel:\n    sourceIPAddress|cidr: 198.51.100.0/24\n  condition: sel\n", true),
                Arguments.of(
                        "  sel:\n    sourceIPAddress|cidr:\n      - 10.0.0.0/8\n      - 2001:db8::/32\n  condition: sel\n",
                        false),
                Arguments.of("  sel:\n    errorCode|exists: false\n  condition: sel\n", true),
                Arguments.of("  sel:\n    errorCode|exists: true\n  condition: sel\n", false),
                Arguments.of(
                        "  sel:\n    requestParameters.ipPermissions.items.fromPort: 22\n  condition: sel\n", true),
                Arguments.of(
                        "  sel:\n    requestParameters.ipPermissions.items.ipRanges.items.cidrIp: '0.0.0.0/0'\n  condition: sel\n",
                        true),
                Arguments.of(
                        "  sel:\n    userAgent|contains|all:\n      - aws-cli\n      - Python\n  condition: sel\n",
                        true),
                Arguments.of(
                        "  sel:\n    userAgent|contains|all:\n      - aws-cli\n      - Ruby\n  condition: sel\n",
                        false),
                Arguments.of("  sel:\n    userAgent|re: '^aws-cli/2\\.'\n  condition: sel\n", true),
                Arguments.of("  sel:\n    userAgent|re: '^AWS-CLI'\n  condition: sel\n", false),
                Arguments.of("  sel:\n    userAgent|re|i: '^AWS-CLI'\n  condition: sel\n", true),
                Arguments.of(
                        "  a_1:\n    eventName: X\n  a_2:\n    eventSource: ec2.amazonaws.com\n  condition: 1 of a_*\n",
                        true),
                Arguments.of(
                        "  a_1:\n    eventName: X\n  a_2:\n    eventSource: ec2.amazonaws.com\n  condition: all of a_*\n",
                        false),
                Arguments.of(
                        "  a:\n    eventName: AuthorizeSecurityGroupIngress\n  b:\n    eventSource: ec2.amazonaws.com\n  condition: all of them\n",
                        true),
                Arguments.of("  a:\n    eventName: X\n  b:\n    eventSource: Y\n  condition: 1 of them\n", false),
                Arguments.of(
                        "  a:\n    eventName: X\n  b:\n    eventSource: ec2.amazonaws.com\n  c:\n    errorCode: null\n"
                                + "  condition: (a or b) and not (a and c)\n",
                        true),
                Arguments.of(
                        "  a:\n    eventName: X\n  b:\n    eventSource: ec2.amazonaws.com\n  condition: not (a or b)\n",
                        false),
                Arguments.of("  a:\n    readOnly: 'FALSE'\n  condition: a\n", true));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("features")
    void supportedSubset(String detection, boolean expected) {
        Rule r = inline(detection);
        assertThat(r.matches(SAMPLE)).as(() -> r.explain(SAMPLE)).isEqualTo(expected);
        assertThat(r.id()).isEqualTo("my-rule--1");
        assertThat(r.severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void unknownIdentifiersAndCountsAreRefused() {
        assertThatThrownBy(() -> inline("  a:\n    eventName: X\n  condition: a and b\n"))
                .hasMessageContaining("inline.yml:10:1: the condition names \"b\", which is not a search identifier");
        assertThatThrownBy(() -> inline("  a:\n    eventName: X\n  condition: 2 of a*\n"))
                .hasMessageContaining("\"2 of\" is not supported");
        assertThatThrownBy(() -> inline("  a:\n    eventName|contains|startswith: X\n  condition: a\n"))
                .hasMessageContaining("cannot be combined");
    }
}
