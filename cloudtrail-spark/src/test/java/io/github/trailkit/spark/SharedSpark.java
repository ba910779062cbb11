package io.github.trailkit.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of the module's tests ({@code local[2]}, in this JVM): starting Spark costs seconds, so every
 * test class shares it, and the JVM's exit stops it.
 */
final class SharedSpark {
    private static SparkSession session;

    private SharedSpark() {}

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("trailkit-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    // a file system that records which files are opened, for the pruning tests
                    .config("spark.hadoop.fs.recording.impl", OpenRecordingFileSystem.class.getName())
                    .config("spark.hadoop.fs.recording.impl.disable.cache", "true")
                    .getOrCreate();
            session.sparkContext().setLogLevel("WARN");
        }
        return session;
    }
}
