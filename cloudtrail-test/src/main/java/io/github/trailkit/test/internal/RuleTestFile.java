package io.github.trailkit.test.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailException;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.FieldPolicy;
import io.github.trailkit.model.RecordMember;
import io.github.trailkit.rules.RuleSet;
import io.github.trailkit.rules.tree.Node;
import io.github.trailkit.rules.tree.Tree;
import io.github.trailkit.rules.tree.TreeProblem;
import io.github.trailkit.rules.tree.TreeReader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a rule test file, as {@code RuleTests} does:
 *
 * <pre>{@code
 * List<RuleTestFile.Case> cases = RuleTestFile.read(bytes, "/rules-tests.yaml", ruleSet, CloudTrailRecords::fromResource);
 * }</pre>
 *
 * <p>The file has {@code cases}, each with a {@code name}, a {@code record} (inline) or a {@code resource}
 * (with an {@code index} when it holds several records), and {@code triggers} and/or {@code doesNotTrigger} rule ids.
 * Every problem of the file is collected and reported at once, each with the file, line and case name.
 */
public final class RuleTestFile {
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final List<String> CASE_KEYS =
            List.of("name", "description", "record", "resource", "index", "triggers", "doesNotTrigger");
    /** Record members whose contents are free-form JSON: YAML scalars keep their types there. */
    private static final Set<String> PAYLOADS = Set.of(
            "requestParameters",
            "responseElements",
            "additionalEventData",
            "serviceEventDetails",
            "eventContext",
            "summary",
            "insightDetails",
            "timeWindow");

    /**
     * One case: a record and the rules it must and must not trigger.
     *
     * <pre>{@code
     * Triggering.check(rules, c.record(), c.triggers(), c.doesNotTrigger(), Triggering.Mode.AT_LEAST);
     * }</pre>
     */
    public static final class Case {
        private final String name;
        private final int line;
        private final CloudTrailRecord record;
        private final List<String> triggers;
        private final List<String> doesNotTrigger;

        Case(String name, int line, CloudTrailRecord record, List<String> triggers, List<String> doesNotTrigger) {
            this.name = name;
            this.line = line;
            this.record = record;
            this.triggers = List.copyOf(triggers);
            this.doesNotTrigger = List.copyOf(doesNotTrigger);
        }

        /** The case's name: the dynamic test's display name. */
        public String name() {
            return name;
        }

        /** The line the case starts on. */
        public int line() {
            return line;
        }

        /** The record under test. */
        public CloudTrailRecord record() {
            return record;
        }

        /** The ids of the rules the record must trigger. */
        public List<String> triggers() {
            return triggers;
        }

        /** The ids of the rules the record must not trigger. */
        public List<String> doesNotTrigger() {
            return doesNotTrigger;
        }
    }

    private final String source;
    private final RuleSet rules;
    private final Function<String, List<CloudTrailRecord>> resources;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private boolean yaml;

    private RuleTestFile(String source, RuleSet rules, Function<String, List<CloudTrailRecord>> resources) {
        this.source = source;
        this.rules = rules;
        this.resources = resources;
    }

    /**
     * The cases of a test file. {@code source} names it in errors; a name ending in {@code .json} is read as JSON, any
     * other as YAML. {@code resources} loads the records a {@code resource:} names, throwing {@link
     * IllegalArgumentException} with a message when it cannot.
     *
     * @throws IllegalArgumentException listing every problem of the file, each as {@code source:line: case "name": …}
     */
    public static List<Case> read(
            byte[] content, String source, RuleSet rules, Function<String, List<CloudTrailRecord>> resources) {
        return new RuleTestFile(source, rules, resources).read(content);
    }

    private List<Case> read(byte[] content) {
        yaml = !source.endsWith(".json");
        Tree tree = TreeReader.read(content, yaml ? TreeReader.Syntax.YAML : TreeReader.Syntax.JSON);
        for (TreeProblem p : tree.problems()) {
            problems.add(source + ":" + p.line() + ": "
                    + (p.syntax() ? "not valid " + (yaml ? "YAML" : "JSON") + ": " : "") + p.message());
        }
        Node root = tree.root();
        if (root == null) {
            throw invalid(
                    problems.isEmpty()
                            ? List.of(source + ": the file is empty; expected an object with \"cases\"")
                            : problems);
        }
        tree.moreContent().ifPresent(at -> problems.add(source + ":" + at.line() + ": more than one document"));
        List<Case> cases = new ArrayList<>();
        Node list = root.kind() == Node.Kind.OBJECT ? root.get("cases") : null;
        if (list == null || list.kind() != Node.Kind.ARRAY) {
            problems.add(source + ":" + root.line() + ": expected an object with a list \"cases\"");
        } else {
            for (Node.Member m : root.members()) {
                if (!m.key().equals("cases")) {
                    problems.add(source + ":" + root.line() + ": unknown key " + Describe.quote(m.key())
                            + "; expected \"cases\"");
                }
            }
            if (list.elements().isEmpty()) {
                problems.add(source + ":" + list.line() + ": \"cases\" is empty");
            }
            for (int i = 0; i < list.elements().size(); i++) {
                Case c = readCase(list.elements().get(i), i + 1);
                if (c != null) {
                    cases.add(c);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return cases;
    }

    private Case readCase(Node node, int number) {
        if (node.kind() != Node.Kind.OBJECT) {
            problems.add(source + ":" + node.line() + ": case #" + number + ": expected an object with name, record "
                    + "or resource, triggers and/or doesNotTrigger");
            return null;
        }
        Node nameNode = node.get("name");
        String name;
        if (nameNode == null
                || nameNode.kind() != Node.Kind.STRING
                || nameNode.text().isBlank()) {
            name = "#" + number;
            problems.add(where(node.line(), name) + "missing \"name\" (a text)");
        } else {
            name = nameNode.text();
        }
        int before = problems.size();
        if (!names.add(name)) {
            problems.add(where(node.line(), name) + "another case has the same name");
        }
        for (Node.Member m : node.members()) {
            if (!CASE_KEYS.contains(m.key())) {
                problems.add(where(m.value().line(), name) + "unknown key " + Describe.quote(m.key())
                        + "; expected one of " + String.join(", ", CASE_KEYS));
            }
        }
        List<String> triggers = ids(node, "triggers", name);
        List<String> doesNotTrigger = ids(node, "doesNotTrigger", name);
        if (node.get("triggers") == null && node.get("doesNotTrigger") == null) {
            problems.add(where(node.line(), name) + "missing \"triggers\" or \"doesNotTrigger\" (a list of rule ids)");
        }
        for (String id : triggers) {
            if (doesNotTrigger.contains(id)) {
                problems.add(where(node.line(), name) + "rule " + Describe.quote(id)
                        + " is in both triggers and doesNotTrigger");
            }
        }
        CloudTrailRecord record = record(node, name);
        return problems.size() == before ? new Case(name, node.line(), record, triggers, doesNotTrigger) : null;
    }

    private List<String> ids(Node node, String key, String caseName) {
        Node list = node.get(key);
        List<String> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        if (list.kind() == Node.Kind.STRING) {
            list = null; // a single id written without brackets is a common slip: say what is expected
        }
        if (list == null || list.kind() != Node.Kind.ARRAY) {
            problems.add(where(node.get(key).line(), caseName) + Describe.quote(key)
                    + " must be a list of rule ids, such as [sns-topic-created]");
            return out;
        }
        for (Node id : list.elements()) {
            if (id.kind() != Node.Kind.STRING) {
                problems.add(where(id.line(), caseName) + Describe.quote(key) + " must hold rule ids (text), found "
                        + id.text());
            } else if (rules.rule(id.text()).isEmpty()) {
                problems.add(where(id.line(), caseName) + "unknown rule id " + Describe.quote(id.text()) + " in " + key
                        + "; the rule set has " + Describe.ids(ruleIds()));
            } else {
                out.add(id.text());
            }
        }
        return out;
    }

    private List<String> ruleIds() {
        List<String> ids = new ArrayList<>();
        rules.rules().forEach(r -> ids.add(r.id()));
        return ids;
    }

    private CloudTrailRecord record(Node node, String caseName) {
        Node inline = node.get("record");
        Node resource = node.get("resource");
        Node index = node.get("index");
        if ((inline == null) == (resource == null)) {
            problems.add(where(node.line(), caseName)
                    + (inline == null
                            ? "missing \"record\" (the record inline) or \"resource\" (a classpath resource or file with it)"
                            : "has both \"record\" and \"resource\"; give one"));
            return null;
        }
        if (index != null && resource == null) {
            problems.add(where(index.line(), caseName) + "\"index\" goes with \"resource\"");
            return null;
        }
        if (inline != null) {
            if (inline.kind() != Node.Kind.OBJECT) {
                problems.add(where(inline.line(), caseName) + "\"record\" must be a CloudTrail record object");
                return null;
            }
            try {
                // fixtures are exact: a member that cannot be read is an error
                return CloudTrail.reader().onBadField(FieldPolicy.REJECT_RECORD).readRecord(toJson(inline));
            } catch (CloudTrailException e) {
                problems.add(where(inline.line(), caseName) + "\"record\" is not a valid CloudTrail record: "
                        + e.getMessage());
                return null;
            }
        }
        if (resource.kind() != Node.Kind.STRING) {
            problems.add(where(resource.line(), caseName) + "\"resource\" must be a path");
            return null;
        }
        List<CloudTrailRecord> records;
        try {
            records = resources.apply(resource.text());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            problems.add(where(resource.line(), caseName) + e.getMessage());
            return null;
        }
        if (index == null) {
            if (records.size() != 1) {
                problems.add(where(resource.line(), caseName) + Describe.quote(resource.text()) + " holds "
                        + records.size() + " records; say which with \"index\" (0 to " + (records.size() - 1) + ")");
                return null;
            }
            return records.get(0);
        }
        int i;
        try {
            i = index.kind() == Node.Kind.NUMBER ? Integer.parseInt(index.text()) : -1;
        } catch (NumberFormatException e) {
            i = -1;
        }
        if (i < 0 || i >= records.size()) {
            problems.add(where(index.line(), caseName) + "\"index\" must be 0 to " + (records.size() - 1) + " for "
                    + Describe.quote(resource.text()) + ", was " + index.text());
            return null;
        }
        return records.get(i);
    }

    private String where(int line, String caseName) {
        return source + ":" + line + ": case " + Describe.quote(caseName) + ": ";
    }

    private static IllegalArgumentException invalid(List<String> problems) {
        return new IllegalArgumentException("invalid rule test file:\n  " + String.join("\n  ", problems));
    }

    /* ---------------------------------------------------------------- record JSON */

    private String toJson(Node record) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            write(g, record, 0, null, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Writes {@code n} as JSON. In YAML, scalars outside payloads are written as text where CloudTrail writes text:
     * unquoted numbers ({@code eventVersion: 1.10}, account ids), and {@code true}/{@code false} inside {@code
     * userIdentity} ({@code mfaAuthenticated}) and for a top-level record member typed as text (see {@link
     * RecordMember#valueType()}); the YAML author then need not quote them.
     */
    private void write(JsonGenerator g, Node n, int depth, String key, boolean inIdentity) throws IOException {
        switch (n.kind()) {
            case OBJECT:
                g.writeStartObject();
                for (Node.Member e : n.members()) {
                    g.writeFieldName(e.key());
                    if (depth == 0 && PAYLOADS.contains(e.key())) {
                        writeAsIs(g, e.value());
                    } else {
                        write(
                                g,
                                e.value(),
                                depth + 1,
                                e.key(),
                                inIdentity || (depth == 0 && e.key().equals("userIdentity")));
                    }
                }
                g.writeEndObject();
                return;
            case ARRAY:
                g.writeStartArray();
                for (Node e : n.elements()) {
                    write(g, e, depth + 1, key, inIdentity);
                }
                g.writeEndArray();
                return;
            case NUMBER:
                if (yaml && !"assumedRoot".equals(key)) {
                    g.writeString(n.text());
                } else {
                    writeAsIs(g, n);
                }
                return;
            case TRUE:
            case FALSE:
                if (yaml && ((inIdentity && !"assumedRoot".equals(key)) || (depth == 1 && textMember(key)))) {
                    g.writeString(n.text());
                } else {
                    writeAsIs(g, n);
                }
                return;
            default:
                writeAsIs(g, n);
        }
    }

    private static void writeAsIs(JsonGenerator g, Node n) throws IOException {
        switch (n.kind()) {
            case OBJECT:
                g.writeStartObject();
                for (Node.Member e : n.members()) {
                    g.writeFieldName(e.key());
                    writeAsIs(g, e.value());
                }
                g.writeEndObject();
                return;
            case ARRAY:
                g.writeStartArray();
                for (Node e : n.elements()) {
                    writeAsIs(g, e);
                }
                g.writeEndArray();
                return;
            case STRING:
                g.writeString(n.text());
                return;
            case NUMBER:
                writeNumber(g, n.text());
                return;
            case TRUE:
            case FALSE:
                g.writeBoolean(n.kind() == Node.Kind.TRUE);
                return;
            default:
                g.writeNull();
        }
    }

    /** A YAML number may be written in forms JSON lacks ({@code 1_000}, {@code +1}, {@code .5}): write its value. */
    private static void writeNumber(JsonGenerator g, String text) throws IOException {
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken().isNumeric() && p.nextToken() == null) {
                g.writeNumber(text);
                return;
            }
        } catch (JsonProcessingException e) {
            // not JSON number syntax: fall through
        }
        try {
            g.writeNumber(new java.math.BigDecimal(text.replace("_", "")));
        } catch (NumberFormatException e) {
            g.writeString(text); // 0x1F, .inf: keep the text; the record reader says if it is wrong
        }
    }

    /** Whether {@code key} is a member of the record that CloudTrail writes as text. */
    private static boolean textMember(String key) {
        return RecordMember.of(CloudTrailRecord.class, key)
                .map(m -> m.valueType() == String.class)
                .orElse(false);
    }
}
