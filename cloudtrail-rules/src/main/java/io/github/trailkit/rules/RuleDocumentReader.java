package io.github.trailkit.rules;

import static io.github.trailkit.rules.DocumentProblems.describe;

import io.github.trailkit.rules.tree.Node;
import io.github.trailkit.rules.tree.Node.Kind;
import io.github.trailkit.rules.tree.Node.Member;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the shape of a rule document around its patterns: the {@code rules} list, each rule's id, metadata and
 * {@code dedupKey}, handing each {@code pattern} to {@link PatternCompiler}.
 *
 * <pre>{@code
 * DocumentProblems problems = new DocumentProblems("rules.yaml");
 * Node root = problems.root(TreeReader.read(bytes, TreeReader.Syntax.DETECT));
 * List<Rule> rules = root == null ? List.of() : new RuleDocumentReader(problems).rules(root);
 * problems.throwIfAny();
 * }</pre>
 */
final class RuleDocumentReader {
    private static final List<String> RULE_KEYS =
            List.of("id", "title", "description", "references", "severity", "tags", "dedupKey", "pattern");

    private final DocumentProblems problems;
    private final Map<String, Node> ids = new LinkedHashMap<>();

    RuleDocumentReader(DocumentProblems problems) {
        this.problems = problems;
    }

    List<Rule> rules(Node root) {
        List<Rule> rules = new ArrayList<>();
        if (root.kind() != Kind.OBJECT) {
            problems.at(
                    root,
                    "expected an object with a \"rules\" list at the top of the document, found " + describe(root));
            return rules;
        }
        Map<String, Member> keys = problems.keys(root, List.of("rules"));
        Member list = keys.get("rules");
        if (list == null) {
            problems.at(root, "missing \"rules\": expected a list of rules at the top of the document");
            return rules;
        }
        if (list.value().kind() != Kind.ARRAY) {
            problems.at(list.value(), "\"rules\" must be a list of rules, found " + describe(list.value()));
            return rules;
        }
        for (Node element : list.value().elements()) {
            Rule r = rule(element);
            if (r != null) {
                rules.add(r);
            }
        }
        return rules;
    }

    private Rule rule(Node node) {
        if (node.kind() != Kind.OBJECT) {
            problems.at(node, "a rule must be an object with an id and a pattern, found " + describe(node));
            return null;
        }
        int before = problems.size();
        Map<String, Member> keys = problems.keys(node, RULE_KEYS);
        Rule.Builder b = Rule.builder();

        String id = string(keys.get("id"));
        Member idEntry = keys.get("id");
        if (idEntry == null) {
            problems.at(node, "missing \"id\": each rule needs an id, such as sns-topic-created");
        } else if (id != null) {
            String invalid = invalidId(id);
            if (invalid != null) {
                problems.at(idEntry.value(), invalid);
            } else {
                Node first = ids.putIfAbsent(id, idEntry.value());
                if (first != null) {
                    problems.at(
                            idEntry.value(),
                            "duplicate rule id " + ValueMatcher.quote(id) + "; first at line " + first.line()
                                    + ", column " + first.column());
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
                        keys.get("severity").value(),
                        "unknown severity " + ValueMatcher.quote(severity)
                                + "; expected one of INFO, LOW, MEDIUM, HIGH, CRITICAL");
            } else {
                b.severity(s);
            }
        }
        Member tags = keys.get("tags");
        if (tags != null) {
            if (tags.value().kind() != Kind.ARRAY) {
                problems.at(tags.value(), "\"tags\" must be a list of strings, found " + describe(tags.value()));
            } else {
                for (Node tag : tags.value().elements()) {
                    if (tag.kind() != Kind.STRING) {
                        problems.at(tag, "a tag must be a string, found " + describe(tag));
                    } else {
                        b.addTags(tag.text());
                    }
                }
            }
        }
        Member references = keys.get("references");
        if (references != null) {
            if (references.value().kind() != Kind.ARRAY) {
                problems.at(
                        references.value(),
                        "\"references\" must be a list of links, found " + describe(references.value()));
            } else {
                for (Node ref : references.value().elements()) {
                    if (ref.kind() != Kind.STRING) {
                        problems.at(ref, "a reference must be a string, found " + describe(ref));
                    } else {
                        b.addReferences(ref.text());
                    }
                }
            }
        }
        Member dedupEntry = keys.get("dedupKey");
        List<Node> dedupPaths = dedupEntry == null
                ? List.of()
                : dedupEntry.value().kind() == Kind.ARRAY ? dedupEntry.value().elements() : List.of(dedupEntry.value());
        for (Node path : dedupPaths) {
            if (path.kind() != Kind.STRING || !PatternCompiler.validPath(path.text())) {
                problems.at(
                        path,
                        "\"dedupKey\" must be a dotted field path such as userIdentity.arn, or a list "
                                + "of them, found "
                                + (path.kind() == Kind.STRING ? ValueMatcher.quote(path.text()) : describe(path)));
            } else {
                b.addDedupKey(path.text());
            }
        }
        Member pattern = keys.get("pattern");
        if (pattern == null) {
            problems.at(
                    node,
                    (id == null ? "rule" : "rule " + ValueMatcher.quote(id))
                            + " is missing \"pattern\": expected an EventBridge event pattern, such as "
                            + "{\"eventName\": [\"CreateTopic\"]}");
        } else {
            Condition c = new PatternCompiler(problems).compile(pattern.value());
            if (c != null) {
                b.condition(c);
            }
        }
        return problems.size() == before ? b.build() : null;
    }

    /** The string value of an optional key, or null (with a problem when it is not a string). */
    private String string(Member e) {
        if (e == null) {
            return null;
        }
        if (e.value().kind() != Kind.STRING) {
            problems.at(e.value(), ValueMatcher.quote(e.key()) + " must be a string, found " + describe(e.value()));
            return null;
        }
        return e.value().text();
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
