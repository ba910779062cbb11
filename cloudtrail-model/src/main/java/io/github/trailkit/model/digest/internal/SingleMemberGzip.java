package io.github.trailkit.model.digest.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates exactly one gzip member and fails when anything follows it, as {@code aws cloudtrail validate-logs} does
 * (reference section 5.6 step 5). {@link java.util.zip.GZIPInputStream} is not used: it silently reads on into
 * concatenated members and ignores some trailing garbage, so appended data would go unnoticed.
 */
public final class SingleMemberGzip {
    private SingleMemberGzip() {}

    /** Where inflated bytes go. */
    @FunctionalInterface
    public interface Sink {
        void write(byte[] b, int off, int len) throws IOException;
    }

    /** The input is not one well-formed gzip member; {@link #trailingData()} tells the appended-data case apart. */
    public static final class GzipException extends IOException {
        private static final long serialVersionUID = 1L;
        private final boolean trailingData;

        GzipException(String message, boolean trailingData) {
            super(message);
            this.trailingData = trailingData;
        }

        /** True when the member itself was sound but bytes follow it. */
        public boolean trailingData() {
            return trailingData;
        }
    }

    /** The reason text the AWS CLI prints for appended data. */
    public static final String TRAILING_DATA = "unexpected data after end of compressed stream";

    /** Tells whether {@code b} starts with the gzip magic bytes. */
    public static boolean isGzip(byte[] b) {
        return b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
    }

    /** Inflates the single gzip member in {@code in} into {@code sink}; returns the inflated length. */
    public static long inflate(InputStream in, Sink sink) throws IOException {
        readHeader(in);
        Inflater inflater = new Inflater(true);
        CRC32 crc = new CRC32();
        byte[] input = new byte[64 * 1024];
        byte[] output = new byte[64 * 1024];
        long total = 0;
        int filled = 0;
        try {
            while (!inflater.finished()) {
                if (inflater.needsInput()) {
                    filled = in.read(input);
                    if (filled < 0) {
                        throw new GzipException("truncated gzip stream", false);
                    }
                    inflater.setInput(input, 0, filled);
                }
                int n;
                try {
                    n = inflater.inflate(output);
                } catch (DataFormatException e) {
                    throw new GzipException("corrupt gzip stream: " + e.getMessage(), false);
                }
                if (n > 0) {
                    crc.update(output, 0, n);
                    sink.write(output, 0, n);
                    total += n;
                } else if (inflater.needsDictionary()) {
                    throw new GzipException("corrupt gzip stream: needs a preset dictionary", false);
                }
            }
            int remaining = inflater.getRemaining();
            InputStream rest =
                    new SequenceInputStream(new ByteArrayInputStream(input, filled - remaining, remaining), in);
            byte[] trailer = rest.readNBytes(8);
            if (trailer.length < 8) {
                throw new GzipException("truncated gzip stream (no trailer)", false);
            }
            if (le32(trailer, 0) != crc.getValue()) {
                throw new GzipException("corrupt gzip stream: CRC mismatch", false);
            }
            if (le32(trailer, 4) != (total & 0xffffffffL)) {
                throw new GzipException("corrupt gzip stream: length mismatch", false);
            }
            if (rest.read() >= 0) {
                throw new GzipException(TRAILING_DATA, true);
            }
            return total;
        } finally {
            inflater.end();
        }
    }

    static void readHeader(InputStream in) throws IOException {
        byte[] h = in.readNBytes(10);
        if (h.length < 10 || !isGzip(h)) {
            throw new GzipException("not gzip", false);
        }
        if (h[2] != 8) {
            throw new GzipException("unsupported gzip compression method " + h[2], false);
        }
        int flags = h[3] & 0xff;
        if ((flags & 4) != 0) { // FEXTRA
            byte[] len = in.readNBytes(2);
            if (len.length < 2) {
                throw new GzipException("truncated gzip header", false);
            }
            int n = (len[0] & 0xff) | (len[1] & 0xff) << 8;
            if (in.readNBytes(n).length < n) {
                throw new GzipException("truncated gzip header", false);
            }
        }
        if ((flags & 8) != 0) { // FNAME
            skipZeroTerminated(in);
        }
        if ((flags & 16) != 0) { // FCOMMENT
            skipZeroTerminated(in);
        }
        if ((flags & 2) != 0 && in.readNBytes(2).length < 2) { // FHCRC
            throw new GzipException("truncated gzip header", false);
        }
    }

    private static void skipZeroTerminated(InputStream in) throws IOException {
        int b;
        while ((b = in.read()) != 0) {
            if (b < 0) {
                throw new GzipException("truncated gzip header", false);
            }
        }
    }

    static long le32(byte[] b, int off) {
        return (b[off] & 0xffL) | (b[off + 1] & 0xffL) << 8 | (b[off + 2] & 0xffL) << 16 | (b[off + 3] & 0xffL) << 24;
    }
}
