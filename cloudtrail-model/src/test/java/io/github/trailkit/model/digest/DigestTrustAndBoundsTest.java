package io.github.trailkit.model.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.trailkit.model.digest.internal.Hex;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verdicts follow the trust chain (a log file is valid only through a digest whose signature verified), digests are
 * read within bounds, and a local copy is never read outside its root.
 */
final class DigestTrustAndBoundsTest {
    private static KeyPair keyA;
    private static KeyPair keyB;

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() {
        keyA = SignedTrail.newKeyPair();
        keyB = SignedTrail.newKeyPair();
    }

    private static FileVerdict verdictOf(VerificationReport r, String key) {
        return r.files().stream()
                .filter(f -> f.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no verdict for " + key + " in " + r.files()));
    }

    private static List<String> problems(VerificationReport r) {
        return r.problems().stream().map(f -> f.verdict() + " " + f.key()).collect(Collectors.toList());
    }

    private VerificationReport verify(SignedTrail t, PublicKeys keys) {
        return DigestVerifier.of(keys).verify(LocalTrailStore.of(t.writeTo(dir)), SignedTrail.PREFIX);
    }

    @Test
    void forgedLogWithForgedDigestEntry_isNeverValid() {
        SignedTrail t = SignedTrail.build(4, keyA);
        String log = t.logKeys.get(2); // listed in digest 1
        String digestKey = t.forgeLogAndItsDigestEntry(log);
        assertThat(digestKey).isEqualTo(t.digestKeys.get(1));
        VerificationReport r = verify(t, t.publicKeys());

        assertThat(verdictOf(r, digestKey).verdict()).isEqualTo(Verdict.SIGNATURE_INVALID);
        FileVerdict forgedLog = verdictOf(r, log);
        assertThat(forgedLog.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(forgedLog.reason())
                .startsWith(dir.resolve(log) + ": hash matches digest " + dir.resolve(digestKey)
                        + ", but that digest is SIGNATURE_INVALID (signature verification failed)")
                .endsWith("no digest whose signature verified lists this log file");
        // the other log file of that digest is untouched, but nothing vouches for it either
        assertThat(verdictOf(r, t.logKeys.get(3)).verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(verdictOf(r, t.logKeys.get(0)).verdict()).isEqualTo(Verdict.VALID);
        assertThat(r.isValid()).isFalse();
        assertThat(r.count(Verdict.VALID)).isEqualTo(2 + 4); // digests 0 and 3; logs of digests 0 and 2
        assertThat(r.summary())
                .isEqualTo(
                        "2/4 digest files valid, 1 SIGNATURE_INVALID, 1 CHAIN_BROKEN; 4/6 log files valid, 2 UNVERIFIED");
    }

    @Test
    void forgedLogWithoutTouchingTheDigest_isModified() {
        SignedTrail t = SignedTrail.build(3, keyA);
        String log = t.logKeys.get(0);
        byte[] plain = SignedTrail.gunzip(t.objects.get(log));
        plain[plain.length / 3] ^= 2;
        t.objects.put(log, SignedTrail.gzip(plain));
        assertThat(problems(verify(t, t.publicKeys()))).containsExactly("MODIFIED " + log);
    }

    @Test
    void keyMissingForPartOfTheChain_leavesThoseLogFilesUnverified() {
        SignedTrail t = SignedTrail.build(4, keyA);
        t.rotate(2, keyB);
        PublicKeys both =
                PublicKeys.of(TrailPublicKey.of(SignedTrail.pkcs1(keyA)), TrailPublicKey.of(SignedTrail.pkcs1(keyB)));
        assertThat(verify(t, both).problems()).isEmpty();

        VerificationReport r = DigestVerifier.of(PublicKeys.of(TrailPublicKey.of(SignedTrail.pkcs1(keyB))))
                .verify(LocalTrailStore.of(dir), SignedTrail.PREFIX);
        assertThat(problems(r))
                .containsExactlyInAnyOrder(
                        "SIGNATURE_INVALID " + t.digestKeys.get(0), "SIGNATURE_INVALID " + t.digestKeys.get(1),
                        "UNVERIFIED " + t.logKeys.get(0), "UNVERIFIED " + t.logKeys.get(1),
                        "UNVERIFIED " + t.logKeys.get(2), "UNVERIFIED " + t.logKeys.get(3));
        assertThat(verdictOf(r, t.logKeys.get(0)).reason())
                .contains("public key not found in region us-east-2 for fingerprint " + SignedTrail.fingerprint(keyA))
                .contains(t.digestKeys.get(0));
        assertThat(verdictOf(r, t.logKeys.get(4)).verdict()).isEqualTo(Verdict.VALID);
        assertThat(r.summary())
                .isEqualTo("2/4 digest files valid, 2 SIGNATURE_INVALID; 2/6 log files valid, 4 UNVERIFIED");
    }

    @Test
    void logListedByAnUnverifiedAndAVerifiedDigest_isValidThroughTheVerifiedOne() {
        SignedTrail t = SignedTrail.build(3, keyA);
        String log = t.logKeys.get(0);
        // a second, unverifiable chain (other key, unknown) lists the same log file
        String other = t.digestKeys.get(1).replace("_" + SignedTrail.TRAIL + "_", "_other-trail_");
        DigestFile d = DigestFile.builder()
                .from(t.digest(t.digestKeys.get(0)))
                .digestS3Object(other)
                .digestPublicKeyFingerprint(SignedTrail.fingerprint(keyB))
                .build();
        t.put(d, keyB.getPrivate());
        VerificationReport r = verify(t, t.publicKeys());
        assertThat(problems(r)).containsExactly("SIGNATURE_INVALID " + other);
        assertThat(verdictOf(r, log).verdict()).isEqualTo(Verdict.VALID);
        assertThat(verdictOf(r, log).reason()).contains(t.digestKeys.get(0));
    }

    // ---- bounds ----

    private static byte[] gzip(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            for (byte[] p : parts) {
                gz.write(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private Path putDigest(Path root, String key, byte[] stored) throws IOException {
        Path f = root.resolve(key);
        Files.createDirectories(f.getParent());
        Files.write(f, stored);
        return f;
    }

    /** REPRO b2c in small: a digest of a few KiB that inflates to 32 MiB of blanks. */
    @Test
    void digestBomb_isLimitExceededByItsInflateRatio() throws IOException {
        String key = SignedTrail.digestKey(SignedTrail.START.plusSeconds(3600));
        byte[] blanks = new byte[1 << 20];
        java.util.Arrays.fill(blanks, (byte) ' ');
        byte[][] parts = new byte[34][];
        parts[0] = "{\"awsAccountId\":\"1\",".getBytes(StandardCharsets.US_ASCII);
        for (int i = 1; i < 33; i++) {
            parts[i] = blanks;
        }
        parts[33] = "\"x\":1}".getBytes(StandardCharsets.US_ASCII);
        byte[] bomb = gzip(parts);
        assertThat(bomb.length).isLessThan(64 * 1024);
        putDigest(dir, key, bomb);

        VerificationReport r = DigestVerifier.of(PublicKeys.of()).verify(LocalTrailStore.of(dir), "");
        FileVerdict v = verdictOf(r, key);
        assertThat(v.verdict()).isEqualTo(Verdict.LIMIT_EXCEEDED);
        assertThat(v.reason())
                .startsWith(dir.resolve(key) + ": gzip data inflates more than 200 times")
                .contains("limit maxInflateRatio = 200")
                .contains("DigestLimits.builder().maxInflateRatio");
        assertThat(r.isValid()).isFalse();
        assertThat(r.summary()).isEqualTo("0/1 digest files valid, 1 LIMIT_EXCEEDED; 0/0 log files valid");

        assertThatThrownBy(() -> DigestFile.parse(bomb, "bomb"))
                .isInstanceOfSatisfying(
                        DigestLimitExceededException.class,
                        e -> assertThat(e.limit()).isEqualTo(DigestLimits.Limit.INFLATE_RATIO));
        // with the ratio raised, the uncompressed size stops it
        assertThatThrownBy(() -> DigestCodecAccess.read(
                        bomb,
                        DigestLimits.builder()
                                .maxInflateRatio(100_000)
                                .maxUncompressedBytes(8 << 20)
                                .build()))
                .isInstanceOfSatisfying(
                        DigestLimitExceededException.class,
                        e -> assertThat(e.limit()).isEqualTo(DigestLimits.Limit.UNCOMPRESSED_BYTES));
    }

    /** REPRO b2d in small: a digest listing more files than the limit allows. */
    @Test
    void digestListingTooManyFiles_isLimitExceeded() throws IOException {
        String key = SignedTrail.digestKey(SignedTrail.START.plusSeconds(3600));
        StringBuilder json = new StringBuilder("{\"digestStartTime\":\"2024-03-01T00:00:00Z\",\"digestEndTime\":"
                + "\"2024-03-01T01:00:00Z\",\"digestS3Bucket\":\"b\",\"digestS3Object\":\"" + key + "\","
                + "\"digestPublicKeyFingerprint\":\"00\",\"previousDigestSignature\":null,\"logFiles\":[");
        for (int i = 0; i < 1001; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"s3Bucket\":\"b\",\"s3Object\":\"")
                    .append(SignedTrail.logKey(SignedTrail.START.plusSeconds(60), String.format("%016d", i)))
                    .append("\",\"hashValue\":\"")
                    .append(String.format("%064x", i))
                    .append("\",\"hashAlgorithm\":\"SHA-256\"}");
        }
        byte[] stored = gzip(json.append("]}").toString().getBytes(StandardCharsets.UTF_8));
        putDigest(dir, key, stored);

        DigestLimits limits = DigestLimits.builder().maxLogFiles(1000).build();
        VerificationReport r =
                DigestVerifier.of(PublicKeys.of()).withLimits(limits).verify(LocalTrailStore.of(dir), "");
        assertThat(verdictOf(r, key).verdict()).isEqualTo(Verdict.LIMIT_EXCEEDED);
        assertThat(verdictOf(r, key).reason())
                .contains("the digest lists more than 1000 log files")
                .contains("limit maxLogFiles = 1000");
        assertThat(r.logFiles()).isEmpty();

        // within the limit it is read (and, signed by no known key, its listed files are not valid)
        VerificationReport within = DigestVerifier.of(PublicKeys.of())
                .withLimits(DigestLimits.builder().maxLogFiles(1001).build())
                .verify(LocalTrailStore.of(dir), "");
        assertThat(verdictOf(within, key).verdict()).isEqualTo(Verdict.SIGNATURE_INVALID);
        assertThat(within.logFiles()).hasSize(1001).noneMatch(FileVerdict::isValid);

        // the stored size
        VerificationReport small = DigestVerifier.of(PublicKeys.of())
                .withLimits(
                        DigestLimits.builder().maxDigestBytes(stored.length - 1).build())
                .verify(LocalTrailStore.of(dir), "");
        assertThat(verdictOf(small, key).verdict()).isEqualTo(Verdict.LIMIT_EXCEEDED);
        assertThat(verdictOf(small, key).reason()).contains("limit maxDigestBytes = " + (stored.length - 1));
    }

    @Test
    void logFileBomb_isLimitExceededNotHashedToItsEnd() {
        SignedTrail t = SignedTrail.build(2, keyA);
        String log = t.logKeys.get(1);
        byte[] blanks = new byte[1 << 20];
        java.util.Arrays.fill(blanks, (byte) ' ');
        byte[][] parts = new byte[64][];
        java.util.Arrays.fill(parts, blanks);
        t.objects.put(log, gzip(parts));
        VerificationReport r = verify(t, t.publicKeys());
        assertThat(problems(r)).containsExactly("LIMIT_EXCEEDED " + log);
        assertThat(verdictOf(r, log).reason())
                .contains("gzip data inflates more than 200 times")
                .contains("limit maxInflateRatio = 200")
                .contains(t.digestKeys.get(0));
    }

    @Test
    void limits_areValidated() {
        assertThatThrownBy(() -> DigestLimits.builder().maxLogFiles(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxLogFiles");
        assertThat(DigestLimits.defaults().maxInflateRatio()).isEqualTo(200);
    }

    // ---- the local store stays inside its root ----

    /** REPRO b6: keys that climb out of the copy or are absolute are verdicts naming the key, never reads. */
    @Test
    void keysLeavingTheRoot_areNeverRead() throws IOException {
        Path root = Files.createDirectories(dir.resolve("copy"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        byte[] secret = "{\"Records\":[]}".getBytes(StandardCharsets.UTF_8);
        Path secretFile = Files.write(outside.resolve("secret.json.gz"), SignedTrail.gzip(secret));
        String hash = Hex.encode(Hex.sha256().digest(secret));
        String climbing = "../outside/secret.json.gz";
        String absolute = secretFile.toAbsolutePath().toString();
        String passwd = "../../../../../../../../etc/passwd";

        SignedTrail t = SignedTrail.build(1, keyA);
        String key = t.digestKeys.get(0);
        DigestFile.Builder b = DigestFile.builder().from(t.digest(key));
        for (String k : List.of(climbing, absolute, passwd)) {
            b.addLogFiles(DigestLogFile.builder()
                    .s3Bucket(SignedTrail.BUCKET)
                    .s3Object(k)
                    .hashValue(hash)
                    .hashAlgorithm("SHA-256")
                    .build());
        }
        t.put(b.build(), keyA.getPrivate()); // correctly signed: the digest itself is valid
        t.writeTo(root);

        VerificationReport r = DigestVerifier.of(t.publicKeys()).verify(LocalTrailStore.of(root), "");
        assertThat(verdictOf(r, key).verdict()).isEqualTo(Verdict.VALID);
        for (String k : List.of(climbing, absolute, passwd)) {
            FileVerdict v = verdictOf(r, k);
            assertThat(v.verdict()).as(k).isEqualTo(Verdict.MISSING);
            assertThat(v.reason()).as(k).contains("the key " + k + " leads outside " + root + "; not read");
        }
        assertThat(r.count(Verdict.VALID)).isEqualTo(1 + 2);

        assertThatThrownBy(() -> LocalTrailStore.of(root).open(null, absolute))
                .isInstanceOfSatisfying(
                        RefusedObjectException.class,
                        e -> assertThat(e.reason()).isEqualTo(RefusedObjectException.Reason.OUTSIDE_STORE));
    }

    @Test
    void previousDigestOutsideTheRoot_isNeverRead() throws IOException {
        Path root = Files.createDirectories(dir.resolve("copy"));
        Files.write(dir.resolve("prev.json.gz"), SignedTrail.gzip("{}".getBytes(StandardCharsets.UTF_8)));
        SignedTrail t = SignedTrail.build(2, keyA);
        String key = t.digestKeys.get(1);
        t.put(
                DigestFile.builder()
                        .from(t.digest(key))
                        .previousDigestS3Object("../prev.json.gz")
                        .build(),
                keyA.getPrivate());
        t.writeTo(root);
        VerificationReport r = DigestVerifier.of(t.publicKeys()).verify(LocalTrailStore.of(root), "");
        FileVerdict v = verdictOf(r, "../prev.json.gz");
        assertThat(v.verdict()).isEqualTo(Verdict.MISSING);
        assertThat(v.reason())
                .contains("the key ../prev.json.gz leads outside " + root + "; not read")
                .contains("(the previous digest of " + root.resolve(key) + ")");
    }

    @Test
    void linkLeavingTheRoot_isNeverRead() throws IOException {
        Path root = Files.createDirectories(dir.resolve("copy"));
        SignedTrail t = SignedTrail.build(2, keyA);
        t.writeTo(root);
        String log = t.logKeys.get(0);
        Path outside = Files.write(dir.resolve("elsewhere.json.gz"), t.objects.get(log));
        Files.delete(root.resolve(log));
        Files.createSymbolicLink(root.resolve(log), outside);

        VerificationReport r = DigestVerifier.of(t.publicKeys()).verify(LocalTrailStore.of(root), "");
        assertThat(problems(r)).containsExactly("MISSING " + log);
        assertThat(verdictOf(r, log).reason())
                .contains("is a link to " + outside.toRealPath())
                .contains("not read");
    }

    /** A sidecar that is not JSON is a malformed signature, not an I/O error. */
    @Test
    void sidecarThatIsNotJson_isSignatureInvalidNamingIt() throws IOException {
        SignedTrail t = SignedTrail.build(2, keyA);
        t.writeTo(dir);
        String key = t.digestKeys.get(1);
        Path sidecar = dir.resolve(key + LocalTrailStore.METADATA_SUFFIX);
        Files.writeString(sidecar, "NOT JSON AT ALL");
        VerificationReport r = DigestVerifier.of(t.publicKeys()).verify(LocalTrailStore.of(dir), "");
        FileVerdict v = verdictOf(r, key);
        assertThat(v.verdict()).isEqualTo(Verdict.SIGNATURE_INVALID);
        assertThat(v.reason()).contains("the metadata sidecar " + sidecar + " is malformed: invalid JSON");
        assertThat(r.count(Verdict.UNREADABLE)).isZero();

        Files.writeString(sidecar, "{\"signature\": " + "[".repeat(5000) + "]".repeat(5000) + "}");
        v = verdictOf(DigestVerifier.of(t.publicKeys()).verify(LocalTrailStore.of(dir), ""), key);
        assertThat(v.verdict()).isEqualTo(Verdict.SIGNATURE_INVALID);
        assertThat(v.reason()).contains("is malformed");

        Files.writeString(sidecar, "{\"signature\": \"" + "0".repeat(LocalTrailStore.MAX_METADATA_BYTES) + "\"}");
        v = verdictOf(DigestVerifier.of(t.publicKeys()).verify(LocalTrailStore.of(dir), ""), key);
        assertThat(v.verdict()).isEqualTo(Verdict.SIGNATURE_INVALID);
        assertThat(v.reason()).contains("is malformed: over " + LocalTrailStore.MAX_METADATA_BYTES + " bytes");
    }
}
