package io.github.trailkit.model.digest;

import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.digest.internal.Hex;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * A real signed trail built the way CloudTrail builds one (reference section 5): gzip'd log files written by the
 * library's writer, one digest per hour listing the SHA-256 of each uncompressed log, chained by the previous
 * digest's hash and signature, each signed with SHA256withRSA over the string to sign with a generated key, the
 * signature kept as the object's {@code signature} user metadata. Shared with the S3 tests through the test-jar.
 */
public final class SignedTrail {
    public static final String BUCKET = "trail-bucket";
    public static final String ACCOUNT = "111122223333";
    public static final String REGION = "us-east-2";
    public static final String TRAIL = "audit-trail";
    public static final String PREFIX = "AWSLogs/" + ACCOUNT + "/";
    public static final Instant START = Instant.parse("2024-03-01T00:00:00Z");

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("uuuu/MM/dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** Object bytes by key, as stored. */
    public final Map<String, byte[]> objects = new TreeMap<>();
    /** User metadata by key (only digests have some). */
    public final Map<String, Map<String, String>> metadata = new HashMap<>();
    /** Digest keys, oldest first. */
    public final List<String> digestKeys = new ArrayList<>();
    /** Log keys, oldest first. */
    public final List<String> logKeys = new ArrayList<>();

    public final KeyPair keyPair;

    private SignedTrail(KeyPair keyPair) {
        this.keyPair = keyPair;
    }

    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A chain of {@code hours} digests, each listing two log files; the last hour has no activity. */
    public static SignedTrail build(int hours, KeyPair keyPair) {
        SignedTrail t = new SignedTrail(keyPair);
        String previousKey = null;
        String previousSignature = null;
        byte[] previousJson = null;
        for (int h = 0; h < hours; h++) {
            Instant start = START.plus(Duration.ofHours(h));
            Instant end = start.plus(Duration.ofHours(1));
            DigestFile.Builder d = DigestFile.builder()
                    .awsAccountId(ACCOUNT)
                    .digestStartTime(start.toString())
                    .digestEndTime(end.toString())
                    .digestS3Bucket(BUCKET)
                    .digestS3Object(digestKey(end))
                    .digestPublicKeyFingerprint(fingerprint(keyPair))
                    .digestSignatureAlgorithm("SHA256withRSA");
            if (h < hours - 1 || hours == 1) {
                for (int m : new int[] {15, 45}) {
                    Instant delivered = start.plus(Duration.ofMinutes(m));
                    String key = logKey(delivered, String.format("Log%02dm%02dAbCdEfGhIj", h, m));
                    byte[] gz = logFile(delivered, h * 100 + m);
                    t.objects.put(key, gz);
                    t.logKeys.add(key);
                    d.addLogFiles(DigestLogFile.builder()
                            .s3Bucket(BUCKET)
                            .s3Object(key)
                            .hashValue(Hex.encode(Hex.sha256().digest(gunzip(gz))))
                            .hashAlgorithm("SHA-256")
                            .newestEventTime(delivered.minusSeconds(60).toString())
                            .oldestEventTime(delivered.minusSeconds(120).toString())
                            .build());
                }
                d.newestEventTime(start.plus(Duration.ofMinutes(44)).toString());
                d.oldestEventTime(start.plus(Duration.ofMinutes(13)).toString());
            }
            if (previousKey != null) {
                d.previousDigestS3Bucket(BUCKET)
                        .previousDigestS3Object(previousKey)
                        .previousDigestHashValue(Hex.encode(Hex.sha256().digest(previousJson)))
                        .previousDigestHashAlgorithm("SHA-256")
                        .previousDigestSignature(previousSignature);
            }
            DigestFile digest = d.build();
            previousJson = t.put(digest, keyPair.getPrivate());
            previousKey = digest.digestS3Object();
            previousSignature = t.metadata.get(previousKey).get("signature");
            t.digestKeys.add(previousKey);
        }
        return t;
    }

    /** Stores a digest gzip'd and signs it with {@code key}; returns the uncompressed JSON. */
    public byte[] put(DigestFile digest, PrivateKey key) {
        byte[] json = digest.toJson().getBytes(StandardCharsets.UTF_8);
        putSigned(digest.digestS3Object(), json, sign(DigestVerifier.stringToSign(digest, json), key));
        return json;
    }

    /** Stores uncompressed digest JSON gzip'd, with this signature as metadata. */
    public void putSigned(String key, byte[] json, String signature) {
        objects.put(key, gzip(json));
        metadata.put(key, Map.of("signature", signature, "signature-algorithm", "SHA256withRSA"));
    }

    /**
     * Re-signs the digests from index {@code from} on with {@code kp}, keeping every link right: a key rotation
     * (the digests before {@code from} stay signed with the trail's first key).
     */
    public void rotate(int from, KeyPair kp) {
        for (int i = from; i < digestKeys.size(); i++) {
            String key = digestKeys.get(i);
            DigestFile.Builder b = DigestFile.builder().from(digest(key)).digestPublicKeyFingerprint(fingerprint(kp));
            if (i > from) {
                String prev = digestKeys.get(i - 1);
                b.previousDigestHashValue(Hex.encode(Hex.sha256().digest(gunzip(objects.get(prev)))))
                        .previousDigestSignature(metadata.get(prev).get("signature"));
            }
            put(b.build(), kp.getPrivate());
        }
    }

    /**
     * The attack a signature check must stop: changes log file {@code log} (CreateTopic becomes DeleteTopic) and
     * writes its new hash into the digest listing it, which keeps its old signature. Returns that digest's key.
     */
    public String forgeLogAndItsDigestEntry(String log) {
        byte[] forged = new String(gunzip(objects.get(log)), StandardCharsets.UTF_8)
                .replace("CreateTopic", "DeleteTopic")
                .replace("GetTopicAttributes", "DeleteTopic")
                .getBytes(StandardCharsets.UTF_8);
        objects.put(log, gzip(forged));
        for (String key : digestKeys) {
            DigestFile d = digest(key);
            if (d.logFiles().stream().anyMatch(e -> e.s3Object().equals(log))) {
                DigestFile.Builder b = DigestFile.builder().from(d).logFiles(List.of());
                for (DigestLogFile e : d.logFiles()) {
                    b.addLogFiles(
                            e.s3Object().equals(log)
                                    ? DigestLogFile.builder()
                                            .from(e)
                                            .hashValue(Hex.encode(Hex.sha256().digest(forged)))
                                            .build()
                                    : e);
                }
                putSigned(
                        key,
                        b.build().toJson().getBytes(StandardCharsets.UTF_8),
                        metadata.get(key).get("signature"));
                return key;
            }
        }
        throw new IllegalArgumentException("no digest lists " + log);
    }

    /** The digest stored under {@code key}. */
    public DigestFile digest(String key) {
        return DigestFile.parse(objects.get(key), key);
    }

    public static String sign(String stringToSign, PrivateKey key) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(stringToSign.getBytes(StandardCharsets.UTF_8));
            return Hex.encode(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The trail's key as ListPublicKeys returns it: PKCS#1 DER. */
    public PublicKeys publicKeys() {
        return PublicKeys.of(TrailPublicKey.of(pkcs1(keyPair)));
    }

    /** The JSON {@code aws cloudtrail list-public-keys} prints for this trail's key. */
    public String listPublicKeysJson() {
        return "{\n  \"PublicKeyList\": [\n    {\n      \"Value\": \""
                + Base64.getEncoder().encodeToString(pkcs1(keyPair))
                + "\",\n      \"ValidityStartTime\": \"2024-01-01T00:00:00+00:00\",\n"
                + "      \"ValidityEndTime\": \"2025-01-01T00:00:00+00:00\",\n"
                + "      \"Fingerprint\": \"" + fingerprint(keyPair) + "\"\n    }\n  ]\n}\n";
    }

    public static String fingerprint(KeyPair kp) {
        return TrailPublicKey.md5Hex(pkcs1(kp));
    }

    /** {@code RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }} in DER. */
    public static byte[] pkcs1(KeyPair kp) {
        RSAPublicKey k = (RSAPublicKey) kp.getPublic();
        byte[] n = tlv(0x02, k.getModulus().toByteArray());
        byte[] e = tlv(0x02, k.getPublicExponent().toByteArray());
        byte[] body = new byte[n.length + e.length];
        System.arraycopy(n, 0, body, 0, n.length);
        System.arraycopy(e, 0, body, n.length, e.length);
        return tlv(0x30, body);
    }

    private static byte[] tlv(int tag, byte[] value) {
        byte[] len = value.length < 128
                ? new byte[] {(byte) value.length}
                : value.length < 256
                        ? new byte[] {(byte) 0x81, (byte) value.length}
                        : new byte[] {(byte) 0x82, (byte) (value.length >> 8), (byte) value.length};
        byte[] out = new byte[1 + len.length + value.length];
        out[0] = (byte) tag;
        System.arraycopy(len, 0, out, 1, len.length);
        System.arraycopy(value, 0, out, 1 + len.length, value.length);
        return out;
    }

    /** Writes every object under {@code root}, with the metadata as head-object sidecars. */
    public Path writeTo(Path root) {
        try {
            for (Map.Entry<String, byte[]> o : objects.entrySet()) {
                Path f = root.resolve(o.getKey());
                Files.createDirectories(f.getParent());
                Files.write(f, o.getValue());
                Map<String, String> m = metadata.get(o.getKey());
                if (m != null) {
                    StringBuilder json = new StringBuilder("{");
                    m.forEach((k, v) -> json.append(json.length() > 1 ? "," : "")
                            .append('"')
                            .append(k)
                            .append("\":\"")
                            .append(v)
                            .append('"'));
                    Files.writeString(
                            f.resolveSibling(f.getFileName() + LocalTrailStore.METADATA_SUFFIX), json.append('}'));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }

    public static String digestKey(Instant end) {
        return PREFIX + "CloudTrail-Digest/" + REGION + "/" + DAY.format(end) + "/" + ACCOUNT + "_CloudTrail-Digest_"
                + REGION + "_" + TRAIL + "_" + REGION + "_" + SECOND.format(end) + ".json.gz";
    }

    public static String logKey(Instant delivered, String unique) {
        return PREFIX + "CloudTrail/" + REGION + "/" + DAY.format(delivered) + "/" + ACCOUNT + "_CloudTrail_" + REGION
                + "_" + MINUTE.format(delivered) + "_" + unique + ".json.gz";
    }

    /** A gzip'd log file of two records, written by the library's writer. */
    public static byte[] logFile(Instant delivered, int seed) {
        List<CloudTrailRecord> records =
                List.of(record(delivered.minusSeconds(120), seed), record(delivered.minusSeconds(60), seed + 1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CloudTrail.writer().gzip(true).writeLog(records, out);
        return out.toByteArray();
    }

    private static CloudTrailRecord record(Instant time, int seed) {
        return CloudTrailRecord.builder()
                .eventTime(time)
                .eventSource("sns.amazonaws.com")
                .eventName(seed % 2 == 0 ? "CreateTopic" : "GetTopicAttributes")
                .awsRegion(REGION)
                .eventID(new BigInteger(64, new java.util.Random(seed)).toString(16))
                .recipientAccountId(ACCOUNT)
                .build();
    }

    public static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] gunzip(byte[] gz) {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
