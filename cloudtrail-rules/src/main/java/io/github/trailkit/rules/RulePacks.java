package io.github.trailkit.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rules that ship with trailkit, by pack. {@code aws-attack-techniques} has one rule for each AWS attack technique of
 * Stratus Red Team with published detonation logs (35), written from what the technique does and tagged with its
 * ATT&amp;CK tactic and technique. {@code cis-aws-foundations} has the fifteen monitoring
 * controls of the CIS AWS Foundations Benchmark (AWS Security Hub's CloudWatch.1 to CloudWatch.14, and CIS 4.15), each
 * written as its published CloudWatch Logs metric filter and read by {@link MetricFilters}, so that a record matches
 * exactly when the metric filter would count it. Rule ids follow CIS v1.4 numbering, {@code cis-<section>-<what>}
 * ({@code cis-4.3-root-usage}); tags name the Security Hub control and the CIS v1.2 and v1.4 sections.
 *
 * <pre>{@code
 * RuleSet rules = RuleSet.builder()
 *         .add(RulePacks.cisAwsFoundations())
 *         .add(myOwnRule)
 *         .build();
 * List<Rule> same = RulePacks.byName("cis-aws-foundations");
 * }</pre>
 */
public final class RulePacks {
    /** The name of the CIS AWS Foundations pack. */
    public static final String CIS_AWS_FOUNDATIONS = "cis-aws-foundations";

    /** The name of the AWS attack techniques pack. */
    public static final String AWS_ATTACK_TECHNIQUES = "aws-attack-techniques";

    private static final Map<String, List<Rule>> LOADED = new ConcurrentHashMap<>();

    private RulePacks() {}

    /** The names of the built-in packs. */
    public static Set<String> names() {
        return Set.of(CIS_AWS_FOUNDATIONS, AWS_ATTACK_TECHNIQUES);
    }

    /** The AWS attack technique rules, one for each technique; the list is immutable. */
    public static List<Rule> awsAttackTechniques() {
        return byName(AWS_ATTACK_TECHNIQUES);
    }

    /** The CIS AWS Foundations monitoring rules, in CIS order; the list is immutable. */
    public static List<Rule> cisAwsFoundations() {
        return byName(CIS_AWS_FOUNDATIONS);
    }

    /**
     * The rules of the pack called {@code name}.
     *
     * @throws IllegalArgumentException when there is no such pack, naming the packs there are
     */
    public static List<Rule> byName(String name) {
        if (!names().contains(name)) {
            throw new IllegalArgumentException("no rule pack named " + ValueMatcher.quote(String.valueOf(name))
                    + "; the packs are " + String.join(", ", new java.util.TreeSet<>(names())));
        }
        return LOADED.computeIfAbsent(name, RulePacks::load);
    }

    @SuppressWarnings("unchecked")
    private static List<Rule> load(String name) {
        if (name.equals(AWS_ATTACK_TECHNIQUES)) {
            return AwsAttackTechniques.rules();
        }
        String resource = "packs/" + name + ".yaml";
        try (InputStream in = RulePacks.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the rule pack resource " + resource + " is missing from the jar");
            }
            Map<String, Object> top = (Map<String, Object>) YamlValues.read(in).root;
            List<Rule> rules = new ArrayList<>();
            for (Object o : (List<Object>) top.get("rules")) {
                Map<String, Object> r = (Map<String, Object>) o;
                Rule.Builder b = Rules.rule(text(r, "id"))
                        .title(text(r, "title"))
                        .severity(Severity.valueOf(text(r, "severity")))
                        .description(text(r, "description"))
                        .when(MetricFilters.parse(text(r, "filterPattern")));
                for (Object t : (List<Object>) r.get("tags")) {
                    b.addTags(t.toString());
                }
                rules.add(b.build());
            }
            return List.copyOf(rules);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the rule pack " + name, e);
        } catch (YamlValues.SyntaxError e) {
            throw new IllegalStateException("the rule pack " + name + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    private static String text(Map<String, Object> rule, String key) {
        Object v = rule.get(key);
        if (v == null) {
            throw new IllegalStateException("a rule of a built-in pack has no " + key + ": " + rule);
        }
        return v.toString();
    }
}
