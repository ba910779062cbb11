package io.github.trailkit.model.digest;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trailkit.model.digest.FileVerdict.FileType;
import io.github.trailkit.model.digest.internal.Hex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real signed chain on disk, verified, then tampered with in each way. */
final class DigestVerifierTest {
    private static KeyPair keyPair;
    private static KeyPair otherKeyPair;

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() {
        keyPair = SignedTrail.newKeyPair();
        otherKeyPair = SignedTrail.newKeyPair();
    }

    private SignedTrail trail() {
        return SignedTrail.build(4, keyPair);
    }

    private VerificationReport verify(SignedTrail t) {
        return DigestVerifier.of(t.publicKeys()).verify(LocalTrailStore.of(t.writeTo(dir)), SignedTrail.PREFIX);
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

    @Test
    void untouchedChain_isValid() {
        SignedTrail t = trail();
        VerificationReport r = verify(t);
        assertThat(r.problems()).isEmpty();
        assertThat(r.isValid()).isTrue();
        assertThat(r.digests()).hasSize(4).allMatch(FileVerdict::isValid);
        assertThat(r.logFiles()).hasSize(6).allMatch(FileVerdict::isValid);
        assertThat(r.gaps()).isEmpty();
        assertThat(r.summary()).isEqualTo("4/4 digest files valid; 6/6 log files valid");
        assertThat(verdictOf(r, t.logKeys.get(0)).location())
                .isEqualTo(dir.resolve(t.logKeys.get(0)).toString());
    }

    @Test
    void firstDigest_signsTheLiteralNull() {
        SignedTrail t = trail();
        DigestFile first = t.digest(t.digestKeys.get(0));
        assertThat(first.isStartOfChain()).isTrue();
        String s = DigestVerifier.stringToSign(first, SignedTrail.gunzip(t.objects.get(t.digestKeys.get(0))));
        assertThat(s.split("\n", -1)).hasSize(4);
        assertThat(s)
                .startsWith("2024-03-01T01:00:00Z\n" + SignedTrail.BUCKET + "/" + t.digestKeys.get(0) + "\n")
                .endsWith("\nnull");
    }

    @Test
    void oneByteOfALogChanged_isModified() {
        SignedTrail t = trail();
        String log = t.logKeys.get(2);
        byte[] plain = SignedTrail.gunzip(t.objects.get(log));
        plain[plain.length / 2] ^= 1;
        t.objects.put(log, SignedTrail.gzip(plain));
        VerificationReport r = verify(t);
        assertThat(problems(r)).containsExactly("MODIFIED " + log);
        assertThat(verdictOf(r, log).reason())
                .startsWith(dir.resolve(log) + ": hash value doesn't match")
                .contains(t.digestKeys.get(1));
    }

    @Test
    void oneByteOfTheGzipChanged_isModified() {
        SignedTrail t = trail();
        String log = t.logKeys.get(0);
        byte[] gz = t.objects.get(log).clone();
        gz[gz.length / 2] ^= 0x10;
        t.objects.put(log, gz);
        VerificationReport r = verify(t);
        assertThat(problems(r)).containsExactly("MODIFIED " + log);
    }

    @Test
    void deletedLog_isMissing() {
        SignedTrail t = trail();
        String log = t.logKeys.get(3);
        t.objects.remove(log);
        VerificationReport r = verify(t);
        assertThat(problems(r)).containsExactly("MISSING " + log);
        assertThat(verdictOf(r, log).reason()).contains("not found").contains(t.digestKeys.get(1));
        assertThat(r.isValid()).isFalse();
    }

    @Test
    void unlistedLog_isNotCovered() {
        SignedTrail t = trail();
        String extra = SignedTrail.logKey(SignedTrail.START.plusSeconds(1800), "ExtraLogNotListed1");
        t.objects.put(extra, SignedTrail.logFile(SignedTrail.START.plusSeconds(1800), 99));
        VerificationReport r = verify(t);
        assertThat(problems(r)).containsExactly("NOT_COVERED " + extra);
        assertThat(verdictOf(r, extra).reason()).contains(extra).contains("no digest lists");
    }

    @Test
    void logNewerThanTheNewestDigest_isNotYetCoveredNotAFailure() {
        SignedTrail t = trail();
        java.time.Instant later = SignedTrail.START.plusSeconds(4 * 3600 + 600);
        String pending = SignedTrail.logKey(later, "PendingLogFile123");
        t.objects.put(pending, SignedTrail.logFile(later, 7));
        VerificationReport r = verify(t);
        assertThat(r.isValid()).isTrue();
        assertThat(r.notYetCovered()).containsExactly(dir.resolve(pending).toString());
    }

    @Test
    void changedDigest_isSignatureInvalid_andTheNextLinkBreaks() {
        SignedTrail t = trail();
        String key = t.digestKeys.get(1);
        byte[] json = SignedTrail.gunzip(t.objects.get(key));
        String text = new String(json, StandardCharsets.UTF_8).replace("\"hashValue\":\"", "\"hashValue\":\"0");
        t.objects.put(key, SignedTrail.gzip(text.getBytes(StandardCharsets.UTF_8)));
        VerificationReport r = verify(t);
        assertThat(verdictOf(r, key).verdict()).isEqualTo(Verdict.SIGNATURE_INVALID);
        assertThat(verdictOf(r, key).reason()).isEqualTo(dir.resolve(key) + ": signature verification failed");
        assertThat(verdictOf(r, t.digestKeys.get(2)).verdict()).isEqualTo(Verdict.CHAIN_BROKEN);
        assertThat(verdictOf(r, t.digestKeys.get(2)).reason())
                .contains("previousDigestHashValue")
                .contains(key);
    }

    @Test
    void brokenChain_reSignedWithAWrongPreviousHash_isChainBroken() {
        SignedTrail t = trail();
        String key = t.digestKeys.get(2);
        DigestFile d = t.digest(key);
        t.put(
                DigestFile.builder()
                        .from(d)
                        .previousDigestHashValue(Hex.encode(new byte[32]))
                        .build(),
                keyPair.getPrivate());
        // keep the link from the next digest intact: it names this digest's new signature
        VerificationReport r = verify(t);
        assertThat(verdictOf(r, key).verdict()).isEqualTo(Verdict.CHAIN_BROKEN);
        assertThat(verdictOf(r, key).reason())
                .contains("previousDigestHashValue does not match the previous digest")
                .contains(t.digestKeys.get(1));
    }

    @Test
    void brokenChain_deletedDigest_isMissingAndNamed() {
        SignedTrail t = trail();
        String key = t.digestKeys.get(1);
        t.objects.remove(key);
        t.metadata.remove(key);
        VerificationReport r = verify(t);
        assertThat(verdictOf(r, key).verdict()).isEqualTo(Verdict.MISSING);
        assertThat(verdictOf(r, key).reason())
                .contains("the previous digest of")
                .contains(t.digestKeys.get(2));
        // the log files it listed are no longer covered by any digest
        assertThat(verdictOf(r, t.logKeys.get(2)).verdict()).isEqualTo(Verdict.NOT_COVERED);
    }

    @Test
    void signedWithTheWrongKey_isSignatureInvalid() {
        SignedTrail t = trail();
        String key = t.digestKeys.get(3);
        DigestFile d = t.digest(key);
        t.put(d, otherKeyPair.getPrivate());
        VerificationReport r = verify(t);
        assertThat(problems(r)).containsExactly("SIGNATURE_INVALID " + key);
    }

    @Test
    void wrongKeyInTheMiddle_alsoBreaksTheNextLink() {
        SignedTrail t = trail();
        String key = t.digestKeys.get(1);
        t.put(t.digest(key), otherKeyPair.getPrivate());
        VerificationReport r = verify(t);
        assertThat(verdictOf(r, key).verdict()).isEqualTo(Verdict.SIGNATURE_INVALID);
        assertThat(verdictOf(r, t.digestKeys.get(2)).verdict()).isEqualTo(Verdict.CHAIN_BROKEN);
        assertThat(verdictOf(r, t.digestKeys.get(2)).reason()).contains("previousDigestSignature does not match");
    }

    @Test
    void unknownFingerprint_isSignatureInvalid() {
        SignedTrail t = trail();
        VerificationReport r = DigestVerifier.of(PublicKeys.of(TrailPublicKey.of(SignedTrail.pkcs1(otherKeyPair))))
                .verify(LocalTrailStore.of(t.writeTo(dir)), SignedTrail.PREFIX);
        assertThat(r.digests()).allMatch(f -> f.verdict() == Verdict.SIGNATURE_INVALID);
        assertThat(r.digests().get(0).reason())
                .contains(
                        "public key not found in region us-east-2 for fingerprint " + SignedTrail.fingerprint(keyPair));
    }

    @Test
    void bytesAppendedAfterTheGzipStream_areModified() {
        SignedTrail t = trail();
        String log = t.logKeys.get(1);
        byte[] gz = t.objects.get(log);
        byte[] more = Arrays.copyOf(gz, gz.length + 5);
        System.arraycopy("extra".getBytes(StandardCharsets.US_ASCII), 0, more, gz.length, 5);
        t.objects.put(log, more);
        VerificationReport r = verify(t);
        assertThat(problems(r)).containsExactly("MODIFIED " + log);
        assertThat(verdictOf(r, log).reason()).contains("unexpected data after end of compressed stream");
    }

    @Test
    void aSecondGzipMemberAppended_isModified() {
        SignedTrail t = trail();
        String log = t.logKeys.get(1);
        byte[] gz = t.objects.get(log);
        byte[] member = SignedTrail.gzip("{\"Records\":[]}".getBytes(StandardCharsets.UTF_8));
        byte[] more = Arrays.copyOf(gz, gz.length + member.length);
        System.arraycopy(member, 0, more, gz.length, member.length);
        t.objects.put(log, more);
        assertThat(verdictOf(verify(t), log).reason()).contains("unexpected data after end of compressed stream");
    }

    @Test
    void digestMovedFromItsOriginalLocation_isModified() throws IOException {
        SignedTrail t = trail();
        String key = t.digestKeys.get(3);
        String moved = key.replace("20240301T040000Z", "20240301T040001Z");
        t.objects.put(moved, t.objects.remove(key));
        t.metadata.put(moved, t.metadata.remove(key));
        VerificationReport r = verify(t);
        assertThat(verdictOf(r, moved).verdict()).isEqualTo(Verdict.MODIFIED);
        assertThat(verdictOf(r, moved).reason())
                .contains("has been moved from its original location s3://" + SignedTrail.BUCKET + "/" + key);
    }

    @Test
    void digestWithoutSidecar_isVerifiedByTheNewerDigestsPreviousSignature() throws IOException {
        SignedTrail t = trail();
        t.writeTo(dir);
        Files.delete(dir.resolve(t.digestKeys.get(1) + LocalTrailStore.METADATA_SUFFIX));
        VerificationReport r = DigestVerifier.of(t.publicKeys()).verify(LocalTrailStore.of(dir), SignedTrail.PREFIX);
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void newestDigestWithoutSidecar_hasNoSignature() throws IOException {
        SignedTrail t = trail();
        t.writeTo(dir);
        String newest = t.digestKeys.get(3);
        Files.delete(dir.resolve(newest + LocalTrailStore.METADATA_SUFFIX));
        VerificationReport r = DigestVerifier.of(t.publicKeys()).verify(LocalTrailStore.of(dir), SignedTrail.PREFIX);
        assertThat(problems(r)).containsExactly("SIGNATURE_INVALID " + newest);
        assertThat(verdictOf(r, newest).reason()).contains("no signature");
    }

    @Test
    void restartedChain_isAGapNotAFailure() {
        SignedTrail t = trail();
        String key = t.digestKeys.get(2);
        DigestFile d = t.digest(key);
        DigestFile restarted = DigestFile.builder()
                .from(d)
                .digestStartTime("2024-03-01T02:30:00Z")
                .previousDigestS3Bucket(java.util.Optional.empty())
                .previousDigestS3Object(java.util.Optional.empty())
                .previousDigestHashValue(java.util.Optional.empty())
                .previousDigestHashAlgorithm(java.util.Optional.empty())
                .previousDigestSignature(java.util.Optional.empty())
                .build();
        t.put(restarted, keyPair.getPrivate());
        // re-sign the next digest so that it links to the restarted one
        DigestFile next = t.digest(t.digestKeys.get(3));
        t.put(
                DigestFile.builder()
                        .from(next)
                        .previousDigestHashValue(
                                Hex.encode(Hex.sha256().digest(SignedTrail.gunzip(t.objects.get(key)))))
                        .previousDigestSignature(t.metadata.get(key).get("signature"))
                        .build(),
                keyPair.getPrivate());
        VerificationReport r = verify(t);
        assertThat(r.problems()).isEmpty();
        assertThat(r.gaps())
                .singleElement()
                .asString()
                .startsWith("No log files were delivered by CloudTrail between 2024-03-01T02:00:00Z and"
                        + " 2024-03-01T02:30:00Z");
    }

    @Test
    void backfillDigest_formsItsOwnChain_andNeedsItsGenerationTimestamp() {
        SignedTrail t = trail();
        java.time.Instant delivered = SignedTrail.START.plusSeconds(1200);
        String late = SignedTrail.logKey(delivered, "LateLogBackfilled");
        byte[] gz = SignedTrail.logFile(delivered, 42);
        t.objects.put(late, gz);
        String key =
                SignedTrail.digestKey(SignedTrail.START.plusSeconds(3600)).replace(".json.gz", "_backfill.json.gz");
        DigestFile backfill = DigestFile.builder()
                .from(t.digest(t.digestKeys.get(0)))
                .digestS3Object(key)
                .logFiles(List.of(DigestLogFile.builder()
                        .s3Bucket(SignedTrail.BUCKET)
                        .s3Object(late)
                        .hashValue(Hex.encode(Hex.sha256().digest(SignedTrail.gunzip(gz))))
                        .hashAlgorithm("SHA-256")
                        .build()))
                .build();
        t.put(backfill, keyPair.getPrivate());
        VerificationReport r = verify(t);
        assertThat(verdictOf(r, key).verdict()).isEqualTo(Verdict.MODIFIED);
        assertThat(verdictOf(r, key).reason()).contains("backfill-generation-timestamp");

        java.util.Map<String, String> m = new java.util.HashMap<>(t.metadata.get(key));
        m.put("backfill-generation-timestamp", "2024-03-02T00:00:00Z");
        t.metadata.put(key, m);
        r = verify(t);
        assertThat(r.problems()).isEmpty();
        assertThat(verdictOf(r, late).reason()).contains(key);
    }

    @Test
    void publicKeysFile_inListPublicKeysShape_andX509Keys() throws IOException {
        SignedTrail t = trail();
        Path keys = Files.writeString(dir.resolve("keys.json"), t.listPublicKeysJson());
        PublicKeys fromFile = PublicKeys.fromFile(keys);
        TrailPublicKey k = fromFile.find(SignedTrail.fingerprint(keyPair)).orElseThrow();
        assertThat(k.validityStart()).hasValue(java.time.Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(k.publicKey()).isEqualTo(keyPair.getPublic());
        assertThat(DigestVerifier.of(fromFile)
                        .verify(LocalTrailStore.of(t.writeTo(dir.resolve("t"))), SignedTrail.PREFIX)
                        .isValid())
                .isTrue();

        TrailPublicKey x509 =
                TrailPublicKey.of(keyPair.getPublic().getEncoded(), SignedTrail.fingerprint(keyPair), null, null);
        assertThat(x509.publicKey()).isEqualTo(keyPair.getPublic());
        assertThat(DigestVerifier.of(PublicKeys.of(x509))
                        .verify(LocalTrailStore.of(dir.resolve("t")), SignedTrail.PREFIX)
                        .isValid())
                .isTrue();
    }

    @Test
    void badPublicKeysFile_isNamed() throws IOException {
        Path keys = Files.writeString(dir.resolve("keys.json"), "{\"PublicKeyList\":[{\"Value\":\"AAAA\"}]}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PublicKeys.fromFile(keys))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(keys.toString())
                .hasMessageContaining("PublicKeyList[0]");
    }

    @Test
    void verdictsNameTheirType() {
        SignedTrail t = trail();
        VerificationReport r = verify(t);
        assertThat(r.files().get(0).type()).isEqualTo(FileType.DIGEST);
        assertThat(r.files().get(0).toString()).startsWith("VALID\tDigest file\t");
    }
}
