package io.github.trailkit.model.internal;

import com.fasterxml.jackson.core.JsonStreamContext;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The member names seen so far in each open object, to find a name given twice: what Jackson's {@code
 * STRICT_DUPLICATE_DETECTION} does, without its cost. Jackson keeps the names of an object past its second in a new
 * {@link java.util.HashSet}, so a record costs a few sets, their tables and a resize; here each depth has one
 * open-addressing table, reused from object to object: an object starts by moving to a new generation, which empties
 * the table without clearing it.
 *
 * <p>The table of an object hangs on the parser's context of that object ({@link JsonStreamContext#setCurrentValue},
 * which Jackson clears when it reuses the context for the next object at that depth), so that nothing has to follow
 * the starts and ends of objects and arrays token by token: a name finds its object's table, or the context has none
 * and the object has just started.
 */
public final class MemberNames {
    private static final int MIN_TABLE = 16;
    /** A table grown past this for one large object is dropped when its depth is reused. */
    private static final int KEEP_TABLE = 1024;
    /** The depths and table size a thread keeps from one parser of one value to the next (see {@link #release()}). */
    private static final int KEEP_DEPTHS = 16;

    private static final int KEEP_BETWEEN_VALUES = 64;

    /** Each thread's tables for parsers of one value, kept from one to the next (see {@link #forValue()}). */
    private static final ThreadLocal<MemberNames> FOR_VALUES = new ThreadLocal<>();

    /** One table per depth, reused. */
    private Table[] tables = new Table[16];
    /** Whether a parser of one value is using these tables (only for those of {@link #FOR_VALUES}). */
    private boolean inUse;

    /**
     * Tables for the parser of one short value, such as a record handed over as text, to be given back with {@link
     * #release()} when it is closed: the thread's last ones, grown to the size of a record already, unless they are in
     * use (a parser not closed yet), when new ones. A parser of one value reads it to its end in one call, so on one
     * thread they do not overlap; a log's parser, which lives across calls, has tables of its own.
     */
    public static MemberNames forValue() {
        MemberNames m = FOR_VALUES.get();
        if (m == null || m.inUse) {
            m = new MemberNames();
            FOR_VALUES.set(m);
        }
        m.inUse = true;
        return m;
    }

    /**
     * Gives back the tables of {@link #forValue()}, for the thread's next parser of one value. What an unusual value
     * grew (deep nesting, an object of many members) is dropped first, so that a thread keeps about a record's worth of
     * tables between values, whatever it has read.
     */
    public void release() {
        if (tables.length > KEEP_DEPTHS) {
            tables = Arrays.copyOf(tables, KEEP_DEPTHS);
        }
        for (int depth = 0; depth < tables.length; depth++) {
            Table t = tables[depth];
            if (t != null && t.keys.length > KEEP_BETWEEN_VALUES) {
                tables[depth] = null;
            }
        }
        inUse = false;
    }

    /** Adds {@code name} to the object of context {@code object}; false when it was there already. */
    public boolean add(JsonStreamContext object, String name) {
        return table(object).add(name);
    }

    /** Whether the object of context {@code object} has {@code name} already. */
    public boolean contains(JsonStreamContext object, String name) {
        Object t = object.getCurrentValue();
        return t instanceof Table && ((Table) t).contains(name);
    }

    /**
     * Whether the object of context {@code object} has so many names of one hash code that they moved to a
     * collision-proof set (for tests: the bound on the work input can cause).
     */
    boolean flooded(JsonStreamContext object) {
        Object t = object.getCurrentValue();
        return t instanceof Table && ((Table) t).isFlooded();
    }

    /** The name slots these tables hold, at every depth (for tests of what a thread keeps). */
    int slots() {
        int n = 0;
        for (Table t : tables) {
            n += t == null ? 0 : t.keys.length;
        }
        return n;
    }

    private Table table(JsonStreamContext object) {
        Object current = object.getCurrentValue();
        if (current != null) {
            return (Table) current;
        }
        int depth = object.getNestingDepth();
        if (depth >= tables.length) {
            tables = Arrays.copyOf(tables, Math.max(depth + 1, tables.length * 2));
        }
        Table t = tables[depth];
        if (t == null || t.keys.length > KEEP_TABLE) {
            t = new Table();
            tables[depth] = t;
        } else {
            t.clear();
        }
        object.setCurrentValue(t);
        return t;
    }

    /**
     * One object's names: open addressing with linear probing on {@link String#hashCode()}, which is cached in the
     * names Jackson hands out. Input can choose names that share a hash code ({@code "Aa"} and {@code "BB"} do, and so
     * does every string made of such pairs), which would make each name probe past all the others: quadratic time in
     * one object. So a probe that goes past {@link #MAX_PROBES} slots moves the object's names to a {@link HashSet},
     * whose bins of equal hash codes become balanced trees of the names (compared as strings): logarithmic time per
     * name whatever the hash codes, for the rest of that object.
     */
    private static final class Table {
        /** Far more than any table at half load meets by chance; a sign of names chosen to collide. */
        static final int MAX_PROBES = 64;

        String[] keys = new String[MIN_TABLE];
        int[] hashes = new int[MIN_TABLE];
        /** A slot is in use when its stamp is the current generation. */
        int[] stamps = new int[MIN_TABLE];

        int generation = 1;
        int size;
        /** The object's names once a probe went too long; null until then. */
        Set<String> flooded;

        void clear() {
            size = 0;
            flooded = null;
            if (++generation == 0) { // wrapped: old stamps could look current
                Arrays.fill(stamps, 0);
                generation = 1;
            }
        }

        boolean contains(String name) {
            if (flooded != null) {
                return flooded.contains(name);
            }
            int h = name.hashCode();
            int mask = keys.length - 1;
            for (int i = slot(h, mask); stamps[i] == generation; i = (i + 1) & mask) {
                if (hashes[i] == h && keys[i].equals(name)) {
                    return true;
                }
            }
            return false;
        }

        boolean add(String name) {
            if (flooded != null) {
                return flooded.add(name);
            }
            int h = name.hashCode();
            int mask = keys.length - 1;
            int i = slot(h, mask);
            int probes = 0;
            for (; stamps[i] == generation; i = (i + 1) & mask) {
                if (hashes[i] == h && keys[i].equals(name)) {
                    return false;
                }
                if (++probes > MAX_PROBES) {
                    flood();
                    return flooded.add(name);
                }
            }
            keys[i] = name;
            hashes[i] = h;
            stamps[i] = generation;
            if (++size * 2 > keys.length) {
                grow();
            }
            return true;
        }

        /** Whether this object's names have moved to the collision-proof set (for tests). */
        boolean isFlooded() {
            return flooded != null;
        }

        /** Moves the names to a set that stays fast when their hash codes collide. */
        private void flood() {
            flooded = new HashSet<>(Math.max(16, size * 2));
            for (int j = 0; j < keys.length; j++) {
                if (stamps[j] == generation) {
                    flooded.add(keys[j]);
                }
            }
        }

        private void grow() {
            String[] oldKeys = keys;
            int[] oldHashes = hashes;
            int[] oldStamps = stamps;
            int oldGeneration = generation;
            keys = new String[oldKeys.length * 2];
            hashes = new int[oldKeys.length * 2];
            stamps = new int[oldKeys.length * 2];
            generation = 1;
            int mask = keys.length - 1;
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldStamps[j] == oldGeneration) {
                    int i = slot(oldHashes[j], mask);
                    while (stamps[i] == generation) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = oldKeys[j];
                    hashes[i] = oldHashes[j];
                    stamps[i] = generation;
                }
            }
        }

        /**
         * The home slot: the hash code times the golden ratio, high bits folded down, so that names whose hash codes
         * are close (key1, key2, ...) spread over the table instead of filling a run of it.
         */
        private static int slot(int h, int mask) {
            int x = h * 0x9E3779B9;
            return (x ^ (x >>> 16)) & mask;
        }
    }
}
