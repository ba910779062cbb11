package io.github.trailkit.model.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The member names of CloudTrail's record types, found from their bytes in one table probe: what lets the reader's
 * parser ({@link AsciiStringParser#nextFieldName()}) skip Jackson's byte-by-byte name decoding and symbol table for
 * them. The table is collision-free for these names (its hash multiplier is searched for once), so a name is one
 * slot, compared whole; any other name is not found and goes Jackson's way. The {@code String}s handed out are the
 * compile-time constants, the same objects as the codec's {@code case} labels.
 */
final class KnownNames {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Every member name of the record types, generated from them. */
    static final String[] NAMES = KnownNameList.NAMES;

    /** Longest name looked up; longer ones are not known. */
    static final int MAX_LENGTH = 32;

    private static final int BITS = 10;
    private static final String[] BY_SLOT = new String[1 << BITS];
    private static final byte[][] BYTES_BY_SLOT = new byte[1 << BITS][];
    private static final long MULTIPLIER = placeAll();

    private KnownNames() {}

    /** Finds a multiplier that gives every name its own slot, and fills the table with it. */
    private static long placeAll() {
        for (String name : NAMES) {
            if (name.length() > MAX_LENGTH) {
                throw new IllegalStateException("a known name over " + MAX_LENGTH + " bytes: " + name);
            }
        }
        long m = 0x9E3779B97F4A7C15L;
        for (int attempt = 0; attempt < 1_000_000; attempt++, m += 0x2_0000_0002L) {
            Arrays.fill(BY_SLOT, null);
            Arrays.fill(BYTES_BY_SLOT, null);
            boolean placed = true;
            for (String name : NAMES) {
                byte[] b = name.getBytes(StandardCharsets.US_ASCII);
                int slot = slot(b, 0, b.length, m);
                if (BY_SLOT[slot] != null) {
                    placed = false;
                    break;
                }
                BY_SLOT[slot] = name;
                BYTES_BY_SLOT[slot] = b;
            }
            if (placed) {
                return m;
            }
        }
        throw new IllegalStateException("no collision-free table for " + NAMES.length + " names; make it larger");
    }

    /**
     * The table slot of the {@code length} bytes at {@code start}: from their first eight bytes (fewer, zero-padded,
     * for a short name), their last eight and their length. Reads eight bytes from {@code start} whatever the length.
     */
    private static int slot(byte[] b, int start, int length, long multiplier) {
        long first;
        if (b.length - start >= Long.BYTES) {
            first = (long) LONGS.get(b, start);
        } else {
            first = 0;
            for (int i = b.length - 1; i >= start; i--) {
                first = first << 8 | b[i] & 0xFF;
            }
        }
        if (length < Long.BYTES) {
            first &= (1L << (length << 3)) - 1;
        }
        long last = length > Long.BYTES ? (long) LONGS.get(b, start + length - Long.BYTES) : 0;
        return (int) (((first ^ Long.rotateLeft(last, 29) ^ length) * multiplier) >>> (Long.SIZE - BITS));
    }

    /** The known name that is the {@code length} bytes at {@code start} of {@code buf}, or null. */
    static String find(byte[] buf, int start, int length) {
        if (length > MAX_LENGTH) {
            return null;
        }
        int slot = slot(buf, start, length, MULTIPLIER);
        byte[] b = BYTES_BY_SLOT[slot];
        if (b == null || b.length != length || !Arrays.equals(b, 0, length, buf, start, start + length)) {
            return null;
        }
        return BY_SLOT[slot];
    }
}
