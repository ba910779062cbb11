package io.github.trailkit.benchmarks;

import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailLog;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.CloudTrailWriter;
import io.github.trailkit.rules.Finding;
import io.github.trailkit.rules.RuleSet;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The writer next to the reader, timed in this JVM (best of several passes after warm-up passes): writing the 50,000
 * parsed records of the benchmark log as JSON lines, reading and writing them, and printing the findings of 100 rules as
 * JSON lines, each as records/s and as a ratio to reading the same log.
 */
final class WriterTimes {
    private WriterTimes() {}

    static List<String> rows(boolean quick) {
        byte[] gzip = BenchData.gzipLog();
        List<CloudTrailRecord> records = new ArrayList<>();
        try (CloudTrailLog log = CloudTrail.reader().read(gzip, "bench")) {
            log.forEach(records::add);
        }
        CloudTrailWriter writer = CloudTrail.writer();
        RuleSet rules = BenchRules.ruleSet(100);
        int warm = quick ? 1 : 3;
        int passes = quick ? 2 : 5;
        long[] findings = new long[1];
        double read = best(warm, passes, () -> {
            long n = 0;
            try (CloudTrailLog log = CloudTrail.reader().read(gzip, "bench")) {
                for (CloudTrailRecord r : log) {
                    n += r.eventName().isPresent() ? 1 : 0;
                }
            }
            return n;
        });
        double write = best(warm, passes, () -> {
            try (BufferedOutputStream out = new BufferedOutputStream(OutputStream.nullOutputStream(), 1 << 16)) {
                for (CloudTrailRecord r : records) {
                    writer.writeRecord(r, out);
                    out.write('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return records.size();
        });
        double readWrite = best(warm, passes, () -> {
            long n = 0;
            try (CloudTrailLog log = CloudTrail.reader().read(gzip, "bench");
                    BufferedOutputStream out = new BufferedOutputStream(OutputStream.nullOutputStream(), 1 << 16)) {
                for (CloudTrailRecord r : log) {
                    writer.writeRecord(r, out);
                    out.write('\n');
                    n++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return n;
        });
        double findingLines = best(warm, passes, () -> {
            long f = 0;
            try (CloudTrailLog log = CloudTrail.reader().read(gzip, "bench");
                    BufferedOutputStream out = new BufferedOutputStream(OutputStream.nullOutputStream(), 1 << 16)) {
                long index = 0;
                for (CloudTrailRecord r : log) {
                    for (Finding finding : rules.findings(r)) {
                        out.write(finding.at("bench", index).toJson(false).getBytes(StandardCharsets.UTF_8));
                        out.write('\n');
                        f++;
                    }
                    index++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            findings[0] = f;
            return f;
        });
        int n = records.size();
        List<String> md = new ArrayList<>();
        md.add("");
        md.add(String.format(
                Locale.ROOT,
                "| the writer, in this JVM, %,d records (%d warm-up, best of %d passes) | records/s | ratio to the reader |"
                        + " target |",
                n,
                warm,
                passes));
        md.add("|---|---:|---:|---|");
        double readRps = n / read;
        md.add(String.format(Locale.ROOT, "| trailkit read of the same log (reference) | %,.0f | 1.00 | |", readRps));
        add(md, "write JSON lines of the parsed records (`writeRecord(record, out)` + `\\n`)", n / write, readRps);
        add(md, "read + write JSON lines", n / readWrite, readRps);
        add(
                md,
                String.format(
                        Locale.ROOT,
                        "read + 100 rules + findings as JSON lines (%,d findings; records/s)",
                        findings[0]),
                n / findingLines,
                readRps);
        md.add("");
        md.add("load average after the writer rows: " + Report.loadAverage() + ".");
        return md;
    }

    private static void add(List<String> md, String label, double rps, double readRps) {
        md.add(String.format(
                Locale.ROOT,
                "| %s | %,.0f | %.2f | %s |",
                label,
                rps,
                rps / readRps,
                Report.atLeast(rps / readRps, 0.80, "of the reader")));
    }

    /** The shortest time of {@code passes} timed runs, in seconds. */
    private static double best(int warm, int passes, LongSupplier work) {
        long sink = 0;
        for (int i = 0; i < warm; i++) {
            sink += work.getAsLong();
        }
        double best = Double.MAX_VALUE;
        for (int i = 0; i < passes; i++) {
            long t0 = System.nanoTime();
            sink += work.getAsLong();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        if (sink == 42) {
            System.out.print("");
        }
        System.out.printf(Locale.ROOT, "  %.3f s (load %s)%n", best, Report.loadAverage());
        return best;
    }
}
