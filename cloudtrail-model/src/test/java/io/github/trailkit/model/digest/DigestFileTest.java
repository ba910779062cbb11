package io.github.trailkit.model.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The digest samples AWS publishes (test resources samples/digest, provenance in samples/README.md). */
final class DigestFileTest {
    private static final Path SAMPLES = Path.of("src", "test", "resources", "samples", "digest");

    @Test
    void publishedSample_parses() throws IOException {
        byte[] bytes = Files.readAllBytes(SAMPLES.resolve("digest-sample.json"));
        DigestFile d = DigestFile.parse(bytes, "digest-sample.json");
        assertThat(d.awsAccountId()).hasValue("111122223333");
        assertThat(d.startTime()).isEqualTo(Instant.parse("2015-08-17T14:01:31Z"));
        assertThat(d.digestEndTime()).isEqualTo("2015-08-17T15:01:31Z");
        assertThat(d.digestPublicKeyFingerprint()).isEqualTo("31e8b5433410dfb61a9dc45cc65b22ff");
        assertThat(d.digestSignatureAlgorithm()).hasValue("SHA256withRSA");
        assertThat(d.isStartOfChain()).isFalse();
        assertThat(d.previousDigestHashAlgorithm()).hasValue("SHA-256");
        assertThat(d.previousDigestSignature().orElseThrow()).hasSize(512);
        assertThat(d.logFiles()).singleElement().satisfies(f -> {
            assertThat(f.s3Bucket()).isEqualTo("S3-bucket-name");
            assertThat(f.hashValue()).isEqualTo("9bb6196fc6b84d6f075a56548feca262bd99ba3c2de41b618e5b6e22c1fc71f6");
            assertThat(f.newestEventTime()).hasValue("2015-08-17T14:52:27Z");
        });
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(d.toJson())).isEqualTo(json.readTree(bytes));
    }

    @Test
    void emptyHourSample_hasNullTimesAndNoLogFiles() throws IOException {
        byte[] bytes = Files.readAllBytes(SAMPLES.resolve("digest-empty-hour.json"));
        DigestFile d = DigestFile.parse(SignedTrail.gzip(bytes), "digest-empty-hour.json.gz");
        assertThat(d.logFiles()).isEmpty();
        assertThat(d.newestEventTime()).isEmpty();
        assertThat(d.oldestEventTime()).isEmpty();
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(d.toJson())).isEqualTo(json.readTree(bytes));
    }

    @Test
    void unknownMembers_areKept() {
        String text = "{\"digestStartTime\":\"2015-08-17T14:01:31Z\",\"digestEndTime\":\"2015-08-17T15:01:31Z\","
                + "\"digestS3Bucket\":\"b\",\"digestS3Object\":\"k\",\"digestPublicKeyFingerprint\":\"ab\","
                + "\"newField\":{\"x\":[1,2]},\"logFiles\":[{\"s3Bucket\":\"b\",\"s3Object\":\"l\",\"hashValue\":\"00\","
                + "\"hashAlgorithm\":\"SHA-256\",\"extra\":true}]}";
        DigestFile d = DigestFile.parse(text.getBytes(StandardCharsets.UTF_8), "x");
        assertThat(d.otherFields().get("newField").path("x").toJson()).isEqualTo("[1,2]");
        assertThat(d.logFiles().get(0).otherFields()).containsKey("extra");
        assertThat(d.isStartOfChain()).isTrue();
    }

    @Test
    void errors_nameTheFile() {
        assertThatThrownBy(() -> DigestFile.parse(
                        "{\"digestStartTime\":\"2015-08-17T14:01:31Z\"}".getBytes(StandardCharsets.UTF_8),
                        "AWSLogs/x/digest.json.gz"))
                .isInstanceOf(DigestParseException.class)
                .hasMessageStartingWith("AWSLogs/x/digest.json.gz")
                .hasMessageContaining("missing required field");
        assertThatThrownBy(() -> DigestFile.parse("[]".getBytes(StandardCharsets.UTF_8), "d.json"))
                .isInstanceOf(DigestParseException.class)
                .hasMessageStartingWith("d.json");
        assertThatThrownBy(() -> DigestFile.parse(
                        "{\"digestStartTime\":\"yesterday\"}".getBytes(StandardCharsets.UTF_8), "d.json"))
                .hasMessageContaining("digestStartTime is not a UTC time");
        byte[] truncated = java.util.Arrays.copyOf(SignedTrail.gzip("{}".getBytes(StandardCharsets.UTF_8)), 12);
        assertThatThrownBy(() -> DigestFile.parse(truncated, "t.json.gz"))
                .isInstanceOf(DigestParseException.class)
                .hasMessageStartingWith("t.json.gz");
    }
}
