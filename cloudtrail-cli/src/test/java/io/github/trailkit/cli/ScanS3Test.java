package io.github.trailkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trailkit.cli.internal.S3LogKeys;
import io.github.trailkit.lambda.testing.LoopbackS3;
import io.github.trailkit.model.GeneratedLog;
import io.github.trailkit.model.LogFileKeyFilter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cloudtrail scan s3://bucket/prefix} against an S3-compatible server on loopback, with the command's own
 * client through {@code --endpoint-url} and the SDK's default credentials (system properties here): the same output
 * as for the same files on disk, and pruning by key that lists and fetches only what it must.
 */
final class ScanS3Test {
    private static final String BUCKET = "org-trail";
    private static final String ORG = "o-abcdef1234";
    private static final String[] ACCOUNTS = {"111122223333", "444455556666"};
    private static final String[] REGIONS = {"us-east-1", "eu-west-1"};
    private static final int[] DAYS = {1, 2, 3};

    private static LoopbackS3 s3;
    private static String accessKey;
    private static String secretKey;
    private static Path local;
    private static final List<String> KEYS = new ArrayList<>();

    @BeforeAll
    static void start(@TempDir Path dir) throws IOException {
        s3 = LoopbackS3.inMemory();
        s3.createBucket(BUCKET);
        accessKey = System.setProperty("aws.accessKeyId", "AKIDSCANTEST");
        secretKey = System.setProperty("aws.secretAccessKey", "scan-secret");
        local = dir;
        long seed = 11;
        for (String account : ACCOUNTS) {
            for (String region : REGIONS) {
                for (int day : DAYS) {
                    String key = key(account, region, day);
                    ByteArrayOutputStream gz = new ByteArrayOutputStream();
                    try (OutputStream out = new GZIPOutputStream(gz)) {
                        GeneratedLog.records(120, seed++).transferTo(out);
                    }
                    s3.put(BUCKET, key, gz.toByteArray());
                    Path file = dir.resolve(key);
                    Files.createDirectories(file.getParent());
                    Files.write(file, gz.toByteArray());
                    KEYS.add(key);
                }
            }
        }
        // a digest is not a log of records: skipped in S3 (and kept out of the local copy)
        s3.put(
                BUCKET,
                "AWSLogs/" + ORG + "/111122223333/CloudTrail-Digest/us-east-1/2024/01/02/"
                        + "111122223333_CloudTrail-Digest_us-east-1_trail_us-east-1_20240102T120000Z.json.gz",
                new byte[] {1});
    }

    @AfterAll
    static void stop() {
        restore("aws.accessKeyId", accessKey);
        restore("aws.secretAccessKey", secretKey);
        s3.close();
    }

    private static void restore(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }

    static String key(String account, String region, int day) {
        return String.format(
                "AWSLogs/%s/%s/CloudTrail/%s/2024/01/%02d/%s_CloudTrail_%s_202401%02dT1200Z_Abc%dDef.json.gz",
                ORG, account, region, day, account, region, day, day);
    }

    private static List<String> objectGets(List<String> gets) {
        return gets.stream()
                .filter(p -> p.startsWith("/" + BUCKET + "/AWSLogs/"))
                .map(p -> p.substring(BUCKET.length() + 2))
                .collect(Collectors.toList());
    }

    @Test
    void theSameOutputAsForTheFilesOnDisk() {
        Cli.Result onDisk = Cli.run("scan", "--pack", "cis-aws-foundations", "--threads", "2", local.toString());
        Cli.Result inS3 = Cli.run(
                "scan",
                "--pack",
                "cis-aws-foundations",
                "--threads",
                "3",
                "--endpoint-url",
                s3.endpoint().toString(),
                "s3://" + BUCKET + "/");

        assertThat(inS3.exit()).as(inS3.err()).isEqualTo(onDisk.exit());
        assertThat(onDisk.lines()).hasSizeGreaterThan(10);
        assertThat(inS3.lines())
                .isEqualTo(onDisk.lines().stream()
                        .map(l -> l.replace("\"source\":\"" + local + "/", "\"source\":\"s3://" + BUCKET + "/"))
                        .collect(Collectors.toList()));
        assertThat(summaryCounts(inS3.err())).isEqualTo(summaryCounts(onDisk.err()));
    }

    private static String summaryCounts(String err) {
        String summary =
                err.lines().filter(l -> l.startsWith("scanned ")).findFirst().orElseThrow();
        return summary.substring(0, summary.indexOf(" in "));
    }

    @Test
    void filtersPruneByKeyBeforeListingDeeperAndFetchOnlyWhatTheyMust() {
        int before = s3.gets().size();
        Cli.Result r = Cli.run(
                "scan",
                "--pack",
                "cis-aws-foundations",
                "--endpoint-url",
                s3.endpoint().toString(),
                "--account",
                "111122223333",
                "--region",
                "us-east-1",
                "--org",
                ORG,
                "--from",
                "2024-01-02",
                "--to",
                "2024-01-02T12:30:00Z",
                "--max-delivery-delay",
                "PT1H",
                "s3://" + BUCKET + "/AWSLogs/");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> gets = s3.gets().subList(before, s3.gets().size());
        assertThat(objectGets(gets)).containsExactly(key("111122223333", "us-east-1", 2));
        assertThat(r.err()).contains("scanned 1 file, 120 records");
    }

    @Test
    void theWalkListsOnlyTheFoldersTheFiltersLeave() {
        List<String> listed = new ArrayList<>();
        S3LogKeys keys = new S3LogKeys(
                        s3.handlerClient(),
                        LogFileKeyFilter.all()
                                .accounts(Set.of("444455556666"))
                                .from(Instant.parse("2024-01-03T00:00:00Z")))
                .onList(listed::add);
        List<String> found = keys.list(BUCKET, "");
        assertThat(found).containsExactly(key("444455556666", "eu-west-1", 3), key("444455556666", "us-east-1", 3));
        String account = "AWSLogs/" + ORG + "/444455556666/";
        assertThat(listed)
                .containsExactly(
                        "",
                        "AWSLogs/",
                        "AWSLogs/" + ORG + "/",
                        account,
                        account + "CloudTrail/",
                        account + "CloudTrail/eu-west-1/",
                        account + "CloudTrail/eu-west-1/2024/",
                        account + "CloudTrail/eu-west-1/2024/01/",
                        account + "CloudTrail/eu-west-1/2024/01/03/",
                        account + "CloudTrail/us-east-1/",
                        account + "CloudTrail/us-east-1/2024/",
                        account + "CloudTrail/us-east-1/2024/01/",
                        account + "CloudTrail/us-east-1/2024/01/03/");
    }

    /**
     * Objects are read by scan's own path for files: a bad field is a warning (or with {@code --strict-fields} a
     * problem) and damaged JSON costs its record only, with the same lines as for the same file on disk.
     */
    @Test
    void badFieldsAndDamageReadAsForAFileOnDisk(@TempDir Path copy) throws IOException {
        String a = "{\"eventVersion\":\"1.08\",\"eventID\":\"a\",\"eventSource\":\"s3.amazonaws.com\","
                + "\"eventName\":\"PutBucketPolicy\",\"eventTime\":\"redacted\"}";
        String b = "{\"eventVersion\":\"1.08\",\"eventID\":\"b\",\"eventName\":\"B\"}";
        byte[] log = ("{\"Records\":[" + a + "," + b.replace("\"B\"}", "\"B\"x}") + "," + a.replace("\"a\"", "\"c\"")
                        + "]}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String bucket = "damaged-logs";
        s3.createBucket(bucket);
        s3.put(bucket, "exports/bad.json", log);
        Path dir = Files.createDirectories(copy.resolve("exports"));
        Files.write(dir.resolve("bad.json"), log);
        String folder = copy + "/";
        for (boolean strict : new boolean[] {false, true}) {
            String fields = strict ? "--strict-fields" : "--threads=2"; // --threads=2: an option that changes nothing
            Cli.Result onDisk = Cli.run("scan", "--pack", "cis-aws-foundations", fields, folder);
            Cli.Result inS3 = Cli.run(
                    "scan",
                    "--pack",
                    "cis-aws-foundations",
                    fields,
                    "--endpoint-url",
                    s3.endpoint().toString(),
                    "s3://" + bucket + "/");
            assertThat(inS3.exit()).as(inS3.err()).isEqualTo(onDisk.exit()).isEqualTo(1);
            assertThat(inS3.lines())
                    .isEqualTo(onDisk.lines().stream()
                            .map(l -> l.replace(folder, "s3://" + bucket + "/"))
                            .collect(Collectors.toList()));
            List<String> diskErr = onDisk.err()
                    .lines()
                    .filter(l -> !l.startsWith("scanned "))
                    .map(l -> l.replace(folder, "s3://" + bucket + "/"))
                    .collect(Collectors.toList());
            assertThat(inS3.err().lines().filter(l -> !l.startsWith("scanned ")))
                    .containsExactlyElementsOf(diskErr)
                    .anyMatch(l -> l.contains("s3://" + bucket + "/exports/bad.json: record 1 at byte "));
            assertThat(summaryCounts(inS3.err())).isEqualTo(summaryCounts(onDisk.err()));
        }
    }

    @Test
    void oneObjectNamedInFullIsRead() {
        String key = KEYS.get(0);
        Cli.Result r = Cli.run(
                "scan",
                "--pack",
                "cis-aws-foundations",
                "--endpoint-url",
                s3.endpoint().toString(),
                "s3://" + BUCKET + "/" + key);
        assertThat(r.err()).as(r.err()).contains("scanned 1 file, 120 records");
    }

    @Test
    void aMissingRuleFileIsAUsageErrorAsForLocalPaths() {
        Cli.Result r = Cli.run(
                "scan",
                "--rules",
                local.resolve("no-such-rules.yaml").toString(),
                "--endpoint-url",
                s3.endpoint().toString(),
                "s3://" + BUCKET + "/");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no-such-rules.yaml");
    }

    @Test
    void mixingLocalAndS3PathsIsAUsageError() {
        Cli.Result r = Cli.run(
                "scan",
                "--pack",
                "cis-aws-foundations",
                "--endpoint-url",
                s3.endpoint().toString(),
                "s3://" + BUCKET + "/",
                local.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("not both");
    }
}
