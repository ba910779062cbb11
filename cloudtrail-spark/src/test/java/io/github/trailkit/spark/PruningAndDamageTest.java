package io.github.trailkit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trailkit.model.GeneratedLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pruning by key opens only the files it must; a damaged file costs only its bad records. */
final class PruningAndDamageTest {
    @TempDir
    Path dir;

    private static SparkSession spark() {
        return SharedSpark.session();
    }

    private Set<String> sourceFiles(Dataset<Row> records) {
        return records.select("sourcefile").distinct().collectAsList().stream()
                .map(r -> r.getString(0).replaceFirst("^recording:", ""))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void keyOptionsOpenOnlyTheFilesThatMayHoldTheRecords() throws IOException {
        TrailFiles.write(dir, 20);
        String root = "recording://" + dir;

        OpenRecordingFileSystem.OPENED.clear();
        Dataset<Row> all = spark().read().format("cloudtrail").load(root);
        assertThat(sourceFiles(all)).hasSize(12);
        assertThat(OpenRecordingFileSystem.OPENED).hasSize(12);

        OpenRecordingFileSystem.OPENED.clear();
        OpenRecordingFileSystem.LISTED.clear();
        Dataset<Row> narrow = spark().read()
                .format("cloudtrail")
                .option(CloudTrailSpark.ACCOUNTS, "111122223333")
                .option(CloudTrailSpark.REGIONS, "us-east-1")
                .option(CloudTrailSpark.ORGANIZATION_ID, TrailFiles.ORG)
                // day 1 was delivered before the range, day 3 after its end plus the allowed delay
                .option(CloudTrailSpark.FROM, "2024-01-02")
                .option(CloudTrailSpark.TO, "2024-01-02T12:30:00Z")
                .option(CloudTrailSpark.MAX_DELIVERY_DELAY, "PT1H")
                .load(root);
        String only =
                dir.resolve(TrailFiles.key("111122223333", "us-east-1", 2)).toString();
        assertThat(sourceFiles(narrow)).containsExactly(only);
        assertThat(narrow.count()).isEqualTo(20);
        assertThat(OpenRecordingFileSystem.OPENED).containsExactly(only);
        // and the folders of other accounts, regions and days were not even listed
        assertThat(OpenRecordingFileSystem.LISTED)
                .isNotEmpty()
                .noneMatch(p -> p.contains("444455556666")
                        || p.contains("eu-west-1")
                        || p.endsWith("/2024/01/01")
                        || p.endsWith("/2024/01/03"));
        assertThat(OpenRecordingFileSystem.LISTED)
                .contains(dir + "/AWSLogs/" + TrailFiles.ORG + "/111122223333/CloudTrail/us-east-1/2024/01/02");

        OpenRecordingFileSystem.OPENED.clear();
        Dataset<Row> twoRegions = spark().read()
                .format("cloudtrail")
                .option(CloudTrailSpark.REGIONS, "us-east-1,eu-west-1")
                .option(CloudTrailSpark.ACCOUNTS, "444455556666")
                .option(CloudTrailSpark.FROM, "2024-01-03")
                .load(root);
        assertThat(twoRegions.count()).isEqualTo(2 * 20);
        assertThat(OpenRecordingFileSystem.OPENED)
                .containsExactlyInAnyOrder(
                        dir.resolve(TrailFiles.key("444455556666", "us-east-1", 3))
                                .toString(),
                        dir.resolve(TrailFiles.key("444455556666", "eu-west-1", 3))
                                .toString());

        OpenRecordingFileSystem.OPENED.clear();
        Dataset<Row> otherOrg = spark().read()
                .format("cloudtrail")
                .option(CloudTrailSpark.ORGANIZATION_ID, "o-zzzzzzzzzz")
                .load(root);
        assertThat(otherOrg.count()).isZero();
        assertThat(OpenRecordingFileSystem.OPENED).isEmpty();
    }

    @Test
    void aDamagedFileCostsOnlyItsBadRecords() throws IOException {
        // five records; record 2 has a field of the wrong type, record 4 an unreadable time
        String[] records = new String[5];
        for (int i = 0; i < 5; i++) {
            records[i] = "{\"eventVersion\":\"1.08\",\"eventID\":\"id-" + i + "\",\"eventName\":\"GetObject\","
                    + "\"eventSource\":\"s3.amazonaws.com\",\"eventTime\":\"2024-01-01T00:00:0" + i + "Z\","
                    + "\"readOnly\":true,\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::111122223333:user/a\"},"
                    + "\"requestParameters\":{\"bucketName\":\"b\",\"n\":" + i + "}}";
        }
        records[2] = records[2].replace("\"readOnly\":true", "\"readOnly\":\"yes\"");
        records[4] = records[4].replace("2024-01-01T00:00:04Z", "yesterday");
        Path fields = dir.resolve("bad-fields.json");
        Files.writeString(fields, "{\"Records\":[" + String.join(",", records) + "]}");

        // a gzip file cut in the middle
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            GeneratedLog.records(300, 7).transferTo(out);
        }
        byte[] whole = gz.toByteArray();
        Path cut = dir.resolve("cut.json.gz");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2));

        Path good = dir.resolve("good.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(good))) {
            GeneratedLog.records(50, 8).transferTo(out);
        }
        Path notALog = dir.resolve("not-a-log.json");
        Files.writeString(notALog, "{\"hello\":\"world\"}", StandardCharsets.UTF_8);

        Dataset<Row> rows =
                spark().read().format("cloudtrail").load(dir.toString()).cache();

        // as the library reads them: a bad field costs that field (its column is null), never the record
        List<Row> fromFields = rows.where("sourcefile LIKE '%bad-fields.json'")
                .orderBy("recordindex")
                .select("recordindex", "eventid", "problem", "requestparameters", "readonly", "eventtime", "record")
                .collectAsList();
        assertThat(fromFields).hasSize(5);
        assertThat(fromFields.stream().map(r -> r.getLong(0))).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(fromFields.stream().map(r -> r.getString(1)))
                .containsExactly("id-0", "id-1", "id-2", "id-3", "id-4");
        assertThat(fromFields).allSatisfy(r -> assertThat(r.isNullAt(2)).isTrue());
        assertThat(fromFields.get(2).isNullAt(4)).isTrue();
        assertThat(fromFields.get(2).getString(6)).contains("\"readOnly\":\"yes\""); // kept as it came
        assertThat(fromFields.get(4).isNullAt(5)).isTrue();
        assertThat(fromFields.get(4).getString(6)).contains("\"eventTime\":\"yesterday\"");
        assertThat(fromFields.get(3).getString(3)).isEqualTo("{\"bucketName\":\"b\",\"n\":3}");

        List<Row> fromCut = rows.where("sourcefile LIKE '%cut.json.gz'")
                .orderBy("recordindex")
                .select("recordindex", "problem")
                .collectAsList();
        List<Row> readFromCut = fromCut.stream().filter(r -> r.isNullAt(1)).collect(Collectors.toList());
        List<Row> damage = fromCut.stream().filter(r -> !r.isNullAt(1)).collect(Collectors.toList());
        assertThat(readFromCut).hasSizeGreaterThan(50);
        for (int i = 0; i < readFromCut.size(); i++) {
            assertThat(readFromCut.get(i).getLong(0)).isEqualTo(i); // every record before the cut, none lost
        }
        assertThat(damage).hasSize(1);
        assertThat(damage.get(0).getString(1)).contains("cut.json.gz");

        assertThat(rows.where("sourcefile LIKE '%good.json.gz' AND problem IS NULL")
                        .count())
                .isEqualTo(50);
        List<Row> notLog = rows.where("sourcefile LIKE '%not-a-log.json'")
                .select("problem")
                .collectAsList();
        assertThat(notLog).hasSize(1);
        assertThat(notLog.get(0).getString(0)).contains("not-a-log.json");

        // the rule runner passes over the problem rows and reads every good record
        assertThat(CloudTrailSpark.findings(
                                rows,
                                RuleSource.document(
                                        "all-s3",
                                        "rules:\n  - id: s3\n    title: any S3 call\n    severity: INFO\n    pattern:\n"
                                                + "      eventSource: [s3.amazonaws.com]\n"))
                        .where("source LIKE '%bad-fields.json'")
                        .count())
                .isEqualTo(5); // the records with a bad field are matched too
        rows.unpersist();
    }
}
