package io.github.trailkit.rules;

import static io.github.trailkit.rules.Rules.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What rules carry besides their condition: description, references, ATT&CK ids, dedup key, severity by record. */
final class RuleMetadataTest {
    private static final CloudTrailRecord ALICE_FOR_BOB = CloudTrail.reader()
            .readRecord(
                    "{\"eventID\":\"e-1\","
                            + "\"eventName\":\"CreateAccessKey\",\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":\"alice\","
                            + "\"arn\":\"arn:aws:iam::111122223333:user/alice\"},\"requestParameters\":{\"userName\":\"bob\"}}");
    private static final CloudTrailRecord ROOT_FOR_BOB = CloudTrail.reader()
            .readRecord("{\"eventID\":\"e-2\","
                    + "\"eventName\":\"CreateAccessKey\",\"userIdentity\":{\"type\":\"Root\","
                    + "\"arn\":\"arn:aws:iam::111122223333:root\"},\"requestParameters\":{\"userName\":\"bob\"}}");

    static final Rule KEY_FOR_OTHER = rule("access-key-for-another-user")
            .description("An access key created for someone other than the caller")
            .addReferences("https://example.com/runbooks/access-keys")
            .attack(AttackTactic.PERSISTENCE, "T1098.001")
            .severity(Severity.MEDIUM)
            .severityWhen(userIdentity().type().is("Root"), Severity.CRITICAL)
            .dedupKey("userIdentity.arn", "requestParameters.userName")
            .when(eventName()
                    .is("CreateAccessKey")
                    .and(succeeded())
                    .and(requestParameter("userName").differsFrom(userIdentity().userName())))
            .build();

    /** The README's example, compiled here, builds the same rule as {@link #KEY_FOR_OTHER}. */
    @Test
    void theReadmeExampleIsThisRule() {
        // README:rule-metadata
        Rule keyForOther = rule("access-key-for-another-user")
                .description("An access key created for someone other than the caller")
                .addReferences("https://example.com/runbooks/access-keys") // runbooks, references
                .attack(AttackTactic.PERSISTENCE, "T1098.001") // ATT&CK, as typed data
                .severity(Severity.MEDIUM)
                .severityWhen(userIdentity().type().is("Root"), Severity.CRITICAL) // severity by record
                .dedupKey("userIdentity.arn", "requestParameters.userName") // one key from several fields
                .when(eventName()
                        .is("CreateAccessKey")
                        .and(succeeded())
                        .and(requestParameter("userName")
                                .differsFrom(userIdentity().userName())))
                .build();
        // README:rule-metadata
        assertThat(keyForOther).hasToString(KEY_FOR_OTHER.toString());
    }

    @Test
    void attackIdsAreTypedData_readFromTheTagsSigmaUses() {
        assertThat(KEY_FOR_OTHER.tags()).containsExactly("attack.persistence", "attack.t1098.001");
        assertThat(KEY_FOR_OTHER.attackTactics()).containsExactly(AttackTactic.PERSISTENCE);
        assertThat(KEY_FOR_OTHER.attackTechniques()).containsExactly("T1098.001");
        assertThat(AttackTactic.PERSISTENCE.id()).isEqualTo("TA0003");
        Rule sigmaStyle = rule("s")
                .tags("attack.defense_evasion", "attack.T1562.008", "attack.ta0040", "cis-3.3", "attack.g0016")
                .when(always())
                .build();
        assertThat(sigmaStyle.attackTactics()).containsExactly(AttackTactic.DEFENSE_EVASION, AttackTactic.IMPACT);
        assertThat(sigmaStyle.attackTechniques()).containsExactly("T1562.008");
        assertThatThrownBy(() -> rule("x").attack(AttackTactic.IMPACT, "1496")).hasMessageContaining("T1562.008");
    }

    @Test
    void findingsCarryTheSeverityForTheRecord_theDedupKeyOfSeveralFields_andTheAttackIds() {
        RuleSet rules = RuleSet.of(KEY_FOR_OTHER);
        Finding alice = rules.findings(ALICE_FOR_BOB).get(0);
        assertThat(alice.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(alice.dedupKey()).isEqualTo("arn:aws:iam::111122223333:user/alice|bob");
        assertThat(alice.attackTechniques()).containsExactly("T1098.001");
        assertThat(alice.toJson(false))
                .contains("\"attackTactics\":[\"TA0003\"]", "\"attackTechniques\":[\"T1098.001\"]");
        Finding root = rules.findings(ROOT_FOR_BOB).get(0);
        assertThat(root.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(root.dedupKey()).isEqualTo("arn:aws:iam::111122223333:root|bob");
        assertThat(KEY_FOR_OTHER.severityFor(ALICE_FOR_BOB)).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void theRulePrintsAsTheDslThatBuildsIt() {
        assertThat(KEY_FOR_OTHER.toString())
                .contains(".addReferences(\"https://example.com/runbooks/access-keys\")")
                .contains(".severityWhen(userIdentity().type().is(\"Root\"), Severity.CRITICAL)")
                .contains(".dedupKey(\"userIdentity.arn\", \"requestParameters.userName\")")
                .contains(".tags(\"attack.persistence\", \"attack.t1098.001\")");
    }

    @Test
    void ruleDocumentsCarryReferences_severalDedupFields_andAttackTags() {
        List<Rule> rules = RuleDocuments.read(
                new java.io.ByteArrayInputStream(String.join(
                                "\n",
                                "rules:",
                                "  - id: trail-stopped",
                                "    description: CloudTrail logging stopped",
                                "    references: [https://example.com/runbooks/cloudtrail]",
                                "    tags: [attack.defense-evasion, attack.t1562.008]",
                                "    dedupKey: [recipientAccountId, requestParameters.name]",
                                "    pattern:",
                                "      eventName: [StopLogging]",
                                "")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "rules.yaml");
        Rule r = rules.get(0);
        assertThat(r.references()).containsExactly("https://example.com/runbooks/cloudtrail");
        assertThat(r.dedupKey()).containsExactly("recipientAccountId", "requestParameters.name");
        assertThat(r.attackTactics()).containsExactly(AttackTactic.DEFENSE_EVASION);
        assertThat(r.attackTechniques()).containsExactly("T1562.008");
    }
}
