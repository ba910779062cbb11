/**
 * CloudTrail on Spark 3.5: the {@code cloudtrail} data source ({@link io.github.trailkit.spark.CloudTrailDataSource}),
 * its options and the findings of a rule set ({@link io.github.trailkit.spark.CloudTrailSpark}), and the rules sent to
 * the executors ({@link io.github.trailkit.spark.RuleSource}).
 *
 * <pre>{@code
 * Dataset<Row> findings = CloudTrailSpark.findings(
 *         spark.read().format("cloudtrail").load("s3a://trail-bucket/AWSLogs/"),
 *         RuleSource.pack("cis-aws-foundations"));
 * }</pre>
 */
package io.github.trailkit.spark;
