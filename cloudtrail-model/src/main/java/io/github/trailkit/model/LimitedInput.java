package io.github.trailkit.model;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;

/**
 * Counts bytes on their way to the JSON parser. Under a gzip stream it counts the compressed bytes consumed; over it,
 * the inflated bytes, and refuses to inflate more than {@link ReadLimits#maxInflateRatio()} times the compressed bytes
 * consumed (once past a small grace amount): a decompression bomb stops within one buffer of the ratio.
 */
final class LimitedInput extends FilterInputStream {
    /** Inflated output under this size is never refused: small inputs have extreme ratios either way. */
    static final long RATIO_GRACE_BYTES = 1L << 20;

    /** The compressed bytes consumed so far, or null on the compressed side. */
    private final LongSupplier compressed;

    private final int maxRatio;
    /** The total size limit when the reader counts it (Jackson before 2.16 has no document length); else none. */
    private long maxTotal = Long.MAX_VALUE;

    private long count;

    /** Counts only (the compressed side). */
    LimitedInput(InputStream in) {
        this(in, (LongSupplier) null, 0);
    }

    /**
     * Counts the inflated side and checks the ratio against {@code compressed}: the compressed bytes consumed to
     * inflate the bytes read so far (when they are inflated on another thread, those of the bytes handed over).
     */
    LimitedInput(InputStream in, LongSupplier compressed, int maxRatio) {
        super(in);
        this.compressed = compressed;
        this.maxRatio = maxRatio;
    }

    /** Counts against {@code max} bytes in all, as Jackson's document length would (for Jackson before 2.16). */
    LimitedInput total(long max) {
        this.maxTotal = max;
        return this;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(Math.max(0, skipped));
        return skipped;
    }

    private void counted(long n) throws IOException {
        count += n;
        if (count > maxTotal) {
            throw new LimitHit(ReadLimits.Limit.TOTAL_BYTES, maxTotal, Limits.what(ReadLimits.Limit.TOTAL_BYTES));
        }
        if (compressed != null
                && count > RATIO_GRACE_BYTES
                && count / Math.max(1, compressed.getAsLong()) >= maxRatio) {
            long compressedCount = compressed.getAsLong();
            throw new LimitHit(
                    ReadLimits.Limit.INFLATE_RATIO,
                    count,
                    "gzip data inflates to " + count
                            + " bytes from " + compressedCount + " compressed bytes, over " + maxRatio
                            + " times (a decompression bomb?)");
        }
    }
}
