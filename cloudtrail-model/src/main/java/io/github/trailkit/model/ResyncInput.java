package io.github.trailkit.model;

import io.github.trailkit.model.internal.BlockInputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * The JSON after a resynchronisation: bytes already read ahead (from the next record on, after a made-up {@code
 * {"Records":[}), then the rest of the input, still checked against {@link ReadLimits#maxTotalBytes()} as a whole (the
 * new parser counts only from here).
 */
final class ResyncInput extends BlockInputStream {
    private final byte[] pending;
    private int at;
    private final LimitedInput rest;
    private final long maxTotalBytes;

    ResyncInput(byte[] pending, LimitedInput rest, long maxTotalBytes) {
        this.pending = pending;
        this.rest = rest;
        this.maxTotalBytes = maxTotalBytes;
    }

    /** The bytes read ahead that were not read from here yet; none after. */
    byte[] drain() {
        byte[] left = Arrays.copyOfRange(pending, at, pending.length);
        at = pending.length;
        return left;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (at < pending.length) {
            int n = Math.min(len, pending.length - at);
            System.arraycopy(pending, at, b, off, n);
            at += n;
            return n;
        }
        int n = rest.read(b, off, len);
        if (rest.count() > maxTotalBytes) {
            throw new LimitHit(
                    ReadLimits.Limit.TOTAL_BYTES,
                    rest.count(),
                    "the input is over " + maxTotalBytes + " bytes of JSON");
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        rest.close();
    }
}
