package io.github.trailkit.spark.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** The log files under the {@code path}/{@code paths} options, as a table of records. */
public final class LogFileTable implements SupportsRead {
    private final StructType schema;
    private final Map<String, String> properties;

    public LogFileTable(StructType schema, Map<String, String> properties) {
        this.schema = schema;
        this.properties = Map.copyOf(properties);
    }

    @Override
    public String name() {
        return "cloudtrail " + paths(new CaseInsensitiveStringMap(properties));
    }

    @Override
    @SuppressWarnings("deprecation") // Spark 3.5 still reads a table's columns from schema() by default
    public StructType schema() {
        return schema;
    }

    @Override
    public Set<TableCapability> capabilities() {
        return EnumSet.of(TableCapability.BATCH_READ);
    }

    @Override
    public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
        String rules = options.get(Schemas.FINDINGS_OPTION);
        return new LogFileScan(
                schema, paths(options), FilterOptions.filter(options), rules == null ? null : RuleSpec.decode(rules));
    }

    /** The paths given to {@code load}: Spark passes one as {@code path}, several as a JSON array in {@code paths}. */
    static List<String> paths(CaseInsensitiveStringMap options) {
        List<String> paths = new ArrayList<>();
        String one = options.get("path");
        if (one != null) {
            paths.add(one);
        }
        String many = options.get("paths");
        if (many != null) {
            try (JsonParser p = new JsonFactory().createParser(many)) {
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    throw new IllegalArgumentException("option paths: not a JSON array of strings: " + many);
                }
                while (p.nextToken() == JsonToken.VALUE_STRING) {
                    paths.add(p.getText());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("option paths: not a JSON array of strings: " + many, e);
            }
        }
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("format cloudtrail: give the log files or folders to read:"
                    + " spark.read().format(\"cloudtrail\").load(\"s3a://bucket/AWSLogs/\")");
        }
        return paths;
    }
}
