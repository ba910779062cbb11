package io.github.trailkit.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Finds where reading can go on after damaged JSON inside a {@code Records} array: the start of the next record.
 *
 * <p>CloudTrail writes the records of a log as objects separated by commas in one array. After damage the structure
 * is unknown (a replaced quote or bracket changes what everything after it means), so a place is taken as the start of
 * a record only when it cannot be anything else in practice: a <code>{</code> right after a {@code ,} or {@code [}
 * (whitespace aside) that begins a complete, valid object with the members {@code eventVersion} and {@code eventID}
 * (or an aggregated event's {@code eventId}), followed by {@code ,} and another <code>{</code>, or by the {@code ]}
 * that ends the array. An object inside a damaged record's payload that met all of this would have to copy a
 * record's own shape; anything less is passed over, costing records rather than guessing at them.
 *
 * <p>Bounded: it looks at each byte once outside candidates, and reads a candidate at most {@code maxRecordBytes} (plus
 * the look past its end) into memory before giving it up.
 */
final class Resync {
    private Resync() {}

    /** Where the next record starts, counted from the first byte given, and the bytes from there that were read. */
    static final class Found {
        final long at;
        final byte[] from;

        Found(long at, byte[] from) {
            this.at = at;
            this.from = from;
        }
    }

    private static final int ACCEPT = 1;
    private static final int REJECT = 0;
    private static final int MORE = -1;

    /**
     * The next record start in {@code kept} followed by {@code rest}, or null when the input ends first; {@code rest}
     * is read on as far as needed. The bytes before the start are passed over.
     */
    static Found next(byte[] kept, InputStream rest, JsonFactory factory, ReadLimits limits) throws IOException {
        long cap = Math.min(Integer.MAX_VALUE - 16, limits.maxRecordBytes() + 4096);
        byte[] buf = kept.length >= 8192 ? kept : Arrays.copyOf(kept, 8192);
        int len = kept.length;
        long bufAt = 0; // the offset of buf[0] from the first byte given
        boolean eof = false;
        int i = 0;
        byte prev = 0; // the last byte before i that is not whitespace
        while (true) {
            if (i >= len) {
                if (eof) {
                    return null;
                }
                bufAt += len; // nothing before i is needed any more
                len = 0;
                i = 0;
                int n = rest.read(buf, 0, buf.length);
                if (n < 0) {
                    eof = true;
                } else {
                    len = n;
                }
                continue;
            }
            byte c = buf[i];
            if (c == '{' && (prev == ',' || prev == '[')) {
                int verdict = check(buf, i, len, eof, factory);
                while (verdict == MORE && len - i < cap) {
                    if (i > 0) { // keep from the candidate on
                        System.arraycopy(buf, i, buf, 0, len - i);
                        bufAt += i;
                        len -= i;
                        i = 0;
                    }
                    if (len == buf.length) {
                        buf = Arrays.copyOf(buf, (int) Math.min(cap + 8192, 2L * buf.length));
                    }
                    int n = rest.read(buf, len, buf.length - len);
                    if (n < 0) {
                        eof = true;
                    } else {
                        len += n;
                    }
                    verdict = check(buf, i, len, eof, factory);
                }
                if (verdict == ACCEPT) {
                    return new Found(bufAt + i, Arrays.copyOfRange(buf, i, len));
                }
            }
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                prev = c;
            }
            i++;
        }
    }

    /** Whether a record starts at {@code buf[at]}: {@link #ACCEPT}, {@link #REJECT}, or {@link #MORE} bytes needed. */
    private static int check(byte[] buf, int at, int len, boolean eof, JsonFactory factory) {
        boolean version = false;
        boolean id = false;
        long end;
        try (JsonParser p = factory.createParser(new ByteArrayInputStream(buf, at, len - at))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return REJECT;
            }
            String name;
            while ((name = p.nextFieldName()) != null) {
                if (name.equals("eventVersion")) {
                    version = true;
                } else if (name.equals("eventID") || name.equals("eventId")) {
                    id = true;
                }
                p.nextToken();
                p.skipChildren();
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                return REJECT;
            }
            end = at + p.currentLocation().getByteOffset();
        } catch (JsonEOFException e) {
            return eof ? REJECT : MORE;
        } catch (IOException | RuntimeException e) {
            return REJECT; // damaged too, or over a limit
        }
        if (!version || !id) {
            return REJECT;
        }
        int j = skipSpace(buf, (int) end, len);
        if (j >= len) {
            return eof ? REJECT : MORE;
        }
        if (buf[j] == ']') {
            return ACCEPT;
        }
        if (buf[j] != ',') {
            return REJECT;
        }
        j = skipSpace(buf, j + 1, len);
        if (j >= len) {
            return eof ? REJECT : MORE;
        }
        return buf[j] == '{' ? ACCEPT : REJECT;
    }

    private static int skipSpace(byte[] buf, int from, int len) {
        int j = from;
        while (j < len && (buf[j] == ' ' || buf[j] == '\n' || buf[j] == '\r' || buf[j] == '\t')) {
            j++;
        }
        return j;
    }
}
