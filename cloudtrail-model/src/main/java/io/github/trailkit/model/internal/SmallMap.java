package io.github.trailkit.model.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * An unmodifiable map of a few entries in insertion order, held in two arrays: the members of the small JSON objects
 * a record is full of ({@code requestParameters} and what it nests), where a {@link java.util.LinkedHashMap} costs a
 * table, an entry object per member and hashing, all for a handful of lookups by linear scan. Equality, hash code and
 * text are those of any {@link Map} ({@link AbstractMap}).
 */
public final class SmallMap<V> extends AbstractMap<String, V> {
    /** Objects with more members than this use a LinkedHashMap. */
    public static final int MAX = 8;

    private final String[] keys;
    private final Object[] values;
    private final int size;

    /** Takes the arrays over; keys are distinct and non-null, values non-null. */
    public SmallMap(String[] keys, Object[] values, int size) {
        this.keys = keys;
        this.values = values;
        this.size = size;
    }

    private int indexOf(Object key) {
        if (key == null) {
            return -1;
        }
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : (V) values[i];
    }

    @Override
    public Set<Map.Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Map.Entry<String, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Map.Entry<String, V> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new AbstractMap.SimpleImmutableEntry<>(keys[i], (V) values[i]);
                    }
                };
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public void forEach(java.util.function.BiConsumer<? super String, ? super V> action) {
        Objects.requireNonNull(action);
        for (int i = 0; i < size; i++) {
            action.accept(keys[i], (V) values[i]);
        }
    }
}
