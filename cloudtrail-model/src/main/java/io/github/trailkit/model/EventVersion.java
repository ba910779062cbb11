package io.github.trailkit.model;

import java.util.Objects;

/**
 * A record's {@code eventVersion}, {@code major.minor}, compared as two integers.
 *
 * <p>CloudTrail writes {@code "1.0"}, {@code "1.02"} … {@code "1.09"}, {@code "1.10"}, {@code "1.11"}: the minor
 * part is a number, so {@code 1.10} is newer than {@code 1.09} and {@code 1.1} is not {@code 1.10}. Never compare
 * event versions as decimals. The text is kept as written ({@link #toString()}), and {@link #equals(Object)} compares
 * that text, while {@link #compareTo(EventVersion)} compares the numbers (so {@code 1.5} and {@code 1.05} compare
 * as equal but are not {@code equals}, as with {@link java.math.BigDecimal}).
 *
 * <pre>{@code
 * EventVersion v = record.eventVersion().orElseThrow();
 * if (v.isAtLeast(EventVersion.parse("1.08"))) {
 *     record.tlsDetails().ifPresent(tls -> ...);
 * }
 * }</pre>
 */
public final class EventVersion implements Comparable<EventVersion> {
    private final String text;
    private final int major;
    private final int minor;

    private EventVersion(String text, int major, int minor) {
        this.text = text;
        this.major = major;
        this.minor = minor;
    }

    /**
     * Parses {@code major.minor}, each part one to nine digits.
     *
     * @throws IllegalArgumentException if {@code text} is not of that form
     */
    public static EventVersion parse(String text) {
        Objects.requireNonNull(text, "text");
        int dot = text.indexOf('.');
        if (dot <= 0 || dot == text.length() - 1) {
            throw new IllegalArgumentException("eventVersion must be major.minor, was \"" + text + "\"");
        }
        return new EventVersion(text, digits(text, 0, dot), digits(text, dot + 1, text.length()));
    }

    /** Builds {@code major.minor}, written with a two-digit minor part as CloudTrail does ({@code 1.05}). */
    public static EventVersion of(int major, int minor) {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("eventVersion parts must not be negative: " + major + "." + minor);
        }
        return new EventVersion(major + "." + (minor < 10 ? "0" + minor : Integer.toString(minor)), major, minor);
    }

    private static int digits(String text, int from, int to) {
        if (to - from > 9) {
            throw new IllegalArgumentException("eventVersion must be major.minor, was \"" + text + "\"");
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("eventVersion must be major.minor, was \"" + text + "\"");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** The major version (1 for every CloudTrail record so far). */
    public int major() {
        return major;
    }

    /** The minor version: 5 for {@code 1.05}, 10 for {@code 1.10}. */
    public int minor() {
        return minor;
    }

    /** True when this version is {@code other} or newer. */
    public boolean isAtLeast(EventVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(EventVersion other) {
        int c = Integer.compare(major, other.major);
        return c != 0 ? c : Integer.compare(minor, other.minor);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventVersion other && other.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The version as written, such as {@code 1.08}. */
    @Override
    public String toString() {
        return text;
    }
}
