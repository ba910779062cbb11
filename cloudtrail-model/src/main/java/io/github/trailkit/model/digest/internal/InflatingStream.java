package io.github.trailkit.model.digest.internal;

import io.github.trailkit.model.digest.internal.SingleMemberGzip.GzipException;
import io.github.trailkit.model.internal.BlockInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The uncompressed bytes of exactly one gzip member, pulled as they are read, with the same checks as {@link
 * SingleMemberGzip#inflate}: CRC, length, and nothing after the member (checked when the end is read).
 */
public final class InflatingStream extends BlockInputStream {
    private final InputStream in;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] input = new byte[64 * 1024];
    private int filled;
    private long total;
    private boolean done;

    public InflatingStream(InputStream in) throws IOException {
        this.in = in;
        SingleMemberGzip.readHeader(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!done) {
            if (inflater.finished()) {
                checkTrailer();
                done = true;
                break;
            }
            if (inflater.needsInput()) {
                filled = in.read(input);
                if (filled < 0) {
                    throw new GzipException("truncated gzip stream", false);
                }
                inflater.setInput(input, 0, filled);
            }
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw new GzipException("corrupt gzip stream: " + e.getMessage(), false);
            }
            if (n > 0) {
                crc.update(b, off, n);
                total += n;
                return n;
            }
            if (inflater.needsDictionary()) {
                throw new GzipException("corrupt gzip stream: needs a preset dictionary", false);
            }
        }
        return -1;
    }

    private void checkTrailer() throws IOException {
        int remaining = inflater.getRemaining();
        InputStream rest = new SequenceInputStream(new ByteArrayInputStream(input, filled - remaining, remaining), in);
        byte[] trailer = rest.readNBytes(8);
        if (trailer.length < 8) {
            throw new GzipException("truncated gzip stream (no trailer)", false);
        }
        if (SingleMemberGzip.le32(trailer, 0) != crc.getValue()) {
            throw new GzipException("corrupt gzip stream: CRC mismatch", false);
        }
        if (SingleMemberGzip.le32(trailer, 4) != (total & 0xffffffffL)) {
            throw new GzipException("corrupt gzip stream: length mismatch", false);
        }
        if (rest.read() >= 0) {
            throw new GzipException(SingleMemberGzip.TRAILING_DATA, true);
        }
    }

    @Override
    public void close() {
        inflater.end();
    }
}
