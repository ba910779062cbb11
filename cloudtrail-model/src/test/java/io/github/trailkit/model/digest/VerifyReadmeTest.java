package io.github.trailkit.model.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** README "Verify log integrity": the Java block is this compiled code, verbatim, and it runs on a signed trail. */
final class VerifyReadmeTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Path SOURCE = Path.of("src/test/java/io/github/trailkit/model/digest/VerifyReadmeTest.java");

    @TempDir
    Path dir;

    boolean verifyCopy(Path keysJson, Path bucketCopy) {
        // README:verify
        PublicKeys keys =
                PublicKeys.fromFile(keysJson); // aws cloudtrail list-public-keys --region us-east-2 > keys.json
        VerificationReport report =
                DigestVerifier.of(keys).verify(LocalTrailStore.of(bucketCopy), "AWSLogs/111122223333/");
        report.problems().forEach(f -> System.err.println(f.verdict() + " " + f.reason()));
        System.out.println(report.summary()); // 3/3 digest files valid; 4/4 log files valid
        return report.isValid();
        // README:verify
    }

    @Test
    void snippet_runsOnASignedTrail() throws IOException {
        SignedTrail t = SignedTrail.build(3, SignedTrail.newKeyPair());
        Path keys = Files.writeString(dir.resolve("keys.json"), t.listPublicKeysJson());
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        boolean valid;
        try {
            valid = verifyCopy(keys, t.writeTo(dir.resolve("copy")));
        } finally {
            System.setOut(original);
        }
        assertThat(valid).isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("3/3 digest files valid; 4/4 log files valid");
    }

    @Test
    void readmeHoldsTheSnippetVerbatim() throws IOException {
        Matcher m = Pattern.compile("// README:verify\\n(.*?)\\n\\s*// README:verify", Pattern.DOTALL)
                .matcher(Files.readString(SOURCE));
        assertThat(m.find()).isTrue();
        String region = m.group(1).stripIndent().stripTrailing();
        assertThat(Files.readString(README)).contains("```java\n" + region + "\n```");
    }
}
