package io.github.trailkit.spark.internal;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructType;

/** Sent to the executors: makes the reader of one log file. */
final class LogFileReaderFactory implements PartitionReaderFactory {
    private static final long serialVersionUID = 1L;

    private final StructType schema;
    private final HadoopConf conf;
    private final RuleSpec findingsOf;

    LogFileReaderFactory(StructType schema, HadoopConf conf, RuleSpec findingsOf) {
        this.schema = schema;
        this.conf = conf;
        this.findingsOf = findingsOf;
    }

    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
        String path = ((LogFilePartition) partition).path;
        if (findingsOf != null) {
            return new LogFileReader(path, null, findingsOf.compiled(), conf.get());
        }
        return new LogFileReader(path, new RecordRows(schema), null, conf.get());
    }
}
