package io.github.trailkit.model.digest;

import java.io.IOException;
import java.util.Objects;

/**
 * A {@link TrailStore} refused an object for a reason that reading it again cannot change: its key leads outside
 * the store (a local copy's root), or its metadata is malformed. {@link DigestVerifier} turns it into a verdict
 * naming the key ({@link Verdict#MISSING} or {@link Verdict#SIGNATURE_INVALID}), never into {@link
 * Verdict#UNREADABLE}, which is kept for errors that may pass.
 *
 * <pre>{@code
 * try {
 *     store.open(null, "../../../etc/passwd");
 * } catch (RefusedObjectException e) {
 *     e.reason();   // OUTSIDE_STORE: nothing outside the copy's root is opened
 * }
 * }</pre>
 */
public class RefusedObjectException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Why the object was refused. */
    public enum Reason {
        /** The key leads outside the store: an absolute path, {@code ..} segments, or a link that leaves it. */
        OUTSIDE_STORE,
        /** The object's metadata (for a local copy, its {@code .metadata.json} sidecar) is not a JSON object. */
        MALFORMED_METADATA
    }

    private final Reason reason;

    /**
     * An exception.
     *
     * @param reason why
     * @param message what was refused, naming the key or file
     */
    public RefusedObjectException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Why the object was refused. */
    public Reason reason() {
        return reason;
    }
}
