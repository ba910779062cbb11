package io.github.trailkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailLog;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.GeneratedLog;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchDataTest {
    @Test
    void generatedLogsAreAFunctionOfTheSeed() {
        assertThat(BenchData.generateGzip(300, 7)).isEqualTo(BenchData.generateGzip(300, 7));
        assertThat(BenchData.gunzip(BenchData.generateGzip(300, 7)))
                .isNotEqualTo(BenchData.gunzip(BenchData.generateGzip(300, 8)));
    }

    @Test
    void generatedLogsHoldTheRequestedRecordsAndAreVaried() {
        byte[] gzip = BenchData.generateGzip(2_000, 42);
        assertThat(BenchData.countRecords(gzip)).isEqualTo(2_000);
        Set<String> sources = new HashSet<>();
        Set<String> names = new HashSet<>();
        Set<String> identities = new HashSet<>();
        int errors = 0;
        try (CloudTrailLog log = CloudTrail.reader().read(gzip, "test")) {
            for (CloudTrailRecord r : log) {
                r.eventSource().ifPresent(sources::add);
                r.eventName().ifPresent(names::add);
                r.userIdentity().flatMap(u -> u.typeAsString()).ifPresent(identities::add);
                errors += r.errorCode().isPresent() ? 1 : 0;
            }
        }
        assertThat(sources).hasSizeGreaterThanOrEqualTo(30);
        assertThat(names).hasSizeGreaterThanOrEqualTo(200);
        assertThat(identities).contains("Root", "IAMUser", "AssumedRole", "AWSService", "AWSAccount", "FederatedUser");
        assertThat(errors).isBetween(50, 400);
        assertThat(GeneratedLog.catalogEventSources()).isGreaterThanOrEqualTo(30);
        assertThat(GeneratedLog.catalogEventNames()).isGreaterThanOrEqualTo(300);
    }

    @Test
    void ruleSetsOfEverySizeCompileForBothEngines() {
        for (int n : new int[] {10, 100, 1000}) {
            assertThat(BenchRules.patterns(n))
                    .hasSize(n)
                    .extracting(BenchRules.Pattern::id)
                    .doesNotHaveDuplicates();
            assertThat(BenchRules.ruleSet(n).size()).isEqualTo(n);
            assertThat(BenchRules.machine(n).isEmpty()).isFalse();
        }
    }
}
