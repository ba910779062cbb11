package io.github.trailkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailLog;
import io.github.trailkit.model.CloudTrailRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code aws-attack-techniques} pack against the real detonation logs of Stratus Red Team (one file per technique)
 * and the OTRF dataset: each rule fires on its own technique's records, and on nothing else but the overlaps README's
 * pack table explains.
 */
final class AwsAttackTechniquesPackTest {
    private static final Path REAL_LOGS = Path.of("..", "cloudtrail-model", "src", "test", "resources", "real-logs");
    private static final RuleSet PACK = RuleSet.of(RulePacks.awsAttackTechniques());

    /** Each technique's rule. */
    static final Map<String, String> RULE_OF = new LinkedHashMap<>();

    /** Rules that also fire on a technique's records, as README's pack table explains. */
    static final Map<String, Set<String>> OVERLAPS = new TreeMap<>();

    static {
        RULE_OF.put("credential-access.ec2-get-password-data", "aws-ec2-get-password-data");
        RULE_OF.put("credential-access.ec2-steal-instance-credentials", "aws-ec2-instance-credentials-used-elsewhere");
        RULE_OF.put(
                "credential-access.secretsmanager-batch-retrieve-secrets", "aws-secretsmanager-batch-get-secret-value");
        RULE_OF.put("credential-access.secretsmanager-retrieve-secrets", "aws-secretsmanager-get-secret-value-by-user");
        RULE_OF.put("credential-access.ssm-retrieve-securestring-parameters", "aws-ssm-get-parameters-with-decryption");
        RULE_OF.put("defense-evasion.cloudtrail-delete", "aws-cloudtrail-trail-deleted");
        RULE_OF.put("defense-evasion.cloudtrail-event-selectors", "aws-cloudtrail-event-selectors-reduce-logging");
        RULE_OF.put("defense-evasion.cloudtrail-stop", "aws-cloudtrail-logging-stopped");
        RULE_OF.put("defense-evasion.dns-delete-logs", "aws-route53resolver-query-logging-deleted");
        RULE_OF.put("defense-evasion.organizations-leave", "aws-organizations-leave-attempt");
        RULE_OF.put("defense-evasion.vpc-remove-flow-logs", "aws-vpc-flow-logs-deleted");
        RULE_OF.put("discovery.ec2-download-user-data", "aws-ec2-user-data-read");
        RULE_OF.put("execution.ec2-launch-unusual-instances", "aws-ec2-gpu-instances-launched");
        RULE_OF.put("execution.ec2-user-data", "aws-ec2-user-data-modified");
        RULE_OF.put("execution.ssm-send-command", "aws-ssm-send-command");
        RULE_OF.put("execution.ssm-start-session", "aws-ssm-start-session");
        RULE_OF.put("exfiltration.ec2-security-group-open-port-22-ingress", "aws-ec2-security-group-ssh-open-to-world");
        RULE_OF.put("exfiltration.ec2-share-ami", "aws-ec2-ami-shared");
        RULE_OF.put("exfiltration.ec2-share-ebs-snapshot", "aws-ec2-ebs-snapshot-shared");
        RULE_OF.put("exfiltration.rds-share-snapshot", "aws-rds-snapshot-shared");
        RULE_OF.put("impact.bedrock-invoke-model", "aws-bedrock-model-invoked-by-user");
        RULE_OF.put("initial-access.console-login-without-mfa", "aws-console-login-without-mfa");
        RULE_OF.put("lateral-movement.ec2-instance-connect", "aws-ec2-instance-connect-ssh-key-sent");
        RULE_OF.put("lateral-movement.ec2-serial-console-send-ssh-public-key", "aws-ec2-serial-console-access");
        RULE_OF.put("persistence.iam-backdoor-role", "aws-iam-role-trust-policy-allows-account");
        RULE_OF.put("persistence.iam-backdoor-user", "aws-iam-access-key-created-for-another-user");
        RULE_OF.put("persistence.iam-create-admin-user", "aws-iam-administrator-policy-attached-to-user");
        RULE_OF.put("persistence.iam-create-backdoor-role", "aws-iam-role-created-trusting-an-account");
        RULE_OF.put("persistence.iam-create-user-login-profile", "aws-iam-login-profile-created-for-another-user");
        RULE_OF.put("persistence.lambda-backdoor-function", "aws-lambda-function-made-public");
        RULE_OF.put("persistence.lambda-layer-extension", "aws-lambda-layer-added");
        RULE_OF.put("persistence.lambda-overwrite-code", "aws-lambda-function-code-updated");
        RULE_OF.put("persistence.rolesanywhere-create-trust-anchor", "aws-iam-roles-anywhere-trust-anchor-created");
        RULE_OF.put("persistence.sts-federation-token", "aws-sts-federation-token");
        RULE_OF.put(
                "privilege-escalation.iam-update-user-login-profile", "aws-iam-login-profile-updated-for-another-user");

        // stealing instance credentials runs a command through SSM to read them from the metadata service
        OVERLAPS.put("credential-access.ec2-steal-instance-credentials", Set.of("aws-ssm-send-command"));
        // the new administrator also gets an access key, made by the caller for another user
        OVERLAPS.put("persistence.iam-create-admin-user", Set.of("aws-iam-access-key-created-for-another-user"));
        // the OTRF dataset is itself a theft of instance credentials (SSRF), used from a macOS workstation
        OVERLAPS.put("otrf", Set.of("aws-ec2-instance-credentials-used-elsewhere"));
    }

    static Stream<String> techniques() {
        return RULE_OF.keySet().stream();
    }

    @Test
    void thePackHasOneDocumentedRuleForEachTechnique() throws IOException {
        List<Rule> rules = RulePacks.awsAttackTechniques();
        assertThat(rules).hasSize(35);
        assertThat(rules)
                .extracting(Rule::id)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(RULE_OF.values());
        try (Stream<Path> files = Files.list(REAL_LOGS.resolve("stratus-red-team"))) {
            assertThat(files.map(p -> p.getFileName().toString())
                            .filter(n -> n.startsWith("aws."))
                            .map(n -> n.substring(4, n.length() - ".json.gz".length())))
                    .containsExactlyInAnyOrderElementsOf(RULE_OF.keySet());
        }
        String readme = Files.readString(Path.of("..", "README.md"));
        for (Rule r : rules) {
            assertThat(r.description()).as(r.id()).isPresent();
            assertThat(r.attackTactics()).as(r.id()).isNotEmpty();
            assertThat(r.attackTechniques()).as(r.id()).isNotEmpty().allMatch(t -> t.matches("T\\d{4}(\\.\\d{3})?"));
            assertThat(readme).as("README's pack table lists " + r.id()).contains("| `" + r.id() + "` |");
        }
        assertThat(RulePacks.byName("aws-attack-techniques")).isSameAs(rules);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("techniques")
    void eachRuleFiresOnItsOwnDetonation_andOnlyDocumentedOverlapsFire(String technique) throws IOException {
        List<CloudTrailRecord> records =
                read(REAL_LOGS.resolve("stratus-red-team").resolve("aws." + technique + ".json.gz"));
        String own = RULE_OF.get(technique);
        Set<String> fired = fired(records);
        assertThat(fired).as("rules fired on %s", technique).contains(own);
        Set<String> allowed = new HashSet<>(OVERLAPS.getOrDefault(technique, Set.of()));
        allowed.add(own);
        assertThat(fired).as("rules fired on %s", technique).isSubsetOf(allowed);
        // each documented overlap does happen, so the table stays true
        assertThat(fired).containsAll(OVERLAPS.getOrDefault(technique, Set.of()));
    }

    @Test
    void theOtrfDatasetFiresOnlyTheDocumentedOverlap() throws IOException {
        List<CloudTrailRecord> records = read(
                REAL_LOGS.resolve("otrf-security-datasets").resolve("ec2_proxy_s3_exfiltration_2020-09-14.json.gz"));
        assertThat(records).hasSize(103);
        assertThat(fired(records)).isEqualTo(OVERLAPS.get("otrf"));
    }

    @Test
    void findingsCarryTheRulesAttackIds_andTheirMultiFieldDedupKey() throws IOException {
        List<CloudTrailRecord> records = read(
                REAL_LOGS.resolve("stratus-red-team").resolve("aws.credential-access.ec2-get-password-data.json.gz"));
        Finding f = records.stream()
                .flatMap(r -> PACK.findings(r).stream())
                .findFirst()
                .orElseThrow();
        assertThat(f.attackTactics()).containsExactly(AttackTactic.CREDENTIAL_ACCESS);
        assertThat(f.attackTechniques()).containsExactly("T1552");
        assertThat(f.dedupKey()).matches("arn:aws:sts::\\d+:assumed-role/[^|]+\\|i-[0-9a-zA-Z]+");
        assertThat(f.toJson(false)).contains("\"attackTactics\":[\"TA0006\"],\"attackTechniques\":[\"T1552\"]");
    }

    private static Set<String> fired(List<CloudTrailRecord> records) {
        Set<String> fired = new TreeSet<>();
        for (CloudTrailRecord r : records) {
            List<String> ids = PACK.findings(r).stream().map(Finding::ruleId).collect(Collectors.toList());
            // the index hands each rule exactly the records it matches
            List<String> direct = PACK.rules().stream()
                    .filter(rule -> rule.matches(r))
                    .map(Rule::id)
                    .collect(Collectors.toList());
            assertThat(ids).isEqualTo(direct);
            fired.addAll(ids);
        }
        return fired;
    }

    private static List<CloudTrailRecord> read(Path file) throws IOException {
        List<CloudTrailRecord> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file);
                CloudTrailLog log = CloudTrail.reader().read(in, file.toString())) {
            log.forEach(out::add);
        }
        return out;
    }
}
