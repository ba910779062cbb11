package io.github.trailkit.spark;

import java.io.IOException;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local file system under the scheme {@code recording:}, remembering every file opened: Spark runs in this JVM
 * ({@code local[2]}), so a test sees exactly which files the data source read.
 */
public final class OpenRecordingFileSystem extends RawLocalFileSystem {
    static final Set<String> OPENED = ConcurrentHashMap.newKeySet();

    @Override
    public URI getUri() {
        return URI.create("recording:///");
    }

    @Override
    public String getScheme() {
        return "recording";
    }

    @Override
    public FSDataInputStream open(Path f, int bufferSize) throws IOException {
        OPENED.add(f.toUri().getPath());
        return super.open(f, bufferSize);
    }
}
