package io.github.trailkit.cli;

import io.github.trailkit.model.SafeText;
import java.io.BufferedWriter;
import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code cloudtrail} command: reads CloudTrail log files, prints their records as JSON lines, and scans them with
 * rule documents.
 *
 * <pre>{@code
 * java -jar cloudtrail.jar records AWSLogs/111122223333/CloudTrail/us-east-1/2024/01/31
 * java -jar cloudtrail.jar scan --rules rules/sns.yaml --fail-on-findings logs/
 * java -jar cloudtrail.jar rules check rules/*.yaml
 * java -jar cloudtrail.jar demo     # the S3-triggered Lambda, S3 and SNS on loopback, end to end
 * java -jar cloudtrail.jar verify --public-keys keys.json bucket-copy/
 * java -jar cloudtrail.jar invoke --rules rules/sns.yaml captured-event.json   # the Lambda handler on a saved event
 *
 * // in code or tests, without System.exit:
 * int exit = CloudTrailCommand.run(new String[] {"records", "logs"}, System.out, System.err);
 * }</pre>
 *
 * <p>Exit codes: {@code 0} everything was read (and, for {@code scan --fail-on-findings}, nothing was found); {@code
 * 1} a problem was found: a bad record, a damaged or unreadable file, invalid rules, a rule that failed, findings
 * with {@code --fail-on-findings}, or no message published by {@code demo}; {@code 2} a usage error: an unknown
 * option, a missing argument, a path that does not exist.
 */
@Command(
        name = "cloudtrail",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT, // -h and -V on every subcommand
        versionProvider = CloudTrailCommand.Version.class,
        description = "Reads AWS CloudTrail log files (.json, .json.gz), scans them with rules and verifies their"
                + " digest chains; demo runs the S3-triggered Lambda end to end on this machine.",
        subcommands = {
            RecordsCommand.class,
            ScanCommand.class,
            RulesCommand.class,
            VerifyCommand.class,
            DemoCommand.class,
            InvokeCommand.class
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  everything was read",
            "  1  a problem: a bad record or file, invalid rules, a rule that failed,",
            "     or findings with scan --fail-on-findings, or a file verify found not valid,",
            "     or nothing published by demo, or an invocation invoke saw fail",
            "  2  a usage error: unknown option, missing argument, path not found"
        })
public final class CloudTrailCommand implements Callable<Integer> {
    /** Exit code: everything was read. */
    static final int OK = 0;
    /** Exit code: a problem was found. */
    static final int PROBLEM = 1;
    /** Exit code: a usage error. */
    static final int USAGE = 2;

    @Spec
    private CommandSpec spec;

    CloudTrailCommand() {}

    /** Runs the command and exits the JVM with its exit code. */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        int code = run(args, out, System.err, isTerminal());
        out.flush();
        System.exit(code);
    }

    /**
     * Runs the command with these arguments, writing to {@code out} and {@code err} (in UTF-8), and returns the exit
     * code; it never exits the JVM and never prints a progress line.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, false);
    }

    private static int run(String[] args, PrintStream out, PrintStream err, boolean progress) {
        PrintWriter o =
                new PrintWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16));
        PrintWriter e = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        try {
            CommandLine cl = new CommandLine(new CloudTrailCommand())
                    .setOut(o)
                    .setErr(e)
                    .setExecutionExceptionHandler((ex, line, parsed) -> {
                        line.getOut().flush();
                        line.getErr().println(SafeText.escape("cloudtrail: " + describe(ex)));
                        return PROBLEM;
                    });
            cl.getSubcommands().get("scan").<ScanCommand>getCommand().progress = progress;
            return cl.execute(args);
        } finally {
            o.flush();
            e.flush();
        }
    }

    static String describe(Throwable t) {
        if (t instanceof UncheckedIOException && t.getCause() != null) {
            return t.getMessage() + ": " + t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** Without a subcommand: a usage error. */
    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /** Whether a person is watching stderr: a console, and on JDK 22+ one that is a terminal. */
    private static boolean isTerminal() {
        Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 17-21: a console exists only for a terminal
        }
    }

    /** The version from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = CloudTrailCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"cloudtrail (trailkit) " + p.getProperty("version", "unknown")};
        }
    }
}
