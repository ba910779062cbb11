package io.github.trailkit.model.digest;

import io.github.trailkit.model.digest.internal.Hex;
import io.github.trailkit.model.digest.internal.RsaKeys;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * One CloudTrail public key, as {@code ListPublicKeys} returns it: the DER value (PKCS#1 {@code RSAPublicKey}, or
 * X.509 SubjectPublicKeyInfo, both accepted), its fingerprint and its validity range.
 *
 * <p>When no fingerprint is given it is computed as the lower-case hex MD5 of the DER bytes, which matches every
 * published key/fingerprint pair but is not documented by AWS (reference section 5.4).
 *
 * <pre>{@code
 * TrailPublicKey key = TrailPublicKey.of(Base64.getDecoder().decode(valueFromListPublicKeys));
 * key.fingerprint();   // "31e8b5433410dfb61a9dc45cc65b22ff"
 * }</pre>
 */
public final class TrailPublicKey {
    private final byte[] der;
    private final String fingerprint;
    private final Instant validityStart;
    private final Instant validityEnd;
    private final PublicKey key;

    private TrailPublicKey(byte[] der, String fingerprint, Instant validityStart, Instant validityEnd) {
        this.der = der.clone();
        this.fingerprint = fingerprint.toLowerCase(java.util.Locale.ROOT);
        this.validityStart = validityStart;
        this.validityEnd = validityEnd;
        try {
            this.key = RsaKeys.load(this.der);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "Unable to load key with fingerprint " + fingerprint + " as PKCS#1 or X.509 RSA public key: "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * A key from its DER bytes, with the fingerprint computed as hex MD5 of the bytes.
     *
     * @param der PKCS#1 RSAPublicKey or X.509 SubjectPublicKeyInfo
     * @return the key
     * @throws IllegalArgumentException if the bytes are not an RSA public key in either form
     */
    public static TrailPublicKey of(byte[] der) {
        return new TrailPublicKey(der, md5Hex(der), null, null);
    }

    /**
     * A key as {@code ListPublicKeys} describes it.
     *
     * @param der PKCS#1 RSAPublicKey or X.509 SubjectPublicKeyInfo
     * @param fingerprint the {@code Fingerprint} (hex)
     * @param validityStart {@code ValidityStartTime}, or null
     * @param validityEnd {@code ValidityEndTime}, or null
     * @return the key
     * @throws IllegalArgumentException if the bytes are not an RSA public key in either form
     */
    public static TrailPublicKey of(byte[] der, String fingerprint, Instant validityStart, Instant validityEnd) {
        return new TrailPublicKey(der, Objects.requireNonNull(fingerprint, "fingerprint"), validityStart, validityEnd);
    }

    /** A key from the base64 text of a {@code Value}, as the AWS CLI prints it. */
    public static TrailPublicKey ofBase64(String value) {
        return of(Base64.getMimeDecoder().decode(value));
    }

    /** The fingerprint in lower-case hex. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The DER bytes as given (a copy). */
    public byte[] der() {
        return der.clone();
    }

    /** The key, ready for {@code Signature.initVerify}. */
    public PublicKey publicKey() {
        return key;
    }

    /** {@code ValidityStartTime}, when known. */
    public Optional<Instant> validityStart() {
        return Optional.ofNullable(validityStart);
    }

    /** {@code ValidityEndTime}, when known. */
    public Optional<Instant> validityEnd() {
        return Optional.ofNullable(validityEnd);
    }

    @Override
    public String toString() {
        return "TrailPublicKey{fingerprint=" + fingerprint + ", validityStart=" + validityStart + ", validityEnd="
                + validityEnd + "}";
    }

    static String md5Hex(byte[] bytes) {
        try {
            return Hex.encode(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
