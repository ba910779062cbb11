package io.github.trailkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import io.github.trailkit.model.LogFileKey.Kind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Keys come from cloudtrail-formats.md §4 (AWS docs and real org-trail keys) unless marked synthetic. */
final class LogFileKeyTest {

    /* ---------------- log files ---------------- */

    @Test
    void parse_accountTrailLogFile() {
        String key = "my-trail-logs/AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/01/"
                + "111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz";

        assertThat(LogFileKey.parse(key))
                .returns(key, LogFileKey::key)
                .returns(Kind.LOG, LogFileKey::kind)
                .returns(Optional.of("my-trail-logs"), LogFileKey::prefix)
                .returns(Optional.empty(), LogFileKey::organizationId)
                .returns(Optional.of("111122223333"), LogFileKey::accountId)
                .returns(Optional.of("us-east-2"), LogFileKey::region)
                .returns(Optional.of(LocalDate.of(2015, 8, 1)), LogFileKey::date)
                .returns(Optional.of(Instant.parse("2015-08-01T02:10:00Z")), LogFileKey::deliveryTime)
                .returns(Optional.empty(), LogFileKey::trailName)
                .returns(Optional.empty(), LogFileKey::homeRegion)
                .returns(false, LogFileKey::isBackfill)
                .returns(true, LogFileKey::isLogFile);
    }

    @Test
    void parse_logFileWithoutPrefix() {
        String key = "AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/01/"
                + "111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz";

        assertThat(LogFileKey.parse(key))
                .returns(key, LogFileKey::key)
                .returns(Kind.LOG, LogFileKey::kind)
                .returns(Optional.empty(), LogFileKey::prefix)
                .returns(Optional.empty(), LogFileKey::organizationId)
                .returns(Optional.of("111122223333"), LogFileKey::accountId)
                .returns(Optional.of("us-east-2"), LogFileKey::region)
                .returns(Optional.of(LocalDate.of(2015, 8, 1)), LogFileKey::date)
                .returns(Optional.of(Instant.parse("2015-08-01T02:10:00Z")), LogFileKey::deliveryTime)
                .returns(Optional.empty(), LogFileKey::trailName)
                .returns(Optional.empty(), LogFileKey::homeRegion)
                .returns(false, LogFileKey::isBackfill)
                .returns(true, LogFileKey::isLogFile);
    }

    @Test
    void parse_organizationTrailLogFile() {
        String key = "o-fxozgwu6rc/AWSLogs/o-fxozgwu6rc/123456789016/CloudTrail/ca-central-1/2020/08/30/"
                + "123456789016_CloudTrail_ca-central-1_20200830T0115Z_3YQJxwt5qUaOzMtL.json.gz";

        assertThat(LogFileKey.parse(key))
                .returns(key, LogFileKey::key)
                .returns(Kind.LOG, LogFileKey::kind)
                .returns(Optional.of("o-fxozgwu6rc"), LogFileKey::prefix)
                .returns(Optional.of("o-fxozgwu6rc"), LogFileKey::organizationId)
                .returns(Optional.of("123456789016"), LogFileKey::accountId)
                .returns(Optional.of("ca-central-1"), LogFileKey::region)
                .returns(Optional.of(LocalDate.of(2020, 8, 30)), LogFileKey::date)
                .returns(Optional.of(Instant.parse("2020-08-30T01:15:00Z")), LogFileKey::deliveryTime)
                .returns(Optional.empty(), LogFileKey::trailName)
                .returns(Optional.empty(), LogFileKey::homeRegion)
                .returns(false, LogFileKey::isBackfill)
                .returns(true, LogFileKey::isLogFile);
    }

    @Test
    void parse_organizationTrailLogFileWithoutPrefix() { // synthetic
        String key = "AWSLogs/o-aa11bb22cc33dd44/123456789016/CloudTrail/eu-west-3/2024/02/29/"
                + "123456789016_CloudTrail_eu-west-3_20240229T2355Z_ZZZZZZZZZZZZZZZZ.json.gz";

        assertThat(LogFileKey.parse(key))
                .returns(key, LogFileKey::key)
                .returns(Kind.LOG, LogFileKey::kind)
                .returns(Optional.empty(), LogFileKey::prefix)
                .returns(Optional.of("o-aa11bb22cc33dd44"), LogFileKey::organizationId)
                .returns(Optional.of("123456789016"), LogFileKey::accountId)
                .returns(Optional.of("eu-west-3"), LogFileKey::region)
                .returns(Optional.of(LocalDate.of(2024, 2, 29)), LogFileKey::date)
                .returns(Optional.of(Instant.parse("2024-02-29T23:55:00Z")), LogFileKey::deliveryTime)
                .returns(Optional.empty(), LogFileKey::trailName)
                .returns(Optional.empty(), LogFileKey::homeRegion)
                .returns(false, LogFileKey::isBackfill)
                .returns(true, LogFileKey::isLogFile);
    }

    @Test
    void parse_multiLevelPrefixWithSpaceAndPlus() { // synthetic
        String key = "a/b c/d+e/AWSLogs/111122223333/CloudTrail/us-west-2/2023/12/31/"
                + "111122223333_CloudTrail_us-west-2_20231231T2359Z_abcDEF0123456789.json.gz";

        assertThat(LogFileKey.parse(key))
                .returns(key, LogFileKey::key)
                .returns(Kind.LOG, LogFileKey::kind)
                .returns(Optional.of("a/b c/d+e"), LogFileKey::prefix)
                .returns(Optional.empty(), LogFileKey::organizationId)
                .returns(Optional.of("111122223333"), LogFileKey::accountId)
                .returns(Optional.of("us-west-2"), LogFileKey::region)
                .returns(Optional.of(LocalDate.of(2023, 12, 31)), LogFileKey::date)
                .returns(Optional.of(Instant.parse("2023-12-31T23:59:00Z")), LogFileKey::deliveryTime)
                .returns(Optional.empty(), LogFileKey::trailName)
                .returns(Optional.empty(), LogFileKey::homeRegion)
                .returns(false, LogFileKey::isBackfill)
                .returns(true, LogFileKey::isLogFile);
    }

    @Test
    void parse_prefixThatContainsAWSLogs() { // synthetic: the last AWSLogs/ segment is the CloudTrail one
        String key = "AWSLogs/archive/AWSLogs/111122223333/CloudTrail/eu-central-1/2021/01/02/"
                + "111122223333_CloudTrail_eu-central-1_20210102T0300Z_Mu0KsOhtH1ar15ZZ.json.gz";

        assertThat(LogFileKey.parse(key))
                .returns(key, LogFileKey::key)
                .returns(Kind.LOG, LogFileKey::kind)
                .returns(Optional.of("AWSLogs/archive"), LogFileKey::prefix)
                .returns(Optional.empty(), LogFileKey::organizationId)
                .returns(Optional.of("111122223333"), LogFileKey::accountId)
                .returns(Optional.of("eu-central-1"), LogFileKey::region)
                .returns(Optional.of(LocalDate.of(2021, 1, 2)), LogFileKey::date)
                .returns(Optional.of(Instant.parse("2021-01-02T03:00:00Z")), LogFileKey::deliveryTime)
                .returns(Optional.empty(), LogFileKey::trailName)
                .returns(Optional.empty(), LogFileKey::homeRegion)
                .returns(false, LogFileKey::isBackfill)
                .returns(true, LogFileKey::isLogFile);
    }

    @Test
    void parse_govCloudLogFile() { // synthetic
        String key = "AWSLogs/111122223333/CloudTrail/us-gov-west-1/2022/06/15/"
                + "111122223333_CloudTrail_us-gov-west-1_20220615T1205Z_Q1w2E3r4T5y6U7i8.json.gz";

        assertThat(LogFileKey.parse(key))
                .returns(key, LogFileKey::key)
                .returns(Kind.LOG, LogFileKey::kind)
                .returns(Optional.empty(), LogFileKey::prefix)
                .returns(Optional.empty(), LogFileKey::organizationId)
                .returns(Optional.of("111122223333"), LogFileKey::accountId)
                .returns(Optional.of("us-gov-west-1"), LogFileKey::region)
                .returns(Optional.of(LocalDate.of(2022, 6, 15)), LogFileKey::date)
                .returns(Optional.of(Instant.parse("2022-06-15T12:05:00Z")), LogFileKey::deliveryTime)
                .returns(Optional.empty(), LogFileKey::trailName)
                .returns(Optional.empty(), LogFileKey::homeRegion)
                .returns(false, LogFileKey::isBackfill)
                .returns(true, LogFileKey::isLogFile);
    }

    @Test
    void parse_chinaRegionLogFile() { // synthetic
        String key = "cn-logs/AWSLogs/111122223333/CloudTrail/cn-north-1/2019/11/05/"
                + "111122223333_CloudTrail_cn-north-1_20191105T0000Z_aaaaBBBBccccDDDD.json.gz";

        assertThat(LogFileKey.parse(key))
                .returns(key, LogFileKey::key)
                .returns(Kind.LOG, LogFileKey::kind)
                .returns(Optional.of("cn-logs"), LogFileKey::prefix)
                .returns(Optional.empty(), LogFileKey::organizationId)
                .returns(Optional.of("111122223333"), LogFileKey::accountId)
                .returns(Optional.of("cn-north-1"), LogFileKey::region)
                .returns(Optional.of(LocalDate.of(2019, 11, 5)), LogFileKey::date)
                .returns(Optional.of(Instant.parse("2019-11-05T00:00:00Z")), LogFileKey::deliveryTime)
                .returns(Optional.empty(), LogFileKey::trailName)
                .returns(Optional.empty(), LogFileKey::homeRegion)
                .returns(false, LogFileKey::isBackfill)
                .returns(true, LogFileKey::isLogFile);
    }

    /* ---------------- Insights and aggregated files ---------------- */

    @Test
    void parse_organizationTrailInsightFile() {
        String key = "o-fxozgwu6rc/AWSLogs/o-fxozgwu6rc/123456789015/CloudTrail-Insight/ca-central-1/2020/09/23/"
                + "123456789015_CloudTrail-Insight_ca-central-1_20200923T0516Z_KL5e9VCV2SS7IqzB.json.gz";

        assertThat(LogFileKey.parse(key))
                .returns(key, LogFileKey::key)
                .returns(Kind.INSIGHT, LogFileKey::kind)
                .returns(Optional.of("o-fxozgwu6rc"), LogFileKey::prefix)
                .returns(Optional.of("o-fxozgwu6rc"), LogFileKey::organizationId)
                .returns(Optional.of("123456789015"), LogFileKey::accountId)
                .returns(Optional.of("ca-central-1"), LogFileKey::region)
                .returns(Optional.of(LocalDate.of(2020, 9, 23)), LogFileKey::date)
                .returns(Optional.of(Instant.parse("2020-09-23T05:16:00Z")), LogFileKey::deliveryTime)
                .returns(Optional.empty(), LogFileKey::trailName)
                .returns(Optional.empty(), LogFileKey::homeRegion)
                .returns(false, LogFileKey::isBackfill)
                .returns(false, LogFileKey::isLogFile);
    }

    @Test
    void parse_aggregatedEventFile() { // synthetic: the layout is reported by third parties only
        String key = "AWSLogs/111122223333/CloudTrail-Aggregated/us-east-1/2025/11/20/"
                + "111122223333_CloudTrail-Aggregated_us-east-1_20251120T1005Z_AbCdEfGhIjKlMnOp.json.gz";

        assertThat(LogFileKey.parse(key))
                .returns(key, LogFileKey::key)
                .returns(Kind.AGGREGATED, LogFileKey::kind)
                .returns(Optional.empty(), LogFileKey::prefix)
                .returns(Optional.empty(), LogFileKey::organizationId)
                .returns(Optional.of("111122223333"), LogFileKey::accountId)
                .returns(Optional.of("us-east-1"), LogFileKey::region)
                .returns(Optional.of(LocalDate.of(2025, 11, 20)), LogFileKey::date)
                .returns(Optional.of(Instant.parse("2025-11-20T10:05:00Z")), LogFileKey::deliveryTime)
                .returns(Optional.empty(), LogFileKey::trailName)
                .returns(Optional.empty(), LogFileKey::homeRegion)
                .returns(false, LogFileKey::isBackfill)
                .returns(false, LogFileKey::isLogFile);
    }

    /* ---------------- digest files ---------------- */

    @Test
    void parse_digestFile() {
        String key = "AWSLogs/111122223333/CloudTrail-Digest/us-east-2/2015/08/17/"
                + "111122223333_CloudTrail-Digest_us-east-2_your-trail-name_us-east-2_20150817T150131Z.json.gz";

        assertThat(LogFileKey.parse(key))
                .returns(key, LogFileKey::key)
                .returns(Kind.DIGEST, LogFileKey::kind)
                .returns(Optional.empty(), LogFileKey::prefix)
                .returns(Optional.empty(), LogFileKey::organizationId)
                .returns(Optional.of("111122223333"), LogFileKey::accountId)
                .returns(Optional.of("us-east-2"), LogFileKey::region)
                .returns(Optional.of(LocalDate.of(2015, 8, 17)), LogFileKey::date)
                .returns(Optional.of(Instant.parse("2015-08-17T15:01:31Z")), LogFileKey::deliveryTime)
                .returns(Optional.of("your-trail-name"), LogFileKey::trailName)
                .returns(Optional.of("us-east-2"), LogFileKey::homeRegion)
                .returns(false, LogFileKey::isBackfill)
                .returns(false, LogFileKey::isLogFile);
    }

    @Test
    void parse_digestFileWithUnderscoresAndDotsInTrailName() { // synthetic, delivered outside the home region
        String key = "audit/AWSLogs/111122223333/CloudTrail-Digest/eu-west-1/2024/08/01/"
                + "111122223333_CloudTrail-Digest_eu-west-1_my_trail.v2_prod_us-east-1_20240801T201728Z.json.gz";

        assertThat(LogFileKey.parse(key))
                .returns(key, LogFileKey::key)
                .returns(Kind.DIGEST, LogFileKey::kind)
                .returns(Optional.of("audit"), LogFileKey::prefix)
                .returns(Optional.empty(), LogFileKey::organizationId)
                .returns(Optional.of("111122223333"), LogFileKey::accountId)
                .returns(Optional.of("eu-west-1"), LogFileKey::region)
                .returns(Optional.of(LocalDate.of(2024, 8, 1)), LogFileKey::date)
                .returns(Optional.of(Instant.parse("2024-08-01T20:17:28Z")), LogFileKey::deliveryTime)
                .returns(Optional.of("my_trail.v2_prod"), LogFileKey::trailName)
                .returns(Optional.of("us-east-1"), LogFileKey::homeRegion)
                .returns(false, LogFileKey::isBackfill)
                .returns(false, LogFileKey::isLogFile);
    }

    @Test
    void parse_digestFileWithRegionLikeTrailName() { // synthetic: the home region is the last one before the time
        String key = "AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2024/08/01/"
                + "111122223333_CloudTrail-Digest_us-east-1_prod_us-west-2_us-east-1_20240801T010203Z.json.gz";

        assertThat(LogFileKey.parse(key))
                .returns(key, LogFileKey::key)
                .returns(Kind.DIGEST, LogFileKey::kind)
                .returns(Optional.empty(), LogFileKey::prefix)
                .returns(Optional.empty(), LogFileKey::organizationId)
                .returns(Optional.of("111122223333"), LogFileKey::accountId)
                .returns(Optional.of("us-east-1"), LogFileKey::region)
                .returns(Optional.of(LocalDate.of(2024, 8, 1)), LogFileKey::date)
                .returns(Optional.of(Instant.parse("2024-08-01T01:02:03Z")), LogFileKey::deliveryTime)
                .returns(Optional.of("prod_us-west-2"), LogFileKey::trailName)
                .returns(Optional.of("us-east-1"), LogFileKey::homeRegion)
                .returns(false, LogFileKey::isBackfill)
                .returns(false, LogFileKey::isLogFile);
    }

    @Test
    void parse_backfillDigestFile() { // synthetic around the [VCLI] timestamp
        String key = "AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2024/08/01/"
                + "111122223333_CloudTrail-Digest_us-east-1_management-events_us-east-1_20240801T201728Z"
                + "_backfill.json.gz";

        assertThat(LogFileKey.parse(key))
                .returns(key, LogFileKey::key)
                .returns(Kind.DIGEST, LogFileKey::kind)
                .returns(Optional.empty(), LogFileKey::prefix)
                .returns(Optional.empty(), LogFileKey::organizationId)
                .returns(Optional.of("111122223333"), LogFileKey::accountId)
                .returns(Optional.of("us-east-1"), LogFileKey::region)
                .returns(Optional.of(LocalDate.of(2024, 8, 1)), LogFileKey::date)
                .returns(Optional.of(Instant.parse("2024-08-01T20:17:28Z")), LogFileKey::deliveryTime)
                .returns(Optional.of("management-events"), LogFileKey::trailName)
                .returns(Optional.of("us-east-1"), LogFileKey::homeRegion)
                .returns(true, LogFileKey::isBackfill)
                .returns(false, LogFileKey::isLogFile);
    }

    @Test
    void parse_organizationTrailDigestFileInChina() { // synthetic
        String key = "org logs/AWSLogs/o-fxozgwu6rc/123456789016/CloudTrail-Digest/cn-northwest-1/2021/03/04/"
                + "123456789016_CloudTrail-Digest_cn-northwest-1_org-trail_cn-north-1_20210304T050607Z.json.gz";

        assertThat(LogFileKey.parse(key))
                .returns(key, LogFileKey::key)
                .returns(Kind.DIGEST, LogFileKey::kind)
                .returns(Optional.of("org logs"), LogFileKey::prefix)
                .returns(Optional.of("o-fxozgwu6rc"), LogFileKey::organizationId)
                .returns(Optional.of("123456789016"), LogFileKey::accountId)
                .returns(Optional.of("cn-northwest-1"), LogFileKey::region)
                .returns(Optional.of(LocalDate.of(2021, 3, 4)), LogFileKey::date)
                .returns(Optional.of(Instant.parse("2021-03-04T05:06:07Z")), LogFileKey::deliveryTime)
                .returns(Optional.of("org-trail"), LogFileKey::trailName)
                .returns(Optional.of("cn-north-1"), LogFileKey::homeRegion)
                .returns(false, LogFileKey::isBackfill)
                .returns(false, LogFileKey::isLogFile);
    }

    @Test
    void parse_govCloudDigestFile() { // synthetic
        String key = "AWSLogs/111122223333/CloudTrail-Digest/us-gov-west-1/2022/06/15/"
                + "111122223333_CloudTrail-Digest_us-gov-west-1_gov.trail_us-gov-east-1_20220615T235959Z.json.gz";

        assertThat(LogFileKey.parse(key))
                .returns(key, LogFileKey::key)
                .returns(Kind.DIGEST, LogFileKey::kind)
                .returns(Optional.empty(), LogFileKey::prefix)
                .returns(Optional.empty(), LogFileKey::organizationId)
                .returns(Optional.of("111122223333"), LogFileKey::accountId)
                .returns(Optional.of("us-gov-west-1"), LogFileKey::region)
                .returns(Optional.of(LocalDate.of(2022, 6, 15)), LogFileKey::date)
                .returns(Optional.of(Instant.parse("2022-06-15T23:59:59Z")), LogFileKey::deliveryTime)
                .returns(Optional.of("gov.trail"), LogFileKey::trailName)
                .returns(Optional.of("us-gov-east-1"), LogFileKey::homeRegion)
                .returns(false, LogFileKey::isBackfill)
                .returns(false, LogFileKey::isLogFile);
    }

    /* ---------------- AWS Config probe ---------------- */

    @Test
    void parse_configWritabilityCheckFile() {
        String key = "AWSLogs/111122223333/Config/ConfigWritabilityCheckFile";

        assertThat(LogFileKey.parse(key))
                .returns(key, LogFileKey::key)
                .returns(Kind.CONFIG_WRITABILITY_CHECK, LogFileKey::kind)
                .returns(Optional.empty(), LogFileKey::prefix)
                .returns(Optional.empty(), LogFileKey::organizationId)
                .returns(Optional.of("111122223333"), LogFileKey::accountId)
                .returns(Optional.empty(), LogFileKey::region)
                .returns(Optional.empty(), LogFileKey::date)
                .returns(Optional.empty(), LogFileKey::deliveryTime)
                .returns(Optional.empty(), LogFileKey::trailName)
                .returns(Optional.empty(), LogFileKey::homeRegion)
                .returns(false, LogFileKey::isBackfill)
                .returns(false, LogFileKey::isLogFile);
    }

    @Test
    void parse_configWritabilityCheckFileWithPrefix() {
        String key = "config/and trail/AWSLogs/111122223333/Config/ConfigWritabilityCheckFile";

        assertThat(LogFileKey.parse(key))
                .returns(key, LogFileKey::key)
                .returns(Kind.CONFIG_WRITABILITY_CHECK, LogFileKey::kind)
                .returns(Optional.of("config/and trail"), LogFileKey::prefix)
                .returns(Optional.empty(), LogFileKey::organizationId)
                .returns(Optional.of("111122223333"), LogFileKey::accountId)
                .returns(Optional.empty(), LogFileKey::region)
                .returns(Optional.empty(), LogFileKey::date)
                .returns(Optional.empty(), LogFileKey::deliveryTime)
                .returns(Optional.empty(), LogFileKey::trailName)
                .returns(Optional.empty(), LogFileKey::homeRegion)
                .returns(false, LogFileKey::isBackfill)
                .returns(false, LogFileKey::isLogFile);
    }

    @Test
    void parse_configWritabilityCheckFileUnderOrganization() { // synthetic
        String key = "shared/AWSLogs/o-fxozgwu6rc/111122223333/Config/ConfigWritabilityCheckFile";

        assertThat(LogFileKey.parse(key))
                .returns(key, LogFileKey::key)
                .returns(Kind.CONFIG_WRITABILITY_CHECK, LogFileKey::kind)
                .returns(Optional.of("shared"), LogFileKey::prefix)
                .returns(Optional.of("o-fxozgwu6rc"), LogFileKey::organizationId)
                .returns(Optional.of("111122223333"), LogFileKey::accountId)
                .returns(Optional.empty(), LogFileKey::region)
                .returns(Optional.empty(), LogFileKey::date)
                .returns(Optional.empty(), LogFileKey::deliveryTime)
                .returns(Optional.empty(), LogFileKey::trailName)
                .returns(Optional.empty(), LogFileKey::homeRegion)
                .returns(false, LogFileKey::isBackfill)
                .returns(false, LogFileKey::isLogFile);
    }

    /* ---------------- other keys ---------------- */

    static Stream<Arguments> otherKeys() {
        String folders = "AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/01/";
        String digestFolders = "AWSLogs/111122223333/CloudTrail-Digest/us-east-2/2015/08/17/111122223333_";
        String validLog = folders + "111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz";
        return Stream.of(
                argumentSet("empty string", ""),
                argumentSet("random key", "images/2015/08/01/cat.png"),
                argumentSet("AWSLogs folder only", "AWSLogs/111122223333/CloudTrail/"),
                argumentSet(
                        "file-name account differs from folder",
                        folders + "444455556666_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz"),
                argumentSet(
                        "file-name region differs from folder",
                        folders + "111122223333_CloudTrail_us-east-1_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz"),
                argumentSet(
                        "plain .json",
                        folders + "111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json"),
                argumentSet(
                        "other extension",
                        folders + "111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.bz2"),
                argumentSet("trailing newline", validLog + "\n"),
                argumentSet(
                        "11-digit account",
                        "AWSLogs/11112222333/CloudTrail/us-east-2/2015/08/01/"
                                + "11112222333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz"),
                argumentSet(
                        "month 13 in folder",
                        "AWSLogs/111122223333/CloudTrail/us-east-2/2015/13/01/"
                                + "111122223333_CloudTrail_us-east-2_20151301T0210Z_Mu0KsOhtH1ar15ZZ.json.gz"),
                argumentSet(
                        "February 30 in folder",
                        "AWSLogs/111122223333/CloudTrail/us-east-2/2015/02/30/"
                                + "111122223333_CloudTrail_us-east-2_20150228T0210Z_Mu0KsOhtH1ar15ZZ.json.gz"),
                argumentSet(
                        "hour 24 in file name",
                        folders + "111122223333_CloudTrail_us-east-2_20150801T2410Z_Mu0KsOhtH1ar15ZZ.json.gz"),
                argumentSet(
                        "seconds in a log-file time",
                        folders + "111122223333_CloudTrail_us-east-2_20150801T021000Z_Mu0KsOhtH1ar15ZZ.json.gz"),
                argumentSet(
                        "unique string with a dash",
                        folders + "111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1-r15ZZ.json.gz"),
                argumentSet(
                        "missing unique string", folders + "111122223333_CloudTrail_us-east-2_20150801T0210Z.json.gz"),
                argumentSet(
                        "upper-case organization id",
                        "AWSLogs/o-FXOZGWU6RC/111122223333/CloudTrail/us-east-2/2015/08/01/"
                                + "111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz"),
                argumentSet(
                        "too short organization id",
                        "AWSLogs/o-abc123/111122223333/CloudTrail/us-east-2/2015/08/01/"
                                + "111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz"),
                argumentSet(
                        "Insight file in the CloudTrail folder",
                        folders + "111122223333_CloudTrail-Insight_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz"),
                argumentSet(
                        "lower-case folder",
                        "AWSLogs/111122223333/cloudtrail/us-east-2/2015/08/01/"
                                + "111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz"),
                argumentSet(
                        "digest with a log-file timestamp",
                        digestFolders + "CloudTrail-Digest_us-east-2_your-trail-name_us-east-2_20150817T1501Z.json.gz"),
                argumentSet(
                        "digest without home region",
                        digestFolders + "CloudTrail-Digest_us-east-2_your-trail-name_20150817T150131Z.json.gz"),
                argumentSet(
                        "digest region differs from folder",
                        digestFolders
                                + "CloudTrail-Digest_us-west-2_your-trail-name_us-east-2_20150817T150131Z.json.gz"),
                argumentSet(
                        "digest with another suffix",
                        digestFolders + "CloudTrail-Digest_us-east-2_your-trail-name_us-east-2_20150817T150131Z"
                                + "_copy.json.gz"),
                argumentSet(
                        "AWS Config history file",
                        "AWSLogs/111122223333/Config/us-east-1/2015/08/01/ConfigHistory/"
                                + "111122223333_Config_us-east-1_ConfigHistory_AWS::EC2::Instance_20150801T021000Z"
                                + ".json.gz"),
                argumentSet(
                        "ConfigWritabilityCheckFile with a suffix",
                        "AWSLogs/111122223333/Config/ConfigWritabilityCheckFile.txt"),
                argumentSet("longer than an S3 key", "x".repeat(1000) + "/" + validLog));
    }

    @ParameterizedTest
    @MethodSource("otherKeys")
    void parse_otherKey(String key) {
        assertThat(LogFileKey.parse(key))
                .returns(key, LogFileKey::key)
                .returns(Kind.OTHER, LogFileKey::kind)
                .returns(Optional.empty(), LogFileKey::prefix)
                .returns(Optional.empty(), LogFileKey::organizationId)
                .returns(Optional.empty(), LogFileKey::accountId)
                .returns(Optional.empty(), LogFileKey::region)
                .returns(Optional.empty(), LogFileKey::date)
                .returns(Optional.empty(), LogFileKey::deliveryTime)
                .returns(Optional.empty(), LogFileKey::trailName)
                .returns(Optional.empty(), LogFileKey::homeRegion)
                .returns(false, LogFileKey::isBackfill)
                .returns(false, LogFileKey::isLogFile);
    }

    @Test
    void parse_null_throwsNullPointerException() {
        assertThatNullPointerException()
                .isThrownBy(() -> LogFileKey.parse(null))
                .withMessage("key");
    }

    /* ---------------- value semantics ---------------- */

    @Test
    void equalsAndHashCode_byValue() {
        String key = "AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/01/"
                + "111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz";
        LogFileKey first = LogFileKey.parse(key);
        LogFileKey second = LogFileKey.parse(new String(key)); // a distinct but equal string

        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second).isNotSameAs(second);
        assertThat(first).isNotEqualTo(LogFileKey.parse("prefix/" + key)).isNotEqualTo(key);
        assertThat(LogFileKey.parse("random")).isEqualTo(LogFileKey.parse("random"));
    }

    @Test
    void toString_showsKindKeyAndPresentParts() {
        String key = "AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2024/08/01/"
                + "111122223333_CloudTrail-Digest_us-east-1_t.1_us-east-1_20240801T201728Z_backfill.json.gz";

        assertThat(LogFileKey.parse(key))
                .hasToString("LogFileKey{kind=DIGEST, key=" + key
                        + ", accountId=111122223333, region=us-east-1, date=2024-08-01, deliveryTime=2024-08-01T20:17:28Z"
                        + ", trailName=t.1, homeRegion=us-east-1, backfill=true}");
        assertThat(LogFileKey.parse("random")).hasToString("LogFileKey{kind=OTHER, key=random}");
    }
}
