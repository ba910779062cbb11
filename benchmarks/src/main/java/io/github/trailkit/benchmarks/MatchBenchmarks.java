package io.github.trailkit.benchmarks;

import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailReader;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.rules.RuleSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;
import software.amazon.event.ruler.Machine;

/**
 * Matching single records: {@link BenchData#TEXT_RECORDS} records, each as its own JSON text (as EventBridge or a queue
 * hands them over) or already parsed; one operation is one record.
 */
public class MatchBenchmarks extends JmhSettings {
    @Param({"10", "100", "1000"})
    public int rules;

    private String[] texts;
    private CloudTrailRecord[] records;
    private Machine machine;
    private RuleSet ruleSet;
    private CloudTrailReader reader;

    @Setup
    public void setup() {
        texts = BenchData.recordTexts(BenchData.TEXT_RECORDS).toArray(new String[0]);
        records = BenchData.records(BenchData.TEXT_RECORDS).toArray(new CloudTrailRecord[0]);
        machine = BenchRules.machine(rules);
        ruleSet = BenchRules.ruleSet(rules);
        reader = CloudTrail.reader();
    }

    /** Event Ruler: {@code rulesForJSONEvent} on each record's JSON text. */
    @Benchmark
    @OperationsPerInvocation(BenchData.TEXT_RECORDS)
    public void eventRulerJson(Blackhole bh) throws Exception {
        for (String t : texts) {
            bh.consume(machine.rulesForJSONEvent(t));
        }
    }

    /** trailkit: parse each record's JSON text to a typed record, then evaluate the rules. */
    @Benchmark
    @OperationsPerInvocation(BenchData.TEXT_RECORDS)
    public void trailkitJson(Blackhole bh) {
        for (String t : texts) {
            bh.consume(ruleSet.evaluation(reader.readRecord(t)));
        }
    }

    /** trailkit: evaluate the rules on records parsed beforehand. */
    @Benchmark
    @OperationsPerInvocation(BenchData.TEXT_RECORDS)
    public void trailkitMatch(Blackhole bh) {
        for (CloudTrailRecord r : records) {
            bh.consume(ruleSet.evaluation(r));
        }
    }
}
