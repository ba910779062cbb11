package io.github.trailkit.spark;

import io.github.trailkit.rules.Rule;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * README's Java example of the Spark source, compiled with the tests so that it stays true to the API. It names
 * {@code s3a://} buckets, so it is compiled, not run; the tests beside it run the same calls on local files.
 */
final class ReadmeExample {
    private ReadmeExample() {}

    /** The Java rules the example names. */
    public static final class MyRules implements Supplier<List<Rule>> {
        @Override
        public List<Rule> get() {
            return List.of();
        }
    }

    static void example(SparkSession spark, String publicBucketYaml) {
        // README:spark
        Dataset<Row> records = spark.read()
                .format("cloudtrail")
                .option(CloudTrailSpark.ORGANIZATION_ID, "o-abcdef1234") // options prune files by key, unopened
                .option(CloudTrailSpark.ACCOUNTS, "111122223333,444455556666")
                .option(CloudTrailSpark.REGIONS, "us-east-1,eu-west-1")
                .option(CloudTrailSpark.FROM, "2023-01-01")
                .option(CloudTrailSpark.TO, "2025-01-01")
                .load("s3a://org-trail-bucket/AWSLogs/");

        records.where("eventname = 'PutBucketPolicy' AND requestparameters LIKE '%\"Principal\":\"*\"%'")
                .select("eventtime", "recipientaccountid", "useridentity.arn", "sourcefile")
                .show(false);

        RuleSource rules = RuleSource.pack("cis-aws-foundations")
                .and(RuleSource.document(
                        "public-bucket", publicBucketYaml)) // or documents(Path...), javaRules(MyRules.class)
                .and(RuleSource.javaRules(MyRules.class)); // a public Supplier<List<Rule>>
        Dataset<Row> findings = CloudTrailSpark.findings(records, rules);
        findings.write().mode("overwrite").json("s3a://security-results/findings/");

        records.where("problem IS NOT NULL")
                .select("sourcefile", "recordindex", "problem")
                .show(false);
        // README:spark
    }
}
