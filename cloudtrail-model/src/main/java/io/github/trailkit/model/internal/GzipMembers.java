package io.github.trailkit.model.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Inflates gzip data (RFC 1952) member after member, strictly: every member's header, deflate data, CRC-32 and size
 * are checked, and whatever follows a member must be another whole member or nothing. The JDK's {@code
 * GZIPInputStream} decides whether to look for a next member by {@code available()}, so on a network stream it may stop
 * after the first, and it passes over a bad second header or trailing bytes in silence; here, the end of the input is
 * the only end.
 *
 * <p>Damage is an {@link IOException} naming the member and the compressed byte offset: a {@link ZipException} for
 * bytes that are not valid gzip, an {@link EOFException} for input that ends inside a member (as when a connection
 * breaks). It is thrown by the first read that has no inflated byte left to return, so every byte inflated before the
 * damage is delivered first.
 */
public final class GzipMembers extends BlockInputStream {
    private static final int MAGIC_1 = 0x1f;
    private static final int MAGIC_2 = 0x8b;
    private static final int DEFLATE = 8;
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final int RESERVED_FLAGS = 0xe0;

    private final InputStream in;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final CRC32 headerCrc = new CRC32();
    private final byte[] buf;
    private int bufLen;
    private int bufPos;
    /** The compressed byte offset of {@code buf[0]}. */
    private long bufStart;
    /** How many members were started; the one being read is this one (1-based). */
    private int members;

    private long memberStart;
    private long inflatedSize;
    private boolean inMember;
    private boolean ended;
    private boolean closed;

    public GzipMembers(InputStream in, int bufferSize) {
        this.in = in;
        this.buf = new byte[bufferSize];
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        if (len == 0) {
            return 0;
        }
        while (!ended) {
            if (!inMember) {
                if (!readHeader()) {
                    ended = true;
                    return -1;
                }
                continue;
            }
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw new ZipException(where() + ": invalid deflate data near compressed byte offset " + offset() + ": "
                        + e.getMessage());
            }
            if (n > 0) {
                crc.update(b, off, n);
                inflatedSize += n;
                return n;
            }
            if (inflater.finished()) {
                bufPos = bufLen - inflater.getRemaining();
                readTrailer();
                inMember = false;
            } else if (inflater.needsDictionary()) {
                throw new ZipException(where() + ": deflate data asks for a preset dictionary");
            } else if (inflater.needsInput()) {
                if (!fill()) {
                    throw new EOFException(
                            where() + ": the data ends inside the member, at compressed byte offset " + offset());
                }
                inflater.setInput(buf, 0, bufLen);
            }
        }
        return -1;
    }

    /** Nothing is promised without blocking: the end of a member says nothing about what follows. */
    @Override
    public int available() {
        return 0;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            inflater.end();
            in.close();
        }
    }

    /** Reads a member header; false at the clean end of the input (after at least one member). */
    private boolean readHeader() throws IOException {
        long start = offset();
        headerCrc.reset();
        int b1 = next();
        if (b1 < 0) {
            if (members == 0) {
                throw new EOFException("the gzip data is empty");
            }
            return false;
        }
        int b2 = next();
        if (b1 != MAGIC_1 || (b2 >= 0 && b2 != MAGIC_2)) {
            throw new ZipException(
                    members == 0
                            ? "not in gzip format"
                            : "the data after gzip member " + members + " (from compressed byte offset " + start
                                    + ") is not a gzip member: trailing garbage");
        }
        members++;
        memberStart = start;
        if (b2 < 0) {
            throw truncatedHeader();
        }
        int method = required();
        if (method != DEFLATE) {
            throw new ZipException(where() + ": unsupported compression method " + method + " in its header");
        }
        int flags = required();
        if ((flags & RESERVED_FLAGS) != 0) {
            throw new ZipException(where() + ": reserved header flags set (0x" + Integer.toHexString(flags) + ")");
        }
        for (int i = 0; i < 6; i++) { // modification time, extra flags, operating system
            required();
        }
        if ((flags & FEXTRA) != 0) {
            int length = required() | required() << 8;
            for (int i = 0; i < length; i++) {
                required();
            }
        }
        if ((flags & FNAME) != 0) {
            while (required() != 0) {
                // the original file name, passed over
            }
        }
        if ((flags & FCOMMENT) != 0) {
            while (required() != 0) {
                // a comment, passed over
            }
        }
        if ((flags & FHCRC) != 0) {
            int expected = (int) (headerCrc.getValue() & 0xffff);
            int found = required() | required() << 8;
            if (found != expected) {
                throw new ZipException(where() + ": header CRC mismatch");
            }
        }
        inflater.reset();
        crc.reset();
        inflatedSize = 0;
        if (bufPos < bufLen) {
            inflater.setInput(buf, bufPos, bufLen - bufPos);
        }
        inMember = true;
        return true;
    }

    private void readTrailer() throws IOException {
        long expectedCrc = 0;
        for (int i = 0; i < 4; i++) {
            expectedCrc |= (long) trailerByte() << (8 * i);
        }
        long expectedSize = 0;
        for (int i = 0; i < 4; i++) {
            expectedSize |= (long) trailerByte() << (8 * i);
        }
        if (expectedCrc != crc.getValue()) {
            throw new ZipException(where() + ": CRC-32 mismatch: the member's data is corrupt");
        }
        if (expectedSize != (inflatedSize & 0xffffffffL)) {
            throw new ZipException(where() + ": size mismatch: the trailer says " + expectedSize + " bytes, "
                    + (inflatedSize & 0xffffffffL) + " (modulo 2^32) were inflated");
        }
    }

    private int trailerByte() throws IOException {
        int b = next();
        if (b < 0) {
            throw new EOFException(
                    where() + ": the data ends inside the member's trailer, at compressed byte offset " + offset());
        }
        return b;
    }

    private int required() throws IOException {
        int b = next();
        if (b < 0) {
            throw truncatedHeader();
        }
        return b;
    }

    private EOFException truncatedHeader() {
        return new EOFException(
                where() + ": the data ends inside the member's header, at compressed byte offset " + offset());
    }

    /** The next compressed byte outside deflate data, or -1 at the end of the input. */
    private int next() throws IOException {
        if (bufPos == bufLen && !fill()) {
            return -1;
        }
        int b = buf[bufPos++] & 0xff;
        if (!inMember) {
            headerCrc.update(b);
        }
        return b;
    }

    /** Reads more compressed bytes into the buffer; false at the end of the input. */
    private boolean fill() throws IOException {
        bufStart += bufLen;
        bufLen = 0;
        bufPos = 0;
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        bufLen = n;
        return true;
    }

    /** The compressed byte offset reached: in deflate data, what the inflater has taken. */
    private long offset() {
        return inMember && !inflater.finished() ? bufStart + bufLen - inflater.getRemaining() : bufStart + bufPos;
    }

    private String where() {
        return "gzip member " + members + " (at compressed byte offset " + memberStart + ")";
    }
}
