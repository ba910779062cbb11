package io.github.trailkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trailkit.lambda.testing.LoopbackS3;
import io.github.trailkit.lambda.testing.RecordingAwsEndpoint;
import io.github.trailkit.lambda.testing.RecordingAwsEndpoint.PublicKeyAnswer;
import io.github.trailkit.model.digest.SignedTrail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;

/**
 * {@code cloudtrail verify s3://bucket/prefix}: a signed chain in an S3-compatible server on loopback (signatures as
 * object metadata), read with the command's own S3 client through {@code --endpoint-url}, with the SDK's default
 * credentials (system properties here; the server accepts any).
 */
final class VerifyS3CommandTest {
    private static LoopbackS3 s3;
    private static RecordingAwsEndpoint aws;
    private static KeyPair keyPair;
    private static String accessKey;
    private static String secretKey;
    private static Function<String, CloudTrailClient> originalClients;

    @TempDir
    Path dir;

    private SignedTrail trail;

    @BeforeAll
    static void start() {
        s3 = LoopbackS3.inMemory();
        s3.createBucket(SignedTrail.BUCKET);
        aws = RecordingAwsEndpoint.start();
        keyPair = SignedTrail.newKeyPair();
        accessKey = System.setProperty("aws.accessKeyId", "AKIDVERIFYTEST");
        secretKey = System.setProperty("aws.secretAccessKey", "verify-secret");
        originalClients = VerifyCommand.cloudTrailClients;
    }

    @AfterAll
    static void stop() {
        restore("aws.accessKeyId", accessKey);
        restore("aws.secretAccessKey", secretKey);
        VerifyCommand.cloudTrailClients = originalClients;
        aws.close();
        s3.close();
    }

    private static void restore(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }

    @BeforeEach
    void upload() {
        aws.reset();
        trail = SignedTrail.build(3, keyPair);
        put();
    }

    @AfterEach
    void empty() {
        for (String key : trail.objects.keySet()) {
            s3.delete(SignedTrail.BUCKET, key);
        }
    }

    private void put() {
        for (Map.Entry<String, byte[]> o : trail.objects.entrySet()) {
            s3.put(SignedTrail.BUCKET, o.getKey(), o.getValue(), trail.metadata.getOrDefault(o.getKey(), Map.of()));
        }
    }

    private Path keysFile() throws IOException {
        return Files.writeString(dir.resolve("keys.json"), trail.listPublicKeysJson());
    }

    private static String uri() {
        return "s3://" + SignedTrail.BUCKET + "/" + SignedTrail.PREFIX;
    }

    @Test
    void signedChainInTheBucket_isValid() throws IOException {
        Cli.Result r =
                Cli.run("verify", "--verbose", "--public-keys", keysFile(), "--endpoint-url", s3.endpoint(), uri());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.lines()).hasSize(3 + 4 + 1);
        assertThat(r.lines().get(0))
                .startsWith("VALID\tDigest file\ts3://" + SignedTrail.BUCKET + "/" + trail.digestKeys.get(0));
        assertThat(r.lines()).last().isEqualTo("3/3 digest files valid; 4/4 log files valid");
    }

    @Test
    void tamperedLog_exitsOneAndNamesTheObject() throws IOException {
        String log = trail.logKeys.get(2);
        byte[] plain = SignedTrail.gunzip(trail.objects.get(log));
        plain[plain.length - 4] ^= 1;
        s3.put(SignedTrail.BUCKET, log, SignedTrail.gzip(plain));

        Cli.Result r = Cli.run(
                "verify",
                "--public-keys",
                keysFile(),
                "--endpoint-url",
                s3.endpoint(),
                "--region",
                "us-east-2",
                "s3://" + SignedTrail.BUCKET + "/AWSLogs");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.lines())
                .containsExactly(
                        "MODIFIED\tLog file\ts3://" + SignedTrail.BUCKET + "/" + log
                                + ": hash value doesn't match (listed in" + " digest s3://" + SignedTrail.BUCKET + "/"
                                + trail.digestKeys.get(1) + ")",
                        "3/3 digest files valid; 3/4 log files valid, 1 MODIFIED");
    }

    @Test
    void withoutAKeysFile_fetchesTheKeysOfTheDigestsRegion() {
        Instant from = Instant.parse("2024-01-01T00:00:00Z");
        aws.publicKeys(List.of(new PublicKeyAnswer(
                SignedTrail.pkcs1(keyPair), SignedTrail.fingerprint(keyPair), from, from.plusSeconds(366 * 86400))));
        List<String> regions = new java.util.ArrayList<>();
        VerifyCommand.cloudTrailClients = region -> {
            regions.add(region);
            return CloudTrailClient.builder()
                    .endpointOverride(aws.uri())
                    .region(Region.of(region))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "s")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
        };
        try {
            Cli.Result r = Cli.run("verify", "--endpoint-url", s3.endpoint(), uri());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.lines()).containsExactly("3/3 digest files valid; 4/4 log files valid");
            assertThat(regions).containsExactly(SignedTrail.REGION);
            assertThat(aws.requests("ListPublicKeys")).hasSize(1);

            aws.failAlways(403);
            Cli.Result denied = Cli.run("verify", "--fetch-public-keys", "--endpoint-url", s3.endpoint(), uri());
            assertThat(denied.exit()).isEqualTo(1);
            assertThat(denied.err()).contains("cloudtrail:ListPublicKeys").contains("--public-keys");
        } finally {
            VerifyCommand.cloudTrailClients = originalClients;
        }
    }

    @Test
    void noSuchBucket_isAProblemNamingIt() throws IOException {
        Cli.Result r = Cli.run(
                "verify", "--public-keys", keysFile(), "--endpoint-url", s3.endpoint(), "s3://no-such-bucket/AWSLogs/");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("s3://no-such-bucket/AWSLogs/");
    }

    @Test
    void bothKeySources_isAUsageError() throws IOException {
        Cli.Result r = Cli.run("verify", "--public-keys", keysFile(), "--fetch-public-keys", uri());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(S3Locations.prefixOf("s3://b")).isEmpty();
        assertThat(S3Locations.prefixOf("s3://b/AWSLogs/1")).isEqualTo("AWSLogs/1/");
        assertThat(S3Locations.bucketOf("s3://b/AWSLogs/1")).isEqualTo("b");
    }
}
