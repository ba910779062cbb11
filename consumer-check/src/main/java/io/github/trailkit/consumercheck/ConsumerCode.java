package io.github.trailkit.consumercheck;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.trailkit.lambda.SnsSink;
import io.github.trailkit.lambda.TrailkitHandler;
import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.EventVersion;
import io.github.trailkit.model.JsonValue;
import io.github.trailkit.rules.Finding;
import io.github.trailkit.rules.Rule;
import io.github.trailkit.rules.RuleSet;
import io.github.trailkit.rules.Rules;
import io.github.trailkit.rules.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a team's code looks like: it builds every public value type through its builder, reads, writes and matches
 * records, and uses its own ObjectMapper. This module compiles it with {@code -Xlint:all -Werror} and without
 * Immutables on its class path (see its pom): a warning from any trailkit class file fails the build.
 */
public final class ConsumerCode {
    private ConsumerCode() {}

    /** Every builder of the public API, each as a consumer calls it. */
    public static List<Supplier<?>> everyBuilder() {
        List<Supplier<?>> all = new ArrayList<>();
        all.add(() -> io.github.trailkit.model.InsightDetails.builder().build());
        all.add(() -> io.github.trailkit.model.CloudTrailRecord.builder().build());
        all.add(() -> io.github.trailkit.model.TlsDetails.builder().build());
        all.add(() -> io.github.trailkit.model.InsightStatistic.builder().build());
        all.add(() -> io.github.trailkit.model.WebIdFederationData.builder().build());
        all.add(() -> io.github.trailkit.model.InScopeOf.builder().build());
        all.add(() -> io.github.trailkit.model.SessionIssuer.builder().build());
        all.add(() -> io.github.trailkit.model.Addendum.builder().build());
        all.add(() -> io.github.trailkit.model.AggregationTimeWindow.builder().build());
        all.add(() -> io.github.trailkit.model.OnBehalfOf.builder().build());
        all.add(() -> io.github.trailkit.model.digest.DigestLogFile.builder().build());
        all.add(() -> io.github.trailkit.model.digest.DigestFile.builder().build());
        all.add(() -> io.github.trailkit.model.UserIdentity.builder().build());
        all.add(() -> io.github.trailkit.model.SessionContext.builder().build());
        all.add(() -> io.github.trailkit.model.Resource.builder().build());
        all.add(() -> io.github.trailkit.model.EdgeDeviceDetails.builder().build());
        all.add(() -> io.github.trailkit.model.RecordProblem.builder().build());
        all.add(() -> io.github.trailkit.model.InsightAttributionValue.builder().build());
        all.add(() -> io.github.trailkit.model.SessionAttributes.builder().build());
        all.add(() -> io.github.trailkit.model.InsightContext.builder().build());
        all.add(() -> io.github.trailkit.model.InsightStatistics.builder().build());
        all.add(() -> io.github.trailkit.model.InsightAttribution.builder().build());
        all.add(() -> io.github.trailkit.model.InvokedByDelegate.builder().build());
        all.add(() -> io.github.trailkit.rules.Rule.builder().build());
        all.add(() -> io.github.trailkit.rules.Finding.builder().build());
        all.add(() -> io.github.trailkit.rules.Evaluation.builder().build());
        all.add(() -> io.github.trailkit.rules.RuleError.builder().build());
        all.add(() -> TrailkitHandler.builder());
        all.add(() -> SnsSink.builder());
        return all;
    }

    /** A record as a team builds one. */
    public static CloudTrailRecord record() {
        return CloudTrailRecord.builder()
                .eventVersion(EventVersion.parse("1.09"))
                .eventSource("sns.amazonaws.com")
                .eventName("CreateTopic")
                .eventTime(Instant.parse("2024-01-01T00:00:00Z"))
                .requestParameters(JsonValue.parse("{\"name\":\"t\"}"))
                .build();
    }

    /** A record built, matched by a rule, and put through the team's own mapper. */
    public static String findingJson() throws Exception {
        CloudTrailRecord r = record();
        Rule rule = Rules.rule("topic-created")
                .title("An SNS topic was created")
                .severity(Severity.LOW)
                .when(Rules.eventName().is("CreateTopic"))
                .build();
        List<Finding> findings = RuleSet.of(List.of(rule)).findings(r);
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        String json = mapper.writeValueAsString(findings);
        return json + CloudTrail.writer().toJson(r);
    }
}
