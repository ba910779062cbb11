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
        assertThat(r.lines().get(0)).startsWith("VALID\tDigest file\t" + copy.toAbsolutePath().normalize());
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
        assertThat(r.lines().get(0)).startsWith("MODIFIED\tLog file\t").contains(log).contains("hash value doesn't match");
        assertThat(r.lines().get(1)).isEqualTo("3/3 digest files valid; 3/4 log files valid, 1 MODIFIED");
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
