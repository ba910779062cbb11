package io.github.trailkit.spark;

import static org.apache.spark.sql.functions.col;

import io.github.trailkit.spark.internal.FilterOptions;
import io.github.trailkit.spark.internal.FindingRows;
import io.github.trailkit.spark.internal.LogFileTable;
import io.github.trailkit.spark.internal.Schemas;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.datasources.v2.DataSourceV2Relation;
import org.apache.spark.sql.types.StructType;

/**
 * CloudTrail on Spark: the options of the {@code cloudtrail} data source, its columns, and the findings of a rule set
 * over its records.
 *
 * <pre>{@code
 * Dataset<Row> records = spark.read().format("cloudtrail")
 *         .option(CloudTrailSpark.ACCOUNTS, "111122223333")
 *         .option(CloudTrailSpark.FROM, "2024-01-01")
 *         .load("s3a://trail-bucket/AWSLogs/");
 * Dataset<Row> findings = CloudTrailSpark.findings(records, RuleSource.pack("cis-aws-foundations"));
 * findings.write().json("s3a://results/findings/");
 * records.where("problem IS NOT NULL").select("sourcefile", "recordindex", "problem").show(false);
 * }</pre>
 */
public final class CloudTrailSpark {
    private CloudTrailSpark() {}

    /** Option: comma-separated account ids; files of other accounts are skipped by their key, unopened. */
    public static final String ACCOUNTS = FilterOptions.ACCOUNTS;
    /** Option: comma-separated regions; files of other regions are skipped by their key. */
    public static final String REGIONS = FilterOptions.REGIONS;
    /** Option: an organization id ({@code o-...}); files outside {@code AWSLogs/<org id>/} are skipped. */
    public static final String ORGANIZATION_ID = FilterOptions.ORGANIZATION_ID;
    /**
     * Option: a date ({@code 2024-01-31}) or UTC time ({@code 2024-01-31T12:00:00Z}); files delivered before it are
     * skipped (a file holds only records of times before its delivery). Files are chosen by key: records near the edges
     * of the range may be outside it, so filter {@code eventtime} for an exact range.
     */
    public static final String FROM = FilterOptions.FROM;
    /**
     * Option: a date or UTC time; files delivered more than {@link #MAX_DELIVERY_DELAY} after it are skipped.
     */
    public static final String TO = FilterOptions.TO;
    /** Option: an ISO-8601 duration, how late CloudTrail may deliver a record (default {@code PT24H}). */
    public static final String MAX_DELIVERY_DELAY = FilterOptions.MAX_DELIVERY_DELAY;

    /**
     * The columns of the records: those of the Athena table for CloudTrail that AWS documents (lower-case names,
     * strings, the {@code useridentity} struct, payloads such as {@code requestparameters} as JSON text), then
     * {@code sourcefile} (the file's path), {@code recordindex} (the record's index in the file's {@code Records}
     * array), {@code problem} (null, or why the record or the rest of the file could not be read: then every other
     * column is null) and {@code record} (the whole record as JSON).
     */
    public static StructType recordSchema() {
        return Schemas.RECORDS;
    }

    /**
     * The columns of the findings, the fields {@code cloudtrail scan} prints: {@code ruleId}, {@code title},
     * {@code severity}, {@code tags}, {@code dedupKey}, {@code eventID}, {@code eventName}, {@code eventSource},
     * {@code eventTime}, {@code awsRegion}, {@code recipientAccountId}, {@code userIdentity} ({@code type},
     * {@code arn}), {@code source} and {@code recordIndex}.
     */
    public static StructType findingSchema() {
        return Schemas.FINDINGS;
    }

    /**
     * The findings of {@code rules} over {@code records} (a dataset of the {@code cloudtrail} format, filtered or not):
     * one row per rule a record meets. Rows with a {@code problem} have no record and are passed over. The rules are
     * compiled once per executor. On a plain read of the source ({@code spark.read().format("cloudtrail")...load(...)}
     * with no filter or projection between), each record is matched as it is read; on any other dataset of its rows,
     * from the {@code record} column.
     */
    public static Dataset<Row> findings(Dataset<Row> records, RuleSource rules) {
        LogicalPlan plan = records.queryExecution().analyzed();
        if (plan instanceof DataSourceV2Relation dataSourceV2Relation
                && dataSourceV2Relation.table() instanceof LogFileTable) {
            // a plain read of the source: match each record where it is read, instead of writing it as JSON for the
            // rule runner to read again
            Map<String, String> options =
                    new HashMap<>(dataSourceV2Relation.options().asCaseSensitiveMap());
            options.put(Schemas.FINDINGS_OPTION, rules.spec().encode());
            return records.sparkSession()
                    .read()
                    .format(CloudTrailDataSource.SHORT_NAME)
                    .options(options)
                    .load();
        }
        Dataset<Row> input = records.where(col(Schemas.PROBLEM).isNull())
                .select(col(Schemas.RECORD), col(Schemas.SOURCE_FILE), col(Schemas.RECORD_INDEX));
        return input.mapPartitions(new FindingRows(rules.spec()), Encoders.row(Schemas.FINDINGS));
    }
}
