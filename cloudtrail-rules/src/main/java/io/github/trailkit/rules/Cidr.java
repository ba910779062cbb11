package io.github.trailkit.rules;

import java.util.Arrays;

/**
 * An IPv4 or IPv6 address range in CIDR notation. Addresses are parsed from their literal text only: no name is ever
 * resolved, so {@code sourceIPAddress} values such as {@code ec2.amazonaws.com} simply do not match. The parts of an
 * IPv4 address are decimal even with leading zeros ({@code 010.0.0.1} is {@code 10.0.0.1}), as Event Ruler and
 * Java's {@code InetAddress} read them, in ranges and in the values tested alike.
 */
final class Cidr {
    private final byte[] network;
    private final int prefixLength;
    private final String text;

    /** For an IPv4 range: the network and the mask as 32 bits. */
    private final int v4Network;

    private final int v4Mask;

    private Cidr(byte[] network, int prefixLength, String text) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = text;
        this.v4Mask = prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
        this.v4Network = network.length != 4
                ? 0
                : (network[0] & 0xff) << 24 | (network[1] & 0xff) << 16 | (network[2] & 0xff) << 8 | network[3] & 0xff;
    }

    /**
     * Parses {@code 10.0.0.0/8}, {@code 2001:db8::/32}, or a single address.
     *
     * @throws IllegalArgumentException if the text is not an address or range
     */
    static Cidr parse(String text) {
        int slash = text.indexOf('/');
        byte[] address = parseAddress(slash < 0 ? text : text.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("not an IP address or CIDR range: " + ValueMatcher.quote(text));
        }
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = text.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("invalid CIDR prefix length in " + ValueMatcher.quote(text));
            }
            prefix = Integer.parseInt(p);
            if (prefix > bits) {
                throw new IllegalArgumentException(
                        "CIDR prefix length above " + bits + " in " + ValueMatcher.quote(text));
            }
        }
        return new Cidr(mask(address, prefix), prefix, text);
    }

    /** True when {@code text} is an IPv4 or IPv6 address literal. */
    static boolean isAddress(String text) {
        return parseAddress(text) != null;
    }

    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        for (int i = 0; i < address.length; i++) {
            int keep = Math.max(0, Math.min(8, prefixLength - i * 8));
            if ((byte) (address[i] & (0xff << (8 - keep))) != network[i]) {
                return false;
            }
        }
        return true;
    }

    /** True for an IPv4 range that holds the address {@code bits} (see {@link #parseV4Bits}). */
    boolean containsV4(int bits) {
        return network.length == 4 && (bits & v4Mask) == v4Network;
    }

    /**
     * The 32 bits of an IPv4 literal as {@link #parseAddress} reads it, or -1 when {@code s} is no IPv4 literal; no
     * allocation, for the common case of testing a {@code sourceIPAddress}.
     */
    static long parseV4Bits(String s) {
        return parseV4Bits(s, 0, s.length());
    }

    /** {@link #parseV4Bits(String)} of the characters {@code [from, to)}. */
    private static long parseV4Bits(String s, int from, int to) {
        long bits = 0;
        int part = 0;
        int i = from;
        while (part < 4) {
            int start = i;
            int value = 0;
            while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                value = Math.min(value * 10 + (s.charAt(i) - '0'), 256);
                i++;
            }
            if (i == start || value > 255) {
                return -1;
            }
            bits = bits << 8 | value;
            part++;
            if (part < 4) {
                if (i >= to || s.charAt(i) != '.') {
                    return -1;
                }
                i++;
            }
        }
        return i == to ? bits : -1;
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & (0xff << (8 - keep)));
        }
        return out;
    }

    /** The address bytes of an IPv4 or IPv6 literal, or null. */
    static byte[] parseAddress(String s) {
        if (s.indexOf(':') >= 0) {
            return parseV6(s);
        }
        return parseV4(s, 0, s.length());
    }

    private static byte[] parseV4(String s, int from, int to) {
        long bits = parseV4Bits(s, from, to);
        if (bits < 0) {
            return null;
        }
        return new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits};
    }

    private static byte[] parseV6(String s) {
        int zone = s.indexOf('%');
        if (zone >= 0) {
            return null;
        }
        byte[] out = new byte[16];
        int doubleColon = s.indexOf("::");
        if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
            return null;
        }
        String head = doubleColon >= 0 ? s.substring(0, doubleColon) : s;
        String tail = doubleColon >= 0 ? s.substring(doubleColon + 2) : "";
        int[] headGroups = groups(head, doubleColon < 0);
        int[] tailGroups = groups(tail, true);
        if (headGroups == null || tailGroups == null) {
            return null;
        }
        int total = headGroups.length + tailGroups.length;
        if (doubleColon < 0 ? total != 16 : total > 14) {
            return null;
        }
        for (int i = 0; i < headGroups.length; i++) {
            out[i] = (byte) headGroups[i];
        }
        for (int i = 0; i < tailGroups.length; i++) {
            out[16 - tailGroups.length + i] = (byte) tailGroups[i];
        }
        return out;
    }

    /** Bytes of colon-separated hex groups; an embedded IPv4 address is allowed as the last group when {@code last}. */
    private static int[] groups(String s, boolean last) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(":", -1);
        int[] out = new int[parts.length * 2 + 2];
        int n = 0;
        for (int p = 0; p < parts.length; p++) {
            String g = parts[p];
            if (last && p == parts.length - 1 && g.indexOf('.') >= 0) {
                byte[] v4 = parseV4(g, 0, g.length());
                if (v4 == null) {
                    return null;
                }
                for (byte b : v4) {
                    out[n++] = b & 0xff;
                }
                continue;
            }
            if (g.isEmpty() || g.length() > 4) {
                return null;
            }
            int value = 0;
            for (int i = 0; i < g.length(); i++) {
                int d = Character.digit(g.charAt(i), 16);
                if (d < 0) {
                    return null;
                }
                value = value * 16 + d;
            }
            out[n++] = value >> 8;
            out[n++] = value & 0xff;
        }
        return Arrays.copyOf(out, n);
    }

    @Override
    public String toString() {
        return text;
    }
}
