package io.github.trailkit.benchmarks;

import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailLog;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.GeneratedLog;
import io.github.trailkit.rules.RuleSet;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Run in a child JVM with a small heap by {@link Report}: streams a generated log of at least the given number of
 * uncompressed bytes through the trailkit reader and 100 rules, then prints {@code records bytes peakHeapBytes
 * liveAfterGcBytes}: the peak of the heap pools' used memory over the run, and the largest heap in use after a
 * collection (what the program kept alive).
 */
public final class HeapProbe {
    private HeapProbe() {}

    public static void main(String[] args) {
        long bytes = Long.parseLong(args[0]);
        RuleSet rules = BenchRules.ruleSet(100);
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        GeneratedLog in = GeneratedLog.ofAtLeastBytes(bytes, BenchData.SEED);
        long findings = 0;
        try (CloudTrailLog log = CloudTrail.reader().read(in, "generated")) {
            for (CloudTrailRecord r : log) {
                findings += rules.evaluation(r).findings().size();
            }
        }
        long peak = 0;
        long live = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
                if (pool.getCollectionUsage() != null) {
                    live += pool.getCollectionUsage().getUsed();
                }
            }
        }
        System.out.println(in.recordCount() + " " + in.bytesProduced() + " " + peak + " " + live + " " + findings);
    }
}
