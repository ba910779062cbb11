package io.github.trailkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailRecord;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile rule documents: each is refused with a {@link RuleDocumentException} naming line and column, or loaded and
 * matched in linear time; none hangs or overflows the stack.
 */
final class HostileRuleDocumentsTest {
    private static List<Rule> read(String document, String source) {
        return RuleDocuments.read(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)), source);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(
                        "JSON nested 10,000 deep",
                        "rules.json",
                        "{\"rules\":[{\"id\":\"a\",\"pattern\":{\"x\":" + "[".repeat(10_000) + "]".repeat(10_000)
                                + "}}]}",
                        "rules.json:1:",
                        "nesting depth"),
                Arguments.of(
                        "YAML nested 10,000 deep",
                        "rules.yaml",
                        "rules:\n- id: a\n  pattern:\n    x: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n",
                        "rules.yaml:",
                        "nesting"),
                Arguments.of(
                        "unknown operator",
                        "rules.json",
                        "{\"rules\":[{\"id\":\"a\",\"pattern\":{\"eventName\":[{\"regex\":\"(a+)+$\"}]}}]}",
                        "rules.json:1:",
                        "unknown operator \"regex\""),
                Arguments.of(
                        "wrong types",
                        "rules.yaml",
                        "rules:\n  - id: a\n    severity: [HIGH]\n    pattern: {eventName: CreateTopic}\n",
                        "rules.yaml:3:15:",
                        "severity"),
                Arguments.of(
                        "a string of 100,000 characters",
                        "rules.json",
                        "{\"rules\":[{\"id\":\"a\",\"pattern\":{\"eventName\":[\"" + "x".repeat(100_000) + "\"]}}]}",
                        "rules.json:1:",
                        "String value length"),
                Arguments.of(
                        "an invalid wildcard",
                        "rules.json",
                        "{\"rules\":[{\"id\":\"a\",\"pattern\":{\"eventName\":[{\"wildcard\":\"a**b\"}]}}]}",
                        "rules.json:1:57:",
                        "two * in a row"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedWithLineAndColumn(String name, String source, String document, String position, String words) {
        RuleDocumentException e = catchThrowableOfType(RuleDocumentException.class, () -> read(document, source));
        assertThat(e).as(name).isNotNull();
        assertThat(e.getMessage()).contains(position).containsIgnoringCase(words);
    }

    @Test
    void aDocumentOverTheSizeLimitIsRefusedWithoutBeingParsed() {
        String big = "{\"rules\":[]}" + " ".repeat(RuleDocuments.MAX_DOCUMENT_BYTES);
        assertThatThrownBy(() -> read(big, "big.json"))
                .isInstanceOf(RuleDocumentException.class)
                .hasMessageContaining(
                        "big.json:1:1: the document is over " + RuleDocuments.MAX_DOCUMENT_BYTES + " bytes");
    }

    @Test
    void aHugeValueList_loadsAndMatches() {
        String values =
                IntStream.range(0, 50_000).mapToObj(i -> "\"Name" + i + "\"").collect(Collectors.joining(","));
        List<Rule> rules =
                read("{\"rules\":[{\"id\":\"a\",\"pattern\":{\"eventName\":[" + values + "]}}]}", "big.json");
        CloudTrailRecord r = CloudTrail.reader().readRecord("{\"eventName\":\"Name49999\"}");
        assertThat(RuleSet.of(rules).evaluation(r).findings()).hasSize(1);
    }

    @Test
    void aWildcardBuiltForBacktracking_matchesInLinearTime() {
        // a backtracking matcher takes exponential time on "*a*a*...*a*b" against "aaaa...a"; this one is linear
        String wildcard = "*a".repeat(30) + "*b";
        List<Rule> rules = read(
                "{\"rules\":[{\"id\":\"a\",\"pattern\":{\"eventName\":[{\"wildcard\":\"" + wildcard + "\"}]}}]}",
                "w.json");
        CloudTrailRecord r = CloudTrail.reader().readRecord("{\"eventName\":\"" + "a".repeat(100_000) + "\"}");
        assertThat(RuleSet.of(rules).evaluation(r).findings()).isEmpty();
    }

    @Test
    void regularExpressionsAreRe2j_soCatastrophicBacktrackingCannotHappen() {
        Condition c = Rules.eventName().matchesRegex("(a+)+$");
        ValueMatcher.Regex test = (ValueMatcher.Regex) ((Condition.FieldCondition) c).test;
        assertThat(test.pattern).isInstanceOf(com.google.re2j.Pattern.class); // an automaton: linear by construction
        CloudTrailRecord r = CloudTrail.reader().readRecord("{\"eventName\":\"" + "a".repeat(100_000) + "!\"}");
        assertThat(c.matches(r)).isFalse();
    }

    @Test
    void anInvalidRegularExpressionIsAClearError() {
        assertThatThrownBy(() -> Rules.eventName().matchesRegex("(a+"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid regular expression \"(a+\"")
                .hasMessageContaining("missing closing )");
    }
}
