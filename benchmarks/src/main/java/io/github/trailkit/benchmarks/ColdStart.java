package io.github.trailkit.benchmarks;

import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailLog;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.rules.Finding;
import io.github.trailkit.rules.RuleDocuments;
import io.github.trailkit.rules.RuleSet;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

/**
 * Run in a fresh JVM by {@link Report}: what a Lambda's first invocation does on our side, without the network: load
 * the 100-rule document from the class path, compile it, open the gzip log file and read records until the first
 * finding. Prints the JVM's uptime in milliseconds at that moment and the index of the record.
 */
public final class ColdStart {
    private ColdStart() {}

    public static void main(String[] args) {
        RuleSet rules = RuleSet.of(RuleDocuments.readResource(BenchRules.RESOURCE));
        try (CloudTrailLog log = CloudTrail.reader().read(Path.of(args[0]))) {
            for (CloudTrailRecord r : log) {
                List<?> findings = rules.findings(r);
                if (!findings.isEmpty()) {
                    long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
                    System.out.println("first-finding " + uptime + " " + log.lastRecordIndex() + " "
                            + ((Finding) findings.get(0)).ruleId());
                    return;
                }
            }
        }
        System.out.println("no-finding");
    }
}
