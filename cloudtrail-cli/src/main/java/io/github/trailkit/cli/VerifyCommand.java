package io.github.trailkit.cli;

import io.github.trailkit.model.digest.DigestVerifier;
import io.github.trailkit.model.digest.FileVerdict;
import io.github.trailkit.model.digest.LocalTrailStore;
import io.github.trailkit.model.digest.PublicKeys;
import io.github.trailkit.model.digest.VerificationReport;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cloudtrail verify --public-keys FILE PATH...}: log file integrity validation from digest files. */
@Command(
        name = "verify",
        description = {
            "Validates log file integrity from CloudTrail digest files: every digest's signature and chain link, and"
                    + " every log file's SHA-256, as aws cloudtrail validate-logs does.",
            "PATH is a local copy of a trail bucket: a directory holding AWSLogs/ (a path inside it, such as"
                    + " AWSLogs/111122223333, limits the check to that prefix). Digest signatures are S3 metadata;"
                    + " keep each as <digest>.metadata.json next to the digest, as printed by"
                    + " `aws s3api head-object --query Metadata`, or the newest digest of a chain has none.",
            "Prints one line per file (VERDICT, Digest|Log file, reason naming the file), the gaps, then a summary;"
                    + " exit 1 when any file is not valid."
        })
final class VerifyCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--public-keys", required = true, paramLabel = "FILE",
            description = "the JSON printed by `aws cloudtrail list-public-keys` for the digests' region")
    private Path publicKeys;

    @Option(names = "--verbose", description = "also print the valid files")
    private boolean verbose;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "a directory holding AWSLogs/, or one inside it")
    private List<Path> paths;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(publicKeys)) {
            err.println("cloudtrail verify: no such file: " + publicKeys);
            return CloudTrailCommand.USAGE;
        }
        for (Path p : paths) {
            if (!Files.isDirectory(p)) {
                err.println("cloudtrail verify: not a directory: " + p);
                return CloudTrailCommand.USAGE;
            }
        }
        PublicKeys keys;
        try {
            keys = PublicKeys.fromFile(publicKeys);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("cloudtrail verify: " + CloudTrailCommand.describe(e));
            return CloudTrailCommand.PROBLEM;
        }
        DigestVerifier verifier = DigestVerifier.of(keys);
        boolean valid = true;
        for (Path p : paths) {
            Path abs = p.toAbsolutePath().normalize();
            Path root = rootOf(abs);
            String prefix = root.equals(abs) ? "" : root.relativize(abs).toString().replace(abs.getFileSystem().getSeparator(), "/") + "/";
            VerificationReport report = verifier.verify(LocalTrailStore.of(root), prefix);
            print(report, out);
            valid &= report.isValid();
        }
        return valid ? CloudTrailCommand.OK : CloudTrailCommand.PROBLEM;
    }

    private void print(VerificationReport report, PrintWriter out) {
        for (FileVerdict f : report.files()) {
            if (verbose || !f.isValid()) {
                out.println(f);
            }
        }
        for (String gap : report.gaps()) {
            out.println("GAP\t" + gap);
        }
        for (String pending : report.notYetCovered()) {
            out.println("PENDING\tLog file\t" + pending + ": newer than the newest digest of its region");
        }
        out.println(report.summary());
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
