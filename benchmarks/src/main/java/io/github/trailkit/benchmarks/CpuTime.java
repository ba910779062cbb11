package io.github.trailkit.benchmarks;

import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailLog;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.rules.RuleSet;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;

/**
 * A before/after check for a change on a busy machine: best records per second of the main thread's CPU time (less
 * sensitive to other processes than wall time) over repeated passes of trailkit read, read + 100 rules, parse + match
 * from JSON text and match only.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.trailkit.benchmarks.CpuTime [passes] [match]</pre>
 *
 * <p>With {@code match}, only matching parsed records, with 10, 100 and 1,000 rules, in nanoseconds of CPU per record.
 */
public final class CpuTime {
    private CpuTime() {}

    public static void main(String[] args) {
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (args.length > 1 && args[1].equals("match")) {
            List<CloudTrailRecord> records = BenchData.records(BenchData.TEXT_RECORDS);
            long sink = 0;
            StringBuilder line = new StringBuilder("best of " + passes + " passes, CPU ns per record, match only:");
            for (int n : new int[] {10, 100, 1000}) {
                RuleSet rules = BenchRules.ruleSet(n);
                double best = Double.MAX_VALUE;
                for (int pass = 0; pass < passes; pass++) {
                    long t0 = threads.getCurrentThreadCpuTime();
                    for (CloudTrailRecord r : records) {
                        sink += rules.evaluation(r).rulesExamined();
                    }
                    best = Math.min(best, (threads.getCurrentThreadCpuTime() - t0) / (double) records.size());
                }
                line.append(String.format(Locale.ROOT, " %d rules %.0f ns |", n, best));
            }
            System.out.println(line + " (" + sink + ")");
            return;
        }
        byte[] gzip = BenchData.gzipLog();
        RuleSet rules = BenchRules.ruleSet(100);
        List<String> texts = BenchData.recordTexts(BenchData.TEXT_RECORDS);
        List<CloudTrailRecord> records = BenchData.records(BenchData.TEXT_RECORDS);
        double[] best = new double[4];
        long sink = 0;
        for (int pass = 0; pass < passes; pass++) {
            for (int mode = 0; mode < 4; mode++) {
                long t0 = threads.getCurrentThreadCpuTime();
                int n = 0;
                switch (mode) {
                    case 0, 1 -> {
                        try (CloudTrailLog log = CloudTrail.reader().read(gzip, "bench")) {
                            for (CloudTrailRecord r : log) {
                                sink += mode == 0
                                        ? r.hashCode() & 1
                                        : rules.evaluation(r).findings().size();
                                n++;
                            }
                        }
                    }
                    case 2 -> {
                        for (String t : texts) {
                            sink += rules.evaluation(CloudTrail.reader().readRecord(t))
                                    .findings()
                                    .size();
                            n++;
                        }
                    }
                    default -> {
                        for (CloudTrailRecord r : records) {
                            sink += rules.evaluation(r).findings().size();
                            n++;
                        }
                    }
                }
                double rate = n / ((threads.getCurrentThreadCpuTime() - t0) / 1e9);
                best[mode] = Math.max(best[mode], rate);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "best of %d passes, records per CPU-second: read %,.0f | read+100 rules %,.0f | "
                        + "JSON text parse+match %,.0f | match only %,.0f   (%d)%n",
                passes,
                best[0],
                best[1],
                best[2],
                best[3],
                sink);
    }
}
