package io.github.trailkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trailkit.model.digest.SignedTrail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class VerifyCommandTest {
    private static KeyPair keyPair;

    @TempDir
    Path dir;

    @BeforeAll
    static void key() {
        keyPair = SignedTrail.newKeyPair();
    }

    private Path keysFile(SignedTrail t) throws IOException {
        return Files.writeString(dir.resolve("keys.json"), t.listPublicKeysJson());
    }

    @Test
    void validCopy_exitsZeroWithASummary() throws IOException {
        SignedTrail t = SignedTrail.build(3, keyPair);
        Path copy = t.writeTo(dir.resolve("copy"));
        Cli.Result r = Cli.run("verify", "--public-keys", keysFile(t), copy);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.lines()).containsExactly("3/3 digest files valid; 4/4 log files valid");
    }

    @Test
    void verbose_printsEveryFile() throws IOException {
        SignedTrail t = SignedTrail.build(2, keyPair);
        Path copy = t.writeTo(dir.resolve("copy"));
        Cli.Result r = Cli.run("verify", "--verbose", "--public-keys", keysFile(t), copy.resolve("AWSLogs"));
        assertThat(r.exit()).isZero();
        assertThat(r.lines()).hasSize(2 + 2 + 1);
        assertThat(r.lines().get(0))
                .startsWith("VALID\tDigest file\t" + copy.toAbsolutePath().normalize());
    }

    @Test
    void modifiedLog_exitsOneAndNamesTheFile() throws IOException {
        SignedTrail t = SignedTrail.build(3, keyPair);
        String log = t.logKeys.get(1);
        byte[] plain = SignedTrail.gunzip(t.objects.get(log));
        plain[10] ^= 1;
        t.objects.put(log, SignedTrail.gzip(plain));
        Path copy = t.writeTo(dir.resolve("copy"));
        Cli.Result r = Cli.run("verify", "--public-keys", keysFile(t), copy);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.lines()).hasSize(2);
        assertThat(r.lines().get(0))
                .startsWith("MODIFIED\tLog file\t")
                .contains(log)
                .contains("hash value doesn't match");
        assertThat(r.lines().get(1)).isEqualTo("3/3 digest files valid; 3/4 log files valid, 1 MODIFIED");
    }

    @Test
    void forgedLogWithItsDigestEntry_isUnverifiedAndExitsOne() throws IOException {
        SignedTrail t = SignedTrail.build(3, keyPair);
        String log = t.logKeys.get(0);
        String digest = t.forgeLogAndItsDigestEntry(log);
        Path copy = t.writeTo(dir.resolve("copy"));
        Cli.Result r = Cli.run("verify", "--public-keys", keysFile(t), copy);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.lines()).filteredOn(l -> l.startsWith("VALID")).isEmpty();
        assertThat(r.lines())
                .anySatisfy(l -> assertThat(l)
                        .startsWith("SIGNATURE_INVALID\tDigest file\t")
                        .contains(digest)
                        .contains("signature verification failed"));
        assertThat(r.lines())
                .anySatisfy(l -> assertThat(l)
                        .startsWith("UNVERIFIED\tLog file\t" + copy.resolve(log) + ": hash matches digest "
                                + copy.resolve(digest) + ", but that digest is SIGNATURE_INVALID"));
        assertThat(r.lines().get(r.lines().size() - 1))
                .isEqualTo(
                        "1/3 digest files valid, 1 SIGNATURE_INVALID, 1 CHAIN_BROKEN; 2/4 log files valid, 2 UNVERIFIED");
    }

    @Test
    void keyMissingForPartOfTheChain_isCountedApartAndExitsOne() throws IOException {
        SignedTrail t = SignedTrail.build(3, keyPair);
        KeyPair rotated = SignedTrail.newKeyPair();
        t.rotate(1, rotated);
        Path copy = t.writeTo(dir.resolve("copy"));
        // the keys file holds only the first key: digests 1 and 2 cannot be verified
        Cli.Result r = Cli.run("verify", "--public-keys", keysFile(t), copy);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.lines())
                .filteredOn(l -> l.startsWith("UNVERIFIED\tLog file\t"))
                .hasSize(2)
                .allSatisfy(l -> assertThat(l)
                        .contains("public key not found in region us-east-2 for fingerprint "
                                + SignedTrail.fingerprint(rotated)));
        assertThat(r.lines().get(r.lines().size() - 1))
                .isEqualTo("1/3 digest files valid, 2 SIGNATURE_INVALID; 2/4 log files valid, 2 UNVERIFIED");
    }

    /** REPRO b2c in small: a digest bomb ends in a verdict naming the limit, not an exhausted heap. */
    @Test
    void digestBomb_isLimitExceeded() throws IOException {
        String key = SignedTrail.digestKey(SignedTrail.START.plusSeconds(3600));
        Path f = dir.resolve("copy").resolve(key);
        Files.createDirectories(f.getParent());
        try (var gz = new java.util.zip.GZIPOutputStream(Files.newOutputStream(f))) {
            gz.write("{\"awsAccountId\":\"1\",".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] blanks = new byte[1 << 20];
            java.util.Arrays.fill(blanks, (byte) ' ');
            for (int i = 0; i < 16; i++) {
                gz.write(blanks);
            }
            gz.write("\"x\":1}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        Path keys = Files.writeString(dir.resolve("keys.json"), "{\"PublicKeyList\": []}");
        Cli.Result r = Cli.run("verify", "--public-keys", keys, dir.resolve("copy"));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.lines()).hasSize(2);
        assertThat(r.lines().get(0))
                .startsWith("LIMIT_EXCEEDED\tDigest file\t"
                        + dir.resolve("copy").resolve(key) + ": gzip data inflates more than 200 times");
        assertThat(r.lines().get(1)).isEqualTo("0/1 digest files valid, 1 LIMIT_EXCEEDED; 0/0 log files valid");
        assertThat(r.lines().get(0)).contains("limit maxInflateRatio = 200");
    }

    /** REPRO b6: a digest naming keys outside the copy is reported, and nothing outside is read. */
    @Test
    void keysOutsideTheCopy_areMissingNeverRead() throws IOException {
        SignedTrail t = SignedTrail.build(1, keyPair);
        String key = t.digestKeys.get(0);
        io.github.trailkit.model.digest.DigestFile.Builder b =
                io.github.trailkit.model.digest.DigestFile.builder().from(t.digest(key));
        for (String k : new String[] {"../../../../../../../../etc/passwd", "/etc/passwd"}) {
            b.addLogFiles(io.github.trailkit.model.digest.DigestLogFile.builder()
                    .s3Bucket(SignedTrail.BUCKET)
                    .s3Object(k)
                    .hashValue("00")
                    .hashAlgorithm("SHA-256")
                    .build());
        }
        t.put(b.build(), keyPair.getPrivate());
        Path copy = t.writeTo(dir.resolve("copy"));
        Cli.Result r = Cli.run("verify", "--public-keys", keysFile(t), copy);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.lines())
                .filteredOn(l -> l.startsWith("MISSING\tLog file\t"))
                .hasSize(2)
                .anySatisfy(l -> assertThat(l).contains("the key /etc/passwd leads outside " + copy + "; not read"))
                .anySatisfy(l -> assertThat(l).contains("the key ../../../../../../../../etc/passwd leads outside"));
    }

    @Test
    void missingKeysFile_isAUsageError() {
        Cli.Result r = Cli.run("verify", "--public-keys", dir.resolve("nope.json"), dir);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("nope.json");
    }

    @Test
    void badKeysFile_isAProblemNamingIt() throws IOException {
        Path keys = Files.writeString(dir.resolve("keys.json"), "{}");
        Cli.Result r = Cli.run("verify", "--public-keys", keys, dir);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(keys.toString()).contains("PublicKeyList");
    }
}
