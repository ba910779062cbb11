package io.github.trailkit.lambda.handler;

import static io.github.trailkit.lambda.testing.TriggerEvents.s3Event;
import static io.github.trailkit.lambda.testing.TriggerEvents.sqs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.trailkit.lambda.TrailkitHandler;
import io.github.trailkit.lambda.testing.LoopbackS3;
import io.github.trailkit.lambda.testing.RecordingAwsEndpoint;
import io.github.trailkit.lambda.testing.RecordingAwsEndpoint.PublicKeyAnswer;
import io.github.trailkit.lambda.testing.RecordingAwsEndpoint.SnsMessage;
import io.github.trailkit.model.digest.SignedTrail;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Digest mode end to end: a real signed trail (log files, digests, signatures as object metadata) in an S3-compatible
 * server on loopback, a digest's S3 notification handed to the handler, public keys from ListPublicKeys on a loopback
 * endpoint, and integrity findings published through a real SNS client.
 */
class DigestModeHandlerTest {
    static final String TOPIC = "arn:aws:sns:us-east-2:111122223333:trailkit-findings";
    static final String BUCKET = SignedTrail.BUCKET;
    static final ObjectMapper JSON = new ObjectMapper();

    static LoopbackS3 s3;
    static RecordingAwsEndpoint aws;
    static KeyPair keyPair;

    final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    final PrintStream logOut = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
    SignedTrail trail;

    @BeforeAll
    static void start() {
        s3 = LoopbackS3.inMemory();
        s3.createBucket(BUCKET);
        aws = RecordingAwsEndpoint.start();
        keyPair = SignedTrail.newKeyPair();
        Instant from = Instant.parse("2024-01-01T00:00:00Z");
        aws.publicKeys(List.of(new PublicKeyAnswer(
                SignedTrail.pkcs1(keyPair), SignedTrail.fingerprint(keyPair), from, from.plusSeconds(366 * 86400))));
    }

    @AfterAll
    static void stop() {
        aws.close();
        s3.close();
    }

    @BeforeEach
    void upload() {
        aws.reset();
        trail = SignedTrail.build(3, keyPair);
        for (Map.Entry<String, byte[]> o : trail.objects.entrySet()) {
            s3.put(BUCKET, o.getKey(), o.getValue(), trail.metadata.getOrDefault(o.getKey(), Map.of()));
        }
    }

    @AfterEach
    void empty() {
        s3.clearFaults();
        trail.objects.keySet().forEach(k -> s3.delete(BUCKET, k));
    }

    /** As deployed: configured by the environment, digest mode on, keys fetched with the CloudTrail client. */
    TrailkitHandler handler(Map<String, String> moreEnv) {
        Map<String, String> env = new HashMap<>(Map.of(
                "TRAILKIT_RULES", "classpath:/rules/sns-topic-created.yaml",
                "TRAILKIT_SNS_TOPIC_ARN", TOPIC,
                "TRAILKIT_VERIFY_DIGESTS", "true"));
        env.putAll(moreEnv);
        return TrailkitHandler.builder()
                .environment(env)
                .s3(s3.handlerClient())
                .sns(aws.snsClient())
                .cloudTrail(aws.cloudTrailClient())
                .logTo(logOut)
                .build();
    }

    static JsonNode invoke(TrailkitHandler handler, String event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
            return JSON.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<JsonNode> logLines(String message) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : logBytes.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                try {
                    JsonNode n = JSON.readTree(line);
                    if (n.path("message").asText().equals(message)) {
                        lines.add(n);
                    }
                } catch (IOException e) {
                    throw new AssertionError("log line is not JSON: " + line, e);
                }
            }
        }
        return lines;
    }

    @Test
    void aValidDigest_isVerifiedWithFetchedKeys_andGivesNoFinding() {
        String digest = trail.digestKeys.get(1);
        JsonNode summary = invoke(handler(Map.of()), s3Event(BUCKET, digest));

        assertThat(summary.path("skipped").asLong()).isZero();
        assertThat(summary.path("read").asLong()).isEqualTo(1);
        assertThat(summary.path("findings").asLong()).isZero();
        assertThat(aws.snsPublished()).isEmpty();
        assertThat(aws.requests("ListPublicKeys")).hasSize(1);
        assertThat(logLines("digest verified")).singleElement().satisfies(l -> {
            assertThat(l.path("key").asText()).isEqualTo(digest);
            assertThat(l.path("summary").asText()).isEqualTo("1/1 digest files valid; 2/2 log files valid");
        });
        // the digest and the log files it lists were read, and the previous digest for the chain link
        assertThat(s3.gets())
                .anyMatch(p -> p.endsWith(trail.digestKeys.get(0)))
                .anyMatch(p -> p.endsWith(trail.logKeys.get(2)))
                .anyMatch(p -> p.endsWith(trail.logKeys.get(3)))
                .noneMatch(p -> p.endsWith(trail.logKeys.get(0)));
    }

    @Test
    void aTamperedLog_isOneCriticalFindingOnSns_namingTheLogFile() {
        String log = trail.logKeys.get(2);
        byte[] plain = SignedTrail.gunzip(trail.objects.get(log));
        plain[plain.length - 4] ^= 1;
        s3.put(BUCKET, log, SignedTrail.gzip(plain));
        String digest = trail.digestKeys.get(1);
        TrailkitHandler handler = TrailkitHandler.builder()
                .rules(io.github.trailkit.rules.RuleSet.of(List.of()))
                .environment(Map.of("TRAILKIT_SNS_TOPIC_ARN", TOPIC)) // and the log sink, by default
                .verifyDigests(trail.publicKeys())
                .s3(s3.handlerClient())
                .sns(aws.snsClient())
                .logTo(logOut)
                .build();

        JsonNode summary = invoke(handler, s3Event(BUCKET, digest));

        assertThat(summary.path("skipped").asLong()).isZero();
        assertThat(summary.path("findings").asLong()).isEqualTo(1);
        assertThat(summary.path("delivered").asLong()).isEqualTo(1);
        assertThat(aws.requests("ListPublicKeys")).isEmpty();
        List<SnsMessage> published = aws.snsPublished();
        assertThat(published).singleElement().satisfies(m -> {
            assertThat(m.topicArn()).isEqualTo(TOPIC);
            assertThat(m.attributes())
                    .containsEntry("ruleId", "trailkit-log-integrity")
                    .containsEntry("severity", "CRITICAL");
            assertThat(m.subject()).startsWith("[CRITICAL] trailkit-log-integrity: MODIFIED in 111122223333 us-east-2");
            assertThat(m.message()).contains("s3://" + BUCKET + "/" + log, "hash value doesn't match");
        });
        assertThat(logLines("finding")).singleElement().satisfies(l -> {
            JsonNode f = l.path("finding");
            assertThat(f.path("severity").asText()).isEqualTo("CRITICAL");
            assertThat(f.path("eventSource").asText()).isEqualTo("trailkit");
            assertThat(f.path("eventName").asText()).isEqualTo("MODIFIED");
            assertThat(f.path("eventTime").asText()).isEqualTo("2024-03-01T02:00:00Z");
            assertThat(f.path("source").asText()).isEqualTo("s3://" + BUCKET + "/" + log);
        });
    }

    @Test
    void aDeletedLogAndABrokenSignature_areEachAFinding() {
        s3.delete(BUCKET, trail.logKeys.get(3));
        String digest = trail.digestKeys.get(1);
        s3.put(
                BUCKET,
                digest,
                trail.objects.get(digest),
                Map.of("signature", "00ff", "signature-algorithm", "SHA256withRSA"));

        JsonNode summary = invoke(handler(Map.of()), s3Event(BUCKET, digest));

        // the other log file of the digest is intact, but only a digest whose signature failed vouches for it
        assertThat(summary.path("findings").asLong()).isEqualTo(3);
        assertThat(aws.snsPublished())
                .extracting(SnsMessage::subject)
                .containsExactlyInAnyOrder(
                        "[CRITICAL] trailkit-log-integrity: SIGNATURE_INVALID in 111122223333 us-east-2",
                        "[CRITICAL] trailkit-log-integrity: MISSING in 111122223333 us-east-2",
                        "[CRITICAL] trailkit-log-integrity: UNVERIFIED in 111122223333 us-east-2");
    }

    TrailkitHandler fixedKeysHandler(
            io.github.trailkit.model.digest.PublicKeys keys,
            Map<String, String> env,
            io.github.trailkit.model.digest.DigestLimits limits) {
        Map<String, String> all = new HashMap<>(env);
        all.put("TRAILKIT_SNS_TOPIC_ARN", TOPIC);
        TrailkitHandler.Builder b = TrailkitHandler.builder()
                .rules(io.github.trailkit.rules.RuleSet.of(List.of()))
                .environment(all)
                .verifyDigests(keys)
                .s3(s3.handlerClient())
                .sns(aws.snsClient())
                .logTo(logOut);
        if (limits != null) {
            b.digestLimits(limits);
        }
        return b.build();
    }

    void reupload() {
        for (Map.Entry<String, byte[]> o : trail.objects.entrySet()) {
            s3.put(BUCKET, o.getKey(), o.getValue(), trail.metadata.getOrDefault(o.getKey(), Map.of()));
        }
    }

    @Test
    void aForgedLogWithItsDigestEntry_isNeverValid_andEachFileIsAFinding() {
        String log = trail.logKeys.get(2);
        String digest = trail.forgeLogAndItsDigestEntry(log);
        reupload();

        JsonNode summary = invoke(fixedKeysHandler(trail.publicKeys(), Map.of(), null), s3Event(BUCKET, digest));

        assertThat(summary.path("findings").asLong()).isEqualTo(3);
        assertThat(aws.snsPublished())
                .extracting(SnsMessage::subject)
                .containsExactlyInAnyOrder(
                        "[CRITICAL] trailkit-log-integrity: SIGNATURE_INVALID in 111122223333 us-east-2",
                        "[CRITICAL] trailkit-log-integrity: UNVERIFIED in 111122223333 us-east-2",
                        "[CRITICAL] trailkit-log-integrity: UNVERIFIED in 111122223333 us-east-2");
        assertThat(logLines("finding"))
                .filteredOn(l -> l.path("finding").path("source").asText().equals("s3://" + BUCKET + "/" + log))
                .singleElement()
                .satisfies(l -> {
                    JsonNode f = l.path("finding");
                    assertThat(f.path("eventName").asText()).isEqualTo("UNVERIFIED");
                    assertThat(f.path("severity").asText()).isEqualTo("CRITICAL");
                });
        assertThat(aws.snsPublished())
                .filteredOn(m -> m.message().contains("s3://" + BUCKET + "/" + log))
                .singleElement()
                .satisfies(m -> assertThat(m.message())
                        .contains("hash matches digest s3://" + BUCKET + "/" + digest)
                        .contains("SIGNATURE_INVALID"));
        assertThat(logLines("digest verification failed"))
                .singleElement()
                .satisfies(l -> assertThat(l.path("summary").asText())
                        .isEqualTo("0/1 digest files valid, 1 SIGNATURE_INVALID; 0/2 log files valid, 2 UNVERIFIED"));
    }

    @Test
    void aKeyMissingForPartOfTheChain_makesItsLogFilesUnverifiedFindings() {
        trail.rotate(1, SignedTrail.newKeyPair());
        reupload();
        // only the first key is known: digest 0 verifies, digest 1 (the rotated key) cannot be checked
        TrailkitHandler handler = fixedKeysHandler(trail.publicKeys(), Map.of(), null);

        assertThat(invoke(handler, s3Event(BUCKET, trail.digestKeys.get(0)))
                        .path("findings")
                        .asLong())
                .isZero();
        JsonNode summary = invoke(handler, s3Event(BUCKET, trail.digestKeys.get(1)));

        assertThat(summary.path("findings").asLong()).isEqualTo(3);
        assertThat(logLines("finding"))
                .extracting(l -> l.path("finding").path("eventName").asText())
                .containsExactlyInAnyOrder("SIGNATURE_INVALID", "UNVERIFIED", "UNVERIFIED");
        assertThat(aws.snsPublished())
                .filteredOn(m -> m.subject().contains("UNVERIFIED"))
                .hasSize(2)
                .allSatisfy(m -> assertThat(m.message()).contains("public key not found in region us-east-2"));
    }

    /** The handler's object-size limit applies to digests too: over it, a LIMIT_EXCEEDED finding, nothing read. */
    @Test
    void aDigestOverTheObjectSizeLimit_isALimitExceededFinding() {
        String digest = trail.digestKeys.get(1);
        int before = s3.gets().size();
        JsonNode summary = invoke(
                fixedKeysHandler(trail.publicKeys(), Map.of("TRAILKIT_MAX_OBJECT_BYTES", "100"), null),
                s3Event(BUCKET, digest));

        assertThat(summary.path("findings").asLong()).isEqualTo(1);
        assertThat(aws.snsPublished()).singleElement().satisfies(m -> {
            assertThat(m.subject())
                    .isEqualTo("[CRITICAL] trailkit-log-integrity: LIMIT_EXCEEDED in 111122223333" + " us-east-2");
            assertThat(m.message()).contains("the digest object is over 100 bytes", "limit maxDigestBytes = 100");
        });
        List<String> gets = s3.gets();
        assertThat(gets.subList(before, gets.size())).noneMatch(p -> p.endsWith(trail.logKeys.get(2)));
    }

    /** REPRO b2c and b2d in small: a digest bomb and a digest listing too many files end in findings. */
    @Test
    void aDigestBombAndADigestListingTooManyFiles_areLimitExceededFindings() throws IOException {
        String digest = trail.digestKeys.get(1);
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bomb)) {
            gz.write("{\"awsAccountId\":\"1\",".getBytes(StandardCharsets.US_ASCII));
            byte[] blanks = new byte[1 << 20];
            java.util.Arrays.fill(blanks, (byte) ' ');
            for (int i = 0; i < 16; i++) {
                gz.write(blanks);
            }
            gz.write("\"x\":1}".getBytes(StandardCharsets.US_ASCII));
        }
        s3.put(BUCKET, digest, bomb.toByteArray(), trail.metadata.get(digest));
        TrailkitHandler handler = fixedKeysHandler(
                trail.publicKeys(),
                Map.of(),
                io.github.trailkit.model.digest.DigestLimits.builder()
                        .maxLogFiles(1)
                        .build());

        assertThat(invoke(handler, s3Event(BUCKET, digest)).path("findings").asLong())
                .isEqualTo(1);
        assertThat(aws.snsPublished())
                .singleElement()
                .satisfies(m -> assertThat(m.message())
                        .contains("gzip data inflates more than 200 times", "limit maxInflateRatio = 200"));

        aws.reset();
        s3.put(BUCKET, digest, trail.objects.get(digest), trail.metadata.get(digest)); // lists 2 files
        assertThat(invoke(handler, s3Event(BUCKET, digest)).path("findings").asLong())
                .isEqualTo(1);
        assertThat(aws.snsPublished())
                .singleElement()
                .satisfies(m -> assertThat(m.message())
                        .contains("the digest lists more than 1 log files", "limit maxLogFiles = 1"));
    }

    @Test
    void anS3ErrorIsRetried_notReportedAsTampering() {
        s3.failNextGets(20, 503, "SlowDown");
        JsonNode answer = invoke(handler(Map.of()), sqs(s3Event(BUCKET, trail.digestKeys.get(1))));

        assertThat(answer.path("batchItemFailures")).hasSize(1);
        assertThat(aws.snsPublished()).isEmpty();
        assertThat(logLines("digest not verified; it will be read again")).hasSize(1);
    }

    @Test
    void withoutDigestMode_aDigestIsSkipped() {
        JsonNode summary =
                invoke(handler(Map.of("TRAILKIT_VERIFY_DIGESTS", "false")), s3Event(BUCKET, trail.digestKeys.get(1)));
        assertThat(summary.path("skipped").asLong()).isEqualTo(1);
        assertThat(aws.requests()).isEmpty();
    }
}
