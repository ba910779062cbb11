package io.github.trailkit.cli;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of {@code scan} for {@code s3://bucket/prefix} paths: where, and which keys to read. */
final class S3ScanOptions {
    @Option(
            names = "--endpoint-url",
            paramLabel = "URL",
            description = "an S3-compatible endpoint for s3:// paths (path-style access)")
    URI endpointUrl;

    @Option(
            names = "--account",
            paramLabel = "ID",
            split = ",",
            description = "s3:// paths: read only this account's log files (AWSLogs/[o-id/]<account>/); repeat or"
                    + " separate with commas for more")
    List<String> accounts = new ArrayList<>();

    @Option(
            names = "--region",
            paramLabel = "REGION",
            split = ",",
            description = "s3:// paths: read only this region's log files; repeat or separate with commas for more")
    List<String> regions = new ArrayList<>();

    @Option(
            names = "--org",
            paramLabel = "O-ID",
            description = "s3:// paths: read only the log files of this organization (AWSLogs/<o-id>/)")
    String organizationId;

    @Option(
            names = "--from",
            paramLabel = "TIME",
            description = "s3:// paths: skip log files delivered before this date (2024-01-31) or UTC time"
                    + " (2024-01-31T12:00:00Z); records near the edges may be outside the range")
    String from;

    @Option(
            names = "--to",
            paramLabel = "TIME",
            description = "s3:// paths: skip log files delivered more than --max-delivery-delay after this date or"
                    + " UTC time")
    String to;

    @Option(
            names = "--max-delivery-delay",
            paramLabel = "DURATION",
            defaultValue = "PT24H",
            description = "how late CloudTrail may deliver a record, for --to (ISO-8601, default ${DEFAULT-VALUE})")
    String maxDeliveryDelay;

    boolean anyFilter() {
        return !accounts.isEmpty() || !regions.isEmpty() || organizationId != null || from != null || to != null;
    }
}
