package io.github.trailkit.model;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Large hostile inputs, generated as they are read (never held whole in memory): a pattern repeated many times between
 * a prefix and a suffix, and gzip bombs built from one compressed block repeated.
 *
 * <pre>{@code
 * InputStream huge = HostileInputs.repeat("{\"Records\":[{\"eventName\":\"", "x", 50 << 20, "\"}]}");
 * }</pre>
 */
public final class HostileInputs {
    private HostileInputs() {}

    /** {@code prefix}, then {@code pattern} {@code times} times, then {@code suffix}, as UTF-8. */
    public static InputStream repeat(String prefix, String pattern, long times, String suffix) {
        return repeat(utf8(prefix), utf8(pattern), times, utf8(suffix));
    }

    /** {@code prefix}, then {@code pattern} {@code times} times, then {@code suffix}. */
    public static InputStream repeat(byte[] prefix, byte[] pattern, long times, byte[] suffix) {
        return generate(prefix, i -> pattern, times, suffix);
    }

    /** {@code prefix}, then {@code piece.apply(i)} for i from 0 to {@code count - 1}, then {@code suffix}. */
    public static InputStream generate(
            String prefix, java.util.function.LongFunction<String> piece, long count, String suffix) {
        return generate(utf8(prefix), i -> utf8(piece.apply(i)), count, utf8(suffix));
    }

    private static InputStream generate(
            byte[] prefix, java.util.function.LongFunction<byte[]> piece, long count, byte[] suffix) {
        InputStream middle = new InputStream() {
            private long next;
            private byte[] current = new byte[0];
            private int pos;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int n = 0;
                while (n < len) {
                    if (pos == current.length) {
                        if (next == count) {
                            break;
                        }
                        current = piece.apply(next++);
                        pos = 0;
                        continue;
                    }
                    int chunk = Math.min(len - n, current.length - pos);
                    System.arraycopy(current, pos, b, off + n, chunk);
                    n += chunk;
                    pos += chunk;
                }
                return n == 0 && len > 0 ? -1 : n;
            }
        };
        return new SequenceInputStream(Collections.enumeration(
                List.of(new java.io.ByteArrayInputStream(prefix), middle, new java.io.ByteArrayInputStream(suffix))));
    }

    /**
     * A valid gzip file of {@code prefix}, {@code mebibytes} MiB of spaces, then {@code suffix}: a few KiB that inflate
     * to {@code mebibytes} MiB (about 1,000 times). Built from one fully flushed compressed block of a MiB of spaces,
     * repeated, so even a gibibyte-sized bomb is built in well under a second.
     */
    public static byte[] gzipBomb(String prefix, int mebibytes, String suffix) {
        byte[] spaces = new byte[1 << 20];
        java.util.Arrays.fill(spaces, (byte) ' ');
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
        CRC32 crc = new CRC32();
        out.writeBytes(deflate(d, utf8(prefix), Deflater.FULL_FLUSH));
        crc.update(utf8(prefix));
        byte[] block = deflate(d, spaces, Deflater.FULL_FLUSH);
        for (int i = 0; i < mebibytes; i++) {
            out.writeBytes(block);
            crc.update(spaces);
        }
        d.setInput(utf8(suffix));
        d.finish();
        out.writeBytes(drain(d, Deflater.NO_FLUSH));
        crc.update(utf8(suffix));
        d.end();
        long size = utf8(prefix).length + ((long) mebibytes << 20) + utf8(suffix).length;
        writeIntLe(out, (int) crc.getValue());
        writeIntLe(out, (int) size);
        return out.toByteArray();
    }

    private static byte[] deflate(Deflater d, byte[] data, int flush) {
        d.setInput(data);
        return drain(d, flush);
    }

    private static byte[] drain(Deflater d, int flush) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        while (true) {
            int n = d.deflate(buf, 0, buf.length, flush);
            out.write(buf, 0, n);
            if (d.finished() || (n < buf.length && d.needsInput())) {
                return out.toByteArray();
            }
        }
    }

    private static void writeIntLe(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
