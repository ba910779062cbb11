package io.github.trailkit.spark.internal;

import io.github.trailkit.rules.Rule;
import io.github.trailkit.rules.RuleDocuments;
import io.github.trailkit.rules.RulePacks;
import io.github.trailkit.rules.RuleSet;
import io.github.trailkit.rules.SigmaRules;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What a rule set is made of, in a form that travels to the executors: the text of rule documents, pack names, and
 * classes that supply Java rules. Each executor compiles it once ({@link #compiled()}) and keeps the result for every
 * later task of the same job.
 */
public final class RuleSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Compiled rule sets of this JVM, by id; a handful at most in practice, cleared past a bound. */
    private static final Map<String, RuleSet> COMPILED = new ConcurrentHashMap<>();

    private static final int MAX_COMPILED = 64;

    /** A rule document or Sigma rule: its name (for messages), its bytes, and which of the two it is. */
    public static final class Document implements Serializable {
        private static final long serialVersionUID = 1L;
        final String name;
        final byte[] bytes;
        final boolean sigma;

        public Document(String name, byte[] bytes, boolean sigma) {
            this.name = name;
            this.bytes = bytes.clone();
            this.sigma = sigma;
        }

        List<Rule> rules() {
            if (sigma) {
                return List.of(SigmaRules.read(new ByteArrayInputStream(bytes), name));
            }
            return RuleDocuments.read(new ByteArrayInputStream(bytes), name);
        }
    }

    private final String id = UUID.randomUUID().toString();
    private final List<Document> documents;
    private final List<String> packs;
    private final List<String> ruleClasses;

    public RuleSpec(List<Document> documents, List<String> packs, List<String> ruleClasses) {
        this.documents = List.copyOf(documents);
        this.packs = List.copyOf(packs);
        this.ruleClasses = List.copyOf(ruleClasses);
        compile(); // on the driver: every problem shows before a job starts
    }

    public RuleSpec and(RuleSpec other) {
        List<Document> d = new ArrayList<>(documents);
        d.addAll(other.documents);
        List<String> p = new ArrayList<>(packs);
        p.addAll(other.packs);
        List<String> c = new ArrayList<>(ruleClasses);
        c.addAll(other.ruleClasses);
        return new RuleSpec(d, p, c);
    }

    /** This spec's rule set, compiled once per JVM. */
    public RuleSet compiled() {
        RuleSet rules = COMPILED.get(id);
        if (rules == null) {
            if (COMPILED.size() >= MAX_COMPILED) {
                COMPILED.clear();
            }
            rules = COMPILED.computeIfAbsent(id, k -> compile());
        }
        return rules;
    }

    /** This spec as the text of a data source option. */
    public String encode() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(this);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return java.util.Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** The spec {@link #encode()} wrote. */
    public static RuleSpec decode(String text) {
        byte[] bytes = java.util.Base64.getDecoder().decode(text);
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return (RuleSpec) in.readObject();
        } catch (java.io.IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalArgumentException("option " + Schemas.FINDINGS_OPTION + ": not a rule set", e);
        }
    }

    /** The number of rules. */
    public int size() {
        return compiled().size();
    }

    private RuleSet compile() {
        List<Rule> all = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Document d : documents) {
            for (Rule r : d.rules()) {
                add(all, ids, r, d.name);
            }
        }
        for (String pack : packs) {
            if (!RulePacks.names().contains(pack)) {
                throw new IllegalArgumentException(
                        "no rule pack named \"" + pack + "\"; the packs are " + RulePacks.names());
            }
            for (Rule r : RulePacks.byName(pack)) {
                if (ids.add(r.id())) {
                    all.add(r);
                }
            }
        }
        for (String name : ruleClasses) {
            for (Rule r : javaRules(name)) {
                add(all, ids, r, name);
            }
        }
        return RuleSet.of(all);
    }

    private static void add(List<Rule> all, Set<String> ids, Rule r, String from) {
        if (!ids.add(r.id())) {
            throw new IllegalArgumentException(from + ": rule id \"" + r.id() + "\" is used twice");
        }
        all.add(r);
    }

    @SuppressWarnings("unchecked")
    private static List<Rule> javaRules(String className) {
        try {
            Class<?> c = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
            Object supplier = c.getDeclaredConstructor().newInstance();
            return List.copyOf(((Supplier<? extends List<Rule>>) supplier).get());
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException(
                    "rules class " + className + ": not a public Supplier<List<Rule>>"
                            + " with a public no-argument constructor: " + e,
                    e);
        }
    }
}
