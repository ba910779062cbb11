package io.github.trailkit.rules;

import io.github.trailkit.rules.internal.yaml.RuleText;
import io.github.trailkit.rules.tree.Node;
import io.github.trailkit.rules.tree.TreeReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Rule documents: rules written as JSON or YAML files whose conditions are Amazon EventBridge event patterns, and
 * single event patterns compiled to {@link Condition}s.
 *
 * <pre>{@code
 * # rules/sns.yaml
 * rules:
 *   - id: sns-topic-created
 *     title: SNS topic created
 *     severity: MEDIUM
 *     tags: [sns]
 *     pattern:
 *       eventSource: [sns.amazonaws.com]
 *       eventName: [CreateTopic]
 *   - id: iam-delete
 *     severity: high                       # case does not matter
 *     pattern:                             # an EventBridge rule pasted as is
 *       source: [aws.iam]
 *       detail-type: [AWS API Call via CloudTrail]
 *       detail:
 *         eventName: [{prefix: Delete}]
 * }</pre>
 *
 * <pre>{@code
 * RuleSet rules = RuleSet.of(RuleDocuments.read(Path.of("rules/sns.yaml")));
 * Condition deletes = RuleDocuments.pattern("{\"eventName\": [{\"prefix\": \"Delete\"}]}");
 * for (RuleDocumentProblem p : RuleDocuments.check(Path.of("rules/sns.yaml"))) {
 *     System.err.println(p); // rules/sns.yaml:9:20: "eventName": unknown operator "regex"; expected one of ...
 * }
 * }</pre>
 *
 * <h2>Document</h2>
 *
 * A top-level object with one key, {@code rules}: a list of rules. Each rule has {@code id} (required), {@code title},
 * {@code description}, {@code references} (a list of runbook or reference links), {@code severity} ({@code INFO}, {@code LOW}, {@code MEDIUM}, {@code HIGH} or {@code
 * CRITICAL}, any case), {@code tags} (a list of strings; ATT&amp;CK ones as Sigma writes them, {@code
 * attack.defense-evasion} and {@code attack.t1562.008}, become the rule's typed {@link Rule#attackTactics()} and {@link
 * Rule#attackTechniques()}), {@code dedupKey} (a dotted field path such as {@code userIdentity.arn}, or a list of them) and {@code pattern} (required). Other keys, duplicate keys (in patterns too, where Event Ruler
 * would silently keep the last) and duplicate rule ids are errors. The format is chosen by content: a document whose
 * first non-blank character is <code>&#123;</code> or {@code [} is read as JSON, anything else as YAML (where only {@code true} and {@code false} are booleans: {@code yes}, {@code no}, {@code on}
 * and {@code off} are strings). In YAML, quote strings that look like numbers, such as account ids ({@code
 * recipientAccountId: ['123456789012']}) or the envelope's {@code version: ['0']}: unquoted, they are numbers, and a
 * number never matches a string.
 *
 * <h2>Patterns</h2>
 *
 * A pattern means exactly what it means to EventBridge (AWS's Event Ruler is the reference), applied to the CloudTrail
 * record: fields are ANDed; each field's array lists alternatives, ORed; nested objects and dotted keys ({@code
 * {"a.b": [..]}}) name the same paths; exact strings (an IPv4 or IPv6 address string matches that address, whatever
 * its spelling), numbers (compared as numbers), {@code true}, {@code false}, {@code null}; the operators {@code
 * exactly}, {@code prefix} and {@code suffix} (with an optional {@code {"equals-ignore-case": ..}}), {@code
 * equals-ignore-case}, {@code wildcard}, {@code anything-but} (a value, a list of strings or of numbers, or {@code
 * prefix}, {@code suffix}, {@code equals-ignore-case} or {@code wildcard}), {@code numeric}, {@code cidr}, {@code
 * exists}; and {@code $or} at any level. As in Event Ruler, a path given again later (by a dotted key, or inside an
 * {@code $or} branch) replaces the earlier one within that branch.
 *
 * <p>A pattern whose top-level keys are all EventBridge envelope fields and that names {@code source}, {@code
 * detail-type} or {@code detail} is an EventBridge rule, matched against the event EventBridge makes of the record:
 * {@code source} is {@link Rules#eventBridgeSource()}, {@code detail-type} {@link Rules#eventBridgeDetailType()},
 * {@code account} {@code recipientAccountId}, {@code region} {@code awsRegion}, {@code time} {@code eventTime},
 * {@code detail} the record itself, and {@code version} the constant {@code "0"} (the pattern for it is decided when
 * the pattern is compiled: to {@link Rules#always()} or {@link Rules#never()}). {@code id} and {@code resources} are
 * set by EventBridge on delivery and are rejected, as is mixing envelope and record fields at the top level.
 *
 * <h2>Errors</h2>
 *
 * Every problem of a document is reported, not only the first, as a {@link RuleDocumentProblem} with the document's
 * name, line and column ({@code rules/sns.yaml:9:20: message}), and thrown together as a {@link
 * RuleDocumentException}; nothing of an invalid document is returned. Only a syntax error stops the reading early.
 * Failing to read the file itself is an {@link UncheckedIOException}. A document over {@link #MAX_DOCUMENT_BYTES}
 * (no more than one byte over it is read), not valid UTF-8 (the problem names the byte offset), nested deeper than
 * {@link #MAX_NESTING_DEPTH}, with a string or key over {@link #MAX_STRING_LENGTH} (in YAML as in JSON), with a YAML
 * anchor or alias, or (YAML) with a run of more than {@link #MAX_STRING_LENGTH} characters without a space or line
 * break is refused with a problem at the place the limit was hit. Wildcards match in time linear in the value, the
 * DSL's regular expressions (RE2J) in time linear in the value times their bounded program size.
 *
 * <p>Differences from Event Ruler 2.1.0: it refuses a match whose fields come from different elements of one array of
 * objects, while conditions test each field on its own; and where its automaton contradicts its documented semantics
 * (a {@code /0} {@code cidr} also matching numbers and the other address family; some mixes of alternatives in one
 * field, such as a {@code *} wildcard next to {@code equals-ignore-case}, or an exact string next to a {@code numeric}
 * range and a third alternative), rule documents follow the documented semantics.
 */
public final class RuleDocuments {
    private RuleDocuments() {}

    /** The source name of a pattern compiled by {@link #pattern(String)}. */
    static final String PATTERN_SOURCE = "<pattern>";

    /**
     * The largest rule document read, in bytes: 4 MiB, far above any hand-written rule file. The same bound holds for
     * Sigma rules and the built-in packs.
     */
    public static final int MAX_DOCUMENT_BYTES = RuleText.MAX_BYTES;
    /**
     * The deepest nesting of objects and lists in a rule document (the document's own object included); the same for
     * Sigma rules.
     */
    public static final int MAX_NESTING_DEPTH = RuleText.MAX_DEPTH;
    /** The longest string (value or key) in a rule document, in characters, in JSON and YAML alike; the same for Sigma. */
    public static final int MAX_STRING_LENGTH = RuleText.MAX_STRING_LENGTH;

    /* ------------------------------------------------------------------ public API */

    /**
     * The rules of a JSON or YAML rule document; the file's path names it in errors.
     *
     * @throws RuleDocumentException with every problem, when the document is invalid
     * @throws UncheckedIOException when the file cannot be read
     */
    public static List<Rule> read(Path file) {
        return load(readFile(file), file.toString());
    }

    /**
     * The rules of a JSON or YAML rule document read from {@code in} (which is read to its end, not closed); {@code
     * source} names it in errors.
     *
     * @throws RuleDocumentException with every problem, when the document is invalid
     * @throws UncheckedIOException when the stream cannot be read
     */
    public static List<Rule> read(InputStream in, String source) {
        try {
            return load(RuleText.readBounded(in), source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule document " + source, e);
        }
    }

    /**
     * The rules of a rule document on the classpath, such as {@code "rules/sns.yaml"}, found by the thread's context
     * class loader, else by this class's loader; the resource name names it in errors.
     *
     * @throws IllegalArgumentException when there is no such resource
     * @throws RuleDocumentException with every problem, when the document is invalid
     */
    public static List<Rule> readResource(String classpathResourceName) {
        String name =
                classpathResourceName.startsWith("/") ? classpathResourceName.substring(1) : classpathResourceName;
        InputStream in = null;
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            in = context.getResourceAsStream(name);
        }
        if (in == null) {
            ClassLoader own = RuleDocuments.class.getClassLoader();
            in = own != null ? own.getResourceAsStream(name) : ClassLoader.getSystemResourceAsStream(name);
        }
        if (in == null) {
            throw new IllegalArgumentException("no rule document on the classpath at " + ValueMatcher.quote(name));
        }
        try (InputStream stream = in) {
            return read(stream, name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule document " + name, e);
        }
    }

    /**
     * Compiles one EventBridge event pattern, over the CloudTrail record or over the EventBridge envelope, to a
     * condition built with the {@link Rules} DSL; errors name the source {@code <pattern>}.
     *
     * <pre>{@code
     * Condition c = RuleDocuments.pattern(
     *         "{\"eventSource\": [\"sns.amazonaws.com\"], \"eventName\": [\"CreateTopic\"]}");
     * c.toString(); // eventSource().is("sns.amazonaws.com").and(eventName().is("CreateTopic"))
     * }</pre>
     *
     * @throws RuleDocumentException with every problem, when the pattern is invalid
     */
    public static Condition pattern(String eventPatternJson) {
        java.util.Objects.requireNonNull(eventPatternJson, "eventPatternJson");
        DocumentProblems problems = new DocumentProblems(PATTERN_SOURCE);
        Node root = problems.root(TreeReader.read(eventPatternJson, TreeReader.Syntax.DETECT));
        Condition condition = root == null ? null : new PatternCompiler(problems).compile(root);
        problems.throwIfAny();
        return condition;
    }

    /**
     * Every problem of a rule document, in document order; empty when it is valid.
     *
     * @throws UncheckedIOException when the file cannot be read
     */
    public static List<RuleDocumentProblem> check(Path file) {
        try {
            read(file);
            return List.of();
        } catch (RuleDocumentException e) {
            return e.problems();
        }
    }

    /* ------------------------------------------------------------------ documents */

    private static byte[] readFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return RuleText.readBounded(in); // one byte over is enough to refuse it
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule document " + file, e);
        }
    }

    private static List<Rule> load(byte[] bytes, String source) {
        DocumentProblems problems = new DocumentProblems(source);
        Node root = problems.root(TreeReader.read(bytes, TreeReader.Syntax.DETECT));
        List<Rule> rules = root == null ? List.of() : new RuleDocumentReader(problems).rules(root);
        problems.throwIfAny();
        return List.copyOf(rules);
    }
}
