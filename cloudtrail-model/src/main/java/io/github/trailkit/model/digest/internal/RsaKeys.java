package io.github.trailkit.model.digest.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * Loads RSA public keys in the two DER forms CloudTrail's {@code ListPublicKeys} returns: PKCS#1 {@code RSAPublicKey}
 * ({@code SEQUENCE {modulus INTEGER, publicExponent INTEGER}}, the documented form) and X.509 SubjectPublicKeyInfo
 * (seen in AWS's own documentation), without BouncyCastle (reference section 5.4).
 */
public final class RsaKeys {
    private RsaKeys() {}

    /** The key in {@code der}; PKCS#1 when its first element is an INTEGER, SubjectPublicKeyInfo when a SEQUENCE. */
    public static PublicKey load(byte[] der) throws GeneralSecurityException {
        Der outer = new Der(der, 0, der.length);
        int[] seq = outer.expect(0x30);
        Der inner = new Der(der, seq[0], seq[0] + seq[1]);
        if (seq[0] + seq[1] != der.length) {
            throw new GeneralSecurityException("data after the key");
        }
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        if (inner.peek() == 0x30) {
            return rsa.generatePublic(new X509EncodedKeySpec(der));
        }
        BigInteger modulus = inner.integer();
        BigInteger exponent = inner.integer();
        if (!inner.atEnd()) {
            throw new GeneralSecurityException("not a PKCS#1 RSAPublicKey: extra elements");
        }
        return rsa.generatePublic(new RSAPublicKeySpec(modulus, exponent));
    }

    /** A minimal DER reader: tag, definite length, value. */
    private static final class Der {
        private final byte[] b;
        private int pos;
        private final int end;

        Der(byte[] b, int pos, int end) {
            this.b = b;
            this.pos = pos;
            this.end = end;
        }

        int peek() throws GeneralSecurityException {
            if (pos >= end) {
                throw new GeneralSecurityException("truncated DER");
            }
            return b[pos] & 0xff;
        }

        boolean atEnd() {
            return pos == end;
        }

        /** Reads a tag and length; returns {start of value, length} and moves past the value. */
        int[] expect(int tag) throws GeneralSecurityException {
            if (peek() != tag) {
                throw new GeneralSecurityException(String.format("expected DER tag 0x%02x, found 0x%02x", tag, peek()));
            }
            pos++;
            if (pos >= end) {
                throw new GeneralSecurityException("truncated DER");
            }
            int len = b[pos++] & 0xff;
            if (len > 0x80) {
                int n = len & 0x7f;
                if (n > 3 || pos + n > end) {
                    throw new GeneralSecurityException("bad DER length");
                }
                len = 0;
                for (int i = 0; i < n; i++) {
                    len = len << 8 | (b[pos++] & 0xff);
                }
            } else if (len == 0x80) {
                throw new GeneralSecurityException("indefinite DER length");
            }
            if (len > end - pos) {
                throw new GeneralSecurityException("truncated DER");
            }
            int start = pos;
            pos += len;
            return new int[] {start, len};
        }

        BigInteger integer() throws GeneralSecurityException {
            int[] v = expect(0x02);
            if (v[1] == 0) {
                throw new GeneralSecurityException("empty DER INTEGER");
            }
            byte[] bytes = new byte[v[1]];
            System.arraycopy(b, v[0], bytes, 0, v[1]);
            return new BigInteger(bytes);
        }
    }
}
