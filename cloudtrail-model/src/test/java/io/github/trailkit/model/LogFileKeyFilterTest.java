package io.github.trailkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogFileKeyFilterTest {
    private static final String ORG = "o-abcdef1234";

    private static String key(String account, String region, String day, String minute) {
        return "trail/AWSLogs/" + ORG + "/" + account + "/CloudTrail/" + region + "/2024/01/" + day + "/" + account
                + "_CloudTrail_" + region + "_202401" + day + "T" + minute + "Z_Abc1Def.json.gz";
    }

    private final LogFileKeyFilter filter = LogFileKeyFilter.all()
            .accounts(List.of("111122223333"))
            .regions(List.of("us-east-1"))
            .organizationId(ORG)
            .from(Instant.parse("2024-01-02T00:00:00Z"))
            .to(Instant.parse("2024-01-02T12:00:00Z"))
            .maxDeliveryDelay(Duration.ofHours(1));

    @Test
    void acceptsOnlyTheFilesWhoseKeyCanHoldTheRecordsAskedFor() {
        assertThat(filter.accepts(key("111122223333", "us-east-1", "02", "1200")))
                .isTrue();
        assertThat(filter.accepts(key("444455556666", "us-east-1", "02", "1200")))
                .isFalse();
        assertThat(filter.accepts(key("111122223333", "eu-west-1", "02", "1200")))
                .isFalse();
        // delivered in the last minute before the range: may hold its first records
        assertThat(filter.accepts(key("111122223333", "us-east-1", "01", "2359")))
                .isTrue();
        assertThat(filter.accepts(key("111122223333", "us-east-1", "01", "2358")))
                .isFalse();
        // delivered up to the delay after the range
        assertThat(filter.accepts(key("111122223333", "us-east-1", "02", "1300")))
                .isTrue();
        assertThat(filter.accepts(key("111122223333", "us-east-1", "02", "1301")))
                .isFalse();
        assertThat(filter.accepts("AWSLogs/111122223333/CloudTrail/us-east-1/2024/01/02/"
                        + "111122223333_CloudTrail_us-east-1_20240102T1200Z_Abc1Def.json.gz"))
                .as("an account trail's file, outside the organization")
                .isFalse();
    }

    @Test
    void keysOutsideTheLayoutAreKeptDigestsNever() {
        assertThat(filter.accepts("exports/2024/some-log.json.gz")).isTrue();
        assertThat(LogFileKeyFilter.all()
                        .accepts("AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2024/01/02/111122223333_"
                                + "CloudTrail-Digest_us-east-1_trail_us-east-1_20240102T120000Z.json.gz"))
                .isFalse();
        assertThat(LogFileKeyFilter.all().accepts("AWSLogs/111122223333/Config/ConfigWritabilityCheckFile"))
                .isFalse();
        assertThat(LogFileKeyFilter.all().isActive()).isFalse();
        assertThat(filter.isActive()).isTrue();
    }

    @Test
    void foldersArePrunedLevelByLevel() {
        String account = "trail/AWSLogs/" + ORG + "/111122223333/";
        assertThat(filter.keepsFolder("trail/")).isTrue();
        assertThat(filter.keepsFolder("trail/AWSLogs/")).isTrue();
        assertThat(filter.keepsFolder("trail/AWSLogs/" + ORG + "/")).isTrue();
        assertThat(filter.keepsFolder("trail/AWSLogs/o-zzzzzzzzzz/")).isFalse();
        assertThat(filter.keepsFolder("trail/AWSLogs/111122223333/"))
                .as("an account trail")
                .isFalse();
        assertThat(filter.keepsFolder(account)).isTrue();
        assertThat(filter.keepsFolder("trail/AWSLogs/" + ORG + "/444455556666/"))
                .isFalse();
        assertThat(filter.keepsFolder(account + "CloudTrail/")).isTrue();
        assertThat(filter.keepsFolder(account + "CloudTrail-Digest/")).isFalse();
        assertThat(filter.keepsFolder(account + "CloudTrail/us-east-1")).isTrue();
        assertThat(filter.keepsFolder(account + "CloudTrail/eu-west-1/")).isFalse();
        assertThat(filter.keepsFolder(account + "CloudTrail/us-east-1/2024/")).isTrue();
        assertThat(filter.keepsFolder(account + "CloudTrail/us-east-1/2023/")).isFalse();
        assertThat(filter.keepsFolder(account + "CloudTrail/us-east-1/2024/01/"))
                .isTrue();
        assertThat(filter.keepsFolder(account + "CloudTrail/us-east-1/2024/02/"))
                .isFalse();
        assertThat(filter.keepsFolder(account + "CloudTrail/us-east-1/2024/01/01/"))
                .isFalse();
        assertThat(filter.keepsFolder(account + "CloudTrail/us-east-1/2024/01/02/"))
                .isTrue();
        assertThat(filter.keepsFolder(account + "CloudTrail/us-east-1/2024/01/03/"))
                .isFalse();
        assertThat(filter.keepsFolder(account + "CloudTrail/us-east-1/archive/"))
                .as("outside the layout")
                .isTrue();
        assertThat(filter.keepsFolder("/data/copy/AWSLogs/" + ORG + "/444455556666"))
                .as("a path")
                .isFalse();
    }

    @Test
    void timesAndRangesAreChecked() {
        assertThat(LogFileKeyFilter.time("2024-01-31")).isEqualTo(Instant.parse("2024-01-31T00:00:00Z"));
        assertThat(LogFileKeyFilter.time("2024-01-31T12:00:00Z")).isEqualTo(Instant.parse("2024-01-31T12:00:00Z"));
        assertThat(LogFileKeyFilter.time(null)).isNull();
        assertThatThrownBy(() -> LogFileKeyFilter.time("yesterday"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("yesterday");
        assertThatThrownBy(() -> LogFileKeyFilter.all()
                        .from(Instant.parse("2024-01-02T00:00:00Z"))
                        .to(Instant.parse("2024-01-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> LogFileKeyFilter.all().maxDeliveryDelay(Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
