package io.github.trailkit.cli;

import io.github.trailkit.lambda.digest.CloudTrailPublicKeys;
import io.github.trailkit.lambda.digest.S3TrailStore;
import io.github.trailkit.model.SafeText;
import io.github.trailkit.model.digest.DigestVerifier;
import io.github.trailkit.model.digest.FileVerdict;
import io.github.trailkit.model.digest.LocalTrailStore;
import io.github.trailkit.model.digest.PublicKeys;
import io.github.trailkit.model.digest.TrailStore;
import io.github.trailkit.model.digest.VerificationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code cloudtrail verify [--public-keys FILE | --fetch-public-keys] [--endpoint-url URL] [--region REGION] PATH|s3://bucket/prefix...}:
 * log file integrity validation from digest files, of a local copy of a trail bucket or of the bucket itself.
 */
@Command(
        name = "verify",
        description = {
            "Validates log file integrity from CloudTrail digest files: every digest's signature and chain link, and"
                    + " every log file's SHA-256, as aws cloudtrail validate-logs does.",
            "PATH is a local copy of a trail bucket: a directory holding AWSLogs/ (a path inside it, such as"
                    + " AWSLogs/111122223333, limits the check to that prefix). Digest signatures are S3 metadata;"
                    + " keep each as <digest>.metadata.json next to the digest, as printed by"
                    + " `aws s3api head-object --query Metadata`, or the newest digest of a chain has none.",
            "s3://bucket/prefix reads the bucket itself (the prefix is a folder, such as AWSLogs/111122223333/),"
                    + " signatures from the digests' metadata, with the AWS SDK's default credentials and region.",
            "Without --public-keys, CloudTrail's public keys are fetched with cloudtrail:ListPublicKeys from the"
                    + " region of each digest, for the time the digests span.",
            "Prints one line per file (VERDICT, Digest|Log file, reason naming the file), the gaps, then a summary;"
                    + " exit 1 when any file is not valid."
        })
final class VerifyCommand implements Callable<Integer> {
    /** Where CloudTrail clients come from, by region name; tests point it at a loopback endpoint. */
    static Function<String, CloudTrailClient> cloudTrailClients = region -> CloudTrailClient.builder()
            .region(Region.of(region))
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build();

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--public-keys",
            paramLabel = "FILE",
            description = "the JSON printed by `aws cloudtrail list-public-keys` for the digests' region")
    private Path publicKeys;

    @Option(
            names = "--fetch-public-keys",
            description = "fetch the public keys with cloudtrail:ListPublicKeys (the default without --public-keys)")
    private boolean fetchPublicKeys;

    @Option(
            names = "--endpoint-url",
            paramLabel = "URL",
            description = "an S3-compatible endpoint for s3:// paths (path-style access)")
    private URI endpointUrl;

    @Option(
            names = "--region",
            paramLabel = "REGION",
            description = "the S3 client's region; default: the SDK's (AWS_REGION, profile), else us-east-1 with"
                    + " --endpoint-url")
    private String region;

    @Option(names = "--verbose", description = "also print the valid files")
    private boolean verbose;

    @Parameters(
            arity = "1..*",
            paramLabel = "PATH|s3://bucket/prefix",
            description = "a directory holding AWSLogs/, or one inside it; or s3://bucket/prefix")
    private List<String> paths;

    /** One thing to verify: a store and a key prefix in it. */
    private record Target(TrailStore store, String prefix) {}

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (publicKeys != null && fetchPublicKeys) {
            err.println("cloudtrail verify: --public-keys and --fetch-public-keys exclude each other");
            return CloudTrailCommand.USAGE;
        }
        if (publicKeys != null && !Files.isRegularFile(publicKeys)) {
            err.println(SafeText.escape("cloudtrail verify: no such file: " + publicKeys));
            return CloudTrailCommand.USAGE;
        }
        for (String p : paths) {
            if (p.startsWith(S3Locations.S3)) {
                if (S3Locations.bucketOf(p).isEmpty()) {
                    err.println(SafeText.escape("cloudtrail verify: no bucket in " + p));
                    return CloudTrailCommand.USAGE;
                }
            } else if (!Files.isDirectory(Path.of(p))) {
                err.println(SafeText.escape("cloudtrail verify: not a directory: " + p));
                return CloudTrailCommand.USAGE;
            }
        }
        S3Client s3 = null;
        try {
            List<Target> targets = new ArrayList<>();
            for (String p : paths) {
                if (p.startsWith(S3Locations.S3)) {
                    if (s3 == null) {
                        s3 = S3Locations.client(endpointUrl, region);
                    }
                    targets.add(new Target(S3TrailStore.of(s3, S3Locations.bucketOf(p)), S3Locations.prefixOf(p)));
                } else {
                    Path abs = Path.of(p).toAbsolutePath().normalize();
                    Path root = rootOf(abs);
                    String prefix = root.equals(abs)
                            ? ""
                            : root.relativize(abs)
                                            .toString()
                                            .replace(abs.getFileSystem().getSeparator(), "/") + "/";
                    targets.add(new Target(LocalTrailStore.of(root), prefix));
                }
            }
            PublicKeys keys;
            try {
                keys = publicKeys != null ? PublicKeys.fromFile(publicKeys) : fetchKeys(targets);
            } catch (IllegalArgumentException | UncheckedIOException | SdkException e) {
                err.println(SafeText.escape("cloudtrail verify: " + CloudTrailCommand.describe(e)));
                return CloudTrailCommand.PROBLEM;
            }
            DigestVerifier verifier = DigestVerifier.of(keys);
            boolean valid = true;
            for (Target t : targets) {
                VerificationReport report;
                try {
                    report = verifier.verify(t.store(), t.prefix());
                } catch (UncheckedIOException e) {
                    err.println(SafeText.escape("cloudtrail verify: " + CloudTrailCommand.describe(e)));
                    return CloudTrailCommand.PROBLEM;
                }
                print(report, out);
                valid &= report.isValid();
            }
            return valid ? CloudTrailCommand.OK : CloudTrailCommand.PROBLEM;
        } catch (SdkException e) {
            err.println(SafeText.escape("cloudtrail verify: " + CloudTrailCommand.describe(e)));
            return CloudTrailCommand.PROBLEM;
        } finally {
            if (s3 != null) {
                s3.close();
            }
        }
    }

    /** The keys of every region the targets' digests are from, fetched with ListPublicKeys. */
    private static PublicKeys fetchKeys(List<Target> targets) {
        Map<String, CloudTrailClient> clients = new HashMap<>();
        try {
            PublicKeys keys = PublicKeys.of();
            for (Target t : targets) {
                try {
                    keys = keys.and(CloudTrailPublicKeys.forDigests(
                            t.store(), t.prefix(), r -> clients.computeIfAbsent(r, cloudTrailClients)));
                } catch (IOException e) {
                    throw new UncheckedIOException(
                            "cannot list the digests of "
                                    + t.store().locate(t.store().bucket().orElse(null), t.prefix()),
                            e);
                } catch (SdkException e) {
                    throw SdkException.builder()
                            .message("cannot fetch CloudTrail's public keys with"
                                    + " cloudtrail:ListPublicKeys (pass --public-keys FILE instead): " + e.getMessage())
                            .cause(e)
                            .build();
                }
            }
            return keys;
        } finally {
            clients.values().forEach(CloudTrailClient::close);
        }
    }

    private void print(VerificationReport report, PrintWriter out) {
        for (FileVerdict f : report.files()) {
            if (verbose || !f.isValid()) {
                out.println(columns(f.toString(), 3));
            }
        }
        for (String gap : report.gaps()) {
            out.println(columns("GAP\t" + gap, 2));
        }
        for (String pending : report.notYetCovered()) {
            out.println(columns("PENDING\tLog file\t" + pending + ": newer than the newest digest of its region", 3));
        }
        out.println(SafeText.escape(report.summary()));
    }

    /**
     * A line of {@code n} tab-separated columns with each column escaped ({@link SafeText}): a key or reason in the
     * last column can neither start a line nor add a column.
     */
    private static String columns(String line, int n) {
        String[] parts = line.split("\t", n);
        StringBuilder sb = new StringBuilder(line.length() + 16);
        for (int i = 0; i < parts.length; i++) {
            sb.append(i == 0 ? "" : "\t").append(SafeText.escape(parts[i]));
        }
        return sb.toString();
    }

    /** The directory the keys are relative to: the parent of the nearest {@code AWSLogs} at or above the path. */
    static Path rootOf(Path abs) {
        for (Path p = abs; p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().equals("AWSLogs")) {
                return p.getParent();
            }
        }
        return abs;
    }
}
