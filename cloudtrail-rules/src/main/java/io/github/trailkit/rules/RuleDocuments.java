package io.github.trailkit.rules;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.rules.internal.yaml.RuleText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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

    private static final JsonFactory JSON = RuleText.JSON;
    private static final YAMLFactory YAML = RuleText.YAML;

    private static final List<String> RULE_KEYS =
            List.of("id", "title", "description", "references", "severity", "tags", "dedupKey", "pattern");
    private static final List<String> OPERATORS = List.of(
            "exactly",
            "prefix",
            "suffix",
            "equals-ignore-case",
            "wildcard",
            "anything-but",
            "numeric",
            "cidr",
            "exists");
    private static final List<String> ANYTHING_BUT_OPERATORS =
            List.of("prefix", "suffix", "equals-ignore-case", "wildcard");
    /** Names Event Ruler refuses as field names inside {@code $or}: its operators and the ones it reserves. */
    private static final Set<String> RESERVED_IN_OR = Set.of(
            "exactly",
            "equals-ignore-case",
            "prefix",
            "suffix",
            "anything-but",
            "exists",
            "wildcard",
            "numeric",
            "cidr",
            "=",
            "<",
            "<=",
            ">",
            ">=",
            "regex",
            "not-wildcard",
            "not-equals-ignore-case",
            "date-after",
            "date-on-or-after",
            "date-before",
            "date-on-or-before",
            "in-date-range",
            "ip-address-in-range",
            "ip-address-not-in-range");

    private static final List<String> ENVELOPE_FIELDS =
            List.of("source", "detail-type", "account", "region", "time", "version", "detail", "id", "resources");
    private static final Set<String> ENVELOPE_MARKERS = Set.of("source", "detail-type", "detail");
    /** More {@code $or} combinations than this in one pattern is surely a mistake (each is a branch to test). */
    private static final int MAX_BRANCHES = 10_000;

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
        Problems problems = new Problems(PATTERN_SOURCE);
        Node root = parse(eventPatternJson, problems);
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
        Problems problems = new Problems(source);
        String text;
        try {
            RuleText.Refusal tooBig = RuleText.sizeRefusal(bytes);
            if (tooBig != null) {
                throw tooBig;
            }
            text = RuleText.decode(bytes);
        } catch (RuleText.Refusal r) {
            problems.add(r.line, r.column, r.getMessage());
            problems.throwIfAny();
            return List.of();
        }
        Node root = parse(text, problems);
        List<Rule> rules = root == null ? List.of() : new DocumentReader(problems).rules(root);
        problems.throwIfAny();
        return List.copyOf(rules);
    }

    /** Reads the document shape around the patterns. */
    private static final class DocumentReader {
        private final Problems problems;
        private final Map<String, Node> ids = new LinkedHashMap<>();

        DocumentReader(Problems problems) {
            this.problems = problems;
        }

        List<Rule> rules(Node root) {
            List<Rule> rules = new ArrayList<>();
            if (root.kind != Kind.OBJECT) {
                problems.at(
                        root,
                        "expected an object with a \"rules\" list at the top of the document, found " + describe(root));
                return rules;
            }
            Map<String, Entry> keys = problems.keys(root, List.of("rules"));
            Entry list = keys.get("rules");
            if (list == null) {
                problems.at(root, "missing \"rules\": expected a list of rules at the top of the document");
                return rules;
            }
            if (list.value.kind != Kind.ARRAY) {
                problems.at(list.value, "\"rules\" must be a list of rules, found " + describe(list.value));
                return rules;
            }
            for (Node element : list.value.elements) {
                Rule r = rule(element);
                if (r != null) {
                    rules.add(r);
                }
            }
            return rules;
        }

        private Rule rule(Node node) {
            if (node.kind != Kind.OBJECT) {
                problems.at(node, "a rule must be an object with an id and a pattern, found " + describe(node));
                return null;
            }
            int before = problems.size();
            Map<String, Entry> keys = problems.keys(node, RULE_KEYS);
            Rule.Builder b = Rule.builder();

            String id = string(keys.get("id"));
            Entry idEntry = keys.get("id");
            if (idEntry == null) {
                problems.at(node, "missing \"id\": each rule needs an id, such as sns-topic-created");
            } else if (id != null) {
                String invalid = invalidId(id);
                if (invalid != null) {
                    problems.at(idEntry.value, invalid);
                } else {
                    Node first = ids.putIfAbsent(id, idEntry.value);
                    if (first != null) {
                        problems.at(
                                idEntry.value,
                                "duplicate rule id " + ValueMatcher.quote(id) + "; first at line " + first.line
                                        + ", column " + first.column);
                    }
                    b.id(id);
                }
            }
            String title = string(keys.get("title"));
            if (title != null) {
                b.title(title);
            }
            String description = string(keys.get("description"));
            if (description != null) {
                b.description(description);
            }
            String severity = string(keys.get("severity"));
            if (severity != null) {
                Severity s = severity(severity);
                if (s == null) {
                    problems.at(
                            keys.get("severity").value,
                            "unknown severity " + ValueMatcher.quote(severity)
                                    + "; expected one of INFO, LOW, MEDIUM, HIGH, CRITICAL");
                } else {
                    b.severity(s);
                }
            }
            Entry tags = keys.get("tags");
            if (tags != null) {
                if (tags.value.kind != Kind.ARRAY) {
                    problems.at(tags.value, "\"tags\" must be a list of strings, found " + describe(tags.value));
                } else {
                    for (Node tag : tags.value.elements) {
                        if (tag.kind != Kind.STRING) {
                            problems.at(tag, "a tag must be a string, found " + describe(tag));
                        } else {
                            b.addTags(tag.text);
                        }
                    }
                }
            }
            Entry references = keys.get("references");
            if (references != null) {
                if (references.value.kind != Kind.ARRAY) {
                    problems.at(
                            references.value,
                            "\"references\" must be a list of links, found " + describe(references.value));
                } else {
                    for (Node ref : references.value.elements) {
                        if (ref.kind != Kind.STRING) {
                            problems.at(ref, "a reference must be a string, found " + describe(ref));
                        } else {
                            b.addReferences(ref.text);
                        }
                    }
                }
            }
            Entry dedupEntry = keys.get("dedupKey");
            List<Node> dedupPaths = dedupEntry == null
                    ? List.of()
                    : dedupEntry.value.kind == Kind.ARRAY ? dedupEntry.value.elements : List.of(dedupEntry.value);
            for (Node path : dedupPaths) {
                if (path.kind != Kind.STRING || !validPath(path.text)) {
                    problems.at(
                            path,
                            "\"dedupKey\" must be a dotted field path such as userIdentity.arn, or a list "
                                    + "of them, found "
                                    + (path.kind == Kind.STRING ? ValueMatcher.quote(path.text) : describe(path)));
                } else {
                    b.addDedupKey(path.text);
                }
            }
            Entry pattern = keys.get("pattern");
            if (pattern == null) {
                problems.at(
                        node,
                        (id == null ? "rule" : "rule " + ValueMatcher.quote(id))
                                + " is missing \"pattern\": expected an EventBridge event pattern, such as "
                                + "{\"eventName\": [\"CreateTopic\"]}");
            } else {
                Condition c = new PatternCompiler(problems).compile(pattern.value);
                if (c != null) {
                    b.condition(c);
                }
            }
            return problems.size() == before ? b.build() : null;
        }

        /** The string value of an optional key, or null (with a problem when it is not a string). */
        private String string(Entry e) {
            if (e == null) {
                return null;
            }
            if (e.value.kind != Kind.STRING) {
                problems.at(e.value, ValueMatcher.quote(e.key) + " must be a string, found " + describe(e.value));
                return null;
            }
            return e.value.text;
        }

        /** Rule's own check, so its message stays the one users see from the DSL. */
        private static String invalidId(String id) {
            try {
                Rules.rule(id).when(Rules.always()).build();
                return null;
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }

        private static Severity severity(String text) {
            for (Severity s : Severity.values()) {
                if (s.name().equalsIgnoreCase(text)) {
                    return s;
                }
            }
            return null;
        }
    }

    /* ------------------------------------------------------------------ patterns */

    /** Compiles one pattern, reporting every problem. Mirrors Event Ruler's JsonRuleCompiler step by step. */
    private static final class PatternCompiler {
        private final Problems problems;
        /** The key that makes this an EventBridge envelope pattern, or null for a pattern over the record. */
        private Entry envelope;

        PatternCompiler(Problems problems) {
            this.problems = problems;
        }

        Condition compile(Node pattern) {
            if (pattern.kind != Kind.OBJECT) {
                problems.at(
                        pattern,
                        "a pattern must be an object, such as {\"eventName\": [\"CreateTopic\"]}, found "
                                + describe(pattern));
                return null;
            }
            int before = problems.size();
            envelope = envelopeMarker(pattern);
            List<Map<String, Condition>> branches = new ArrayList<>();
            object(pattern, "", branches, false);
            return problems.size() == before ? combine(branches) : null;
        }

        /** The first top-level key (in {@code $or} branches too) that only the EventBridge envelope has. */
        private static Entry envelopeMarker(Node object) {
            for (Entry e : object.entries) {
                if (e.key.equals("$or")) {
                    if (e.value.kind == Kind.ARRAY) {
                        for (Node branch : e.value.elements) {
                            if (branch.kind == Kind.OBJECT) {
                                Entry m = envelopeMarker(branch);
                                if (m != null) {
                                    return m;
                                }
                            }
                        }
                    }
                } else if (ENVELOPE_MARKERS.contains(firstSegment(e.key))) {
                    return e;
                }
            }
            return null;
        }

        /**
         * Adds the fields of {@code object} at {@code prefix} to every branch, forking branches at {@code $or}: each
         * branch maps a path to its condition, and a later path replaces an earlier one, as in Event Ruler.
         */
        private void object(Node object, String prefix, List<Map<String, Condition>> branches, boolean insideOr) {
            Map<String, Entry> seen = new LinkedHashMap<>();
            if (object.entries.isEmpty()) {
                problems.at(
                        object,
                        (prefix.isEmpty() ? "empty pattern" : "empty object at " + ValueMatcher.quote(prefix))
                                + "; expected at least one field");
                return;
            }
            for (Entry e : object.entries) {
                Entry first = seen.putIfAbsent(e.key, e);
                if (first != null) {
                    problems.atKey(
                            e,
                            "duplicate key " + ValueMatcher.quote(e.key) + "; first at line " + first.line + ", column "
                                    + first.column);
                    continue;
                }
                if (e.key.equals("$or")) {
                    or(e, prefix, branches);
                    continue;
                }
                if (insideOr && RESERVED_IN_OR.contains(e.key)) {
                    problems.atKey(
                            e,
                            ValueMatcher.quote(e.key) + " is an operator name, so it cannot be a field name "
                                    + "inside \"$or\"; operators go in a field's array, such as [{\"prefix\": \"x\"}]");
                    continue;
                }
                if (!validPath(e.key)) {
                    problems.atKey(
                            e,
                            "field name " + ValueMatcher.quote(e.key)
                                    + " has an empty part; expected names joined by single dots");
                    continue;
                }
                String path = prefix.isEmpty() ? e.key : prefix + "." + e.key;
                if (prefix.isEmpty() && envelope != null && !envelopeKey(e)) {
                    continue;
                }
                switch (e.value.kind) {
                    case OBJECT:
                        object(e.value, path, branches, insideOr);
                        break;
                    case ARRAY:
                        Condition c = field(e.value, path, e);
                        if (c != null) {
                            if (branches.isEmpty()) {
                                branches.add(new LinkedHashMap<>());
                            }
                            for (Map<String, Condition> branch : branches) {
                                branch.put(path, c);
                            }
                        }
                        break;
                    default:
                        problems.at(
                                e.value,
                                ValueMatcher.quote(path) + " must be an array of alternatives, such as "
                                        + example(e.value) + ", or an object of nested fields; found "
                                        + describe(e.value));
                }
            }
        }

        private void or(Entry e, String prefix, List<Map<String, Condition>> branches) {
            Node list = e.value;
            if (list.kind != Kind.ARRAY) {
                problems.at(list, "\"$or\" must be an array of at least two pattern objects, found " + describe(list));
                return;
            }
            List<Map<String, Condition>> current = copy(branches);
            branches.clear();
            for (Node element : list.elements) {
                if (element.kind != Kind.OBJECT) {
                    problems.at(
                            element,
                            "\"$or\" holds pattern objects, such as {\"eventName\": [\"CreateTopic\"]}, " + "found "
                                    + describe(element));
                    continue;
                }
                List<Map<String, Condition>> forked = copy(current);
                if (forked.isEmpty()) {
                    forked.add(new LinkedHashMap<>());
                }
                object(element, prefix, forked, true);
                branches.addAll(forked);
                if (branches.size() > MAX_BRANCHES) {
                    problems.at(
                            list,
                            "too many \"$or\" combinations: more than " + MAX_BRANCHES
                                    + " branches; combine fewer \"$or\" arrays");
                    branches.clear();
                    return;
                }
            }
            if (list.elements.size() < 2) {
                problems.at(list, "\"$or\" needs at least two pattern objects, found " + list.elements.size());
            }
        }

        private static List<Map<String, Condition>> copy(List<Map<String, Condition>> branches) {
            List<Map<String, Condition>> out = new ArrayList<>(branches.size());
            for (Map<String, Condition> b : branches) {
                out.add(new LinkedHashMap<>(b));
            }
            return out;
        }

        /** Checks a top-level key of an envelope pattern; false (with a problem) when it cannot be compiled. */
        private boolean envelopeKey(Entry e) {
            String first = firstSegment(e.key);
            if (first.equals("id") || first.equals("resources")) {
                problems.atKey(
                        e,
                        ValueMatcher.quote(first) + " is set by EventBridge when it delivers the event, so it "
                                + "cannot be matched on CloudTrail records; remove it");
                return false;
            }
            if (!ENVELOPE_FIELDS.contains(first)) {
                problems.atKey(
                        e,
                        ValueMatcher.quote(e.key) + " is not an EventBridge envelope field (source, detail-type, "
                                + "account, region, time, version, detail); this pattern has "
                                + ValueMatcher.quote(envelope.key)
                                + " (line " + envelope.line + ", column " + envelope.column
                                + "), so put CloudTrail record fields under \"detail\"");
                return false;
            }
            return true;
        }

        /** The condition for one field's array of alternatives, or null after reporting problems. */
        private Condition field(Node alternatives, String path, Entry entry) {
            boolean version = false;
            Field f;
            if (envelope == null) {
                f = selector(path);
            } else {
                String first = firstSegment(path);
                String rest = path.length() > first.length() ? path.substring(first.length() + 1) : "";
                if (first.equals("detail")) {
                    if (rest.isEmpty()) {
                        problems.at(
                                alternatives,
                                "\"detail\" is the CloudTrail record itself: give it an object of "
                                        + "record fields, such as {\"eventName\": [\"CreateTopic\"]}, not an array");
                        return null;
                    }
                    f = selector(rest);
                } else if (first.equals("version")) {
                    version = true;
                    f = Rules.field(path);
                } else {
                    if (!rest.isEmpty()) {
                        problems.atKey(
                                entry,
                                ValueMatcher.quote(first) + " is a string in the EventBridge envelope; it has "
                                        + "no field " + ValueMatcher.quote(rest));
                        return null;
                    }
                    f = envelopeField(first);
                }
            }
            Condition c = alternatives(alternatives, path, f);
            if (c != null && version) {
                // the envelope's version is always "0": decide the test now
                return c.matches(Envelope.VERSION) ? Rules.always() : Rules.never();
            }
            return c;
        }

        private static Field envelopeField(String name) {
            switch (name) {
                case "source":
                    return Rules.eventBridgeSource();
                case "detail-type":
                    return Rules.eventBridgeDetailType();
                case "account":
                    return Rules.recipientAccountId();
                case "region":
                    return Rules.awsRegion();
                case "time":
                    return Rules.eventTime();
                default:
                    throw new IllegalStateException(name);
            }
        }

        private Condition alternatives(Node array, String path, Field f) {
            if (array.elements.isEmpty()) {
                problems.at(
                        array,
                        ValueMatcher.quote(path) + " has an empty array; expected at least one alternative, "
                                + "such as [\"CreateTopic\"]");
                return null;
            }
            List<Condition> alternatives = new ArrayList<>();
            List<String> exact = new ArrayList<>();
            int exactAt = -1;
            boolean failed = false;
            for (Node v : array.elements) {
                Condition c = null;
                switch (v.kind) {
                    case STRING:
                        String address = ipAddress(v.text);
                        if (address == null) {
                            if (exactAt < 0) {
                                exactAt = alternatives.size();
                                alternatives.add(null); // the place of the in(...) of all exact strings
                            }
                            exact.add(v.text);
                            continue;
                        }
                        c = f.inCidr(address);
                        break;
                    case NUMBER:
                        if (!exactDouble(v, ValueMatcher.quote(path) + ": ")) {
                            failed = true;
                            continue;
                        }
                        c = f.is(v.number);
                        break;
                    case TRUE:
                        c = f.is(true);
                        break;
                    case FALSE:
                        c = f.is(false);
                        break;
                    case NULL:
                        c = f.isNull();
                        break;
                    case OBJECT:
                        c = operator(v, path, f);
                        break;
                    default:
                        problems.at(
                                v,
                                ValueMatcher.quote(path) + ": an alternative must be a string, a number, true, false, "
                                        + "null or an operator such as {\"prefix\": \"Delete\"}; found " + describe(v));
                }
                if (c == null) {
                    failed = true;
                } else {
                    alternatives.add(c);
                }
            }
            if (failed) {
                return null;
            }
            if (exactAt >= 0) {
                alternatives.set(exactAt, f.in(exact));
            }
            return Rules.anyOf(alternatives);
        }

        private Condition operator(Node object, String path, Field f) {
            String at = ValueMatcher.quote(path) + ": ";
            if (object.entries.isEmpty()) {
                problems.at(object, at + "empty operator object; expected one of " + String.join(", ", OPERATORS));
                return null;
            }
            if (object.entries.size() > 1) {
                problems.atKey(
                        object.entries.get(1),
                        at + "an operator object holds one operator, found " + object.entries.size() + " ("
                                + keyList(object) + "); give each as its own alternative");
                return null;
            }
            Entry op = object.entries.get(0);
            Node v = op.value;
            switch (op.key) {
                case "exactly":
                    if (v.kind != Kind.STRING) {
                        problems.at(v, at + "\"exactly\" expects a string, found " + describe(v));
                        return null;
                    }
                    return f.is(v.text);
                case "prefix":
                case "suffix": {
                    boolean prefix = op.key.equals("prefix");
                    if (v.kind == Kind.STRING) {
                        return prefix ? f.startsWith(v.text) : f.endsWith(v.text);
                    }
                    if (v.kind == Kind.OBJECT
                            && v.entries.size() == 1
                            && v.entries.get(0).key.equals("equals-ignore-case")) {
                        Node s = v.entries.get(0).value;
                        if (s.kind != Kind.STRING) {
                            problems.at(
                                    s,
                                    at + "\"equals-ignore-case\" in " + ValueMatcher.quote(op.key)
                                            + " expects a string, found " + describe(s));
                            return null;
                        }
                        return prefix ? f.startsWithIgnoreCase(s.text) : f.endsWithIgnoreCase(s.text);
                    }
                    if (v.kind == Kind.OBJECT && v.entries.size() == 1) {
                        problems.atKey(
                                v.entries.get(0),
                                at + "unknown " + ValueMatcher.quote(op.key) + " option "
                                        + ValueMatcher.quote(v.entries.get(0).key) + "; expected equals-ignore-case");
                        return null;
                    }
                    problems.at(
                            v,
                            at + ValueMatcher.quote(op.key) + " expects a string or {\"equals-ignore-case\": "
                                    + "\"...\"}, found " + describe(v)
                                    + (v.kind == Kind.OBJECT ? " with " + v.entries.size() + " keys" : ""));
                    return null;
                }
                case "equals-ignore-case":
                    if (v.kind != Kind.STRING) {
                        problems.at(v, at + "\"equals-ignore-case\" expects a string, found " + describe(v));
                        return null;
                    }
                    return f.equalsIgnoreCase(v.text);
                case "wildcard": {
                    if (v.kind != Kind.STRING) {
                        problems.at(v, at + "\"wildcard\" expects a string, found " + describe(v));
                        return null;
                    }
                    String bad = wildcardProblem(v.text);
                    if (bad != null) {
                        problems.at(v, at + bad);
                        return null;
                    }
                    return f.wildcard(v.text);
                }
                case "anything-but":
                    return anythingBut(v, at, f);
                case "numeric":
                    return numeric(v, at, f);
                case "cidr": {
                    if (v.kind != Kind.STRING) {
                        problems.at(
                                v,
                                at + "\"cidr\" expects a CIDR range such as \"10.0.0.0/24\" or "
                                        + "\"2001:db8::/32\", found " + describe(v));
                        return null;
                    }
                    String bad = cidrProblem(v.text);
                    if (bad != null) {
                        problems.at(v, at + bad);
                        return null;
                    }
                    return f.inCidr(v.text);
                }
                case "exists":
                    if (v.kind == Kind.TRUE) {
                        return f.existsAsLeaf();
                    }
                    if (v.kind == Kind.FALSE) {
                        return f.absentAsLeaf();
                    }
                    problems.at(v, at + "\"exists\" expects true or false, found " + describe(v));
                    return null;
                default:
                    problems.atKey(
                            op,
                            at + "unknown operator " + ValueMatcher.quote(op.key) + "; expected one of "
                                    + String.join(", ", OPERATORS)
                                    + (op.key.equals("contains")
                                            ? " (for contains, use {\"wildcard\": \"*text*\"})"
                                            : ""));
                    return null;
            }
        }

        private Condition anythingBut(Node v, String at, Field f) {
            switch (v.kind) {
                case STRING:
                    return f.anythingBut(v.text);
                case NUMBER:
                    return exactDouble(v, at) ? f.anythingBut(v.number) : null;
                case ARRAY: {
                    if (v.elements.isEmpty()) {
                        problems.at(
                                v, at + "\"anything-but\" has an empty list; expected strings or numbers to exclude");
                        return null;
                    }
                    Kind kind = v.elements.get(0).kind;
                    boolean ok = true;
                    for (Node e : v.elements) {
                        if (e.kind != Kind.STRING && e.kind != Kind.NUMBER) {
                            problems.at(e, at + "\"anything-but\" lists strings or numbers, found " + describe(e));
                            ok = false;
                        } else if (e.kind != kind && (kind == Kind.STRING || kind == Kind.NUMBER)) {
                            problems.at(
                                    e,
                                    at + "\"anything-but\" list mixes strings and numbers; expected all strings "
                                            + "or all numbers");
                            ok = false;
                        } else if (e.kind == Kind.NUMBER && !exactDouble(e, at)) {
                            ok = false;
                        }
                    }
                    if (!ok) {
                        return null;
                    }
                    if (kind == Kind.STRING) {
                        List<String> s = v.elements.stream().map(n -> n.text).collect(Collectors.toList());
                        return f.anythingBut(s.get(0), rest(s));
                    }
                    double[] d = v.elements.stream().mapToDouble(n -> n.number).toArray();
                    double[] more = new double[d.length - 1];
                    System.arraycopy(d, 1, more, 0, more.length);
                    return f.anythingBut(d[0], more);
                }
                case OBJECT: {
                    if (v.entries.isEmpty()) {
                        problems.at(
                                v,
                                at + "\"anything-but\" has an empty object; expected one of "
                                        + String.join(", ", ANYTHING_BUT_OPERATORS));
                        return null;
                    }
                    if (v.entries.size() > 1) {
                        problems.atKey(
                                v.entries.get(1),
                                at + "\"anything-but\" holds one operator, found " + v.entries.size() + " ("
                                        + keyList(v) + ")");
                        return null;
                    }
                    Entry op = v.entries.get(0);
                    if (!ANYTHING_BUT_OPERATORS.contains(op.key)) {
                        problems.atKey(
                                op,
                                at + "unknown \"anything-but\" operator " + ValueMatcher.quote(op.key)
                                        + "; expected one of " + String.join(", ", ANYTHING_BUT_OPERATORS));
                        return null;
                    }
                    List<String> values = stringOrStrings(op, at);
                    if (values == null) {
                        return null;
                    }
                    switch (op.key) {
                        case "prefix":
                            return f.anythingButPrefix(values.get(0), rest(values));
                        case "suffix":
                            return f.anythingButSuffix(values.get(0), rest(values));
                        case "equals-ignore-case":
                            return f.anythingButIgnoreCase(values.get(0), rest(values));
                        default:
                            return f.anythingButWildcard(values.get(0), rest(values));
                    }
                }
                default:
                    problems.at(
                            v,
                            at + "\"anything-but\" expects a string, a number, a list of strings or of numbers, "
                                    + "or an object with prefix, suffix, equals-ignore-case or wildcard; found "
                                    + describe(v));
                    return null;
            }
        }

        /** The string or non-empty list of strings of an {@code anything-but} operator, checked; null on problems. */
        private List<String> stringOrStrings(Entry op, String at) {
            String what = ValueMatcher.quote(op.key) + " in \"anything-but\"";
            List<Node> nodes;
            if (op.value.kind == Kind.STRING) {
                nodes = List.of(op.value);
            } else if (op.value.kind == Kind.ARRAY && !op.value.elements.isEmpty()) {
                nodes = op.value.elements;
            } else {
                problems.at(
                        op.value,
                        at + what + " expects a string or a non-empty list of strings, found " + describe(op.value));
                return null;
            }
            List<String> out = new ArrayList<>();
            boolean ok = true;
            for (Node n : nodes) {
                String bad = null;
                if (n.kind != Kind.STRING) {
                    bad = what + " expects strings, found " + describe(n);
                } else if (n.text.isEmpty() && (op.key.equals("prefix") || op.key.equals("suffix"))) {
                    bad = what + " must not be empty";
                } else if (op.key.equals("wildcard")) {
                    bad = wildcardProblem(n.text);
                }
                if (bad != null) {
                    problems.at(n, at + bad);
                    ok = false;
                } else {
                    out.add(n.text);
                }
            }
            return ok ? out : null;
        }

        private Condition numeric(Node v, String at, Field f) {
            if (v.kind != Kind.ARRAY) {
                problems.at(v, at + "\"numeric\" expects an array such as [\">\", 0, \"<=\", 5], found " + describe(v));
                return null;
            }
            List<Node> e = v.elements;
            if (e.isEmpty()) {
                problems.at(
                        v,
                        at + "\"numeric\" expects an operator and a number, such as [\">\", 0]; found an empty "
                                + "array");
                return null;
            }
            String op1 = numericOperator(e.get(0), at, List.of("=", "<", "<=", ">", ">="));
            if (op1 == null) {
                return null;
            }
            Double n1 = numericValue(e, 1, op1, at, v);
            if (n1 == null) {
                return null;
            }
            if (op1.equals("=") || op1.startsWith("<")) {
                if (e.size() > 2) {
                    problems.at(
                            e.get(2),
                            at
                                    + (op1.equals("=")
                                            ? "\"numeric\" with \"=\" takes one number, found more elements"
                                            : "\"numeric\" takes a lower bound (> or >=) before an upper bound (< or <=); found more "
                                                    + "elements after " + ValueMatcher.quote(op1)));
                    return null;
                }
                switch (op1) {
                    case "=":
                        return f.is(n1);
                    case "<":
                        return f.lessThan(n1);
                    default:
                        return f.atMost(n1);
                }
            }
            if (e.size() == 2) {
                return op1.equals(">") ? f.greaterThan(n1) : f.atLeast(n1);
            }
            String op2 = numericOperator(e.get(2), at, List.of("<", "<="));
            if (op2 == null) {
                return null;
            }
            Double n2 = numericValue(e, 3, op2, at, v);
            if (n2 == null) {
                return null;
            }
            if (e.size() > 4) {
                problems.at(e.get(4), at + "\"numeric\" takes at most a lower and an upper bound; found more elements");
                return null;
            }
            if (!(n1 < n2)) {
                problems.at(
                        v,
                        at + "\"numeric\" range is empty: the lower bound " + ValueMatcher.number(n1)
                                + " must be below the upper bound " + ValueMatcher.number(n2));
                return null;
            }
            return f.range(op1, n1, op2, n2);
        }

        private String numericOperator(Node n, String at, List<String> allowed) {
            if (n.kind == Kind.STRING && allowed.contains(n.text)) {
                return n.text;
            }
            problems.at(
                    n,
                    at + "\"numeric\" expects "
                            + (allowed.size() == 2
                                    ? "an upper bound operator (< or <=) after the lower bound"
                                    : "an operator (=, <, <=, >, >=)")
                            + " here, found " + describe(n));
            return null;
        }

        /**
         * True when the double a pattern number is read as spells that number back exactly (Event Ruler's test:
         * {@code 0.1} yes, {@code 9007199254740993} or {@code 1e400} no); else reports it. Such a number would silently
         * be compared as a different one, and Event Ruler rejects it in {@code numeric} and {@code anything-but}.
         */
        private boolean exactDouble(Node n, String at) {
            if (Double.isFinite(n.number)) {
                try {
                    if (BigDecimal.valueOf(n.number).compareTo(new BigDecimal(n.text.trim())) == 0) {
                        return true;
                    }
                } catch (NumberFormatException e) {
                    return true; // a YAML spelling such as 0x1F: read by the YAML parser, not as a decimal
                }
            }
            problems.at(
                    n,
                    at + "the number " + n.text + " has more digits than a double holds"
                            + (Double.isFinite(n.number)
                                    ? " (it would be compared as " + ValueMatcher.number(n.number) + ")"
                                    : " (it is beyond the double range)")
                            + "; write it with at most 15 significant digits");
            return false;
        }

        private Double numericValue(List<Node> e, int i, String op, String at, Node array) {
            if (i >= e.size()) {
                problems.at(array, at + "\"numeric\" expects a number after " + ValueMatcher.quote(op));
                return null;
            }
            Node n = e.get(i);
            if (n.kind != Kind.NUMBER || !Double.isFinite(n.number)) {
                problems.at(
                        n,
                        at + "\"numeric\" expects a finite number after " + ValueMatcher.quote(op) + ", found "
                                + describe(n));
                return null;
            }
            return exactDouble(n, at) ? n.number : null;
        }
    }

    /** The envelope EventBridge makes of a CloudTrail event always has {@code "version": "0"}. */
    private static final class Envelope {
        static final CloudTrailRecord VERSION = CloudTrail.reader().readRecord("{\"version\":\"0\"}");
    }

    /**
     * Joins the branches into one condition: the conditions every branch shares, and the OR of what is left of each.
     * A branch with a test decided as never is dropped; one decided as always is left out of its branch.
     */
    private static Condition combine(List<Map<String, Condition>> branches) {
        List<Map<String, Condition>> live = new ArrayList<>();
        for (Map<String, Condition> b : branches) {
            if (b.values().stream().anyMatch(RuleDocuments::isNever)) {
                continue;
            }
            Map<String, Condition> kept = new LinkedHashMap<>(b);
            kept.values().removeIf(RuleDocuments::isAlways);
            live.add(kept);
        }
        if (live.isEmpty()) {
            return Rules.never();
        }
        Map<String, Condition> common = new LinkedHashMap<>(live.get(0));
        for (Map<String, Condition> b : live) {
            common.entrySet().removeIf(e -> b.get(e.getKey()) != e.getValue());
        }
        List<Condition> rests = new ArrayList<>();
        for (Map<String, Condition> b : live) {
            List<Condition> rest = new ArrayList<>();
            b.forEach((path, c) -> {
                if (common.get(path) != c) {
                    rest.add(c);
                }
            });
            if (rest.isEmpty()) {
                return Rules.allOf(new ArrayList<>(common.values())); // this branch needs only the shared tests
            }
            rests.add(Rules.allOf(rest));
        }
        List<Condition> all = new ArrayList<>(common.values());
        all.add(Rules.anyOf(rests));
        return Rules.allOf(all);
    }

    private static boolean isNever(Condition c) {
        return c instanceof Condition.AnyOf && ((Condition.AnyOf) c).parts.isEmpty();
    }

    private static boolean isAlways(Condition c) {
        return c instanceof Condition.AllOf && ((Condition.AllOf) c).parts.isEmpty();
    }

    /** The typed DSL selector for a record path where there is one (for readable {@code toString()}), else field(). */
    static Field selector(String path) {
        switch (path) {
            case "eventVersion":
                return Rules.eventVersion();
            case "eventSource":
                return Rules.eventSource();
            case "eventName":
                return Rules.eventName();
            case "eventType":
                return Rules.eventType();
            case "eventCategory":
                return Rules.eventCategory();
            case "eventTime":
                return Rules.eventTime();
            case "eventID":
                return Rules.eventID();
            case "awsRegion":
                return Rules.awsRegion();
            case "errorCode":
                return Rules.errorCode();
            case "errorMessage":
                return Rules.errorMessage();
            case "sourceIPAddress":
                return Rules.sourceIPAddress();
            case "userAgent":
                return Rules.userAgent();
            case "readOnly":
                return Rules.readOnly();
            case "managementEvent":
                return Rules.managementEvent();
            case "recipientAccountId":
                return Rules.recipientAccountId();
            case "vpcEndpointId":
                return Rules.vpcEndpointId();
            case "userIdentity.type":
                return Rules.userIdentity().type();
            case "userIdentity.arn":
                return Rules.userIdentity().arn();
            case "userIdentity.accountId":
                return Rules.userIdentity().accountId();
            case "userIdentity.userName":
                return Rules.userIdentity().userName();
            case "userIdentity.principalId":
                return Rules.userIdentity().principalId();
            case "userIdentity.accessKeyId":
                return Rules.userIdentity().accessKeyId();
            case "userIdentity.invokedBy":
                return Rules.userIdentity().invokedBy();
            case "userIdentity.identityProvider":
                return Rules.userIdentity().identityProvider();
            case "userIdentity.sessionContext.attributes.mfaAuthenticated":
                return Rules.userIdentity().mfaAuthenticated();
            case "userIdentity.sessionContext.sourceIdentity":
                return Rules.userIdentity().sourceIdentity();
            case "userIdentity.sessionContext.sessionIssuer.type":
                return Rules.userIdentity().sessionIssuer().type();
            case "userIdentity.sessionContext.sessionIssuer.arn":
                return Rules.userIdentity().sessionIssuer().arn();
            case "userIdentity.sessionContext.sessionIssuer.userName":
                return Rules.userIdentity().sessionIssuer().userName();
            case "userIdentity.sessionContext.sessionIssuer.accountId":
                return Rules.userIdentity().sessionIssuer().accountId();
            case "userIdentity.sessionContext.sessionIssuer.principalId":
                return Rules.userIdentity().sessionIssuer().principalId();
            default:
                break;
        }
        if (path.startsWith("requestParameters.")) {
            return Rules.requestParameter(path.substring("requestParameters.".length()));
        }
        if (path.startsWith("responseElements.")) {
            return Rules.responseElement(path.substring("responseElements.".length()));
        }
        if (path.startsWith("additionalEventData.")) {
            return Rules.additionalEventData(path.substring("additionalEventData.".length()));
        }
        return Rules.field(path);
    }

    /* ------------------------------------------------------------------ value checks */

    /**
     * The address to match when {@code s} is an IP address literal, as Event Ruler decides it (four dot-separated
     * decimal numbers up to 255, leading zeros allowed; or hex digits and colons forming an IPv6 address); else null.
     */
    static String ipAddress(String s) {
        int dots = 0;
        boolean v4chars = !s.isEmpty();
        boolean v6chars = !s.isEmpty();
        boolean colon = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            boolean hex = digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (c == '.') {
                dots++;
            }
            if (c == ':') {
                colon = true;
            }
            v4chars &= digit || c == '.';
            v6chars &= hex || c == ':';
        }
        if (v4chars && dots == 3) {
            StringBuilder canonical = new StringBuilder();
            int from = 0;
            for (int part = 0; part < 4; part++) {
                int to = part < 3 ? s.indexOf('.', from) : s.length();
                if (to == from) {
                    return null;
                }
                int value = 0;
                for (int i = from; i < to; i++) {
                    value = value * 10 + (s.charAt(i) - '0');
                    if (value > 255) {
                        return null;
                    }
                }
                canonical.append(part == 0 ? "" : ".").append(value);
                from = to + 1;
            }
            return canonical.toString();
        }
        if (v6chars && colon && Cidr.isAddress(s)) {
            return s;
        }
        return null;
    }

    /** What is wrong with a wildcard pattern, as Event Ruler checks it; null when it is fine. */
    static String wildcardProblem(String pattern) {
        boolean lastWasStar = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                if (i + 1 >= pattern.length() || (pattern.charAt(i + 1) != '*' && pattern.charAt(i + 1) != '\\')) {
                    return "wildcard " + ValueMatcher.quote(pattern) + " has an invalid escape at index " + i
                            + "; only \\* (a star) and \\\\ (a backslash) may be escaped";
                }
                i++;
                lastWasStar = false;
            } else if (c == '*') {
                if (lastWasStar) {
                    return "wildcard " + ValueMatcher.quote(pattern) + " has two * in a row at index " + i
                            + "; EventBridge allows no **, use a single *";
                }
                lastWasStar = true;
            } else {
                lastWasStar = false;
            }
        }
        return null;
    }

    /** What is wrong with a CIDR range, as Event Ruler checks it (a {@code /} is required); null when it is fine. */
    static String cidrProblem(String text) {
        int slash = text.indexOf('/');
        if (slash < 0 || text.indexOf('/', slash + 1) >= 0) {
            return "\"cidr\" expects a CIDR range with one /, such as \"10.0.0.0/24\" or \"2001:db8::/32\", found "
                    + ValueMatcher.quote(text);
        }
        byte[] address = Cidr.parseAddress(text.substring(0, slash));
        if (address == null) {
            return "\"cidr\" range " + ValueMatcher.quote(text) + " does not start with an IPv4 or IPv6 address";
        }
        String bits = text.substring(slash + 1);
        int max = address.length * 8;
        if (bits.isEmpty()
                || bits.length() > 3
                || !bits.chars().allMatch(ch -> ch >= '0' && ch <= '9')
                || Integer.parseInt(bits) > max) {
            return "\"cidr\" range " + ValueMatcher.quote(text) + " needs a prefix length from 0 to " + max
                    + " after the /";
        }
        return null;
    }

    private static boolean validPath(String path) {
        if (path.isEmpty()) {
            return false;
        }
        for (String s : path.split("\\.", -1)) {
            if (s.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static String firstSegment(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(0, dot);
    }

    private static String[] rest(List<String> values) {
        return values.subList(1, values.size()).toArray(new String[0]);
    }

    private static String keyList(Node object) {
        return object.entries.stream().map(e -> e.key).collect(Collectors.joining(", "));
    }

    /** A correct way to write a scalar that was given where an array belongs. */
    private static String example(Node scalar) {
        switch (scalar.kind) {
            case STRING:
                String s = scalar.text.length() > 40 ? scalar.text.substring(0, 37) + "..." : scalar.text;
                return "[" + ValueMatcher.quote(s) + "]";
            case NUMBER:
                return "[" + scalar.text + "]";
            case TRUE:
                return "[true]";
            case FALSE:
                return "[false]";
            case NULL:
                return "[null]";
            default:
                return "[\"CreateTopic\"]";
        }
    }

    /** What a value is, for messages: {@code a string "x"}, {@code a number 5}, {@code true}, {@code an object}. */
    static String describe(Node n) {
        switch (n.kind) {
            case STRING:
                String s = n.text.length() > 60 ? n.text.substring(0, 57) + "..." : n.text;
                return "a string " + ValueMatcher.quote(s);
            case NUMBER:
                return "a number " + n.text;
            case TRUE:
                return "true";
            case FALSE:
                return "false";
            case NULL:
                return "null";
            case ARRAY:
                return "an array";
            default:
                return "an object";
        }
    }

    /* ------------------------------------------------------------------ the located tree */

    enum Kind {
        OBJECT,
        ARRAY,
        STRING,
        NUMBER,
        TRUE,
        FALSE,
        NULL
    }

    /** A JSON or YAML value with the line and column where it starts. */
    static final class Node {
        final Kind kind;
        final int line;
        final int column;
        String text;
        double number;
        final List<Entry> entries = new ArrayList<>();
        final List<Node> elements = new ArrayList<>();

        Node(Kind kind, int line, int column) {
            this.kind = kind;
            this.line = line;
            this.column = column;
        }
    }

    /** An object member: its key, where the key is, and its value. */
    static final class Entry {
        final String key;
        final int line;
        final int column;
        final Node value;

        Entry(String key, int line, int column, Node value) {
            this.key = key;
            this.line = line;
            this.column = column;
            this.value = value;
        }
    }

    /**
     * Parses JSON (when the first non-blank character is {@code {} or {@code [}) or YAML into a located tree; null
     * after a syntax error or for an empty document, with the problem recorded.
     */
    private static Node parse(String text, Problems problems) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1); // a byte order mark takes no column
        }
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        boolean json = start < text.length() && (text.charAt(start) == '{' || text.charAt(start) == '[');
        if (!json) {
            try {
                RuleText.checkYamlRuns(text);
            } catch (RuleText.Refusal r) {
                problems.add(r.line, r.column, r.getMessage());
                return null;
            }
        }
        try (JsonParser p = json ? JSON.createParser(text) : YAML.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                problems.add(1, 1, "empty document; expected an object with a \"rules\" list");
                return null;
            }
            Node root = value(p, t, problems, 1);
            JsonToken more = p.nextToken();
            if (more != null) {
                JsonLocation l = p.currentTokenLocation();
                problems.add(
                        l.getLineNr(),
                        l.getColumnNr(),
                        "a rule document holds one " + (json ? "JSON value" : "YAML document")
                                + "; found more content");
            }
            return root;
        } catch (JsonProcessingException e) {
            syntaxError(e, problems);
            return null;
        } catch (Refused r) {
            problems.add(r.line, r.column, r.getMessage());
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A bound of {@link RuleText} hit while building the tree: the reading stops there. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;

        Refused(int line, int column, String message) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
        }
    }

    private static Node value(JsonParser p, JsonToken t, Problems problems, int depth) throws IOException {
        JsonLocation l = p.currentTokenLocation();
        int line = l.getLineNr();
        int column = l.getColumnNr();
        if (p instanceof YAMLParser && ((YAMLParser) p).isCurrentAlias()) {
            problems.add(
                    line,
                    column,
                    "YAML aliases (*" + p.getText() + ") are not supported in rule documents; "
                            + "write the value out");
        } else if (p instanceof YAMLParser && ((YAMLParser) p).getObjectId() != null) {
            problems.add(
                    line,
                    column,
                    "YAML anchors (&" + ((YAMLParser) p).getObjectId() + ") are not supported in "
                            + "rule documents; write the value out");
        }
        if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && depth > MAX_NESTING_DEPTH) {
            throw new Refused(line, column, RuleText.tooDeep());
        }
        if (t == JsonToken.VALUE_STRING) {
            String tooLong = RuleText.stringTooLong(p.getText()); // the YAML parser does not apply the JSON bound
            if (tooLong != null) {
                throw new Refused(line, column, tooLong);
            }
        }
        switch (t) {
            case START_OBJECT: {
                Node n = new Node(Kind.OBJECT, line, column);
                JsonToken k;
                while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
                    JsonLocation kl = p.currentTokenLocation();
                    String key = p.currentName();
                    String tooLong = RuleText.stringTooLong(key);
                    if (tooLong != null) {
                        throw new Refused(kl.getLineNr(), kl.getColumnNr(), "a key: " + tooLong);
                    }
                    Node v = value(p, p.nextToken(), problems, depth + 1);
                    n.entries.add(new Entry(key, kl.getLineNr(), kl.getColumnNr(), v));
                }
                return n;
            }
            case START_ARRAY: {
                Node n = new Node(Kind.ARRAY, line, column);
                JsonToken e;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                    n.elements.add(value(p, e, problems, depth + 1));
                }
                return n;
            }
            case VALUE_STRING: {
                Node n = new Node(Kind.STRING, line, column);
                n.text = p.getText();
                return n;
            }
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: {
                Node n = new Node(Kind.NUMBER, line, column);
                n.text = p.getText();
                n.number = p.getDoubleValue();
                return n;
            }
            case VALUE_TRUE:
                return new Node(Kind.TRUE, line, column);
            case VALUE_FALSE:
                return new Node(Kind.FALSE, line, column);
            case VALUE_NULL:
                return new Node(Kind.NULL, line, column);
            default: {
                problems.add(
                        line,
                        column,
                        "unsupported value " + ValueMatcher.quote(String.valueOf(p.getText()))
                                + "; expected a string, a number, true, false, null, a list or an object");
                Node n = new Node(Kind.NULL, line, column);
                return n;
            }
        }
    }

    /** Reports a syntax error with the best position and words the parser gives. */
    private static void syntaxError(JsonProcessingException e, Problems problems) {
        Throwable cause = e.getCause();
        if (cause instanceof org.yaml.snakeyaml.error.MarkedYAMLException) {
            org.yaml.snakeyaml.error.MarkedYAMLException y = (org.yaml.snakeyaml.error.MarkedYAMLException) cause;
            org.yaml.snakeyaml.error.Mark mark = y.getProblemMark() != null ? y.getProblemMark() : y.getContextMark();
            String message = y.getProblem() != null ? y.getProblem() : String.valueOf(y.getContext());
            if (y.getContext() != null && y.getProblem() != null) {
                message += " (" + y.getContext()
                        + (y.getContextMark() != null
                                ? " that starts at line " + (y.getContextMark().getLine() + 1) + ", column "
                                        + (y.getContextMark().getColumn() + 1)
                                : "")
                        + ")";
            }
            int line = mark != null ? mark.getLine() + 1 : 1;
            int column = mark != null ? mark.getColumn() + 1 : 1;
            problems.add(line, column, message.replace('\n', ' ').trim());
            return;
        }
        String message = e.getOriginalMessage();
        if (message == null && cause != null) {
            message = cause.getMessage();
        }
        message = withoutSources(String.valueOf(message)).replace('\n', ' ').trim();
        JsonLocation l = e.getLocation();
        problems.add(l != null ? l.getLineNr() : 1, l != null ? l.getColumnNr() : 1, message);
    }

    /** Jackson's {@code [Source: ...; line: 1, column: 2]} (about an earlier place) as {@code line 1, column 2}. */
    private static String withoutSources(String message) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        int at;
        while ((at = message.indexOf("[Source: ", from)) >= 0) {
            int line = message.indexOf("; line: ", at);
            int end = line < 0 ? -1 : message.indexOf(']', line);
            if (end < 0) {
                break;
            }
            out.append(message, from, at)
                    .append(message.substring(line + 2, end).replace(": ", " "));
            from = end + 1;
        }
        return out.append(message.substring(from)).toString();
    }

    /* ------------------------------------------------------------------ problems */

    /** The problems of one document. */
    private static final class Problems {
        private final String source;
        private final List<RuleDocumentProblem> list = new ArrayList<>();

        Problems(String source) {
            this.source = source;
        }

        void add(int line, int column, String message) {
            list.add(RuleDocumentProblem.of(source, line, column, message));
        }

        void at(Node n, String message) {
            add(n.line, n.column, message);
        }

        void atKey(Entry e, String message) {
            add(e.line, e.column, message);
        }

        int size() {
            return list.size();
        }

        /** The members of a document object by key, reporting unknown and duplicate keys. */
        Map<String, Entry> keys(Node object, List<String> allowed) {
            Map<String, Entry> out = new LinkedHashMap<>();
            for (Entry e : object.entries) {
                if (!allowed.contains(e.key)) {
                    atKey(
                            e,
                            "unknown key " + ValueMatcher.quote(e.key) + "; expected "
                                    + (allowed.size() == 1 ? allowed.get(0) : "one of " + String.join(", ", allowed)));
                    continue;
                }
                Entry first = out.putIfAbsent(e.key, e);
                if (first != null) {
                    atKey(
                            e,
                            "duplicate key " + ValueMatcher.quote(e.key) + "; first at line " + first.line + ", column "
                                    + first.column);
                }
            }
            return out;
        }

        void throwIfAny() {
            if (!list.isEmpty()) {
                List<RuleDocumentProblem> sorted = new ArrayList<>(list);
                sorted.sort(Comparator.comparingInt(RuleDocumentProblem::line)
                        .thenComparingInt(RuleDocumentProblem::column));
                throw new RuleDocumentException(sorted);
            }
        }
    }
}
