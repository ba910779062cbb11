package io.github.trailkit.lambda.digest;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trailkit.lambda.testing.LoopbackS3;
import io.github.trailkit.model.digest.DigestVerifier;
import io.github.trailkit.model.digest.FileVerdict;
import io.github.trailkit.model.digest.SignedTrail;
import io.github.trailkit.model.digest.Verdict;
import io.github.trailkit.model.digest.VerificationReport;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** A signed trail in an S3-compatible server on loopback, signatures as object metadata, verified and tampered. */
final class S3TrailStoreTest {
    private static LoopbackS3 s3;
    private static S3Client client;
    private static KeyPair keyPair;
    private static KeyPair otherKeyPair;

    private String bucket;
    private SignedTrail trail;

    @BeforeAll
    static void start() {
        s3 = LoopbackS3.inMemory();
        client = s3.handlerClient();
        keyPair = SignedTrail.newKeyPair();
        otherKeyPair = SignedTrail.newKeyPair();
    }

    @AfterAll
    static void stop() {
        s3.close();
    }

    @BeforeEach
    void newTrail() {
        // digests name SignedTrail.BUCKET: each test empties and refills that bucket
        bucket = SignedTrail.BUCKET;
        trail = SignedTrail.build(3, keyPair);
    }

    private VerificationReport upload() {
        try {
            s3.createBucket(bucket);
        } catch (RuntimeException alreadyThere) {
            client.listObjectsV2Paginator(l -> l.bucket(bucket)).contents().forEach(o -> s3.delete(bucket, o.key()));
        }
        for (Map.Entry<String, byte[]> o : trail.objects.entrySet()) {
            s3.put(bucket, o.getKey(), o.getValue(), trail.metadata.getOrDefault(o.getKey(), Map.of()));
        }
        return DigestVerifier.of(trail.publicKeys()).verify(S3TrailStore.of(client, bucket), SignedTrail.PREFIX);
    }

    private static FileVerdict verdictOf(VerificationReport r, String key) {
        return r.files().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void signedChain_isValid_withSignaturesFromMetadata() {
        VerificationReport r = upload();
        assertThat(r.problems()).isEmpty();
        assertThat(r.summary()).isEqualTo("3/3 digest files valid; 4/4 log files valid");
        assertThat(r.files().get(0).location()).startsWith("s3://" + bucket + "/AWSLogs/");
    }

    @Test
    void tampering_isDetectedAndNamed() {
        String changed = trail.logKeys.get(0);
        byte[] plain = SignedTrail.gunzip(trail.objects.get(changed));
        plain[plain.length - 5] ^= 1;
        trail.objects.put(changed, SignedTrail.gzip(plain));
        String deleted = trail.logKeys.get(1);
        trail.objects.remove(deleted);
        String appended = trail.logKeys.get(2);
        byte[] gz = trail.objects.get(appended);
        byte[] more = Arrays.copyOf(gz, gz.length + 3);
        System.arraycopy("xyz".getBytes(StandardCharsets.US_ASCII), 0, more, gz.length, 3);
        trail.objects.put(appended, more);
        String unlisted = SignedTrail.logKey(SignedTrail.START.plusSeconds(600), "UnlistedLogFile01");
        trail.objects.put(unlisted, SignedTrail.logFile(SignedTrail.START.plusSeconds(600), 5));
        String wrongKey = trail.digestKeys.get(2);
        trail.put(trail.digest(wrongKey), otherKeyPair.getPrivate());

        VerificationReport r = upload();
        assertThat(verdictOf(r, changed).verdict()).isEqualTo(Verdict.MODIFIED);
        assertThat(verdictOf(r, changed).reason()).startsWith("s3://" + bucket + "/" + changed + ": hash value");
        assertThat(verdictOf(r, deleted).verdict()).isEqualTo(Verdict.MISSING);
        assertThat(verdictOf(r, appended).reason()).contains("unexpected data after end of compressed stream");
        assertThat(verdictOf(r, unlisted).verdict()).isEqualTo(Verdict.NOT_COVERED);
        assertThat(verdictOf(r, wrongKey).verdict()).isEqualTo(Verdict.SIGNATURE_INVALID);
        assertThat(r.problems()).hasSize(5);
    }

    @Test
    void digestWithoutSignatureMetadata_isSignatureInvalid() {
        String newest = trail.digestKeys.get(2);
        trail.metadata.remove(newest);
        VerificationReport r = upload();
        assertThat(r.problems()).singleElement().satisfies(f -> {
            assertThat(f.key()).isEqualTo(newest);
            assertThat(f.verdict()).isEqualTo(Verdict.SIGNATURE_INVALID);
        });
    }
}
