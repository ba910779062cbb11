package io.github.trailkit.lambda.internal;

import io.github.trailkit.lambda.internal.ObjectOutcome.Status;
import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailLog;
import io.github.trailkit.model.CloudTrailParseException;
import io.github.trailkit.model.CloudTrailReader;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.FieldPolicy;
import io.github.trailkit.model.LimitExceededException;
import io.github.trailkit.model.LogFileKey;
import io.github.trailkit.model.NotCloudTrailLogException;
import io.github.trailkit.model.ProblemPolicy;
import io.github.trailkit.model.ReadLimits;
import io.github.trailkit.model.RecordProblem;
import io.github.trailkit.rules.Evaluation;
import io.github.trailkit.rules.Finding;
import io.github.trailkit.rules.RuleError;
import io.github.trailkit.rules.RuleSet;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Reads one S3 object as a CloudTrail log, streamed straight from the GetObject response into the reader (never held
 * whole in memory), matches every record and hands each finding on as soon as it is found.
 *
 * <p>Failures are sorted into the two kinds that matter to Lambda:
 * <ul>
 *   <li><b>permanent</b>: the object no longer exists (404), is not a CloudTrail log, is damaged (truncated or corrupt
 *       gzip, invalid JSON: every finding before the damage has already been handed on), or is over the size limit
 *       or a read limit (a decompression bomb, too much JSON).
 *       Logged once as an {@code ERROR} line naming bucket, key and reason; retrying would fail the same way.</li>
 *   <li><b>transient</b>: any other S3 error (throttling and 5xx, after the SDK's own retries; also 403, which is
 *       usually a policy being fixed), a client-side SDK error, or a connection that broke before the whole object
 *       arrived. The object must be read again.</li>
 * </ul>
 *
 * <p>Thread-safe: it holds only immutable or thread-safe parts.
 */
public final class ObjectProcessor {
    /** The skipped records of one object logged one line each; the rest are counted in one more line. */
    static final int LOGGED_PROBLEMS = 100;

    private final S3Client s3;
    private final RuleSet rules;
    private final boolean includeInsights;
    private final long maxObjectBytes;
    private final LambdaLog log;
    private final CloudTrailReader reader;

    /**
     * @param s3 the client objects are read with
     * @param rules the rules every record is matched against
     * @param includeInsights whether Insights log files (under {@code CloudTrail-Insight/}) are read too
     * @param maxObjectBytes objects larger than this (as stored, compressed) are refused; 0 for no limit
     * @param log where problems are logged
     */
    public ObjectProcessor(S3Client s3, RuleSet rules, boolean includeInsights, long maxObjectBytes, LambdaLog log) {
        this(s3, rules, includeInsights, maxObjectBytes, ReadLimits.defaults(), log);
    }

    /**
     * A processor that reads each object within {@code limits}: an object over one (a decompression bomb, too much
     * JSON) is a permanent failure; a record over the record size limit is skipped and logged.
     */
    public ObjectProcessor(
            S3Client s3,
            RuleSet rules,
            boolean includeInsights,
            long maxObjectBytes,
            ReadLimits limits,
            LambdaLog log) {
        this(s3, rules, includeInsights, maxObjectBytes, limits, log, false);
    }

    /**
     * As {@link #ObjectProcessor(S3Client, RuleSet, boolean, long, ReadLimits, LambdaLog)}; with {@code strictFields}
     * a record with a member whose value cannot be read is skipped and logged, else (the default) it is matched, the
     * value kept as it came, and a warning logged.
     */
    public ObjectProcessor(
            S3Client s3,
            RuleSet rules,
            boolean includeInsights,
            long maxObjectBytes,
            ReadLimits limits,
            LambdaLog log,
            boolean strictFields) {
        this.reader = CloudTrail.reader()
                .onProblem(ProblemPolicy.SKIP_AND_REPORT)
                .onBadField(strictFields ? FieldPolicy.REJECT_RECORD : FieldPolicy.KEEP_AND_WARN)
                .limits(limits);
        this.s3 = s3;
        this.rules = rules;
        this.includeInsights = includeInsights;
        this.maxObjectBytes = maxObjectBytes;
        this.log = log;
    }

    /**
     * Processes one object.
     *
     * @param ref the object
     * @param findings receives each finding, located with {@code s3://bucket/key} and its record index; may throw (a
     *     sink that stays down), which ends the object and propagates
     * @return what became of the object
     */
    public ObjectOutcome process(ObjectRef ref, Consumer<Finding> findings) {
        LogFileKey key = LogFileKey.parse(ref.key());
        boolean wanted = key.isLogFile() || (includeInsights && key.kind() == LogFileKey.Kind.INSIGHT);
        if (!wanted) {
            String reason = "not a CloudTrail log file key (" + key.kind() + ")";
            log.info("object skipped", ref.logFields(reason));
            return new ObjectOutcome(ref, Status.SKIPPED, 0, 0, 0, reason);
        }
        if (maxObjectBytes > 0 && ref.size() > maxObjectBytes) {
            return permanent(ref, 0, 0, 0, tooLarge(ref.size()));
        }
        GetObjectRequest.Builder request =
                GetObjectRequest.builder().bucket(ref.bucket()).key(ref.key());
        if (ref.versionId() != null) {
            request.versionId(ref.versionId());
        }
        Counter counter = new Counter();
        try (ResponseInputStream<GetObjectResponse> body = s3.getObject(request.build())) {
            Long length = body.response().contentLength();
            long expected = length == null ? -1 : length;
            if (maxObjectBytes > 0 && expected > maxObjectBytes) {
                body.abort();
                return permanent(ref, 0, 0, 0, tooLarge(expected));
            }
            return read(ref, new CountingStream(body, counter), expected, counter, findings);
        } catch (NoSuchKeyException e) {
            return permanent(
                    ref,
                    0,
                    0,
                    0,
                    "the object no longer exists (" + e.awsErrorDetails().errorCode() + ")");
        } catch (S3Exception e) {
            return transientFailure(
                    ref,
                    0,
                    0,
                    0,
                    "S3 answered " + e.statusCode() + " "
                            + (e.awsErrorDetails() == null
                                    ? ""
                                    : e.awsErrorDetails().errorCode()) + ": " + e.getMessage());
        } catch (SdkException e) {
            return transientFailure(ref, 0, 0, 0, "S3 request failed: " + e.getMessage());
        } catch (IOException e) {
            return transientFailure(ref, 0, 0, 0, "reading the object failed: " + e);
        }
    }

    private ObjectOutcome read(
            ObjectRef ref, InputStream in, long expected, Counter counter, Consumer<Finding> findings) {
        String source = ref.uri();
        long records = 0;
        long found = 0;
        CloudTrailLog logFile = reader.read(in, source);
        try {
            for (CloudTrailRecord record : logFile) {
                records++;
                Evaluation evaluation = rules.evaluation(record);
                for (RuleError error : evaluation.errors()) {
                    Map<String, Object> f = ref.logFields(error.message());
                    f.put("ruleId", error.ruleId());
                    f.put("eventID", error.eventID());
                    log.warn("rule failed on a record", f);
                }
                for (Finding finding : evaluation.findings()) {
                    found++;
                    findings.accept(finding.at(source, logFile.lastRecordIndex()));
                }
            }
        } catch (LimitExceededException e) {
            // checked before the broken-connection test: a bomb stops reading long before the announced length
            return permanent(ref, records, found, bad(ref, logFile), "over a read limit: " + e.getMessage());
        } catch (CloudTrailParseException e) {
            long badRecords = bad(ref, logFile);
            // checked first: a connection that breaks before "Records" was reached looks like "not a log" too
            if (brokenConnection(e, counter.count, expected)) {
                return transientFailure(
                        ref,
                        records,
                        found,
                        badRecords,
                        "the object stream broke after " + counter.count + " of " + expected + " bytes: "
                                + e.getMessage());
            }
            if (e instanceof NotCloudTrailLogException) {
                return permanent(ref, records, found, badRecords, "not a CloudTrail log: " + e.getMessage());
            }
            return permanent(ref, records, found, badRecords, "damaged log: " + e.getMessage());
        } finally {
            try {
                logFile.close();
            } catch (RuntimeException ignored) {
                // the outcome is already decided; a failure to close the HTTP stream changes nothing
            }
        }
        long badRecords = bad(ref, logFile);
        Map<String, Object> f = ref.logFields(null);
        f.put("records", records);
        f.put("findings", found);
        f.put("badRecords", badRecords);
        log.info("object read", f);
        return new ObjectOutcome(ref, Status.READ, records, found, badRecords, null, counter.count);
    }

    /** Warnings logged per object at most; the rest are counted in one more line. */
    private static final int MAX_WARNINGS_LOGGED = 100;

    /**
     * Logs the members kept as they came in records that were matched (warnings), up to {@link
     * #MAX_WARNINGS_LOGGED}, then the first {@link #LOGGED_PROBLEMS} skipped records of an object, one line each, then
     * one line counting the rest; returns how many skipped records there were in all.
     */
    private long bad(ObjectRef ref, CloudTrailLog logFile) {
        var warnings = logFile.warnings();
        for (int i = 0; i < Math.min(warnings.size(), MAX_WARNINGS_LOGGED); i++) {
            log.warn(
                    "value kept as it came in a record that was read",
                    ref.logFields(warnings.get(i).toString()));
        }
        if (logFile.warningCount() > MAX_WARNINGS_LOGGED) {
            Map<String, Object> f = ref.logFields(null);
            f.put("moreWarnings", logFile.warningCount() - MAX_WARNINGS_LOGGED);
            log.warn("more values kept as they came, not logged one by one", f);
        }
        var problems = logFile.problems();
        int logged = 0;
        for (RecordProblem p : problems) {
            if (logged++ == LOGGED_PROBLEMS) {
                break;
            }
            Map<String, Object> f = ref.logFields(p.toString());
            log.warn("invalid record skipped", f);
        }
        long all = logFile.problemCount();
        if (all > LOGGED_PROBLEMS) {
            Map<String, Object> f = ref.logFields(null);
            f.put("notLogged", all - LOGGED_PROBLEMS);
            f.put("badRecords", all);
            log.warn("more invalid records skipped, not logged one by one", f);
        }
        return all;
    }

    /**
     * A read that failed before the number of bytes S3 announced had arrived broke in transit (the object may be fine);
     * one that failed with the whole object read, or on a gzip format error, is a damaged object.
     */
    private static boolean brokenConnection(CloudTrailParseException e, long read, long expected) {
        Throwable cause = e.getCause();
        if (!(cause instanceof IOException) || cause instanceof ZipException) {
            return false;
        }
        return expected >= 0 && read < expected;
    }

    private String tooLarge(long size) {
        return "the object is " + size + " bytes, over the limit of " + maxObjectBytes + " bytes (maxObjectBytes)";
    }

    private ObjectOutcome permanent(ObjectRef ref, long records, long found, long badRecords, String reason) {
        Map<String, Object> f = ref.logFields(reason);
        f.put("records", records);
        log.error("object failed for good", f);
        return new ObjectOutcome(ref, Status.PERMANENT_FAILURE, records, found, badRecords, reason);
    }

    private ObjectOutcome transientFailure(ObjectRef ref, long records, long found, long badRecords, String reason) {
        Map<String, Object> f = ref.logFields(reason);
        f.put("records", records);
        log.error("object failed; it will be read again", f);
        return new ObjectOutcome(ref, Status.TRANSIENT_FAILURE, records, found, badRecords, reason);
    }

    private static final class Counter {
        long count;
    }

    /** Counts the bytes that arrived, to tell a broken connection from a damaged object. */
    private static final class CountingStream extends FilterInputStream {
        private final Counter counter;

        CountingStream(InputStream in, Counter counter) {
            super(in);
            this.counter = counter;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counter.count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counter.count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counter.count += Math.max(0, skipped);
            return skipped;
        }
    }
}
