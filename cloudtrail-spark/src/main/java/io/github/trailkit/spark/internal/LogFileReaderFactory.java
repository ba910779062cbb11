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

    LogFileReaderFactory(StructType schema, HadoopConf conf) {
        this.schema = schema;
        this.conf = conf;
    }

    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
        return new LogFileReader(((LogFilePartition) partition).path, new RecordRows(schema), conf.get());
    }
}
