package io.github.trailkit.cli;

import io.github.trailkit.cli.internal.S3LogKeys;
import io.github.trailkit.model.LogFileKeyFilter;
import io.github.trailkit.model.SafeText;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The {@code s3://bucket/prefix} paths of {@code cloudtrail scan}: the log files under the prefixes, found by walking
 * CloudTrail's key layout with the filters ({@link S3LogKeys}, {@link LogFileKeyFilter}), as inputs that
 * {@link ScanCommand} reads as it reads local files (the same threads, bounded line queue, printing and summary), each
 * object fetched when its turn comes and read as it streams in.
 */
final class S3Scan implements AutoCloseable {
    static final String S3 = S3Locations.S3;

    private final S3ScanOptions options;
    private final LogFileKeyFilter filter;
    private final S3Client s3;

    private S3Scan(S3ScanOptions options, LogFileKeyFilter filter) {
        this.options = options;
        this.filter = filter;
        this.s3 = S3Locations.client(options.endpointUrl, null);
    }

    /**
     * Checks the filters and the URIs; reports a usage error and returns {@code null}, or opens the S3 client.
     */
    static S3Scan open(S3ScanOptions options, List<String> uris, PrintWriter err) {
        LogFileKeyFilter filter;
        try {
            filter = LogFileKeyFilter.all()
                    .accounts(options.accounts)
                    .regions(options.regions)
                    .organizationId(options.organizationId)
                    .maxDeliveryDelay(Duration.parse(options.maxDeliveryDelay))
                    .from(time("--from", options.from))
                    .to(time("--to", options.to));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            err.println(SafeText.escape("cloudtrail scan: " + e.getMessage()));
            return null;
        }
        for (String uri : uris) {
            if (!uri.startsWith(S3)) {
                err.println(
                        SafeText.escape("cloudtrail scan: give either s3:// paths or local paths, not both: " + uri));
                return null;
            }
            if (S3Locations.bucketOf(uri).isEmpty()) {
                err.println(SafeText.escape("cloudtrail scan: no bucket in " + uri));
                return null;
            }
        }
        return new S3Scan(options, filter);
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

    /**
     * The objects to read under the URIs, in key order per URI; a prefix that cannot be listed is reported on
     * {@code logs}' stderr and counted as a problem, as a local folder that cannot be listed is.
     */
    List<LogFiles.Input> inputs(List<String> uris, LogFiles logs, PrintWriter err) {
        S3LogKeys keys = new S3LogKeys(s3, filter);
        List<LogFiles.Input> inputs = new ArrayList<>();
        for (String uri : uris) {
            String bucket = S3Locations.bucketOf(uri);
            List<String> found;
            try {
                String key = uri.substring(S3.length() + bucket.length()).replaceFirst("^/", "");
                // one object named in full is read whatever the filters say, as a file named on the command line
                found = key.endsWith(".json") || key.endsWith(".json.gz")
                        ? List.of(key)
                        : keys.list(bucket, S3Locations.prefixOf(uri));
            } catch (SdkException e) {
                logs.problems++;
                err.println(SafeText.escape("cloudtrail: cannot list " + uri + ": " + CloudTrailCommand.describe(e)));
                continue;
            }
            if (found.isEmpty()) {
                err.println(SafeText.escape("cloudtrail: " + uri + ": no .json or .json.gz objects"
                        + (options.anyFilter() ? " that the filters select" : "")));
            }
            for (String key : found) {
                inputs.add(new LogFiles.Input(S3 + bucket + "/" + key, () -> fetch(bucket, key)));
            }
        }
        return inputs;
    }

    /** Starts fetching one object; its body streams in as it is read. */
    private InputStream fetch(String bucket, String key) throws IOException {
        try {
            return s3.getObject(g -> g.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw new IOException(CloudTrailCommand.describe(e), e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    private static Instant time(String option, String value) {
        try {
            return LogFileKeyFilter.time(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }
}
