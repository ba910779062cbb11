package io.github.trailkit.model;

import java.io.IOException;

/**
 * A {@link ReadLimits} limit the reader enforces itself was hit. An {@link IOException} so that it passes unchanged
 * through Jackson and the record codec up to {@link LogParser}, which turns it into a problem or an exception.
 */
final class LimitHit extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient ReadLimits.Limit limit;
    private final long byteOffset;

    LimitHit(ReadLimits.Limit limit, long byteOffset, String what) {
        super(what);
        this.limit = limit;
        this.byteOffset = byteOffset;
    }

    public ReadLimits.Limit limit() {
        return limit;
    }

    /** The uncompressed byte offset where the limit was found to be exceeded. */
    public long byteOffset() {
        return byteOffset;
    }
}
