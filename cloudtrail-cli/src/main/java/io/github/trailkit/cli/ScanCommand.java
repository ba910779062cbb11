package io.github.trailkit.cli;

import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.rules.Evaluation;
import io.github.trailkit.rules.Finding;
import io.github.trailkit.rules.Rule;
import io.github.trailkit.rules.RuleError;
import io.github.trailkit.rules.RulePacks;
import io.github.trailkit.rules.RuleSet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cloudtrail scan [--rules FILE]... [--pack NAME]... PATH...}: one JSON line per finding, a summary on stderr.
 */
@Command(
        name = "scan",
        description = {
            "Evaluates every record of the log files with the rules of the rule documents and prints each finding"
                    + " as one JSON line (rule, severity, event, source file and record index).",
            "A summary goes to stderr; on a terminal, a progress line too. Invalid rule documents are reported as"
                    + " file:line:column: message, and nothing is scanned."
        })
final class ScanCommand implements Callable<Integer> {
    private static final long PROGRESS_NANOS = 500_000_000L;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--rules",
            paramLabel = "FILE",
            description = "a rule document (YAML or JSON, EventBridge patterns) or a Sigma rule (a YAML file with"
                    + " logsource and detection); repeat for more")
    private List<Path> ruleFiles = new ArrayList<>();

    @Option(
            names = "--pack",
            paramLabel = "NAME",
            description = "a built-in rule pack: cis-aws-foundations; repeat for more")
    private List<String> packs = new ArrayList<>();

    @Option(names = "--fail-on-findings", description = "exit with 1 when there is a finding")
    private boolean failOnFindings;

    @Parameters(
            arity = "1..*",
            paramLabel = "PATH",
            description = "log files (read whatever their name) and directories (searched recursively for .json"
                    + " and .json.gz files, in path order)")
    private List<Path> paths;

    /** Whether to print a progress line; set for a terminal only, never in tests. */
    boolean progress;

    private long findings;
    private long ruleErrors;
    private long lastProgress;
    private boolean progressShown;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (ruleFiles.isEmpty() && packs.isEmpty()) {
            err.println("cloudtrail scan: give at least one --rules FILE or --pack NAME");
            return CloudTrailCommand.USAGE;
        }
        for (String pack : packs) {
            if (!RulePacks.names().contains(pack)) {
                err.println("cloudtrail scan: no rule pack named \"" + pack + "\"; the packs are "
                        + String.join(", ", new java.util.TreeSet<>(RulePacks.names())));
                return CloudTrailCommand.USAGE;
            }
        }
        boolean exist = LogFiles.allExist(ruleFiles, err);
        if (!LogFiles.allExist(paths, err) || !exist) {
            return CloudTrailCommand.USAGE;
        }
        RuleSet rules = loadRules(err);
        if (rules == null) {
            return CloudTrailCommand.PROBLEM;
        }

        long start = System.nanoTime();
        lastProgress = start;
        LogFiles logs = new LogFiles(out, err);
        logs.beforeReport = () -> clearProgress(err);
        for (Path file : logs.expand(paths)) {
            String source = file.toString();
            logs.read(file, (f, index, record) -> {
                evaluate(rules, source, index, record, out, err);
                if (progress) {
                    progress(logs, out, err);
                }
            });
        }
        out.flush();
        long nanos = System.nanoTime() - start;
        clearProgress(err);
        err.println(summary(logs, nanos));

        if (logs.problems > 0 || ruleErrors > 0 || (failOnFindings && findings > 0)) {
            return CloudTrailCommand.PROBLEM;
        }
        return CloudTrailCommand.OK;
    }

    /** Every rule of every document, or {@code null} after reporting all problems of all documents. */
    private RuleSet loadRules(PrintWriter err) {
        List<Rule> all = new ArrayList<>();
        Map<String, Path> ids = new HashMap<>();
        boolean ok = true;
        for (Path file : ruleFiles) {
            List<Rule> rules = RuleFiles.load(file, err);
            if (rules == null) {
                ok = false;
                continue;
            }
            for (Rule r : rules) {
                Path first = ids.putIfAbsent(r.id(), file);
                if (first != null) {
                    err.println(file + ": rule id \"" + r.id() + "\" is also used in " + first);
                    ok = false;
                }
            }
            all.addAll(rules);
        }
        for (String pack : packs) {
            for (Rule r : RulePacks.byName(pack)) {
                Path first = ids.putIfAbsent(r.id(), Path.of("--pack " + pack));
                if (first != null) {
                    if (!first.toString().equals("--pack " + pack)) {
                        err.println("--pack " + pack + ": rule id \"" + r.id() + "\" is also used in " + first);
                        ok = false;
                    }
                    continue;
                }
                all.add(r);
            }
        }
        return ok ? RuleSet.of(all) : null;
    }

    private void evaluate(RuleSet rules, String source, long index, CloudTrailRecord record, PrintWriter out,
            PrintWriter err) {
        Evaluation e = rules.match(record);
        for (Finding f : e.findings()) {
            findings++;
            out.println(f.at(source, index).toJson(false));
        }
        for (RuleError error : e.errors()) {
            ruleErrors++;
            clearProgress(err);
            out.flush();
            err.println(source + ": record " + index + ": " + error);
        }
    }

    private void progress(LogFiles logs, PrintWriter out, PrintWriter err) {
        long now = System.nanoTime();
        if (now - lastProgress < PROGRESS_NANOS) {
            return;
        }
        lastProgress = now;
        clearProgress(err);
        out.flush(); // findings so far, each on its own line
        err.print(String.format(Locale.ROOT, "%,d %s, %,d %s, %,d %s, %,d %s",
                logs.files, plural(logs.files, "file"), logs.records, plural(logs.records, "record"),
                findings, plural(findings, "finding"), logs.problems, plural(logs.problems, "problem")));
        err.flush();
        progressShown = true;
    }

    /** Erases the progress line, if one is shown, so that the next line of output starts clean. */
    private void clearProgress(PrintWriter err) {
        if (progressShown) {
            err.print("\r\033[K");
            err.flush();
            progressShown = false;
        }
    }

    private String summary(LogFiles logs, long nanos) {
        double seconds = nanos / 1e9;
        long perSecond = seconds > 0 ? Math.round(logs.records / seconds) : 0;
        String errors = ruleErrors == 0 ? "" : String.format(Locale.ROOT, ", %d rule errors", ruleErrors);
        return String.format(Locale.ROOT,
                "scanned %d %s, %d %s: %d %s, %d %s%s in %.3f s (%d records/s)",
                logs.files, plural(logs.files, "file"),
                logs.records, plural(logs.records, "record"),
                findings, plural(findings, "finding"),
                logs.problems, plural(logs.problems, "problem"),
                errors, seconds, perSecond);
    }

    static String plural(long n, String word) {
        return n == 1 ? word : word + "s";
    }
}
