package io.github.trailkit.spark;

import io.github.trailkit.spark.internal.LogFileTable;
import io.github.trailkit.spark.internal.Schemas;
import java.util.Map;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The Spark data source {@code cloudtrail}: CloudTrail log files (gzip or plain JSON, on any Hadoop file system: local,
 * HDFS, S3 through {@code s3a://}) as a table of records, one row per record, in the columns of
 * {@link CloudTrailSpark#recordSchema()}. Each log file is one input partition, read by trailkit's streaming reader.
 * Spark finds this class by its short name through {@code META-INF/services}; users never call it.
 *
 * <pre>{@code
 * Dataset<Row> records = spark.read().format("cloudtrail")
 *         .option("accounts", "111122223333,444455556666")   // skip other accounts' files by key, unopened
 *         .option("regions", "us-east-1")
 *         .option("from", "2024-01-01").option("to", "2024-02-01")
 *         .load("s3a://my-trail-bucket/AWSLogs/o-abcdefghij/");
 * records.where("eventname = 'PutBucketPolicy'").select("eventtime", "useridentity.arn").show();
 * }</pre>
 *
 * @see CloudTrailSpark for the options and the findings of a rule set
 */
public final class CloudTrailDataSource implements TableProvider, DataSourceRegister {
    /** The short name to give {@code spark.read().format(...)}. */
    public static final String SHORT_NAME = "cloudtrail";

    /** Made by Spark. */
    public CloudTrailDataSource() {}

    @Override
    public String shortName() {
        return SHORT_NAME;
    }

    @Override
    public StructType inferSchema(CaseInsensitiveStringMap options) {
        return options.containsKey(Schemas.FINDINGS_OPTION) ? Schemas.FINDINGS : Schemas.RECORDS;
    }

    @Override
    public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
        boolean findings = new CaseInsensitiveStringMap(properties).containsKey(Schemas.FINDINGS_OPTION);
        return new LogFileTable(findings ? Schemas.FINDINGS : Schemas.RECORDS, properties);
    }
}
