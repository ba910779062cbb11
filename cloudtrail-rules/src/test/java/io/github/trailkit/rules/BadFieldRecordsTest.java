package io.github.trailkit.rules;

import static io.github.trailkit.rules.Rules.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailLog;
import io.github.trailkit.model.CloudTrailRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Records with a field the reader could not read are still evaluated: a rule on another field fires on them. */
final class BadFieldRecordsTest {
    private static final Rule LEAVE_ORG = rule("leave-org")
            .when(eventSource()
                    .is("organizations.amazonaws.com")
                    .and(eventName().is("LeaveOrganization")))
            .build();

    @Test
    void aRuleOnEventName_firesOnRecordsWithABadEventTimeOrABadIdentity() {
        String[] bad = {
            "\"eventTime\":\"2025-01-20 15:59:33.000000000\"",
            "\"eventTime\":\"redacted\"",
            "\"readOnly\":\"yes\"",
            "\"userIdentity\":\"root\""
        };
        StringBuilder json = new StringBuilder("{\"Records\":[");
        for (int i = 0; i < bad.length; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"eventVersion\":\"1.08\",")
                    .append(bad[i])
                    .append(",\"eventSource\":\"organizations.amazonaws.com\",\"eventName\":\"LeaveOrganization\","
                            + "\"eventID\":\"id-")
                    .append(i)
                    .append("\"}");
        }
        json.append("]}");
        RuleSet rules = RuleSet.of(LEAVE_ORG);
        List<Finding> findings = new ArrayList<>();
        try (CloudTrailLog log = CloudTrail.reader().read(json.toString().getBytes(StandardCharsets.UTF_8), "a.json")) {
            for (CloudTrailRecord r : log) {
                findings.addAll(rules.findings(r));
            }
            assertThat(log.warnings()).hasSize(bad.length);
            assertThat(log.problems()).isEmpty();
        }
        assertThat(findings).extracting(Finding::dedupKey).containsExactly("id-0", "id-1", "id-2", "id-3");
    }

    @Test
    void aRuleOnTheBadFieldItself_seesTheValueAsItCame() {
        CloudTrailRecord r =
                CloudTrail.reader().readRecord("{\"eventName\":\"X\",\"eventTime\":\"redacted\",\"eventID\":\"1\"}");
        assertThat(r.eventTime()).isEmpty();
        assertThat(field("eventTime").is("redacted").matches(r)).isTrue();
    }
}
