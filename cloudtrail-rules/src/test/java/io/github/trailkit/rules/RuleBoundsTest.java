package io.github.trailkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.rules.internal.logic.Expr;
import io.github.trailkit.rules.internal.match.Glob;
import io.github.trailkit.rules.internal.match.RegexSize;
import io.github.trailkit.rules.internal.sigma.SigmaCondition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One size, depth, alias, string-length and encoding policy for every rule format, the RE2J program-size cap, the
 * iterative Sigma condition parser, the bounded metric-filter parser and the linear wildcard matcher. Each test is the
 * small form of a hostile input that crashed, hung or silently changed a rule.
 */
final class RuleBoundsTest {
    private static final String SIGMA_HEAD = "title: t\nid: 11111111-2222-3333-4444-555555555555\n"
            + "logsource:\n  product: aws\n  service: cloudtrail\n";

    @TempDir
    Path dir;

    private static Rule sigma(String text) {
        return SigmaRules.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "rule.yml");
    }

    private static Rule sigmaDetection(String detection) {
        return sigma(SIGMA_HEAD + "detection:\n" + detection + "level: high\n");
    }

    private static List<Rule> document(byte[] bytes, String source) {
        return RuleDocuments.read(new ByteArrayInputStream(bytes), source);
    }

    private static List<Rule> document(String text, String source) {
        return document(text.getBytes(StandardCharsets.UTF_8), source);
    }

    private static CloudTrailRecord record(String eventName) {
        return CloudTrail.reader()
                .readRecord("{\"eventSource\":\"sns.amazonaws.com\",\"eventName\":\"" + eventName + "\"}");
    }

    /* ---------------------------------------------------------------- Sigma: regular expressions */

    @Test
    void aSigmaRegexWhoseProgramWouldExhaustTheHeap_isRefusedBeforeCompiling() {
        // re_nested3.yml: 26 characters asking RE2J for a billion instructions
        RuleDocumentException e = catchThrowableOfType(
                RuleDocumentException.class,
                () -> sigmaDetection("  sel:\n    eventName|re: '((a{1000}){1000}){1000}'\n  condition: sel\n"));
        assertThat(e).isNotNull();
        assertThat(e.getMessage())
                .startsWith("rule.yml:8:")
                .contains("eventName|re")
                .contains("over the limit of " + RegexSize.MAX_PROGRAM_SIZE);
        // re_nested_100.yml: compiled, it took a minute and more per 100,000-character value
        assertThatThrownBy(() -> sigmaDetection("  sel:\n    eventName|re: '((a{100}){100}){100}'\n  condition: sel\n"))
                .isInstanceOf(RuleDocumentException.class)
                .hasMessageContaining("instructions");
    }

    @Test
    void ordinarySigmaRegexesStillCompileAndMatch() {
        Rule r = sigmaDetection("  sel:\n    eventName|re: '^(Create|Delete)Topic[0-9]{0,3}$'\n  condition: sel\n");
        assertThat(r.matches(record("CreateTopic12"))).isTrue();
        assertThat(r.matches(record("ListTopics"))).isFalse();
        assertThat(RegexSize.refusal("a{1000}")).isNull();
        assertThat(RegexSize.refusal("(a{1000}){10}")).isNotNull();
    }

    @Test
    void theEstimateIsNeverBelowWhatRe2jCompiles() throws Exception {
        // RE2J's program size read from the compiled pattern: the estimate must bound it for the cap to hold
        java.lang.reflect.Field re2 = com.google.re2j.Pattern.class.getDeclaredField("re2");
        re2.setAccessible(true);
        for (String regex : List.of(
                "a",
                "abc",
                "a*b+c?",
                "(a|bc|def)+",
                "[a-z]{3,7}x",
                "(?i)foo(bar){2,}",
                "((ab){5}c){4}",
                "\\Q*+?\\E{3}",
                "x{2}y{3,}z{0,4}",
                "(?:a|b){10}",
                "^\\d{12}$")) {
            Object compiled = re2.get(com.google.re2j.Pattern.compile(regex));
            java.lang.reflect.Field prog = compiled.getClass().getDeclaredField("prog");
            prog.setAccessible(true);
            Object p = prog.get(compiled);
            java.lang.reflect.Method numInst = p.getClass().getDeclaredMethod("numInst");
            numInst.setAccessible(true);
            int real = (int) numInst.invoke(p);
            assertThat(RegexSize.estimate(regex)).as(regex).isGreaterThanOrEqualTo(real);
        }
    }

    @Test
    void theDslRefusesAnOversizedRegexToo() {
        assertThatThrownBy(() -> Rules.eventName().matchesRegex("((a{1000}){1000}){1000}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("over the limit of " + RegexSize.MAX_PROGRAM_SIZE);
    }

    /* ---------------------------------------------------------------- Sigma: conditions */

    @Test
    void threeThousandNestedParentheses_areATypedError_notAStackOverflow() {
        String condition = "(".repeat(3_000) + "sel" + ")".repeat(3_000);
        assertThatThrownBy(() ->
                        sigmaDetection("  sel:\n    eventName: CreateTopic\n  condition: \"" + condition + "\"\n"))
                .isInstanceOf(RuleDocumentException.class)
                .hasMessageContaining("rule.yml:")
                .hasMessageContaining("nests parentheses deeper than 64");
    }

    @Test
    void parenthesesWithinTheBound_giveTheRightResult() {
        String condition = "(".repeat(64) + "not sel" + ")".repeat(64) + " and (other or (sel))";
        Rule r = sigmaDetection("  sel:\n    eventName: CreateTopic\n  other:\n    eventSource: sns.amazonaws.com\n"
                + "  condition: \"" + condition + "\"\n");
        assertThat(r.matches(record("CreateTopic"))).isFalse();
        assertThat(r.matches(record("DeleteTopic"))).isTrue();
    }

    @Test
    void oneHundredThousandNots_giveTheRightResult() throws Exception {
        // cond_not_100k.yml overflowed the stack; the parser now takes a run of nots by its parity
        Expr even = SigmaCondition.parse("not ".repeat(100_000) + "sel");
        Expr odd = SigmaCondition.parse("not ".repeat(100_001) + "sel");
        assertThat(even).isInstanceOf(SigmaCondition.Ref.class);
        assertThat(odd).isInstanceOf(Expr.Not.class);
        assertThat(((Expr.Not) odd).inner()).isInstanceOf(SigmaCondition.Ref.class);
        // through a rule file, such a condition is over the string limit; 16,000 nots are within it
        assertThatThrownBy(() -> sigmaDetection(
                        "  sel:\n    eventName: CreateTopic\n  condition: \"" + "not ".repeat(100_000) + "sel\"\n"))
                .isInstanceOf(RuleDocumentException.class)
                .hasMessageContaining("over the limit of 65536");
        Rule evenRule = sigmaDetection(
                "  sel:\n    eventName: CreateTopic\n  condition: \"" + "not ".repeat(16_000) + "sel\"\n");
        Rule oddRule = sigmaDetection(
                "  sel:\n    eventName: CreateTopic\n  condition: \"" + "not ".repeat(16_001) + "sel\"\n");
        assertThat(evenRule.matches(record("CreateTopic"))).isTrue();
        assertThat(evenRule.matches(record("DeleteTopic"))).isFalse();
        assertThat(oddRule.matches(record("CreateTopic"))).isFalse();
        assertThat(oddRule.matches(record("DeleteTopic"))).isTrue();
    }

    @Test
    void conditionErrorsAreTheSameAsBefore() {
        assertThatThrownBy(() -> sigmaDetection("  sel:\n    eventName: X\n  condition: (sel\n"))
                .hasMessageContaining("a ( in the condition is not closed");
        assertThatThrownBy(() -> sigmaDetection("  sel:\n    eventName: X\n  condition: sel and\n"))
                .hasMessageContaining("the condition ends where a search identifier was expected");
        assertThatThrownBy(() -> sigmaDetection("  sel:\n    eventName: X\n  condition: sel sel\n"))
                .hasMessageContaining("unexpected \"sel\" in the condition");
        assertThatThrownBy(() -> sigmaDetection("  sel:\n    eventName: X\n  condition: sel)\n"))
                .hasMessageContaining("unexpected \")\" in the condition");
        assertThatThrownBy(() -> sigmaDetection("  sel:\n    eventName: X\n  condition: (and sel)\n"))
                .hasMessageContaining("unexpected \"and\" where a search identifier was expected");
    }

    /* ---------------------------------------------------------------- Sigma: YAML policy */

    @Test
    void aYamlAliasInASigmaRule_isRefused_neverReplacedByTheAnchorName() {
        // alias_sigma_i.yml: the alias was read as the string "names" and the rule matched eventName "names"
        String text = SIGMA_HEAD + "names: &names [CreateTopic, DeleteTopic]\ndetection:\n  sel:\n"
                + "    eventName: *names\n  condition: sel\nlevel: high\n";
        RuleDocumentException e = catchThrowableOfType(RuleDocumentException.class, () -> sigma(text));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("rule.yml:6:").contains("anchors (&names) are not supported");
        String aliasOnly = SIGMA_HEAD + "detection:\n  sel:\n    eventName: *names\n  condition: sel\nlevel: high\n";
        assertThatThrownBy(() -> sigma(aliasOnly))
                .isInstanceOf(RuleDocumentException.class)
                .hasMessageContaining("rule.yml:8:")
                .hasMessageContaining("aliases (*names) are not supported");
    }

    @Test
    void aDuplicateKeyInASigmaRule_isRefused_neverLastOneWins() {
        assertThatThrownBy(() -> sigmaDetection(
                        "  sel:\n    eventName: CreateTopic\n  sel:\n    eventName: X\n" + "  condition: sel\n"))
                .isInstanceOf(RuleDocumentException.class)
                .hasMessageContaining("rule.yml:9:")
                .hasMessageContaining("duplicate key \"sel\"; first at line 7");
    }

    @Test
    void sigmaNestingAndStringsHaveTheRuleDocumentBounds() {
        assertThatThrownBy(() -> sigmaDetection(
                        "  sel:\n    eventName: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n  condition: sel\n"))
                .isInstanceOf(RuleDocumentException.class)
                .hasMessageContaining("nest");
        String words = "word ".repeat(14_000); // 70,000 characters with spaces: past the scanner check, on the string
        assertThatThrownBy(() -> sigmaDetection("  sel:\n    eventName: '" + words + "'\n  condition: sel\n"))
                .isInstanceOf(RuleDocumentException.class)
                .hasMessageContaining("rule.yml:8:")
                .hasMessageContaining("over the limit of " + RuleDocuments.MAX_STRING_LENGTH);
    }

    @Test
    void aSigmaRuleThatIsNotUtf8_isRefusedWithLineAndOffset() {
        byte[] head = (SIGMA_HEAD + "detection:\n  sel:\n    eventName: \"caf").getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\"\n  condition: sel\nlevel: high\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xE9; // Latin-1 é
        System.arraycopy(tail, 0, bytes, head.length + 1, tail.length);
        assertThatThrownBy(() -> SigmaRules.read(new ByteArrayInputStream(bytes), "latin1.yml"))
                .isInstanceOf(RuleDocumentException.class)
                .hasMessageContaining("latin1.yml:8:")
                .hasMessageContaining("not valid UTF-8: byte 0xE9 at byte offset " + head.length);
    }

    /* ---------------------------------------------------------------- rule documents: YAML as JSON */

    @Test
    void aYamlRuleDocumentHasTheJsonStringLimit() {
        // longtitle.yaml: a 100,000-character title the JSON form refused was accepted from YAML
        String title = "word ".repeat(20_000);
        String yaml = "rules:\n  - id: r\n    title: \"" + title + "\"\n    pattern:\n      eventName: [X]\n";
        assertThatThrownBy(() -> document(yaml, "long.yaml"))
                .isInstanceOf(RuleDocumentException.class)
                .hasMessageContaining("long.yaml:3:12: a string of 100000 characters, over the limit of 65536");
        String json = "{\"rules\":[{\"id\":\"r\",\"title\":\"" + title + "\",\"pattern\":{\"eventName\":[\"X\"]}}]}";
        assertThatThrownBy(() -> document(json, "long.json"))
                .isInstanceOf(RuleDocumentException.class)
                .hasMessageContaining("long.json:1:");
    }

    @Test
    void aLongScalarWithoutSpaces_isRefusedBeforeTheQuadraticYamlScanner() {
        // scalar_16MB.yaml took 96 s in the YAML scanner before the size check; now any run longer than a string can
        // be is refused by a linear pass before the scanner sees it
        String yaml = "rules:\n  - id: r\n    title: \"" + "A".repeat(3_000_000) + "\"\n";
        assertThatThrownBy(() -> document(yaml, "scalar.yaml"))
                .isInstanceOf(RuleDocumentException.class)
                .hasMessageContaining("scalar.yaml:3:12: more than 65536 characters without a space or line break");
        String sigmaText = SIGMA_HEAD + "description: " + "A".repeat(3_000_000) + "\ndetection:\n  sel:\n"
                + "    eventName: X\n  condition: sel\n";
        assertThatThrownBy(() -> sigma(sigmaText))
                .isInstanceOf(RuleDocumentException.class)
                .hasMessageContaining("rule.yml:6:14: more than 65536 characters without a space or line break");
    }

    @Test
    void anchorsAreRefusedInRuleDocumentsToo() {
        String yaml = "rules:\n  - id: r\n    pattern:\n      eventName: &n [CreateTopic]\n      eventSource: *n\n";
        RuleDocumentException e = catchThrowableOfType(RuleDocumentException.class, () -> document(yaml, "a.yaml"));
        assertThat(e).isNotNull();
        assertThat(e.getMessage())
                .contains("a.yaml:4:18: YAML anchors (&n) are not supported")
                .contains("a.yaml:5:20: YAML aliases (*n) are not supported");
    }

    @Test
    void aRuleDocumentThatIsNotUtf8_isRefusedWithLineAndOffset() {
        // latin1_ruledoc.yaml: the é became U+FFFD and the rule silently matched nothing
        byte[] head = "rules:\n  - id: r1\n    pattern:\n      eventName: [\"caf".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 3);
        bytes[head.length] = (byte) 0xE9;
        bytes[head.length + 1] = '"';
        bytes[head.length + 2] = ']';
        assertThatThrownBy(() -> document(bytes, "latin1.yaml"))
                .isInstanceOf(RuleDocumentException.class)
                .hasMessageContaining("latin1.yaml:4:")
                .hasMessageContaining("not valid UTF-8: byte 0xE9 at byte offset " + head.length);
        byte[] utf16 = "rules: []\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[utf16.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(utf16, 0, withBom, 2, utf16.length);
        assertThatThrownBy(() -> document(withBom, "utf16.yaml"))
                .isInstanceOf(RuleDocumentException.class)
                .hasMessageContaining("utf16.yaml:1:1: the file starts with a UTF-16 byte order mark");
    }

    /* ---------------------------------------------------------------- sniffing */

    @Test
    void sniffingReadsNoMoreThanTheSizeLimit(@TempDir Path tmp) throws IOException {
        Path sigmaFile = tmp.resolve("rule.yml");
        Files.writeString(sigmaFile, SIGMA_HEAD + "detection:\n  sel:\n    eventName: X\n  condition: sel\n");
        assertThat(SigmaRules.isSigmaRule(sigmaFile)).isTrue();
        Path withAlias = tmp.resolve("alias.yml");
        Files.writeString(withAlias, SIGMA_HEAD + "detection:\n  sel:\n    eventName: *x\n  condition: sel\n");
        assertThat(SigmaRules.isSigmaRule(withAlias))
                .as("told apart by its keys; the reader then refuses it")
                .isTrue();
        Path big = tmp.resolve("big.yml");
        Files.writeString(
                big,
                SIGMA_HEAD + "detection:\n  sel:\n    eventName: X\n  condition: sel\n" + "description: >\n"
                        + "  some words\n".repeat(RuleDocuments.MAX_DOCUMENT_BYTES / 12 + 1));
        assertThat(SigmaRules.isSigmaRule(big)).isFalse();
        assertThatThrownBy(() -> RuleDocuments.read(big))
                .isInstanceOf(RuleDocumentException.class)
                .hasMessageContaining("the document is over " + RuleDocuments.MAX_DOCUMENT_BYTES + " bytes");
    }

    @Test
    void anEndlessStreamEnds() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.isReadable(zero));
        assertThat(SigmaRules.isSigmaRule(zero)).isFalse();
        assertThatThrownBy(() -> RuleDocuments.read(zero))
                .isInstanceOf(RuleDocumentException.class)
                .hasMessageContaining("over " + RuleDocuments.MAX_DOCUMENT_BYTES + " bytes");
        assertThatThrownBy(() -> SigmaRules.read(zero))
                .isInstanceOf(RuleDocumentException.class)
                .hasMessageContaining("over " + RuleDocuments.MAX_DOCUMENT_BYTES + " bytes");
    }

    /* ---------------------------------------------------------------- metric filters */

    @Test
    void metricFilterNestingIsBounded() {
        String deep = "{ " + "(".repeat(500) + "$.eventName = X" + ")".repeat(500) + " }";
        assertThatThrownBy(() -> MetricFilters.parse(deep))
                .isInstanceOf(MetricFilterException.class)
                .hasMessageContaining("parentheses nested deeper than 64");
        String within = "{ " + "(".repeat(64) + "$.eventName = X" + ")".repeat(64) + " }";
        assertThat(MetricFilters.parse(within).matches(record("X"))).isTrue();
    }

    @Test
    void aMetricFilterOverCloudWatchsLengthLimitIsRefused() {
        String parens = "{ " + "(".repeat(3_000) + "$.eventName = X" + ")".repeat(3_000) + " }";
        MetricFilterException e = catchThrowableOfType(MetricFilterException.class, () -> MetricFilters.parse(parens));
        assertThat(e).isNotNull();
        assertThat(e.reason()).contains("over CloudWatch Logs' limit of 1024");
        assertThat(e.getMessage().length()).isLessThan(3_000);
    }

    /* ---------------------------------------------------------------- wildcards */

    @Test
    void aLongWildcardAgainstALongValue_takesLinearWork() {
        // wild_32000.yaml against a 1 MB value: 52 s for three records with the search that restarts at each place
        String run = "a".repeat(32_000) + "b";
        Glob g = new Glob(List.of("", run, ""), false);
        String value = "a".repeat(1_000_000);
        assertThat(g.matches(value)).isFalse();
        assertThat(g.comparisons(value)).isLessThanOrEqualTo(2L * value.length() + run.length());
        String hit = value + "b";
        assertThat(g.matches(hit)).isTrue();
        assertThat(g.comparisons(hit)).isLessThanOrEqualTo(2L * hit.length() + run.length());
        // the same through a rule document and a Sigma rule
        List<Rule> rules = document(
                "{\"rules\":[{\"id\":\"w\",\"pattern\":{\"eventName\":[{\"wildcard\":\"*" + run + "*\"}]}}]}",
                "w.json");
        CloudTrailRecord big = record(value);
        assertThat(RuleSet.of(rules).evaluation(big).findings()).isEmpty();
        assertThat(RuleSet.of(rules).evaluation(record(hit)).findings()).hasSize(1);
        Rule s = sigmaDetection("  sel:\n    eventName|contains: " + run + "\n  condition: sel\n");
        assertThat(s.matches(big)).isFalse();
        assertThat(s.matches(record("x" + hit.toUpperCase(java.util.Locale.ROOT))))
                .isTrue();
        assertThat(Rules.eventName().contains(run).matches(big)).isFalse();
        String shortRun = "a".repeat(1_000) + "b"; // a metric filter pattern is at most 1,024 characters
        Condition filter = MetricFilters.parse("{ $.eventName = \"*" + shortRun + "*\" }");
        assertThat(filter.matches(big)).isFalse();
        assertThat(filter.matches(record(hit))).isTrue();
    }

    @Test
    void theLinearMatcherAgreesWithRegularExpressions() {
        Random random = new Random(17);
        for (int n = 0; n < 20_000; n++) {
            List<String> runs = new ArrayList<>();
            StringBuilder regex = new StringBuilder();
            int parts = 1 + random.nextInt(4);
            for (int k = 0; k < parts; k++) {
                String run = randomText(random, random.nextInt(4));
                runs.add(run);
                regex.append(java.util.regex.Pattern.quote(run));
                if (k < parts - 1) {
                    regex.append(".*");
                }
            }
            boolean ignoreCase = random.nextBoolean();
            java.util.regex.Pattern p = java.util.regex.Pattern.compile(
                    regex.toString(),
                    java.util.regex.Pattern.DOTALL | (ignoreCase ? java.util.regex.Pattern.CASE_INSENSITIVE : 0));
            Glob g = new Glob(runs, ignoreCase);
            String value = randomText(random, random.nextInt(12));
            assertThat(g.matches(value))
                    .as("%s %s %s", runs, ignoreCase, value)
                    .isEqualTo(p.matcher(value).matches());
        }
    }

    private static String randomText(Random random, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append("aAbB".charAt(random.nextInt(4)));
        }
        return sb.toString();
    }
}
