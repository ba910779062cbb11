package io.github.trailkit.model.digest;

import io.github.trailkit.model.LogFileKey;
import io.github.trailkit.model.digest.FileVerdict.FileType;
import io.github.trailkit.model.digest.internal.Hex;
import io.github.trailkit.model.digest.internal.SingleMemberGzip;
import io.github.trailkit.model.digest.internal.SingleMemberGzip.GzipException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * CloudTrail log file integrity validation, as {@code aws cloudtrail validate-logs} does it (reference sections
 * 5.3 to 5.6), over every digest and log file under a key prefix of a {@link TrailStore}.
 *
 * <ul>
 *   <li>Each digest's signature (hex, from the object's {@code signature} user metadata, or from the {@code
 *       previousDigestSignature} of a newer verified digest naming it) is checked with {@code SHA256withRSA} and the
 *       public key whose fingerprint the digest names, over {@link #stringToSign(DigestFile, byte[])}. A digest must
 *       be at the bucket and key it names.</li>
 *   <li>The chain: a digest's {@code previousDigestHashValue} must be the SHA-256 of the uncompressed previous
 *       digest, and its {@code previousDigestSignature} the previous digest's signature; a previous digest that is
 *       absent is {@link Verdict#MISSING}. Where a chain starts again after an older digest, the gap is reported.
 *       Backfill digests ({@code _backfill}) form chains of their own.</li>
 *   <li>Each log file a digest lists is hashed with SHA-256 over its uncompressed content and compared; a log file
 *       that is not exactly one gzip stream (data appended after its end) is {@link Verdict#MODIFIED}. A log file
 *       under the prefix that no digest lists is {@link Verdict#NOT_COVERED}, unless it is newer than the newest
 *       digest of its region (then it is only listed in {@link VerificationReport#notYetCovered()}).</li>
 * </ul>
 * A log file is {@link Verdict#VALID} only when a digest whose signature verified lists it with its hash (reference
 * section 5.6 checks only the log files "of each valid digest"). A log file listed only by digests that failed or
 * could not be checked is still hashed, so that nothing disappears from the report: a mismatch is {@link
 * Verdict#MODIFIED}, a match {@link Verdict#UNVERIFIED}, each naming the digest and its verdict.
 *
 * <p>Digests are streamed (inflated, hashed and parsed in one pass) within {@link DigestLimits}; a digest over a limit
 * is {@link Verdict#LIMIT_EXCEEDED}, and so is a log file that inflates more than {@link
 * DigestLimits#maxInflateRatio()} times while it is hashed. Keys are read only through the store, which may refuse them ({@link
 * RefusedObjectException}: a key leading outside a local copy is {@link Verdict#MISSING}, never read).
 *
 * <pre>{@code
 * DigestVerifier verifier = DigestVerifier.of(PublicKeys.fromFile(Path.of("keys.json")));
 * VerificationReport report = verifier.verify(LocalTrailStore.of(Path.of("copy")), "AWSLogs/111122223333/");
 * report.problems().forEach(f -> System.err.println(f.verdict() + " " + f.reason()));
 * }</pre>
 */
public final class DigestVerifier {
    /** The signature algorithm of every CloudTrail digest. */
    public static final String SIGNATURE_ALGORITHM = "SHA256withRSA";

    private static final String SHA_256 = "SHA-256";

    private final PublicKeys keys;
    private final DigestLimits limits;

    private DigestVerifier(PublicKeys keys, DigestLimits limits) {
        this.keys = keys;
        this.limits = limits;
    }

    /**
     * A verifier that trusts these keys.
     *
     * @param keys CloudTrail's public keys for the region that delivered the digests
     * @return the verifier
     */
    public static DigestVerifier of(PublicKeys keys) {
        return new DigestVerifier(Objects.requireNonNull(keys, "keys"), DigestLimits.defaults());
    }

    /**
     * A verifier like this one that reads digests within {@code limits}.
     *
     * <pre>{@code
     * DigestVerifier.of(keys).withLimits(DigestLimits.builder().maxLogFiles(50_000).build());
     * }</pre>
     *
     * @param limits the bounds on each digest
     * @return the verifier
     */
    public DigestVerifier withLimits(DigestLimits limits) {
        return new DigestVerifier(keys, Objects.requireNonNull(limits, "limits"));
    }

    /** The bounds on each digest read. */
    public DigestLimits limits() {
        return limits;
    }

    /**
     * The string CloudTrail signs for a digest (reference section 5.3): {@code digestEndTime} as written, {@code
     * bucket/key}, the lower-case hex SHA-256 of the uncompressed digest, and the previous digest's signature or
     * the literal {@code null}, joined by {@code \n}.
     *
     * @param digest the parsed digest
     * @param uncompressed the exact uncompressed bytes the digest was parsed from
     * @return the string to sign, to be signed as UTF-8
     */
    public static String stringToSign(DigestFile digest, byte[] uncompressed) {
        return stringToSign(digest, Hex.encode(Hex.sha256().digest(uncompressed)));
    }

    private static String stringToSign(DigestFile digest, String sha256Hex) {
        return digest.digestEndTime() + "\n"
                + digest.digestS3Bucket() + "/" + digest.digestS3Object() + "\n"
                + sha256Hex + "\n"
                + digest.previousDigestSignature().orElse("null");
    }

    /**
     * Verifies every digest and log file whose key starts with {@code prefix}.
     *
     * @param store where the objects are
     * @param prefix a key prefix such as {@code AWSLogs/111122223333/}, or empty for everything
     * @return a verdict for every file
     * @throws UncheckedIOException if the store cannot be listed
     */
    public VerificationReport verify(TrailStore store, String prefix) {
        List<String> listed;
        try {
            listed = new ArrayList<>(store.list(prefix));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot list " + store.locate(store.bucket().orElse(null), prefix), e);
        }
        listed.sort(Comparator.naturalOrder());
        return new Run(store).verify(listed);
    }

    /** A log file inflating more than {@link DigestLimits#maxInflateRatio()} times. */
    private static final class RatioExceeded extends IOException {
        private static final long serialVersionUID = 1L;
        final long inflated;
        final long stored;

        RatioExceeded(long inflated, long stored) {
            super("inflate ratio exceeded");
            this.inflated = inflated;
            this.stored = stored;
        }
    }

    /** Counts the bytes read. */
    private static final class CountingInput extends java.io.FilterInputStream {
        long count;

        CountingInput(java.io.InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public void close() {} // the object is closed by its owner
    }

    /** One digest object, loaded. */
    private static final class Loaded {
        final String key;
        final LogFileKey parsed;
        final String location;
        String sha256;
        DigestFile file;
        Map<String, String> metadata = Map.of();
        String signature;
        /** The signature verified, with the metadata signature or a verified newer digest's link. */
        boolean trusted;

        Verdict verdict;
        String reason;

        Loaded(String key, String location) {
            this.key = key;
            this.parsed = LogFileKey.parse(key);
            this.location = location;
        }

        void decide(Verdict v, String why) {
            if (verdict == null || verdict == Verdict.VALID) {
                verdict = v;
                reason = location + ": " + why;
            }
        }

        Instant time() {
            return file != null ? file.endTime() : parsed.deliveryTime().orElse(Instant.EPOCH);
        }

        String chainGroup() {
            return parsed.prefix().orElse("") + "|" + parsed.organizationId().orElse("") + "|"
                    + parsed.accountId().orElse("") + "|" + parsed.region().orElse("") + "|"
                    + parsed.trailName().orElse("") + "|" + parsed.homeRegion().orElse("") + "|" + parsed.isBackfill();
        }
    }

    private final class Run {
        private final TrailStore store;
        private final String bucket;
        private final Map<String, Loaded> digests = new TreeMap<>();
        private final Map<String, Loaded> outside = new HashMap<>();
        private final List<FileVerdict> logVerdicts = new ArrayList<>();
        private final List<String> gaps = new ArrayList<>();
        private final List<String> notYetCovered = new ArrayList<>();

        Run(TrailStore store) {
            this.store = store;
            this.bucket = store.bucket().orElse(null);
        }

        VerificationReport verify(List<String> listed) {
            for (String key : listed) {
                if (LogFileKey.parse(key).kind() == LogFileKey.Kind.DIGEST) {
                    digests.put(key, load(bucket, key));
                }
            }
            List<Loaded> newestFirst = new ArrayList<>(digests.values());
            newestFirst.sort(
                    Comparator.comparing(Loaded::time).thenComparing(l -> l.key).reversed());
            Map<String, String[]> fromNewer = new HashMap<>();
            for (Loaded d : newestFirst) {
                verifySignature(d, fromNewer);
            }
            for (Loaded d : newestFirst) {
                verifyLink(d, newestFirst);
            }
            Map<String, Loaded> expectedBy = verifyLogFiles(newestFirst);
            findUncovered(listed, expectedBy, newestFirst);

            List<FileVerdict> out = new ArrayList<>();
            for (Loaded d : digests.values()) {
                out.add(new FileVerdict(
                        FileType.DIGEST,
                        d.file != null ? d.file.digestS3Bucket() : bucket,
                        d.key,
                        d.location,
                        d.verdict,
                        d.reason));
            }
            logVerdicts.sort(Comparator.comparing(FileVerdict::key));
            out.addAll(logVerdicts);
            return new VerificationReport(out, gaps, notYetCovered);
        }

        private Loaded load(String inBucket, String key) {
            Loaded d = new Loaded(key, store.locate(inBucket, key));
            try {
                Optional<TrailObject> o = store.open(inBucket, key);
                if (o.isEmpty()) {
                    d.decide(Verdict.MISSING, "not found");
                    return d;
                }
                try (TrailObject obj = o.get()) {
                    d.metadata = obj.metadata();
                    DigestCodec.Read read = DigestCodec.read(obj.content(), d.location, limits);
                    d.sha256 = read.sha256();
                    d.file = read.file();
                }
            } catch (DigestLimitExceededException e) {
                d.file = null;
                d.decide(
                        Verdict.LIMIT_EXCEEDED,
                        e.reason() + "; not checked, and the log files it lists are not" + " known");
            } catch (RefusedObjectException e) {
                d.decide(
                        e.reason() == RefusedObjectException.Reason.OUTSIDE_STORE
                                ? Verdict.MISSING
                                : Verdict.SIGNATURE_INVALID,
                        e.getMessage());
            } catch (DigestParseException e) {
                d.file = null;
                d.decide(
                        Verdict.MODIFIED,
                        SingleMemberGzip.TRAILING_DATA.equals(e.reason())
                                ? e.reason()
                                : "invalid format: " + e.reason());
            } catch (IOException e) {
                d.decide(Verdict.UNREADABLE, "cannot read: " + e.getMessage());
            }
            return d;
        }

        private void verifySignature(Loaded d, Map<String, String[]> fromNewer) {
            if (d.file == null) {
                return;
            }
            DigestFile f = d.file;
            if (!f.digestS3Object().equals(d.key)
                    || (bucket != null && !f.digestS3Bucket().equals(bucket))) {
                d.decide(
                        Verdict.MODIFIED,
                        "has been moved from its original location s3://" + f.digestS3Bucket() + "/"
                                + f.digestS3Object());
                return;
            }
            String signature = d.metadata.get("signature");
            String algorithm = d.metadata.get("signature-algorithm");
            String[] link = fromNewer.get(d.key);
            if (signature == null && link != null) {
                signature = link[0];
                algorithm = null;
            }
            if (d.parsed.isBackfill()
                    && d.metadata.containsKey("signature")
                    && !d.metadata.containsKey("backfill-generation-timestamp")) {
                d.decide(
                        Verdict.MODIFIED,
                        "invalid format: backfill digest without backfill-generation-timestamp" + " metadata");
                return;
            }
            if (signature == null) {
                d.decide(
                        Verdict.SIGNATURE_INVALID,
                        "no signature: the object has no signature metadata (for a local"
                                + " copy, a " + LocalTrailStore.METADATA_SUFFIX
                                + " sidecar) and no newer verified digest"
                                + " names it as its previous digest");
                return;
            }
            if (algorithm == null) {
                algorithm = f.digestSignatureAlgorithm().orElse(SIGNATURE_ALGORITHM);
            }
            if (!algorithm.equalsIgnoreCase(SIGNATURE_ALGORITHM)) {
                d.decide(Verdict.SIGNATURE_INVALID, "unsupported signature algorithm " + algorithm);
                return;
            }
            Optional<TrailPublicKey> key = keys.find(f.digestPublicKeyFingerprint());
            if (key.isEmpty()) {
                d.decide(
                        Verdict.SIGNATURE_INVALID,
                        "public key not found in region " + d.parsed.region().orElse("?") + " for fingerprint "
                                + f.digestPublicKeyFingerprint());
                return;
            }
            boolean ok;
            try {
                Signature s = Signature.getInstance(SIGNATURE_ALGORITHM);
                s.initVerify(key.get().publicKey());
                s.update(stringToSign(f, d.sha256).getBytes(StandardCharsets.UTF_8));
                ok = s.verify(Hex.decode(signature));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                ok = false;
            }
            if (!ok) {
                d.decide(Verdict.SIGNATURE_INVALID, "signature verification failed");
                return;
            }
            d.signature = signature;
            d.trusted = true;
            d.decide(Verdict.VALID, "valid");
            if (f.previousDigestS3Object().isPresent()
                    && f.previousDigestSignature().isPresent()) {
                fromNewer.putIfAbsent(
                        f.previousDigestS3Object().get(),
                        new String[] {f.previousDigestSignature().get(), d.location});
            }
        }

        private void verifyLink(Loaded d, List<Loaded> newestFirst) {
            if (d.file == null || d.verdict != Verdict.VALID) {
                return;
            }
            DigestFile f = d.file;
            if (f.isStartOfChain()) {
                int i = newestFirst.indexOf(d);
                for (Loaded older : newestFirst.subList(i + 1, newestFirst.size())) {
                    if (older.file != null && older.chainGroup().equals(d.chainGroup())) {
                        gaps.add("No log files were delivered by CloudTrail between " + older.file.digestEndTime()
                                + " and " + f.digestStartTime() + " (" + d.location + " starts a new chain)");
                        break;
                    }
                }
                return;
            }
            String prevKey = f.previousDigestS3Object().get();
            String prevBucket = f.previousDigestS3Bucket().orElse(f.digestS3Bucket());
            Loaded prev = digests.get(prevKey);
            if (prev == null) {
                prev = outside.computeIfAbsent(prevKey, k -> load(prevBucket, k));
                if (prev.verdict == Verdict.MISSING) {
                    digests.put(prevKey, prev);
                    prev.reason = prev.reason + " (the previous digest of " + d.location + ")";
                    return;
                }
            }
            if (prev.file == null) {
                return; // reported on its own
            }
            String algorithm = f.previousDigestHashAlgorithm().orElse(SHA_256);
            if (!algorithm.equalsIgnoreCase(SHA_256)) {
                d.decide(Verdict.CHAIN_BROKEN, "unsupported previousDigestHashAlgorithm " + algorithm);
            } else if (!prev.sha256.equalsIgnoreCase(f.previousDigestHashValue().orElse(""))) {
                d.decide(
                        Verdict.CHAIN_BROKEN,
                        "previousDigestHashValue does not match the previous digest " + prev.location);
            } else if (f.previousDigestSignature().isEmpty()) {
                d.decide(
                        Verdict.CHAIN_BROKEN,
                        "previousDigestSignature is null but the previous digest " + prev.location + " exists");
            } else if (prev.metadata.containsKey("signature")
                    && !prev.metadata
                            .get("signature")
                            .equalsIgnoreCase(f.previousDigestSignature().get())) {
                d.decide(
                        Verdict.CHAIN_BROKEN,
                        "previousDigestSignature does not match the signature of the previous" + " digest "
                                + prev.location);
            }
            if (prev.file.endTime().isBefore(f.startTime())) {
                gaps.add("No log files were delivered by CloudTrail between " + prev.file.digestEndTime() + " and "
                        + f.digestStartTime() + " (between " + prev.location + " and " + d.location + ")");
            }
        }

        /** Checks every listed log file once, against the newest digest listing it; returns digest by log key. */
        private Map<String, Loaded> verifyLogFiles(List<Loaded> newestFirst) {
            Map<String, DigestLogFile> entries = new LinkedHashMap<>();
            Map<String, Loaded> listedBy = new HashMap<>();
            List<Loaded> order = new ArrayList<>(newestFirst);
            order.sort(Comparator.comparing((Loaded l) -> !l.trusted)); // stable: verified signatures first
            for (Loaded d : order) {
                if (d.file == null) {
                    continue;
                }
                for (DigestLogFile e : d.file.logFiles()) {
                    if (entries.putIfAbsent(e.s3Object(), e) == null) {
                        listedBy.put(e.s3Object(), d);
                    }
                }
            }
            for (Map.Entry<String, DigestLogFile> e : entries.entrySet()) {
                logVerdicts.add(verifyLog(e.getValue(), listedBy.get(e.getKey())));
            }
            return listedBy;
        }

        private FileVerdict verifyLog(DigestLogFile entry, Loaded digest) {
            String location = store.locate(entry.s3Bucket(), entry.s3Object());
            String in = " (listed in digest " + digest.location
                    + (digest.verdict == Verdict.VALID ? "" : ", itself " + digest.verdict) + ")";
            String why0 = digest.reason.startsWith(digest.location + ": ")
                    ? digest.reason.substring(digest.location.length() + 2)
                    : digest.reason;
            String untrusted = location + ": hash matches digest " + digest.location + ", but that digest is "
                    + digest.verdict + " (" + why0 + ") and no digest whose signature verified lists this log file";
            Verdict verdict;
            String why;
            try {
                Optional<TrailObject> o = store.open(entry.s3Bucket(), entry.s3Object());
                if (o.isEmpty()) {
                    verdict = Verdict.MISSING;
                    why = "not found";
                } else if (!entry.hashAlgorithm().equalsIgnoreCase(SHA_256)) {
                    o.get().close();
                    verdict = Verdict.MODIFIED;
                    why = "unsupported hashAlgorithm " + entry.hashAlgorithm();
                } else {
                    MessageDigest sha = Hex.sha256();
                    try (TrailObject obj = o.get();
                            CountingInput stored = new CountingInput(obj.content())) {
                        long[] inflated = {0};
                        SingleMemberGzip.inflate(stored, (bytes, off, len) -> {
                            sha.update(bytes, off, len);
                            inflated[0] += len;
                            if (inflated[0] > DigestLimits.RATIO_GRACE_BYTES
                                    && inflated[0] > (long) limits.maxInflateRatio() * Math.max(1, stored.count)) {
                                throw new RatioExceeded(inflated[0], stored.count);
                            }
                        });
                    }
                    if (!Hex.encode(sha.digest()).equalsIgnoreCase(entry.hashValue())) {
                        verdict = Verdict.MODIFIED;
                        why = "hash value doesn't match";
                    } else if (digest.trusted) {
                        verdict = Verdict.VALID;
                        why = "valid";
                    } else {
                        return new FileVerdict(
                                FileType.LOG,
                                entry.s3Bucket(),
                                entry.s3Object(),
                                location,
                                Verdict.UNVERIFIED,
                                untrusted);
                    }
                }
            } catch (RefusedObjectException e) {
                verdict =
                        e.reason() == RefusedObjectException.Reason.OUTSIDE_STORE ? Verdict.MISSING : Verdict.MODIFIED;
                why = e.getMessage();
            } catch (RatioExceeded e) {
                verdict = Verdict.LIMIT_EXCEEDED;
                why = "gzip data inflates more than " + limits.maxInflateRatio() + " times (" + e.inflated
                        + " bytes from " + e.stored + "); not hashed further (limit maxInflateRatio = "
                        + limits.maxInflateRatio() + "; raise it with DigestLimits.builder().maxInflateRatio(...))";
            } catch (GzipException e) {
                verdict = Verdict.MODIFIED;
                why = e.trailingData() ? e.getMessage() : "invalid format: " + e.getMessage();
            } catch (IOException e) {
                verdict = Verdict.UNREADABLE;
                why = "cannot read: " + e.getMessage();
            }
            return new FileVerdict(
                    FileType.LOG, entry.s3Bucket(), entry.s3Object(), location, verdict, location + ": " + why + in);
        }

        private void findUncovered(List<String> listed, Map<String, Loaded> expected, List<Loaded> newestFirst) {
            Map<String, Instant> newestEnd = new HashMap<>();
            for (Loaded d : newestFirst) {
                if (d.file != null) {
                    newestEnd.merge(group(d.parsed), d.file.endTime(), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
            for (String key : listed) {
                LogFileKey k = LogFileKey.parse(key);
                if (!k.isLogFile() || expected.containsKey(key)) {
                    continue;
                }
                String location = store.locate(bucket, key);
                Instant end = newestEnd.get(group(k));
                if (end != null
                        && k.deliveryTime()
                                .orElseThrow()
                                .plus(Duration.ofMinutes(1))
                                .isAfter(end)) {
                    notYetCovered.add(location);
                } else {
                    logVerdicts.add(new FileVerdict(
                            FileType.LOG,
                            bucket,
                            key,
                            location,
                            Verdict.NOT_COVERED,
                            location + ": no digest lists this log file"));
                }
            }
        }

        private String group(LogFileKey k) {
            return k.prefix().orElse("") + "|" + k.organizationId().orElse("") + "|"
                    + k.accountId().orElse("") + "|" + k.region().orElse("");
        }
    }
}
