package io.github.trailkit.model.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream that works in blocks: a subclass implements {@link #read(byte[], int, int)} only, and the single-byte
 * {@link #read()} goes through it, so both see the same limits, counts and errors.
 *
 * <pre>{@code
 * final class Counting extends BlockInputStream {
 *     public int read(byte[] b, int off, int len) throws IOException { ... }
 * }
 * }</pre>
 */
public abstract class BlockInputStream extends InputStream {
    /** For subclasses. */
    protected BlockInputStream() {}

    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public abstract int read(byte[] b, int off, int len) throws IOException;
}
