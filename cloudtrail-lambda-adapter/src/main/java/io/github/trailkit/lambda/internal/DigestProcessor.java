package io.github.trailkit.lambda.internal;

import io.github.trailkit.lambda.digest.CloudTrailPublicKeys;
import io.github.trailkit.lambda.digest.S3TrailStore;
import io.github.trailkit.lambda.internal.ObjectOutcome.Status;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.JsonValue;
import io.github.trailkit.model.LogFileKey;
import io.github.trailkit.model.digest.DigestLimits;
import io.github.trailkit.model.digest.DigestVerifier;
import io.github.trailkit.model.digest.FileVerdict;
import io.github.trailkit.model.digest.PublicKeys;
import io.github.trailkit.model.digest.TrailObject;
import io.github.trailkit.model.digest.TrailPublicKey;
import io.github.trailkit.model.digest.TrailStore;
import io.github.trailkit.model.digest.Verdict;
import io.github.trailkit.model.digest.VerificationReport;
import io.github.trailkit.rules.Finding;
import io.github.trailkit.rules.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The handler's digest mode: a notification for a digest file validates the hour it covers, that digest (signature
 * from its {@code signature} metadata, link to the previous digest) and every log file it lists, read with {@link
 * S3TrailStore}, and turns each verdict other than {@code VALID} into a {@link Severity#CRITICAL} finding: a log
 * file listed only by a digest whose signature did not verify is {@code UNVERIFIED}, a digest over the {@link
 * DigestLimits} is {@code LIMIT_EXCEEDED}.
 *
 * <p>A finding is built around a record, so each failed verdict is described by a synthetic record, not one
 * CloudTrail wrote: {@code eventSource} {@value #EVENT_SOURCE}, {@code eventName} the verdict ({@code MODIFIED},
 * {@code MISSING}, ...), {@code eventTime} the digest's end time, {@code awsRegion} and {@code recipientAccountId}
 * from the digest key, {@code eventID} a name-based UUID of digest, file and verdict (the dedup key), and {@code
 * requestParameters} holding {@code bucket}, {@code key}, {@code fileType}, {@code verdict}, {@code reason}, {@code
 * digestBucket} and {@code digestKey}. The finding's {@code source} is the failed file, {@code s3://bucket/key}.
 *
 * <p>Failures that may pass (S3 errors other than a missing object, {@code ListPublicKeys} failing) are transient:
 * no finding is sent and the digest is read again, so that throttling never raises a false alarm.
 *
 * <p>Thread-safe.
 */
public final class DigestProcessor {
    /** The rule id of every integrity finding. */
    public static final String RULE_ID = "trailkit-log-integrity";
    /** The {@code eventSource} of the synthetic records. */
    public static final String EVENT_SOURCE = "trailkit";

    private final S3Client s3;
    private final PublicKeys fixedKeys;
    private final Function<String, CloudTrailClient> clientForRegion;
    private final DigestLimits limits;
    private final Map<String, PublicKeys> fetched = new HashMap<>();
    private final LambdaLog log;

    /**
     * @param s3 the client digests and log files are read with
     * @param fixedKeys the keys to trust, or null to fetch them with {@code clientForRegion}
     * @param clientForRegion a CloudTrail client for a region name (used when {@code fixedKeys} is null)
     * @param limits the bounds on each digest read
     * @param log where outcomes are logged
     */
    public DigestProcessor(
            S3Client s3,
            PublicKeys fixedKeys,
            Function<String, CloudTrailClient> clientForRegion,
            DigestLimits limits,
            LambdaLog log) {
        if (fixedKeys == null && clientForRegion == null) {
            throw new IllegalArgumentException("digest verification needs public keys or a CloudTrail client");
        }
        this.s3 = s3;
        this.fixedKeys = fixedKeys;
        this.clientForRegion = clientForRegion;
        this.limits = limits;
        this.log = log;
    }

    /** True when {@code key} is a digest file key, which this processor takes instead of the log reader. */
    public static boolean isDigest(String key) {
        return LogFileKey.parse(key).kind() == LogFileKey.Kind.DIGEST;
    }

    /**
     * Validates one digest and the log files it lists.
     *
     * @param ref the digest object
     * @param findings receives a finding per failed verdict; may throw (a sink that stays down)
     * @return {@code READ} with the number of findings, or a transient failure
     */
    public ObjectOutcome process(ObjectRef ref, Consumer<Finding> findings) {
        LogFileKey key = LogFileKey.parse(ref.key());
        Instant end = key.deliveryTime().orElse(Instant.now());
        String region = key.region().orElse("us-east-1");
        PublicKeys keys;
        try {
            keys = keysFor(region, end);
        } catch (SdkException | IllegalArgumentException e) {
            return transientFailure(
                    ref,
                    "cannot fetch CloudTrail's public keys for " + region + " (cloudtrail:ListPublicKeys): "
                            + e.getMessage());
        }
        OneDigest store = new OneDigest(S3TrailStore.of(s3, ref.bucket()), ref.key());
        VerificationReport report;
        try {
            report = DigestVerifier.of(keys).withLimits(limits).verify(store, "");
        } catch (UncheckedIOException e) {
            return transientFailure(ref, e.getMessage());
        }
        if (!store.readFailures.isEmpty()) {
            return transientFailure(ref, "S3 read failed: " + store.readFailures.get(0));
        }
        Optional<FileVerdict> brokenRead = report.problems().stream()
                .filter(f -> f.verdict() == Verdict.UNREADABLE)
                .findFirst();
        if (brokenRead.isPresent()) {
            // the stream broke part way: the object may be intact
            return transientFailure(ref, brokenRead.get().reason());
        }
        long found = 0;
        for (FileVerdict f : report.problems()) {
            found++;
            findings.accept(finding(ref, key, end, f));
        }
        Map<String, Object> fields = ref.logFields(null);
        fields.put("summary", report.summary());
        fields.put("findings", found);
        if (found == 0) {
            log.info("digest verified", fields);
        } else {
            log.error("digest verification failed", fields);
        }
        return new ObjectOutcome(ref, Status.READ, 0, found, 0, null);
    }

    /** The fixed keys, or the region's keys fetched once and again when none of them was valid at {@code time}. */
    private synchronized PublicKeys keysFor(String region, Instant time) {
        if (fixedKeys != null) {
            return fixedKeys;
        }
        PublicKeys known = fetched.get(region);
        if (known != null && known.keys().stream().anyMatch(k -> covers(k, time))) {
            return known;
        }
        PublicKeys more =
                CloudTrailPublicKeys.fetch(clientForRegion.apply(region), time.minus(Duration.ofHours(2)), time);
        PublicKeys all = known == null ? more : known.and(more);
        fetched.put(region, all);
        return all;
    }

    private static boolean covers(TrailPublicKey k, Instant t) {
        return k.validityStart().map(s -> !s.isAfter(t)).orElse(true)
                && k.validityEnd().map(e -> !e.isBefore(t)).orElse(true);
    }

    private static Finding finding(ObjectRef digest, LogFileKey key, Instant end, FileVerdict f) {
        String what = f.type() == FileVerdict.FileType.DIGEST ? "digest file" : "log file";
        String bucket = f.bucket().orElse(digest.bucket());
        String eventId = UUID.nameUUIDFromBytes(
                        (digest.uri() + "\n" + f.location() + "\n" + f.verdict()).getBytes(StandardCharsets.UTF_8))
                .toString();
        Map<String, JsonValue> parameters = new LinkedHashMap<>();
        parameters.put("bucket", JsonValue.of(bucket));
        parameters.put("key", JsonValue.of(f.key()));
        parameters.put("fileType", JsonValue.of(f.type().name()));
        parameters.put("verdict", JsonValue.of(f.verdict().name()));
        parameters.put("reason", JsonValue.of(f.reason()));
        parameters.put("digestBucket", JsonValue.of(digest.bucket()));
        parameters.put("digestKey", JsonValue.of(digest.key()));
        CloudTrailRecord.Builder record = CloudTrailRecord.builder()
                .eventTime(end)
                .eventSource(EVENT_SOURCE)
                .eventName(f.verdict().name())
                .eventID(eventId)
                .requestParameters(JsonValue.object(parameters));
        key.region().ifPresent(record::awsRegion);
        key.accountId().ifPresent(record::recipientAccountId);
        return Finding.builder()
                .ruleId(RULE_ID)
                .title("CloudTrail log integrity: " + what + " "
                        + f.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + f.location())
                .severity(Severity.CRITICAL)
                .addTags("log-integrity")
                .dedupKey(eventId)
                .record(record.build())
                .source(f.location())
                .build();
    }

    private ObjectOutcome transientFailure(ObjectRef ref, String reason) {
        log.error("digest not verified; it will be read again", ref.logFields(reason));
        return new ObjectOutcome(ref, Status.TRANSIENT_FAILURE, 0, 0, 0, reason);
    }

    /**
     * The bucket seen as holding one digest: the verifier lists only it, so it checks that digest, its link to the
     * previous one (read on demand) and the log files it lists, not the whole bucket. Read failures are kept, so
     * that a throttled read is retried rather than reported as a modified file.
     */
    private static final class OneDigest implements TrailStore {
        private final S3TrailStore s3;
        private final String digestKey;
        final List<String> readFailures = new ArrayList<>();

        OneDigest(S3TrailStore s3, String digestKey) {
            this.s3 = s3;
            this.digestKey = digestKey;
        }

        @Override
        public Optional<String> bucket() {
            return s3.bucket();
        }

        @Override
        public List<String> list(String prefix) {
            return List.of(digestKey);
        }

        @Override
        public Optional<TrailObject> open(String bucket, String key) throws IOException {
            try {
                return s3.open(bucket, key);
            } catch (IOException e) {
                readFailures.add(e.getMessage());
                throw e;
            }
        }

        @Override
        public String locate(String bucket, String key) {
            return s3.locate(bucket, key);
        }
    }
}
