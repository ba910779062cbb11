package io.github.trailkit.rules;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailRecord;
import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * Fuzzes the rule-document loader: any bytes give rules or a {@link RuleDocumentException}, never another exception
 * or a hang; rules that load can be matched. Stored inputs in {@code RuleDocumentsFuzzTestInputs/read/} run in every
 * build; fuzz with {@code JAZZER_FUZZ=1 mvn -pl cloudtrail-rules test -Dtest=RuleDocumentsFuzzTest}.
 *
 * <pre>{@code
 * JAZZER_FUZZ=1 mvn -pl cloudtrail-rules test -Dtest=RuleDocumentsFuzzTest
 * }</pre>
 */
final class RuleDocumentsFuzzTest {
    private static final CloudTrailRecord RECORD = CloudTrail.reader()
            .readRecord(
                    "{\"eventVersion\":\"1.08\",\"eventSource\":\"sns.amazonaws.com\",\"eventName\":\"CreateTopic\","
                            + "\"sourceIPAddress\":\"192.0.2.1\",\"requestParameters\":{\"name\":\"t\",\"n\":3}}");

    @FuzzTest(maxDuration = "2m")
    void read(@NotNull byte[] document) {
        List<Rule> rules;
        try {
            rules = RuleDocuments.read(new ByteArrayInputStream(document), "fuzz.yaml");
        } catch (RuleDocumentException expected) {
            return;
        }
        RuleSet.of(rules).evaluation(RECORD);
    }
}
