package io.github.trailkit.spark.internal;

import org.apache.spark.sql.connector.read.InputPartition;

/** One log file: the unit of work of a task. */
final class LogFilePartition implements InputPartition {
    private static final long serialVersionUID = 1L;

    final String path;

    LogFilePartition(String path) {
        this.path = path;
    }
}
