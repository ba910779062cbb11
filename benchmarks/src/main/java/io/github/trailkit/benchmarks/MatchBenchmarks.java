package io.github.trailkit.benchmarks;

import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailReader;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.rules.RuleSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import software.amazon.event.ruler.Machine;

/**
 * Matching single records: {@link BenchData#TEXT_RECORDS} records, each as its own JSON text (as EventBridge or a queue
 * hands them over) or already parsed; one operation is one record.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class MatchBenchmarks {
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
            bh.consume(ruleSet.match(reader.readRecord(t)));
        }
    }

    /** trailkit: evaluate the rules on records parsed beforehand. */
    @Benchmark
    @OperationsPerInvocation(BenchData.TEXT_RECORDS)
    public void trailkitMatch(Blackhole bh) {
        for (CloudTrailRecord r : records) {
            bh.consume(ruleSet.match(r));
        }
    }
}
