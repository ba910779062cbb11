package io.github.trailkit.model.digest;

import java.util.Objects;
import java.util.Optional;

/**
 * The verdict on one file, with a reason that names it.
 *
 * <pre>{@code
 * for (FileVerdict f : report.files()) {
 *     if (!f.isValid()) {
 *         System.err.println(f.reason());   // "<location>: hash value doesn't match (listed in digest <location>)"
 *     }
 * }
 * }</pre>
 */
public final class FileVerdict {
    /** Which kind of file a verdict is about. */
    public enum FileType {
        /** A digest file. */
        DIGEST,
        /** A log file. */
        LOG
    }

    private final FileType type;
    private final String bucket;
    private final String key;
    private final String location;
    private final Verdict verdict;
    private final String reason;

    /**
     * A verdict.
     *
     * @param type digest or log
     * @param bucket the bucket, or null when unknown
     * @param key the object key
     * @param location how the file is shown: {@code s3://bucket/key} or a path
     * @param verdict the verdict
     * @param reason why, naming the file
     */
    public FileVerdict(FileType type, String bucket, String key, String location, Verdict verdict, String reason) {
        this.type = Objects.requireNonNull(type);
        this.bucket = bucket;
        this.key = Objects.requireNonNull(key);
        this.location = Objects.requireNonNull(location);
        this.verdict = Objects.requireNonNull(verdict);
        this.reason = Objects.requireNonNull(reason);
    }

    /** Digest or log file. */
    public FileType type() {
        return type;
    }

    /** The bucket, when known. */
    public Optional<String> bucket() {
        return Optional.ofNullable(bucket);
    }

    /** The object key. */
    public String key() {
        return key;
    }

    /** The file as shown in messages: {@code s3://bucket/key} or a local path. */
    public String location() {
        return location;
    }

    /** The verdict. */
    public Verdict verdict() {
        return verdict;
    }

    /** True for {@link Verdict#VALID}. */
    public boolean isValid() {
        return verdict == Verdict.VALID;
    }

    /** Why, starting with the file's location. */
    public String reason() {
        return reason;
    }

    /** {@code VERDICT<tab>Digest|Log file<tab>reason}. */
    @Override
    public String toString() {
        return verdict + "\t" + (type == FileType.DIGEST ? "Digest file" : "Log file") + "\t" + reason;
    }
}
