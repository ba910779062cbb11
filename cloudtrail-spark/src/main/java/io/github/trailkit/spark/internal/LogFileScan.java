package io.github.trailkit.spark.internal;

import io.github.trailkit.model.LogFileKeyFilter;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.types.StructType;

/**
 * Plans the read: lists the files on the driver, drops those whose key the {@link LogFileKeyFilter} rejects (they are never
 * opened), and makes one input partition per remaining file (gzip cannot be split). Only the columns the query uses are
 * computed.
 */
final class LogFileScan implements ScanBuilder, SupportsPushDownRequiredColumns, Scan, Batch {
    private final List<String> paths;
    private final LogFileKeyFilter filter;
    private final RuleSpec findingsOf;
    private StructType schema;

    /** A scan of records, or with {@code findingsOf} of the findings of those rules. */
    LogFileScan(StructType schema, List<String> paths, LogFileKeyFilter filter, RuleSpec findingsOf) {
        this.schema = schema;
        this.paths = List.copyOf(paths);
        this.filter = filter;
        this.findingsOf = findingsOf;
    }

    @Override
    public void pruneColumns(StructType requiredSchema) {
        if (findingsOf == null) {
            this.schema = requiredSchema; // findings are few: always whole
        }
    }

    @Override
    public Scan build() {
        return this;
    }

    @Override
    public StructType readSchema() {
        return schema;
    }

    @Override
    public String description() {
        return "cloudtrail " + paths + (filter.isActive() ? " " + filter : "");
    }

    @Override
    public Batch toBatch() {
        return this;
    }

    @Override
    public InputPartition[] planInputPartitions() {
        Configuration conf = SparkSession.active().sparkContext().hadoopConfiguration();
        List<String> files = listFiles(paths, filter, conf);
        InputPartition[] partitions = new InputPartition[files.size()];
        for (int i = 0; i < partitions.length; i++) {
            partitions[i] = new LogFilePartition(files.get(i));
        }
        return partitions;
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
        Configuration conf =
                new Configuration(SparkSession.active().sparkContext().hadoopConfiguration());
        return new LogFileReaderFactory(schema, new HadoopConf(conf), findingsOf);
    }

    /**
     * The files to read, sorted and without repeats: a path naming a file is read whatever its name; under a folder,
     * the files ending {@code .json} or {@code .json.gz}, recursively. Globs are expanded. A path that matches nothing is
     * an error, as for Spark's own file sources.
     */
    static List<String> listFiles(List<String> paths, LogFileKeyFilter filter, Configuration conf) {
        TreeMap<String, String> files = new TreeMap<>();
        for (String given : paths) {
            Path path = new Path(given);
            try {
                FileSystem fs = path.getFileSystem(conf);
                FileStatus[] matches = fs.globStatus(path);
                if (matches == null || matches.length == 0) {
                    throw new FileNotFoundException("format cloudtrail: no such file or folder: " + given);
                }
                for (FileStatus match : matches) {
                    if (!match.isDirectory()) {
                        add(files, match.getPath(), filter);
                        continue;
                    }
                    if (filter.isActive()) {
                        walk(fs, match.getPath(), filter, files, 0);
                        continue;
                    }
                    RemoteIterator<LocatedFileStatus> it = fs.listFiles(match.getPath(), true);
                    while (it.hasNext()) {
                        Path p = it.next().getPath();
                        if (isLogFileName(p.getName())) {
                            add(files, p, filter);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("format cloudtrail: cannot list " + given + ": " + e.getMessage(), e);
            }
        }
        return new ArrayList<>(files.keySet());
    }

    private static boolean isLogFileName(String name) {
        return name.endsWith(".json") || name.endsWith(".json.gz");
    }

    /** Folders above AWSLogs/ searched at most this deep (a trail's key prefix may have several levels). */
    private static final int MAX_PREFIX_DEPTH = 8;

    /**
     * Lists one folder level at a time, and below a folder only when the filter keeps it: another account's, region's
     * or day's folder is never listed.
     */
    private static void walk(FileSystem fs, Path dir, LogFileKeyFilter filter, TreeMap<String, String> files, int depth)
            throws IOException {
        boolean inLayout =
                dir.toUri().getPath().contains("/AWSLogs/") || dir.getName().equals("AWSLogs");
        for (FileStatus child : fs.listStatus(dir)) {
            Path p = child.getPath();
            if (!child.isDirectory()) {
                if (isLogFileName(p.getName())) {
                    add(files, p, filter);
                }
            } else if (inLayout ? filter.keepsFolder(p.toUri().getPath()) : depth < MAX_PREFIX_DEPTH) {
                walk(fs, p, filter, files, depth + 1);
            }
        }
    }

    private static void add(TreeMap<String, String> files, Path p, LogFileKeyFilter filter) {
        String key = p.toUri().getPath();
        if (key.startsWith("/")) {
            key = key.substring(1);
        }
        if (filter.accepts(key)) {
            files.put(p.toString(), key);
        }
    }
}
