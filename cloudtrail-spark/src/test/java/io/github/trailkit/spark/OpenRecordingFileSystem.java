package io.github.trailkit.spark;

import java.io.IOException;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local file system under the scheme {@code recording:}, remembering every file opened: Spark runs in this JVM
 * ({@code local[2]}), so a test sees exactly which files the data source read.
 */
public final class OpenRecordingFileSystem extends RawLocalFileSystem {
    static final Set<String> OPENED = ConcurrentHashMap.newKeySet();
    static final Set<String> LISTED = ConcurrentHashMap.newKeySet();

    @Override
    public URI getUri() {
        return URI.create("recording:///");
    }

    @Override
    public String getScheme() {
        return "recording";
    }

    // plain statuses: the local ones read their permissions through java.io.File, which wants a file: URI
    @Override
    public FileStatus[] listStatus(Path f) throws IOException {
        LISTED.add(f.toUri().getPath());
        FileStatus[] all = super.listStatus(f);
        for (int i = 0; i < all.length; i++) {
            all[i] = plain(all[i]);
        }
        return all;
    }

    @Override
    public FileStatus getFileStatus(Path f) throws IOException {
        return plain(super.getFileStatus(f));
    }

    private static FileStatus plain(FileStatus s) {
        return new FileStatus(s.getLen(), s.isDirectory(), 1, s.getBlockSize(), s.getModificationTime(), s.getPath());
    }

    @Override
    public FSDataInputStream open(Path f, int bufferSize) throws IOException {
        OPENED.add(f.toUri().getPath());
        return super.open(f, bufferSize);
    }
}
