package io.github.trailkit.cli;

import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailWriter;
import io.github.trailkit.model.SafeText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cloudtrail records PATH...}: every record as one JSON line. */
@Command(
        name = "records",
        description = {
            "Prints every record of the log files as one JSON line, as the library's writer writes it.",
            "Invalid records and damaged files are reported on stderr with file, record index and byte offset;"
                    + " the other records and files are still read."
        })
final class RecordsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(
            names = "--strict-fields",
            description = "skip and report a record with a member whose value cannot be read into its type (such as"
                    + " an eventTime of \"redacted\"); by default such a record is read, that value kept as it came,"
                    + " and a warning printed on stderr")
    private boolean strictFields;

    @Parameters(
            arity = "1..*",
            paramLabel = "PATH",
            description = "log files (read whatever their name) and directories (searched recursively for .json"
                    + " and .json.gz files, in path order)")
    private List<Path> paths;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!LogFiles.allExist(paths, err)) {
            return CloudTrailCommand.USAGE;
        }
        CloudTrailWriter writer = CloudTrail.writer();
        LogFiles logs = new LogFiles(out, err).strictFields(strictFields);
        for (Path file : logs.expand(paths)) {
            logs.read(file, (source, index, record) -> out.println(SafeText.escape(writer.toJson(record))));
            if (out.checkError()) { // stdout was closed (| head): nobody reads on
                return logs.problems == 0 ? CloudTrailCommand.OK : CloudTrailCommand.PROBLEM;
            }
        }
        return logs.problems == 0 ? CloudTrailCommand.OK : CloudTrailCommand.PROBLEM;
    }
}
