package io.github.trailkit.spark;

import io.github.trailkit.model.GeneratedLog;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
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
 *   <li>json-athena: Spark's {@code json} reader with {@code multiLine} (whole files) and an explicit schema of the
 *       Athena columns (no inference pass; payloads as JSON text), {@code explode} of {@code Records}, the rules as one
 *       SQL query;</li>
 *   <li>json-narrow: the same with a schema of only the fields the rules and the output use, the fastest a Spark user
 *       can make the JSON reader (it skips every other member instead of building it);</li>
 *   <li>trailkit: {@code format("cloudtrail")} and {@link CloudTrailSpark#findings}.</li>
 * </ul>
 *
 * <p>The three alternate within each round, in an order that turns round by round, so that a change of the machine's
 * load falls on each alike; each measurement prints the load average it ran under. All three must find the same
 * findings, or the run fails. A runnable main, not a test: {@code cloudtrail-spark/spark-benchmark.sh} builds and runs
 * it (see the README section "At scale"). Arguments: files, records per file, rounds (default 8 10000 5).
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

    private static final String NARROW_SCHEMA = "Records ARRAY<STRUCT<"
            + "userIdentity: STRUCT<type: STRING, arn: STRING>, eventTime: STRING, eventSource: STRING, "
            + "eventName: STRING, awsRegion: STRING, errorCode: STRING, eventID: STRING, recipientAccountId: STRING>>";

    private SparkReaderBenchmark() {}

    private record Side(String name, Function<SparkSession, Dataset<Row>> query, List<Double> seconds) {}

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int perFile = args.length > 1 ? Integer.parseInt(args[1]) : 10000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
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
                    "%d files, %,d records, %,d MB of JSON before gzip, local[2], Spark %s, JDK %s, %d processors%n",
                    files,
                    records,
                    bytes >> 20,
                    spark.version(),
                    Runtime.version(),
                    os.getAvailableProcessors());

            RuleSource source = RuleSource.documents(rules);
            List<Side> sides = List.of(
                    new Side("json-athena", s -> baseline(s, dir, BASELINE_SCHEMA), new ArrayList<>()),
                    new Side("json-narrow", s -> baseline(s, dir, NARROW_SCHEMA), new ArrayList<>()),
                    new Side("trailkit", s -> trailkit(s, dir, source), new ArrayList<>()));
            // a warm-up run of each, which also checks that all find the same findings
            StringBuilder counts = new StringBuilder("findings:");
            long expected = -1;
            boolean same = true;
            for (Side side : sides) {
                long n = side.query().apply(spark).count();
                counts.append(String.format(Locale.ROOT, " %s %,d", side.name(), n));
                same &= expected < 0 || n == expected;
                expected = n;
            }
            System.out.println(counts);
            if (!same) {
                spark.stop();
                throw new IllegalStateException("the sides found different findings: " + counts);
            }

            for (int round = 1; round <= rounds; round++) {
                List<Side> order = new ArrayList<>(sides);
                Collections.rotate(order, round - 1);
                if (round % 2 == 0) {
                    Collections.reverse(order);
                }
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d:", round));
                for (Side side : order) {
                    double load = os.getSystemLoadAverage();
                    double t = time(side.query().apply(spark));
                    side.seconds().add(t);
                    line.append(String.format(
                            Locale.ROOT, "  %s %.2f s %,.0f rec/s (load %.1f)", side.name(), t, records / t, load));
                }
                System.out.println(line);
            }
            Side trailkit = sides.get(2);
            for (Side side : sides) {
                System.out.printf(
                        Locale.ROOT,
                        "%-11s best %,8.0f records/s, median %,8.0f records/s%n",
                        side.name(),
                        records / best(side.seconds()),
                        records / median(side.seconds()));
            }
            for (Side baseline : sides.subList(0, 2)) {
                System.out.printf(
                        Locale.ROOT,
                        "ratio trailkit / %s: best %.2fx, median %.2fx%n",
                        baseline.name(),
                        best(baseline.seconds()) / best(trailkit.seconds()),
                        median(baseline.seconds()) / median(trailkit.seconds()));
            }
            System.out.printf(Locale.ROOT, "load average at the end: %.1f%n", os.getSystemLoadAverage());
            spark.stop();
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double best(List<Double> seconds) {
        return Collections.min(seconds);
    }

    private static double median(List<Double> seconds) {
        List<Double> sorted = new ArrayList<>(seconds);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static Dataset<Row> baseline(SparkSession spark, Path dir, String schema) {
        spark.read()
                .option("multiLine", true)
                .schema((org.apache.spark.sql.types.StructType) DataType.fromDDL(schema))
                .json(dir.toString())
                .createOrReplaceTempView("logs");
        return spark.sql(BASELINE_RULES);
    }

    private static Dataset<Row> trailkit(SparkSession spark, Path dir, RuleSource rules) {
        return CloudTrailSpark.findings(spark.read().format("cloudtrail").load(dir.toString()), rules);
    }

    /** Seconds to compute every row and column of the query (Spark's noop sink). */
    private static double time(Dataset<Row> query) {
        long start = System.nanoTime();
        query.write().format("noop").mode("overwrite").save();
        return (System.nanoTime() - start) / 1e9;
    }
}
