package io.github.trailkit.lambda.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.trailkit.lambda.testing.LoopbackS3;
import io.github.trailkit.lambda.testing.RecordingAwsEndpoint;
import io.github.trailkit.lambda.testing.RecordingAwsEndpoint.PublicKeyAnswer;
import io.github.trailkit.lambda.testing.RecordingAwsEndpoint.Request;
import io.github.trailkit.model.digest.DigestVerifier;
import io.github.trailkit.model.digest.LocalTrailStore;
import io.github.trailkit.model.digest.PublicKeys;
import io.github.trailkit.model.digest.SignedTrail;
import io.github.trailkit.model.digest.TrailPublicKey;
import io.github.trailkit.model.digest.Verdict;
import io.github.trailkit.model.digest.VerificationReport;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.CloudTrailException;
import software.amazon.awssdk.services.s3.S3Client;

/** ListPublicKeys through a real CloudTrailClient, answered on loopback in the CloudTrail JSON protocol. */
final class CloudTrailPublicKeysTest {
    static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
    static final Instant TO = Instant.parse("2025-01-01T00:00:00Z");

    static RecordingAwsEndpoint aws;
    static KeyPair keyPair;
    static KeyPair otherKeyPair;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        aws = RecordingAwsEndpoint.start();
        keyPair = SignedTrail.newKeyPair();
        otherKeyPair = SignedTrail.newKeyPair();
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    @BeforeEach
    void twoKeys() {
        aws.reset();
        aws.publicKeys(List.of(
                new PublicKeyAnswer(SignedTrail.pkcs1(otherKeyPair), SignedTrail.fingerprint(otherKeyPair), FROM, TO),
                new PublicKeyAnswer(SignedTrail.pkcs1(keyPair), SignedTrail.fingerprint(keyPair), FROM, TO)));
    }

    @Test
    void fetch_mapsEveryPageToKeysThatVerifyASignedChain() {
        PublicKeys keys = CloudTrailPublicKeys.fetch(aws.cloudTrailClient(), SignedTrail.START, TO);

        assertThat(keys.keys())
                .extracting(TrailPublicKey::fingerprint)
                .containsExactly(SignedTrail.fingerprint(otherKeyPair), SignedTrail.fingerprint(keyPair));
        TrailPublicKey k = keys.find(SignedTrail.fingerprint(keyPair)).orElseThrow();
        assertThat(k.validityStart()).contains(FROM);
        assertThat(k.validityEnd()).contains(TO);

        List<Request> calls = aws.requests("ListPublicKeys");
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).header("X-Amz-Target"))
                .isEqualTo("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.ListPublicKeys");
        assertThat(calls.get(0).header("Content-Type")).startsWith("application/x-amz-json-1.1");
        assertThat(calls.get(0).json().get("StartTime").asLong()).isEqualTo(SignedTrail.START.getEpochSecond());
        assertThat(calls.get(0).json().get("EndTime").asLong()).isEqualTo(TO.getEpochSecond());
        assertThat(calls.get(1).json().get("NextToken").asText()).isEqualTo("page-1");

        SignedTrail trail = SignedTrail.build(3, keyPair);
        VerificationReport r =
                DigestVerifier.of(keys).verify(LocalTrailStore.of(trail.writeTo(dir)), SignedTrail.PREFIX);
        assertThat(r.problems()).isEmpty();
        assertThat(r.summary()).isEqualTo("3/3 digest files valid; 4/4 log files valid");
    }

    @Test
    void fetch_withoutTheSigningKey_leavesTheDigestsSignatureInvalid() {
        aws.publicKeys(List.of(
                new PublicKeyAnswer(SignedTrail.pkcs1(otherKeyPair), SignedTrail.fingerprint(otherKeyPair), FROM, TO)));
        PublicKeys keys = CloudTrailPublicKeys.fetch(aws.cloudTrailClient(), null, null);
        assertThat(aws.requests("ListPublicKeys").get(0).json().has("StartTime"))
                .isFalse();

        SignedTrail trail = SignedTrail.build(2, keyPair);
        VerificationReport r =
                DigestVerifier.of(keys).verify(LocalTrailStore.of(trail.writeTo(dir)), SignedTrail.PREFIX);
        assertThat(r.digests()).allSatisfy(f -> {
            assertThat(f.verdict()).isEqualTo(Verdict.SIGNATURE_INVALID);
            assertThat(f.reason()).contains("public key not found in region us-east-2");
        });
    }

    @Test
    void forDigests_asksTheDigestsRegionForTheTimeTheySpan() throws IOException {
        SignedTrail trail = SignedTrail.build(3, keyPair);
        List<String> regions = new ArrayList<>();
        PublicKeys keys =
                CloudTrailPublicKeys.forDigests(LocalTrailStore.of(trail.writeTo(dir)), SignedTrail.PREFIX, region -> {
                    regions.add(region);
                    return aws.cloudTrailClient();
                });
        assertThat(regions).containsExactly(SignedTrail.REGION);
        assertThat(keys.find(SignedTrail.fingerprint(keyPair))).isPresent();
        Request first = aws.requests("ListPublicKeys").get(0);
        // the digests end at 01:00, 02:00 and 03:00; the first covers the hour before its end
        assertThat(Instant.ofEpochSecond(first.json().get("StartTime").asLong()))
                .isBeforeOrEqualTo(SignedTrail.START);
        assertThat(Instant.ofEpochSecond(first.json().get("EndTime").asLong()))
                .isEqualTo(SignedTrail.START.plusSeconds(3 * 3600));
    }

    VerificationReport readmeFetchAndVerify(CloudTrailClient cloudTrail, S3Client s3) {
        // README:fetch-keys
        // cloudTrail: CloudTrailClient.builder().region(Region.US_EAST_2).build(), for the digests' region
        PublicKeys keys = CloudTrailPublicKeys.fetch(cloudTrail, Instant.parse("2024-03-01T00:00:00Z"), Instant.now());
        VerificationReport report =
                DigestVerifier.of(keys).verify(S3TrailStore.of(s3, "trail-bucket"), "AWSLogs/111122223333/");
        System.out.println(report.summary()); // 3/3 digest files valid; 4/4 log files valid
        // README:fetch-keys
        return report;
    }

    @Test
    void readmeSnippet_fetchesKeysAndVerifiesABucket() {
        SignedTrail trail = SignedTrail.build(3, keyPair);
        try (LoopbackS3 s3 = LoopbackS3.inMemory()) {
            s3.createBucket(SignedTrail.BUCKET);
            trail.objects.forEach((k, v) -> s3.put(SignedTrail.BUCKET, k, v, trail.metadata.getOrDefault(k, Map.of())));
            VerificationReport r = readmeFetchAndVerify(aws.cloudTrailClient(), s3.handlerClient());
            assertThat(r.summary()).isEqualTo("3/3 digest files valid; 4/4 log files valid");
        }
    }

    @Test
    void aFailedCall_isTheSdksException() {
        aws.failNext(1, 403);
        assertThatThrownBy(() -> CloudTrailPublicKeys.fetch(aws.cloudTrailClient(), FROM, TO))
                .isInstanceOf(CloudTrailException.class);
    }
}
