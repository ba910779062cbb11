package io.github.trailkit.model.digest;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The result of a verification: a verdict for every digest and log file, the gaps found in the digest chains, and
 * the log files too new to be in a digest yet.
 *
 * <pre>{@code
 * VerificationReport report = verifier.verify(store, "AWSLogs/111122223333/");
 * report.files().forEach(System.out::println);
 * System.out.println(report.summary());   // "3/3 digest files valid; 6/7 log files valid, 1 MODIFIED"
 * if (!report.isValid()) { ... }
 * }</pre>
 */
public final class VerificationReport {
    private final List<FileVerdict> files;
    private final List<String> gaps;
    private final List<String> notYetCovered;

    /**
     * A report.
     *
     * @param files every verdict, digests first
     * @param gaps descriptions of periods no digest covers
     * @param notYetCovered locations of log files delivered after the newest digest of their region
     */
    public VerificationReport(List<FileVerdict> files, List<String> gaps, List<String> notYetCovered) {
        this.files = List.copyOf(files);
        this.gaps = List.copyOf(gaps);
        this.notYetCovered = List.copyOf(notYetCovered);
    }

    /** Every verdict: digests first, then log files, each in key order. */
    public List<FileVerdict> files() {
        return files;
    }

    /** The verdicts on digest files. */
    public List<FileVerdict> digests() {
        return files.stream()
                .filter(f -> f.type() == FileVerdict.FileType.DIGEST)
                .toList();
    }

    /** The verdicts on log files. */
    public List<FileVerdict> logFiles() {
        return files.stream().filter(f -> f.type() == FileVerdict.FileType.LOG).toList();
    }

    /** The verdicts other than {@link Verdict#VALID}. */
    public List<FileVerdict> problems() {
        return files.stream().filter(f -> !f.isValid()).toList();
    }

    /**
     * Periods no digest covers, as the AWS CLI words them ({@code No log files were delivered by CloudTrail between
     * ... and ...}): where a chain starts again after an older digest, or two linked digests leave time between
     * them. Information, not a failure: validation or logging was off.
     */
    public List<String> gaps() {
        return gaps;
    }

    /**
     * Log files delivered after the newest digest of their account and region: the next digest will list them.
     * Information, not a failure.
     */
    public List<String> notYetCovered() {
        return notYetCovered;
    }

    /** True when every file is {@link Verdict#VALID} (there may be no files at all). */
    public boolean isValid() {
        return files.stream().allMatch(FileVerdict::isValid);
    }

    /** How many files have this verdict. */
    public long count(Verdict verdict) {
        return files.stream().filter(f -> f.verdict() == verdict).count();
    }

    /** For example {@code 3/3 digest files valid; 6/7 log files valid, 1 MODIFIED}. */
    public String summary() {
        return part("digest", digests()) + "; " + part("log", logFiles());
    }

    private static String part(String what, List<FileVerdict> list) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        list.forEach(f -> counts.merge(f.verdict(), 1, Integer::sum));
        StringJoiner s = new StringJoiner(", ");
        s.add(counts.getOrDefault(Verdict.VALID, 0) + "/" + list.size() + " " + what + " files valid");
        counts.forEach((v, n) -> {
            if (v != Verdict.VALID) {
                s.add(n + " " + v);
            }
        });
        return s.toString();
    }

    @Override
    public String toString() {
        return summary();
    }
}
