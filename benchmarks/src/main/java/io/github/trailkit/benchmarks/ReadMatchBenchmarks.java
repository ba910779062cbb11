package io.github.trailkit.benchmarks;

import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailLog;
import io.github.trailkit.model.CloudTrailReader;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.rules.RuleSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What a log costs with a number of rules: the gzip log file of {@link ReadBenchmarks} read to typed records, each
 * evaluated against the rule set as soon as it is read, as {@code cloudtrail scan} and the Lambda handler do; one
 * operation is one record. With 100 rules this is the report's "read + 100 rules" row; 10, 100 and 1,000 rules give the
 * cost per record as the rule set grows.
 */
public class ReadMatchBenchmarks extends JmhSettings {
    @Param({"10", "100", "1000"})
    public int rules;

    private byte[] gzip;
    private CloudTrailReader reader;
    private RuleSet ruleSet;

    @Setup
    public void setup() {
        gzip = BenchData.gzipLog();
        reader = CloudTrail.reader();
        ruleSet = BenchRules.ruleSet(rules);
    }

    /** trailkit: gzip to typed records, each evaluated against the rules. */
    @Benchmark
    @OperationsPerInvocation(BenchData.FILE_RECORDS)
    public void trailkitReadMatch(Blackhole bh) {
        try (CloudTrailLog log = reader.read(gzip, "bench")) {
            for (CloudTrailRecord r : log) {
                bh.consume(ruleSet.evaluation(r));
            }
        }
    }
}
