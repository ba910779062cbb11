package io.github.trailkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.rules.tree.Node;
import io.github.trailkit.rules.tree.Tree;
import io.github.trailkit.rules.tree.TreeProblem;
import io.github.trailkit.rules.tree.TreeReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rule documents, Sigma rules and the tree reader itself read YAML one way and refuse the same things. */
class OneReaderTest {
    private static final String SIGMA_HEAD = "title: t\nid: 11111111-2222-3333-4444-555555555555\n"
            + "logsource:\n  product: aws\n  service: cloudtrail\n";

    private static CloudTrailRecord record(String eventName) {
        return CloudTrail.reader()
                .readRecord("{\"eventVersion\":\"1.10\",\"eventSource\":\"sns.amazonaws.com\",\"eventName\":\""
                        + eventName + "\",\"awsRegion\":\"us-east-1\",\"eventTime\":\"2024-01-01T00:00:00Z\"}");
    }

    private static Rule sigma(String text) {
        return SigmaRules.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "rule.yml");
    }

    private static List<Rule> document(String text) {
        return RuleDocuments.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "rules.yaml");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "no", "on", "off", "Yes", "NO"})
    void aSigmaValueYesIsTheStringYes(String word) {
        Rule r = sigma(SIGMA_HEAD + "detection:\n  sel:\n    eventName: " + word + "\n  condition: sel\nlevel: high\n");
        assertThat(r.matches(record(word))).isTrue();
        assertThat(r.matches(record("true"))).isFalse();
        assertThat(r.matches(record("false"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "no", "on", "off"})
    void aRuleDocumentValueYesIsTheStringYesToo(String word) {
        Rule r = document("rules:\n  - id: r\n    pattern:\n      eventName: [" + word + "]\n")
                .get(0);
        assertThat(r.matches(record(word))).isTrue();
        assertThat(r.matches(record("true"))).isFalse();
    }

    @Test
    void theTreeReaderReadsYesNoOnOffAsStringsAndOnlyTrueFalseAsBooleans() {
        Tree tree =
                TreeReader.read("a: yes\nb: no\nc: on\nd: off\ne: true\nf: false\ng: 1.10\n", TreeReader.Syntax.YAML);
        assertThat(tree.problems()).isEmpty();
        Node root = tree.root();
        for (String k : List.of("a", "b", "c", "d")) {
            assertThat(root.get(k).kind()).as(k).isEqualTo(Node.Kind.STRING);
        }
        assertThat(root.get("a").text()).isEqualTo("yes");
        assertThat(root.get("e").kind()).isEqualTo(Node.Kind.TRUE);
        assertThat(root.get("f").kind()).isEqualTo(Node.Kind.FALSE);
        assertThat(root.get("g").kind()).isEqualTo(Node.Kind.NUMBER);
        assertThat(root.get("g").text()).isEqualTo("1.10");
        assertThat(root.get("g").line()).isEqualTo(7);
        assertThat(root.get("g").column()).isEqualTo(4);
    }

    @Test
    void aDuplicateKeyIsRefusedTheSameWayByEveryReader() {
        String sigma = SIGMA_HEAD + "detection:\n  sel:\n    eventName: CreateTopic\n    eventName: DeleteTopic\n"
                + "  condition: sel\nlevel: high\n";
        assertThatThrownBy(() -> sigma(sigma))
                .isInstanceOf(RuleDocumentException.class)
                .hasMessageContaining("rule.yml:9:5: duplicate key \"eventName\"; first at line 8, column 5");
        String doc = "rules:\n  - id: r\n    pattern:\n      eventName: [CreateTopic]\n      eventName: [X]\n";
        assertThatThrownBy(() -> document(doc))
                .isInstanceOf(RuleDocumentException.class)
                .hasMessageContaining("rules.yaml:5:7: duplicate key \"eventName\"; first at line 4, column 7");
        Tree tree = TreeReader.read(doc, TreeReader.Syntax.YAML);
        assertThat(tree.problems())
                .containsExactly(
                        new TreeProblem(5, 7, "duplicate key \"eventName\"; first at line 4, column 7", false));
        // the first value is kept, the second left out
        Node pattern = tree.root().get("rules").elements().get(0).get("pattern");
        assertThat(pattern.members()).hasSize(1);
        assertThat(pattern.get("eventName").elements().get(0).text()).isEqualTo("CreateTopic");
    }

    @Test
    void anchorsAndAliasesAreRefusedTheSameWayByEveryReader() {
        String sigma = SIGMA_HEAD + "detection:\n  sel:\n    eventName: &n [CreateTopic]\n    eventSource: *n\n"
                + "  condition: sel\nlevel: high\n";
        assertThatThrownBy(() -> sigma(sigma))
                .isInstanceOf(RuleDocumentException.class)
                .hasMessageContaining("rule.yml:8:")
                .hasMessageContaining("YAML anchors (&n) are not supported");
        String doc = "rules:\n  - id: r\n    pattern:\n      eventName: &n [CreateTopic]\n      eventSource: *n\n";
        assertThatThrownBy(() -> document(doc))
                .isInstanceOf(RuleDocumentException.class)
                .hasMessageContaining("rules.yaml:4:")
                .hasMessageContaining("YAML anchors (&n) are not supported")
                .hasMessageContaining("rules.yaml:5:20: YAML aliases (*n) are not supported");
        Tree tree = TreeReader.read("a: &n [x]\nb: *n\n", TreeReader.Syntax.YAML);
        assertThat(tree.problems())
                .extracting(TreeProblem::message)
                .containsExactly(
                        "YAML anchors (&n) are not supported in rule documents; write the value out",
                        "YAML aliases (*n) are not supported in rule documents; write the value out");
    }

    @Test
    void theBoundsAreTheSameForEveryReader() {
        String deep = "a: " + nested(TreeReader.MAX_NESTING_DEPTH + 1);
        Tree tree = TreeReader.read(deep, TreeReader.Syntax.YAML);
        assertThat(tree.root()).isNull();
        assertThat(tree.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .containsPattern("(?i)nest(ing depth|ed deeper than)") // Jackson's bound, or ours first
                        .contains(String.valueOf(TreeReader.MAX_NESTING_DEPTH)));
        assertThatThrownBy(() -> sigma(SIGMA_HEAD + "detection:\n  sel:\n    eventName: "
                        + nested(TreeReader.MAX_NESTING_DEPTH) + "\n  condition: sel\n"))
                .isInstanceOf(RuleDocumentException.class)
                .hasMessageContaining("nest");

        byte[] latin1 = "rules:\n  - id: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(TreeReader.read(latin1, TreeReader.Syntax.YAML).problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("not valid UTF-8: byte 0xE9 at byte offset 18"));
        assertThatThrownBy(() -> SigmaRules.read(new ByteArrayInputStream(latin1), "rule.yml"))
                .hasMessageContaining("rule.yml:2:12: not valid UTF-8: byte 0xE9");

        byte[] big = new byte[TreeReader.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        assertThat(TreeReader.read(big, TreeReader.Syntax.YAML).problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("the document is over " + TreeReader.MAX_BYTES));
        assertThatThrownBy(() -> SigmaRules.read(new ByteArrayInputStream(big), "rule.yml"))
                .hasMessageContaining("the document is over " + TreeReader.MAX_BYTES);
    }

    /** A flow sequence nested {@code depth} deep. */
    private static String nested(int depth) {
        return "[".repeat(depth) + "x" + "]".repeat(depth);
    }

    @Test
    void moreContentAndEmptyDocumentsAreToldApart() {
        Tree two = TreeReader.read("a: 1\n---\nb: 2\n", TreeReader.Syntax.YAML);
        assertThat(two.problems()).isEmpty();
        assertThat(two.moreContent()).contains(new Tree.Position(3, 1));
        Tree empty = TreeReader.read("# nothing\n", TreeReader.Syntax.DETECT);
        assertThat(empty.root()).isNull();
        assertThat(empty.problems()).isEmpty();
        assertThat(TreeReader.read("{\"a\": [1, 2]}", TreeReader.Syntax.DETECT).json())
                .isTrue();
    }
}
