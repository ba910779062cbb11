package io.github.trailkit.spark;

import io.github.trailkit.model.GeneratedLog;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;

/**
 * The benchmark of the {@code cloudtrail} data source with rules against what Spark users do today: the same gzip log
 * files, the same four rules (test-rules.yaml, and the same conditions written as SQL), in {@code local[2]}, each run
 * ending in Spark's {@code noop} sink so that every finding column is computed.
 *
 * <ul>
 *   <li>baseline: Spark's {@code json} reader with {@code multiLine} (whole files) and an explicit schema of the
 *       Athena columns (no inference pass), {@code explode} of {@code Records}, the rules as one SQL query;</li>
 *   <li>trailkit: {@code format("cloudtrail")} and {@link CloudTrailSpark#findings}.</li>
 * </ul>
 *
 * A runnable main, not a test: see the README section "At scale" for the command. Arguments: files, records per file,
 * rounds (default 8 4000 3); the best round of each counts.
 */
public final class SparkReaderBenchmark {
    private static final String BASELINE_SCHEMA = "Records ARRAY<STRUCT<eventVersion: STRING, "
            + "userIdentity: STRUCT<type: STRING, principalId: STRING, arn: STRING, accountId: STRING, "
            + "invokedBy: STRING, accessKeyId: STRING, userName: STRING, "
            + "sessionContext: STRUCT<attributes: STRUCT<mfaAuthenticated: STRING, creationDate: STRING>, "
            + "sessionIssuer: STRUCT<type: STRING, principalId: STRING, arn: STRING, accountId: STRING, "
            + "userName: STRING>, ec2RoleDelivery: STRING>>, "
            + "eventTime: STRING, eventSource: STRING, eventName: STRING, awsRegion: STRING, "
            + "sourceIPAddress: STRING, userAgent: STRING, errorCode: STRING, errorMessage: STRING, "
            + "requestParameters: STRING, responseElements: STRING, additionalEventData: STRING, "
            + "requestID: STRING, eventID: STRING, resources: ARRAY<STRUCT<ARN: STRING, accountId: STRING, "
            + "type: STRING>>, eventType: STRING, apiVersion: STRING, readOnly: STRING, "
            + "recipientAccountId: STRING, serviceEventDetails: STRING, sharedEventID: STRING, "
            + "vpcEndpointId: STRING, eventCategory: STRING, "
            + "tlsDetails: STRUCT<tlsVersion: STRING, cipherSuite: STRING, clientProvidedHostHeader: STRING>>>";

    /** test-rules.yaml as SQL: one pass, one row per (record, rule met). */
    private static final String BASELINE_RULES = "SELECT ruleId, r.eventID, r.eventName, r.eventSource, "
            + "r.eventTime, r.awsRegion, r.recipientAccountId, "
            + "named_struct('type', r.userIdentity.type, 'arn', r.userIdentity.arn) AS userIdentity, "
            + "input_file_name() AS source FROM (SELECT r, explode(filter(array("
            + "CASE WHEN r.eventSource = 'iam.amazonaws.com' AND (r.eventName LIKE 'Create%' OR r.eventName LIKE"
            + " 'Delete%' OR r.eventName LIKE 'Attach%' OR r.eventName LIKE 'Put%') THEN 'iam-changes' END, "
            + "CASE WHEN r.eventSource = 's3.amazonaws.com' AND r.eventName IN ('PutBucketPolicy',"
            + " 'DeleteBucketPolicy', 'PutBucketPublicAccessBlock') THEN 'bucket-policy-changed' END, "
            + "CASE WHEN r.errorCode = 'AccessDenied' OR r.errorCode LIKE 'Unauthorized%' THEN 'access-denied' END, "
            + "CASE WHEN r.eventName = 'ConsoleLogin' THEN 'console-login' END), x -> x IS NOT NULL)) AS ruleId "
            + "FROM (SELECT explode(Records) AS r FROM logs))";

    private SparkReaderBenchmark() {}

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int perFile = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dir = Files.createTempDirectory("trailkit-spark-bench");
        try {
            long bytes = 0;
            for (int i = 0; i < files; i++) {
                Path file = dir.resolve(String.format("log-%03d.json.gz", i));
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
                    GeneratedLog log = GeneratedLog.records(perFile, 100 + i);
                    log.transferTo(out);
                    bytes += log.bytesProduced();
                }
            }
            long records = (long) files * perFile;
            Path rules = Files.createTempFile("rules", ".yaml");
            try (var in = SparkReaderBenchmark.class.getResourceAsStream("/test-rules.yaml")) {
                Files.copy(in, rules, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            SparkSession spark = SparkSession.builder()
                    .master("local[2]")
                    .appName("trailkit-spark-benchmark")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .getOrCreate();
            spark.sparkContext().setLogLevel("WARN");
            System.out.printf(
                    Locale.ROOT,
                    "%d files, %,d records, %,d MB of JSON before gzip, local[2], Spark %s, JDK %s%n",
                    files,
                    records,
                    bytes >> 20,
                    spark.version(),
                    Runtime.version());

            RuleSource source = RuleSource.documents(rules);
            long baselineFindings = baseline(spark, dir).count();
            long trailkitFindings = trailkit(spark, dir, source).count();
            System.out.printf(
                    Locale.ROOT, "findings: baseline %,d, trailkit %,d%n", baselineFindings, trailkitFindings);

            double bestBaseline = Double.MAX_VALUE;
            double bestTrailkit = Double.MAX_VALUE;
            for (int round = 1; round <= rounds; round++) {
                double b = time(baseline(spark, dir));
                double t = time(trailkit(spark, dir, source));
                bestBaseline = Math.min(bestBaseline, b);
                bestTrailkit = Math.min(bestTrailkit, t);
                System.out.printf(
                        Locale.ROOT,
                        "round %d: baseline %.2f s (%,.0f records/s), trailkit %.2f s" + " (%,.0f records/s)%n",
                        round,
                        b,
                        records / b,
                        t,
                        records / t);
            }
            System.out.printf(
                    Locale.ROOT,
                    "best: baseline %,.0f records/s, trailkit %,.0f records/s, ratio %.2fx%n",
                    records / bestBaseline,
                    records / bestTrailkit,
                    bestBaseline / bestTrailkit);
            spark.stop();
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Dataset<Row> baseline(SparkSession spark, Path dir) {
        spark.read()
                .option("multiLine", true)
                .schema((org.apache.spark.sql.types.StructType) DataType.fromDDL(BASELINE_SCHEMA))
                .json(dir.toString())
                .createOrReplaceTempView("logs");
        return spark.sql(BASELINE_RULES);
    }

    private static Dataset<Row> trailkit(SparkSession spark, Path dir, RuleSource rules) {
        return CloudTrailSpark.findings(spark.read().format("cloudtrail").load(dir.toString()), rules);
    }

    /** Seconds to compute every row and column of the query (Spark's noop sink). */
    private static double time(Dataset<Row> query) throws IOException {
        long start = System.nanoTime();
        query.write().format("noop").mode("overwrite").save();
        return (System.nanoTime() - start) / 1e9;
    }
}
