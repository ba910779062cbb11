package io.github.trailkit.model.digest.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Lower-case hex, and SHA-256. */
public final class Hex {
    private Hex() {}

    private static final HexFormat HEX = HexFormat.of();

    /** Lower-case hex of {@code b}. */
    public static String encode(byte[] b) {
        return HEX.formatHex(b);
    }

    /**
     * The bytes of a hex string (either case).
     *
     * @throws IllegalArgumentException for an odd number of digits or a character that is not one
     */
    public static byte[] decode(String s) {
        return HEX.parseHex(s);
    }

    /** A new SHA-256 digest. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
