package io.github.trailkit.rules;

import java.util.Locale;
import java.util.Optional;

/**
 * The tactics of the MITRE ATT&amp;CK Enterprise matrix, with their ids and the names Sigma's {@code attack.*} tags
 * use. A rule's tactics and technique ids are typed data ({@link Rule#attackTactics()}, {@link
 * Rule#attackTechniques()}), read from its tags, so that Sigma tags ({@code attack.defense-evasion}, {@code
 * attack.t1562.008}), tags of rule documents and {@code Rule.Builder.attack(...)} in Java all give the same.
 *
 * <pre>{@code
 * Rule r = rule("trail-stopped").attack(AttackTactic.DEFENSE_EVASION, "T1562.008").when(...).build();
 * r.attackTactics();      // [DEFENSE_EVASION]
 * r.attackTechniques();   // [T1562.008]
 * AttackTactic.DEFENSE_EVASION.id();   // TA0005
 * }</pre>
 */
public enum AttackTactic {
    /** TA0043. */
    RECONNAISSANCE("TA0043", "reconnaissance"),
    /** TA0042. */
    RESOURCE_DEVELOPMENT("TA0042", "resource-development"),
    /** TA0001. */
    INITIAL_ACCESS("TA0001", "initial-access"),
    /** TA0002. */
    EXECUTION("TA0002", "execution"),
    /** TA0003. */
    PERSISTENCE("TA0003", "persistence"),
    /** TA0004. */
    PRIVILEGE_ESCALATION("TA0004", "privilege-escalation"),
    /** TA0005. */
    DEFENSE_EVASION("TA0005", "defense-evasion"),
    /** TA0006. */
    CREDENTIAL_ACCESS("TA0006", "credential-access"),
    /** TA0007. */
    DISCOVERY("TA0007", "discovery"),
    /** TA0008. */
    LATERAL_MOVEMENT("TA0008", "lateral-movement"),
    /** TA0009. */
    COLLECTION("TA0009", "collection"),
    /** TA0011. */
    COMMAND_AND_CONTROL("TA0011", "command-and-control"),
    /** TA0010. */
    EXFILTRATION("TA0010", "exfiltration"),
    /** TA0040. */
    IMPACT("TA0040", "impact");

    private final String id;
    private final String tagName;

    AttackTactic(String id, String tagName) {
        this.id = id;
        this.tagName = tagName;
    }

    /** The ATT&amp;CK id, such as {@code TA0005}. */
    public String id() {
        return id;
    }

    /** The name as a tag writes it after {@code attack.}, such as {@code defense-evasion}. */
    public String tagName() {
        return tagName;
    }

    /**
     * The tactic a tag names: {@code attack.defense-evasion}, {@code attack.defense_evasion} (Sigma's spelling) or
     * {@code attack.ta0005}, any case; empty for other tags.
     */
    public static Optional<AttackTactic> fromTag(String tag) {
        String t = tag.toLowerCase(Locale.ROOT);
        if (!t.startsWith("attack.")) {
            return Optional.empty();
        }
        String name = t.substring("attack.".length()).replace('_', '-');
        for (AttackTactic a : values()) {
            if (a.tagName.equals(name) || a.id.toLowerCase(Locale.ROOT).equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
