package io.github.trailkit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.github.trailkit.rules.Rule;
import io.github.trailkit.rules.RuleDocuments;
import io.github.trailkit.rules.RuleSet;
import io.github.trailkit.rules.Rules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.event.ruler.Machine;

/**
 * The rules of the benchmarks, written once as EventBridge patterns in {@code rules-100.yaml}: trailkit reads the
 * document itself, Event Ruler gets each rule's pattern as JSON text. Sets of 10 (the first ten) and 1,000 (the hundred
 * and 900 generated patterns on event names that never occur in the data, as a large rule library mostly is) are
 * derived from it.
 */
public final class BenchRules {
    /** The rule document on the class path. */
    public static final String RESOURCE = "io/github/trailkit/benchmarks/rules-100.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
            .build());
    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchRules() {}

    /** A rule id and its pattern as JSON text. */
    public record Pattern(String id, String json) {}

    /** The patterns of the rule document, in document order. */
    public static List<Pattern> documentPatterns() {
        try (InputStream in = BenchRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            List<Pattern> out = new ArrayList<>();
            for (JsonNode rule : YAML.readTree(in).get("rules")) {
                out.add(new Pattern(rule.get("id").asText(), JSON.writeValueAsString(rule.get("pattern"))));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code count} patterns: 10 or 100 from the document, more with generated ones appended. */
    public static List<Pattern> patterns(int count) {
        List<Pattern> doc = documentPatterns();
        if (count <= doc.size()) {
            return List.copyOf(doc.subList(0, count));
        }
        List<Pattern> out = new ArrayList<>(doc);
        String[] sources = {"iam", "ec2", "s3", "kms", "sts", "lambda", "rds", "sns", "sqs", "logs", "eks", "ecs"};
        String[] verbs = {"Create", "Delete", "Update", "Put", "Modify", "Attach", "Detach", "Enable", "Disable"};
        for (int i = 0; out.size() < count; i++) {
            String source = sources[i % sources.length] + ".amazonaws.com";
            String name = verbs[i % verbs.length] + "Synthetic" + i + "Resource";
            String json = switch (i % 4) {
                case 0 -> "{\"eventSource\":[\"" + source + "\"],\"eventName\":[\"" + name + "\"]}";
                case 1 -> "{\"eventName\":[\"" + name + "\"],\"errorCode\":[{\"exists\":false}]}";
                case 2 ->
                    "{\"eventName\":[\"" + name + "\",\"" + name
                            + "V2\"],\"userIdentity\":{\"type\":[\"IAMUser\",\"Root\"]}}";
                default ->
                    "{\"eventSource\":[\"" + source + "\"],\"eventName\":[\"" + name + "\"],"
                            + "\"requestParameters\":{\"dryRun\":[false]}}";
            };
            out.add(new Pattern("synthetic-" + i, json));
        }
        return List.copyOf(out);
    }

    /** The trailkit rules for {@code count} patterns: the document read by {@link RuleDocuments}, then generated ones. */
    public static List<Rule> rules(int count) {
        List<Rule> doc = RuleDocuments.readResource(RESOURCE);
        if (count <= doc.size()) {
            return List.copyOf(doc.subList(0, count));
        }
        List<Rule> out = new ArrayList<>(doc);
        for (Pattern p : patterns(count).subList(doc.size(), count)) {
            out.add(Rules.rule(p.id()).when(RuleDocuments.pattern(p.json())).build());
        }
        return List.copyOf(out);
    }

    /** A trailkit rule set of {@code count} rules, rule errors counted nowhere (none are expected). */
    public static RuleSet ruleSet(int count) {
        return RuleSet.builder()
                .add(rules(count))
                .onRuleError(e -> {
                    throw new IllegalStateException(e.toString());
                })
                .build();
    }

    /** An Event Ruler machine with the same {@code count} patterns. */
    public static Machine machine(int count) {
        Machine m = Machine.builder().build();
        for (Pattern p : patterns(count)) {
            try {
                m.addRule(p.id(), p.json());
            } catch (IOException e) {
                throw new UncheckedIOException(p.id() + ": " + p.json(), e);
            }
        }
        return m;
    }
}
