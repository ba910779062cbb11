package io.github.trailkit.cli;

import io.github.trailkit.cli.internal.S3LogKeys;
import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailLog;
import io.github.trailkit.model.CloudTrailParseException;
import io.github.trailkit.model.CloudTrailReader;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.ProblemPolicy;
import io.github.trailkit.model.RecordProblem;
import io.github.trailkit.model.SafeText;
import io.github.trailkit.rules.Evaluation;
import io.github.trailkit.rules.Finding;
import io.github.trailkit.rules.RuleError;
import io.github.trailkit.rules.RuleSet;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * {@code cloudtrail scan s3://bucket/prefix...}: the log files under the prefixes, found by walking CloudTrail's key
 * layout with the filters ({@link S3LogKeys}), fetched {@code threads} at a time and read as they stream in, and printed
 * as a local scan prints files: each object's findings in record order, the objects in key order, problems on stderr
 * naming {@code s3://bucket/key}, the same summary line.
 */
final class S3Scan {
    static final String S3 = "s3://";

    private final S3ScanOptions options;
    private final RuleSet rules;
    private final int threads;
    private final PrintWriter out;
    private final PrintWriter err;

    long objects;
    long records;
    long problems;
    long findings;
    long ruleErrors;

    S3Scan(S3ScanOptions options, RuleSet rules, int threads, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.rules = rules;
        this.threads = threads;
        this.out = out;
        this.err = err;
    }

    /** The PATH arguments as typed (a {@code Path} would fold the two slashes of {@code s3://}). */
    static List<String> typedPaths(picocli.CommandLine.Model.CommandSpec spec) {
        List<String> typed = new ArrayList<>();
        for (picocli.CommandLine.Model.PositionalParamSpec p :
                spec.commandLine().getParseResult().matchedPositionals()) {
            typed.addAll(p.originalStringValues());
        }
        return typed;
    }

    /** Whether any path is an {@code s3://} URI. */
    static boolean anyS3(List<String> paths) {
        return paths.stream().anyMatch(p -> p.startsWith(S3));
    }

    /** Scans the {@code s3://} URIs; returns the exit code. */
    int run(List<String> uris) {
        S3LogKeys keys;
        Instant from;
        Instant to;
        Duration delay;
        try {
            from = time("--from", options.from);
            to = time("--to", options.to);
            delay = Duration.parse(options.maxDeliveryDelay);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            err.println(SafeText.escape("cloudtrail scan: " + e.getMessage()));
            return CloudTrailCommand.USAGE;
        }
        if (from != null && to != null && !from.isBefore(to)) {
            err.println(
                    SafeText.escape("cloudtrail scan: --from " + options.from + " is not before --to " + options.to));
            return CloudTrailCommand.USAGE;
        }
        for (String uri : uris) {
            if (!uri.startsWith(S3)) {
                err.println(
                        SafeText.escape("cloudtrail scan: give either s3:// paths or local paths, not both: " + uri));
                return CloudTrailCommand.USAGE;
            }
            if (bucketOf(uri).isEmpty()) {
                err.println(SafeText.escape("cloudtrail scan: no bucket in " + uri));
                return CloudTrailCommand.USAGE;
            }
        }
        long start = System.nanoTime();
        try (S3Client s3 = client()) {
            keys = new S3LogKeys(
                    s3,
                    new LinkedHashSet<>(options.accounts),
                    new LinkedHashSet<>(options.regions),
                    options.organizationId,
                    from,
                    to,
                    delay);
            for (String uri : uris) {
                String bucket = bucketOf(uri);
                List<String> found;
                try {
                    String key = uri.substring(S3.length() + bucket.length()).replaceFirst("^/", "");
                    // one object named in full is read whatever the filters say, as a file named on the command line
                    found = key.endsWith(".json") || key.endsWith(".json.gz")
                            ? List.of(key)
                            : keys.list(bucket, prefixOf(uri));
                } catch (SdkException e) {
                    problems++;
                    err.println(
                            SafeText.escape("cloudtrail: cannot list " + uri + ": " + CloudTrailCommand.describe(e)));
                    continue;
                }
                if (found.isEmpty()) {
                    err.println(SafeText.escape("cloudtrail: " + uri + ": no .json or .json.gz objects"
                            + (options.anyFilter() ? " that the filters select" : "")));
                }
                scan(s3, bucket, found);
            }
        } catch (SdkException e) {
            err.println(SafeText.escape("cloudtrail scan: " + CloudTrailCommand.describe(e)));
            return CloudTrailCommand.PROBLEM;
        }
        out.flush();
        err.println(summary(System.nanoTime() - start));
        return problems > 0 || ruleErrors > 0 ? CloudTrailCommand.PROBLEM : CloudTrailCommand.OK;
    }

    /** What one object's reading printed and counted, kept until every object before it is printed. */
    private static final class ObjectScan {
        final List<String> lines = new ArrayList<>();
        final List<Boolean> toErr = new ArrayList<>();
        long records;
        long problems;
        long findings;
        long ruleErrors;
    }

    /** Several objects in flight ({@code threads}), a few more queued; printed in key order. */
    private void scan(S3Client s3, String bucket, List<String> keys) {
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "cloudtrail-s3-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<ObjectScan>> ahead = new ArrayDeque<>();
            int next = 0;
            int window = threads * 4;
            while (next < keys.size() || !ahead.isEmpty()) {
                while (next < keys.size() && ahead.size() < window) {
                    String key = keys.get(next++);
                    ahead.add(pool.submit(() -> scanObject(s3, bucket, key, rules)));
                }
                ObjectScan done = await(ahead.remove());
                objects++;
                records += done.records;
                problems += done.problems;
                findings += done.findings;
                ruleErrors += done.ruleErrors;
                for (int i = 0; i < done.lines.size(); i++) {
                    if (done.toErr.get(i)) {
                        out.flush();
                        err.println(SafeText.escape(done.lines.get(i)));
                    } else {
                        out.println(SafeText.escape(done.lines.get(i)));
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static final CloudTrailReader READER = CloudTrail.reader().onProblem(ProblemPolicy.SKIP_AND_REPORT);

    /** Runs on a worker thread: fetches and reads one object as it streams in. */
    private static ObjectScan scanObject(S3Client s3, String bucket, String key, RuleSet rules) {
        ObjectScan scan = new ObjectScan();
        String source = S3 + bucket + "/" + key;
        CloudTrailLog log;
        try {
            InputStream in = s3.getObject(g -> g.bucket(bucket).key(key));
            log = READER.read(in, source);
        } catch (SdkException | UncheckedIOException | CloudTrailParseException e) {
            scan.problems++;
            scan.toErr.add(true);
            scan.lines.add("cloudtrail: " + source + ": cannot open: " + CloudTrailCommand.describe(e));
            return scan;
        }
        String damage = null;
        try (log) {
            for (CloudTrailRecord r : log) {
                scan.records++;
                long index = log.lastRecordIndex();
                Evaluation e = rules.evaluation(r);
                for (Finding f : e.findings()) {
                    scan.findings++;
                    scan.toErr.add(false);
                    scan.lines.add(f.at(source, index).toJson(false));
                }
                for (RuleError error : e.errors()) {
                    scan.ruleErrors++;
                    scan.toErr.add(true);
                    scan.lines.add(source + ": record " + index + ": " + error);
                }
            }
        } catch (CloudTrailParseException e) {
            damage = e.getMessage();
        } catch (UncheckedIOException | SdkException e) {
            damage = source + ": " + CloudTrailCommand.describe(e);
        }
        for (RecordProblem p : log.problems()) {
            scan.problems++;
            scan.toErr.add(true);
            scan.lines.add(p.toString());
        }
        for (RecordProblem w : log.warnings()) {
            scan.toErr.add(true);
            scan.lines.add("warning: " + w + " (the record was read, this value kept as it came)");
        }
        long notListed = log.problemCount() - log.problems().size();
        if (notListed > 0) {
            scan.problems += notListed;
            scan.toErr.add(true);
            scan.lines.add(source + ": " + notListed + " more invalid records skipped, not listed (only the first "
                    + CloudTrailLog.MAX_PROBLEMS_KEPT + " of a file are)");
        }
        if (damage != null) {
            scan.problems++;
            scan.toErr.add(true);
            scan.lines.add(damage);
        }
        return scan;
    }

    private static ObjectScan await(Future<ObjectScan> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scanning", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    private String summary(long nanos) {
        double seconds = nanos / 1e9;
        long perSecond = seconds > 0 ? Math.round(records / seconds) : 0;
        String errors = ruleErrors == 0 ? "" : String.format(Locale.ROOT, ", %d rule errors", ruleErrors);
        return String.format(
                Locale.ROOT,
                "scanned %d %s, %d %s: %d %s, %d %s%s in %.3f s (%d records/s)",
                objects,
                ScanCommand.plural(objects, "file"),
                records,
                ScanCommand.plural(records, "record"),
                findings,
                ScanCommand.plural(findings, "finding"),
                problems,
                ScanCommand.plural(problems, "problem"),
                errors,
                seconds,
                perSecond);
    }

    /** An S3 client with the SDK's default credentials; path-style against an S3-compatible endpoint. */
    private S3Client client() {
        S3ClientBuilder b = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
        if (options.endpointUrl != null) {
            b.endpointOverride(options.endpointUrl).forcePathStyle(true);
            Region region;
            try {
                region = DefaultAwsRegionProviderChain.builder().build().getRegion();
            } catch (SdkClientException e) {
                region = Region.US_EAST_1;
            }
            b.region(region);
        }
        return b.build();
    }

    private static Instant time(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    option + ": not a date (2024-01-31) or a UTC time" + " (2024-01-31T12:00:00Z): " + value);
        }
    }

    static String bucketOf(String uri) {
        String rest = uri.substring(S3.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    /** The key prefix of {@code s3://bucket/prefix}, as a folder: empty, or ending with {@code /}. */
    static String prefixOf(String uri) {
        String rest = uri.substring(S3.length());
        int slash = rest.indexOf('/');
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        return prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
    }
}
