package io.github.trailkit.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.trailkit.rules.RuleDocuments;
import io.github.trailkit.rules.RuleSet;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The rule test runner: sample files as users would run them, a failing case, and broken files. */
final class RuleTestsTest {
    static final RuleSet RULES = RuleSet.of(RuleDocuments.readResource("rule-tests/sns-rules.yaml"));

    @TestFactory
    Stream<DynamicTest> snsRules_yaml() {
        return RuleTests.from("/rule-tests/sns-rules-tests.yaml", RULES);
    }

    @TestFactory
    Stream<DynamicTest> snsRules_json_fromAFile() {
        return RuleTests.from(Path.of("src/test/resources/rule-tests/sns-rules-tests.json"), RULES);
    }

    @Test
    void eachCase_isANamedTest_thatPointsAtItsLine() {
        List<DynamicTest> tests =
                RuleTests.from("rule-tests/sns-rules-tests.yaml", RULES).collect(Collectors.toList());
        assertThat(tests)
                .extracting(DynamicTest::getDisplayName)
                .containsExactly(
                        "root creates a topic",
                        "a user reading topic attributes triggers nothing",
                        "the AWS sample of a denied GetFunction",
                        "a Stratus Red Team detonation, gzipped");
        assertThat(tests.get(1).getTestSourceUri())
                .contains(URI.create("classpath:/rule-tests/sns-rules-tests.yaml?line=22"));
    }

    @Test
    void aFailingCase_failsItsTest_withTheExplanation() throws Throwable {
        List<DynamicTest> tests =
                RuleTests.from("/rule-tests/failing-tests.yaml", RULES).collect(Collectors.toList());
        tests.get(0).getExecutable().execute();
        assertThatThrownBy(() -> tests.get(1).getExecutable().execute())
                .isInstanceOf(AssertionError.class)
                .hasMessage("/rule-tests/failing-tests.yaml:5: case \"a delete is not a create\"\n"
                        + "Expecting record\n"
                        + "  sns.amazonaws.com DeleteTopic (eventID e-9)\n"
                        + "to trigger\n"
                        + "  [sns-topic-created]\n"
                        + "and not to trigger\n"
                        + "  [root-activity]\n"
                        + "but it triggered\n"
                        + "  []\n"
                        + "the rule that was wrong:\n"
                        + "  - sns-topic-created did not trigger: sns-topic-created does not match: eventName is "
                        + "\"DeleteTopic\", expected eventName().is(\"CreateTopic\")");
    }

    @Test
    void yamlRecords_keepCloudTrailsTextFields() throws Throwable {
        // eventVersion 1.10, unquoted account ids and mfaAuthenticated: false are text in CloudTrail
        RuleSet strict = RuleSet.of(io.github.trailkit.rules.Rules.rule("strict")
                .when(RuleDocuments.pattern(
                        "{\"eventVersion\":[\"1.10\"],\"userIdentity\":{\"accountId\":[\"123456789012\"],"
                                + "\"sessionContext\":{\"attributes\":{\"mfaAuthenticated\":[\"false\"]}}},"
                                + "\"requestParameters\":{\"attributes\":{\"FifoTopic\":[true]}}}"))
                .build());
        String file = "cases:\n  - name: typed\n    record:\n      eventVersion: 1.10\n"
                + "      userIdentity: {accountId: 123456789012, sessionContext: {attributes: {mfaAuthenticated: false}}}\n"
                + "      requestParameters: {attributes: {FifoTopic: true}}\n    triggers: [strict]\n";
        Path tmp = java.nio.file.Files.createTempFile("typed", ".yaml");
        try {
            java.nio.file.Files.writeString(tmp, file);
            for (DynamicTest t : RuleTests.from(tmp, strict).collect(Collectors.toList())) {
                t.getExecutable().execute();
            }
        } finally {
            java.nio.file.Files.delete(tmp);
        }
    }

    @Test
    void problemsInTheFile_areAllReported_withFileLineAndCase() {
        assertThatThrownBy(() -> RuleTests.from("/rule-tests/broken-tests.yaml", RULES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid rule test file:\n")
                .hasMessageContaining("  /rule-tests/broken-tests.yaml:4: case \"typo in a rule id\": unknown rule id "
                        + "\"sns-topic-create\" in triggers; the rule set has [sns-topic-created, root-activity, "
                        + "access-denied]\n")
                .hasMessageContaining("/rule-tests/broken-tests.yaml:5: case \"#2\": missing \"name\" (a text)\n")
                .hasMessageContaining("/rule-tests/broken-tests.yaml:7: case \"no expectations\": missing \"triggers\" "
                        + "or \"doesNotTrigger\" (a list of rule ids)\n")
                .hasMessageContaining("/rule-tests/broken-tests.yaml:9: case \"no record\": missing \"record\" (the "
                        + "record inline) or \"resource\" (a classpath resource or file with it)\n")
                .hasMessageContaining("/rule-tests/broken-tests.yaml:13: case \"a resource that is not there\": "
                        + "unknown key \"trigger\"; expected one of name, description, record, resource, index, "
                        + "triggers, doesNotTrigger\n")
                .hasMessageContaining("/rule-tests/broken-tests.yaml:12: case \"a resource that is not there\": "
                        + "no resource on the classpath at /rule-tests/records/missing.json\n")
                .hasMessageContaining("/rule-tests/broken-tests.yaml:16: case \"one id without brackets\": "
                        + "\"triggers\" must be a list of rule ids, such as [sns-topic-created]\n")
                .hasMessageContaining("/rule-tests/broken-tests.yaml:18: case \"a log without an index\": "
                        + "\"records/sns-log.json\" holds 2 records; say which with \"index\" (0 to 1)\n")
                .hasMessageContaining("/rule-tests/broken-tests.yaml:21: case \"a bad record\": \"record\" is not a "
                        + "valid CloudTrail record: ")
                .hasMessageEndingWith("/rule-tests/broken-tests.yaml:23: case \"typo in a rule id\": "
                        + "another case has the same name");
    }

    @Test
    void filesThatAreNotTestFiles_sayWhy() {
        assertThatThrownBy(() -> RuleTests.from("/rule-tests/nope.yaml", RULES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no resource on the classpath at /rule-tests/nope.yaml");
        assertThatThrownBy(() -> RuleTests.from("/rule-tests/sns-rules.yaml", RULES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid rule test file:\n  /rule-tests/sns-rules.yaml:1: expected an object with a list "
                        + "\"cases\"");
        assertThatThrownBy(() -> RuleTests.from("/rule-tests/records/sns-log.json", RULES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected an object with a list \"cases\"");
    }

    @Test
    void testFilesAreReadByTheRuleReader_withItsRefusalsAndYamlWords() throws Throwable {
        // the rules module's one reader: a key given twice and anchors are refused as in rule documents,
        // and yes/no are strings (a rule id "yes" is found)
        RuleSet yes = RuleSet.of(io.github.trailkit.rules.Rules.rule("yes")
                .when(io.github.trailkit.rules.Rules.eventName().is("CreateTopic"))
                .build());
        String record = "    record: {eventVersion: '1.10', eventSource: sns.amazonaws.com, eventName: CreateTopic,"
                + " awsRegion: us-east-1, eventTime: '2024-01-01T00:00:00Z'}\n";
        Path tmp = java.nio.file.Files.createTempFile("words", ".yaml");
        try {
            java.nio.file.Files.writeString(tmp, "cases:\n  - name: a yes\n" + record + "    triggers: [yes]\n");
            List<DynamicTest> tests = RuleTests.from(tmp, yes).collect(Collectors.toList());
            assertThat(tests).hasSize(1);
            tests.get(0).getExecutable().execute();

            java.nio.file.Files.writeString(
                    tmp, "cases:\n  - name: twice\n    name: again\n" + record + "    triggers: &t [yes]\n");
            assertThatThrownBy(() -> RuleTests.from(tmp, yes))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(tmp + ":3: duplicate key \"name\"; first at line 2, column 5\n")
                    .hasMessageContaining(tmp + ":5: YAML anchors (&t) are not supported");
        } finally {
            java.nio.file.Files.delete(tmp);
        }
    }
}
