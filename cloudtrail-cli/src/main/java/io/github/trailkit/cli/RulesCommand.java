package io.github.trailkit.cli;

import io.github.trailkit.model.SafeText;
import io.github.trailkit.rules.Rule;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cloudtrail rules ...}: commands about rule documents. */
@Command(
        name = "rules",
        description = "Works with rule documents (YAML or JSON files of EventBridge-pattern rules).",
        subcommands = RulesCommand.Check.class)
final class RulesCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    /** Without a subcommand: a usage error. */
    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /** {@code cloudtrail rules check FILE...}. */
    @Command(
            name = "check",
            description = {
                "Validates rule documents: prints file:line:column: message for every problem of every file, or"
                        + " file: N rules OK."
            })
    static final class Check implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(
                arity = "1..*",
                paramLabel = "FILE",
                description =
                        "rule documents or Sigma rules, or directories of them (every .yml, .yaml and .json file)")
        private List<Path> files;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!LogFiles.allExist(files, err)) {
                return CloudTrailCommand.USAGE;
            }
            List<Path> expanded = RuleFiles.expand(files, err);
            boolean ok = expanded != null;
            for (Path file : ok ? expanded : List.<Path>of()) {
                List<Rule> rules = RuleFiles.load(file, err);
                if (rules == null) {
                    ok = false;
                } else {
                    out.println(SafeText.escape(
                            file + ": " + rules.size() + " " + ScanCommand.plural(rules.size(), "rule") + " OK"));
                }
            }
            return ok ? CloudTrailCommand.OK : CloudTrailCommand.PROBLEM;
        }
    }
}
