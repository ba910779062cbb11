package io.github.trailkit.spark;

import io.github.trailkit.rules.Rule;
import io.github.trailkit.rules.SigmaRules;
import io.github.trailkit.spark.internal.RuleSpec;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The rules to run on a cluster: rule documents (YAML or JSON EventBridge patterns, or Sigma rules), built-in packs,
 * and Java rules. A rule source is what is sent to the executors; each executor compiles it into one immutable
 * {@code RuleSet} the first time a task needs it and shares it with every later task. Everything is checked on the
 * driver when the source is made: a bad document fails there with its file, line and column.
 *
 * <pre>{@code
 * RuleSource rules = RuleSource.documents(Path.of("rules/public-bucket.yaml"))
 *         .and(RuleSource.pack("cis-aws-foundations"))
 *         .and(RuleSource.javaRules(MyRules.class));    // MyRules implements Supplier<List<Rule>>
 * Dataset<Row> findings = CloudTrailSpark.findings(records, rules);
 * }</pre>
 */
public final class RuleSource implements Serializable {
    private static final long serialVersionUID = 1L;

    private final RuleSpec spec;

    private RuleSource(RuleSpec spec) {
        this.spec = spec;
    }

    /** The rules of rule documents or Sigma rules read now, on the driver (a document's content tells which). */
    public static RuleSource documents(Path... files) {
        List<RuleSpec.Document> documents = new ArrayList<>();
        for (Path file : files) {
            try {
                documents.add(
                        new RuleSpec.Document(file.toString(), Files.readAllBytes(file), SigmaRules.isSigmaRule(file)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read rule document " + file + ": " + e.getMessage(), e);
            }
        }
        return new RuleSource(new RuleSpec(documents, List.of(), List.of()));
    }

    /** The rules of one rule document given as text (YAML or JSON); {@code name} appears in its error messages. */
    public static RuleSource document(String name, String yamlOrJson) {
        return new RuleSource(new RuleSpec(
                List.of(new RuleSpec.Document(
                        name, yamlOrJson.getBytes(java.nio.charset.StandardCharsets.UTF_8), false)),
                List.of(),
                List.of()));
    }

    /** A built-in rule pack by name, such as {@code cis-aws-foundations}. */
    public static RuleSource pack(String name) {
        return new RuleSource(new RuleSpec(List.of(), List.of(name), List.of()));
    }

    /**
     * Java rules: a public class with a public no-argument constructor whose {@code get()} returns the rules. The class
     * must be on the executors' class path (in the job's jar); it is made once per executor.
     */
    public static RuleSource javaRules(Class<? extends Supplier<? extends List<Rule>>> supplier) {
        return new RuleSource(new RuleSpec(List.of(), List.of(), List.of(supplier.getName())));
    }

    /** These rules and those of {@code other}; rule ids must stay unique (packs may repeat). */
    public RuleSource and(RuleSource other) {
        return new RuleSource(spec.and(other.spec));
    }

    /** The number of rules. */
    public int size() {
        return spec.size();
    }

    RuleSpec spec() {
        return spec;
    }
}
