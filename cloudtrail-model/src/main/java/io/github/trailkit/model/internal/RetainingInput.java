package io.github.trailkit.model.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The JSON bytes on their way to the parser, with the most recent ones kept so that the text of a value the parser
 * has just passed over can be copied out ({@link #slice}): what lets the reader skip a payload and keep its text
 * instead of building it into a tree.
 *
 * <p>What is kept: always the last {@link #WINDOW} bytes read, which covers the parser's read-ahead buffer, so that a
 * value the parser has just started is still here; and while {@link #retainFrom} is in force, every byte from that
 * offset on, up to {@code maxRetained} bytes. Past that cap the bytes go by unkept until {@link #release()}, and a
 * {@link #slice} that needs them is {@code null}. Memory is bounded by the window and the cap, never by the size of
 * the input.
 */
public final class RetainingInput extends FilterInputStream {
    /**
     * Bytes always kept behind the read position: at least twice what the parser reads ahead ({@link
     * AsciiStringJsonFactory#READ_BUFFER}).
     */
    public static final int WINDOW = 1 << 16;

    private static final int INITIAL = 1 << 17;

    private final long maxRetained;
    /** Kept bytes: {@code buf[0, len)} are the input's bytes at offsets {@code [bufStart, bufStart + len)}. */
    private byte[] buf;

    private int len;
    private long bufStart;
    /** Bytes read so far; {@code bufStart + len} unless the cap was hit. */
    private long pos;
    /** The offset from which every byte is kept, or -1 when only the window is. */
    private long retainFrom = -1;
    /** Bytes went by unkept since {@link #retainFrom}: kept bytes end before {@link #pos}. */
    private boolean truncated;

    public RetainingInput(InputStream in, long maxRetained) {
        super(in);
        this.maxRetained = Math.min(Math.max(maxRetained, WINDOW), Integer.MAX_VALUE - 16);
        this.buf = new byte[INITIAL];
    }

    private RetainingInput(byte[] all) {
        super(InputStream.nullInputStream());
        this.maxRetained = all.length;
        this.buf = all;
        this.len = all.length;
        this.pos = all.length;
    }

    /**
     * All of {@code json}, kept as it is, not copied: for a parser that reads the array itself, whose byte offsets are
     * then offsets into it. Nothing is read through it.
     */
    public static RetainingInput whole(byte[] json) {
        return new RetainingInput(json);
    }

    /**
     * Keeps every byte from {@code offset} on, until {@link #release()}; false (and nothing changes) when the byte at
     * that offset is no longer kept.
     */
    public boolean retainFrom(long offset) {
        if (truncated || offset < bufStart || offset > bufStart + len) {
            return false;
        }
        retainFrom = offset;
        return true;
    }

    /** Back to keeping only the window. */
    public void release() {
        retainFrom = -1;
        if (truncated) {
            truncated = false;
            bufStart = pos;
            len = 0;
        }
    }

    /** A copy of the bytes from offset {@code from} to the last one read, or {@code null} when some are not kept. */
    public byte[] keptFrom(long from) {
        return slice(from, pos);
    }

    /** A copy of the bytes at offsets {@code [from, to)}, or {@code null} when some of them are not kept. */
    public byte[] slice(long from, long to) {
        if (from < bufStart || to > bufStart + len || from > to) {
            return null;
        }
        return Arrays.copyOfRange(buf, (int) (from - bufStart), (int) (to - bufStart));
    }

    /**
     * The length in bytes, quotes included, of the JSON string whose opening quote is at {@code offset}, or -1 when
     * not all of it is kept.
     */
    public int stringLength(long offset) {
        if (offset < bufStart || offset >= bufStart + len) {
            return -1;
        }
        int start = (int) (offset - bufStart);
        for (int i = start + 1; i < len; i++) {
            if (buf[i] == '\\') {
                i++;
            } else if (buf[i] == '"') {
                return i - start + 1;
            }
        }
        return -1;
    }

    /** A parser over the bytes at offsets {@code [from, to)} that are kept (perhaps only some, perhaps none). */
    public JsonParser kept(JsonFactory factory, long from, long to) throws IOException {
        int at = (int) Math.max(0, Math.min(from - bufStart, len));
        int until = (int) Math.max(at, Math.min(to - bufStart, len));
        return factory.createParser(buf, at, until - at);
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            keep(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int n) throws IOException {
        int got = in.read(b, off, n);
        if (got > 0) {
            keep(b, off, got);
        }
        return got;
    }

    /** Reads rather than skips, so that the skipped bytes are kept like any others. */
    @Override
    public long skip(long n) throws IOException {
        if (n <= 0) {
            return 0;
        }
        int got = read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192));
        return Math.max(got, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void keep(byte[] b, int off, int n) {
        if (truncated) {
            pos += n;
            return;
        }
        if (retainFrom >= 0 && pos + n - retainFrom > maxRetained) {
            truncated = true; // keep the retained bytes as they are, the first maxRetained of them
            pos += n;
            return;
        }
        if (retainFrom < 0 && n >= WINDOW) {
            // one read larger than the window: only its tail is kept
            off += n - WINDOW;
            pos += n - WINDOW;
            bufStart = pos;
            len = 0;
            n = WINDOW;
        }
        if (len + n > buf.length) {
            makeRoom(n);
        }
        System.arraycopy(b, off, buf, len, n);
        len += n;
        pos += n;
    }

    /**
     * Makes room for {@code n} more bytes: drops what is no longer kept (older than the window, or than the retained
     * offset), then grows the buffer if what is left still does not fit, or shrinks one grown for a large value.
     */
    private void makeRoom(int n) {
        long keepFrom = pos + n - WINDOW;
        if (retainFrom >= 0) {
            keepFrom = Math.min(keepFrom, retainFrom);
        }
        int drop = (int) Math.max(0, Math.min(keepFrom - bufStart, len));
        int kept = len - drop;
        int needed = kept + n;
        byte[] target = buf;
        if (needed > buf.length) {
            target = new byte[(int) Math.min(Integer.MAX_VALUE - 16, Math.max((long) needed, 2L * buf.length))];
        } else if (buf.length > 4 * INITIAL && needed <= INITIAL / 2) {
            target = new byte[INITIAL]; // give back a buffer grown for a large value
        }
        System.arraycopy(buf, drop, target, 0, kept);
        buf = target;
        bufStart += drop;
        len = kept;
    }
}
