package io.github.trailkit.model.digest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.trailkit.model.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A local copy of a trail bucket: a directory whose relative paths are the object keys, so it holds the {@code
 * AWSLogs/...} tree (under the trail's key prefix, if any), as {@code aws s3 sync s3://bucket dir} makes it.
 *
 * <p><b>Signatures.</b> A copied file loses its S3 metadata, and with it the digest's signature. Keep it in a sidecar
 * file next to the digest: {@code <digest file name>.metadata.json} holding the object's user metadata as a JSON
 * object, which is exactly what {@code aws s3api head-object --bucket B --key K --query Metadata} prints ({@code
 * {"signature": "...", "signature-algorithm": "SHA256withRSA"}}). A digest without a sidecar can still be verified
 * when a newer, verified digest names it: its {@code previousDigestSignature} is used instead (reference section
 * 5.5, step G). Sidecar files are not object keys: {@link #list(String)} leaves them out. The store does not know the
 * bucket: every bucket a digest names maps to this directory.
 *
 * <p><b>Confined to its root.</b> A key is a path relative to the root and is never read outside it: an absolute
 * key, {@code ..} segments that climb out, or a symbolic link whose target lies outside make {@link #open} throw a
 * {@link RefusedObjectException} ({@code OUTSIDE_STORE}), which the verifier reports as a verdict naming the key. A
 * sidecar that is not a JSON object of strings, or is over {@value #MAX_METADATA_BYTES} bytes, is refused the same
 * way ({@code MALFORMED_METADATA}).
 *
 * <pre>{@code
 * // aws s3 sync s3://my-trail-bucket/AWSLogs/111122223333/ copy/AWSLogs/111122223333/
 * TrailStore store = LocalTrailStore.of(Path.of("copy"));
 * }</pre>
 */
public final class LocalTrailStore implements TrailStore {
    /** The suffix of the sidecar file holding an object's user metadata. */
    public static final String METADATA_SUFFIX = ".metadata.json";
    /** The largest sidecar read; S3 user metadata is at most 2 KB. */
    public static final int MAX_METADATA_BYTES = 64 * 1024;

    private final Path root;

    private LocalTrailStore(Path root) {
        this.root = root;
    }

    /**
     * A store over a directory whose relative paths are the object keys.
     *
     * @param root the directory that holds {@code AWSLogs} (or the trail's key prefix)
     * @return the store
     */
    public static LocalTrailStore of(Path root) {
        return new LocalTrailStore(root);
    }

    /** The directory. */
    public Path root() {
        return root;
    }

    @Override
    public Optional<String> bucket() {
        return Optional.empty();
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        List<String> keys = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            throw new NoSuchFileException(root.toString(), null, "not a directory");
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(f -> {
                String key =
                        root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
                if (key.startsWith(prefix) && !key.endsWith(METADATA_SUFFIX)) {
                    keys.add(key);
                }
            });
        }
        return keys;
    }

    @Override
    public Optional<TrailObject> open(String bucket, String key) throws IOException {
        Path file = confined(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Path real = file.toRealPath();
        if (!real.startsWith(root.toRealPath())) {
            throw new RefusedObjectException(
                    RefusedObjectException.Reason.OUTSIDE_STORE,
                    "the key " + key + " is a link to " + real + ", outside " + root + "; not read");
        }
        Map<String, String> metadata = metadata(file);
        return Optional.of(new TrailObject(Files.newInputStream(real), metadata));
    }

    /** The file of a key, refused when the key leads outside the root. */
    private Path confined(String key) throws RefusedObjectException {
        Path base = root.toAbsolutePath().normalize();
        Path file;
        try {
            Path relative = root.getFileSystem()
                    .getPath(key.replace("/", root.getFileSystem().getSeparator()));
            file = relative.isAbsolute() || key.startsWith("/")
                    ? null
                    : base.resolve(relative).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new RefusedObjectException(
                    RefusedObjectException.Reason.OUTSIDE_STORE,
                    "the key " + key + " is not a path inside " + root + " (" + e.getReason() + "); not read");
        }
        if (file == null || !file.startsWith(base) || file.equals(base)) {
            throw new RefusedObjectException(
                    RefusedObjectException.Reason.OUTSIDE_STORE,
                    "the key " + key + " leads outside " + root + "; not read");
        }
        return file;
    }

    @Override
    public String locate(String bucket, String key) {
        return file(key).toString();
    }

    private Path file(String key) {
        return root.resolve(key.replace("/", root.getFileSystem().getSeparator()));
    }

    private static Map<String, String> metadata(Path file) throws IOException {
        Path sidecar = file.resolveSibling(file.getFileName() + METADATA_SUFFIX);
        if (!Files.isRegularFile(sidecar)) {
            return Map.of();
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(sidecar)) {
            bytes = in.readNBytes(MAX_METADATA_BYTES + 1);
        }
        if (bytes.length > MAX_METADATA_BYTES) {
            throw malformed(sidecar, "over " + MAX_METADATA_BYTES + " bytes");
        }
        Map<String, String> m = new LinkedHashMap<>();
        try (JsonParser p = Json.FACTORY.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw malformed(sidecar, "expected a JSON object of metadata");
            }
            String name;
            while ((name = p.nextFieldName()) != null) {
                JsonToken t = p.nextToken();
                if (t == JsonToken.VALUE_STRING) {
                    m.put(name.toLowerCase(java.util.Locale.ROOT), p.getText());
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw malformed(sidecar, "data after the JSON object");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw malformed(sidecar, "invalid JSON: " + e.getOriginalMessage());
        }
        return m;
    }

    private static RefusedObjectException malformed(Path sidecar, String why) {
        return new RefusedObjectException(
                RefusedObjectException.Reason.MALFORMED_METADATA,
                "the metadata sidecar " + sidecar + " is malformed: " + why);
    }

    @Override
    public String toString() {
        return "LocalTrailStore[" + root + "]";
    }
}
