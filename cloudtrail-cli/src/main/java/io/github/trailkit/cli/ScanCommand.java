package io.github.trailkit.cli;

import io.github.trailkit.model.SafeText;
import io.github.trailkit.rules.Evaluation;
import io.github.trailkit.rules.Finding;
import io.github.trailkit.rules.RuleError;
import io.github.trailkit.rules.RuleSet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code cloudtrail scan [--rules FILE]... [--pack NAME]... [--threads N] PATH...}: one JSON line per finding, a
 * summary on stderr. Files are read in parallel, one per thread; the output is in path order whatever the threads.
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
    /** The most files read at the same time: each thread holds a file's buffers, and the read-ahead grows with them. */
    static final int MAX_THREADS = 256;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--rules",
            paramLabel = "FILE",
            description = "a rule document (YAML or JSON, EventBridge patterns) or a Sigma rule (a YAML file with"
                    + " logsource and detection), or a directory of them (every .yml, .yaml and .json file below"
                    + " it); repeat for more")
    private List<Path> ruleFiles = new ArrayList<>();

    @Option(
            names = "--pack",
            paramLabel = "NAME",
            description = "a built-in rule pack: cis-aws-foundations; repeat for more")
    private List<String> packs = new ArrayList<>();

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "files read at the same time, one file per thread (default: the number of processors,"
                    + " ${DEFAULT-VALUE} here); the output is the same for any N: each file's findings in record order,"
                    + " the files in path order; at most " + MAX_THREADS)
    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--fail-on-findings", description = "exit with 1 when there is a finding")
    private boolean failOnFindings;

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
                    + " and .json.gz files, in path order); or s3://bucket/prefix (objects in key order)")
    private List<Path> paths;

    @Mixin
    private S3ScanOptions s3 = new S3ScanOptions();

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
        if (threads < 1 || threads > MAX_THREADS) {
            err.println("cloudtrail scan: --threads must be between 1 and " + MAX_THREADS + ", not " + threads);
            return CloudTrailCommand.USAGE;
        }
        if (!RuleFiles.checkNamed("scan", ruleFiles, packs, err)) {
            return CloudTrailCommand.USAGE;
        }
        List<String> typed = S3Scan.typedPaths(spec);
        boolean inS3 = S3Scan.anyS3(typed);
        boolean exist = LogFiles.allExist(ruleFiles, err);
        if ((!inS3 && !LogFiles.allExist(paths, err)) || !exist) {
            return CloudTrailCommand.USAGE;
        }
        S3Scan s3Scan = inS3 ? S3Scan.open(s3, typed, err) : null;
        if (inS3 && s3Scan == null) {
            return CloudTrailCommand.USAGE;
        }
        try (S3Scan closing = s3Scan) {
            return run(typed, s3Scan, out, err);
        } catch (SdkException e) {
            err.println(SafeText.escape("cloudtrail scan: " + CloudTrailCommand.describe(e)));
            return CloudTrailCommand.PROBLEM;
        }
    }

    /** Reads the local files, or the S3 objects of {@code s3Scan}, the same way; returns the exit code. */
    private int run(List<String> typed, S3Scan s3Scan, PrintWriter out, PrintWriter err) {
        RuleSet rules = RuleFiles.ruleSet(ruleFiles, packs, err);
        if (rules == null) {
            return CloudTrailCommand.PROBLEM;
        }

        long start = System.nanoTime();
        lastProgress = start;
        LogFiles logs = new LogFiles(out, err).strictFields(strictFields);
        logs.beforeReport = () -> clearProgress(err);
        List<LogFiles.Input> inputs =
                s3Scan == null ? LogFiles.Input.of(logs.expand(paths)) : s3Scan.inputs(typed, logs, err);
        scan(inputs, rules, logs, out, err);
        out.flush();
        long nanos = System.nanoTime() - start;
        clearProgress(err);
        err.println(summary(logs, nanos));

        if (logs.problems > 0 || ruleErrors > 0 || (failOnFindings && findings > 0)) {
            return CloudTrailCommand.PROBLEM;
        }
        return CloudTrailCommand.OK;
    }

    /**
     * Reads the files on {@code threads} worker threads, one file per task, and prints each file's output (its findings
     * and problems, in the order they were found) as it is found, once every file before it is done: the output is the
     * same whatever the number of threads. This thread alone prints, so no line is ever split, and it updates the
     * progress line while it waits. At most a few files per thread are read ahead of the one being printed, each with
     * at most {@link FileScan#BUFFERED_LINES} lines waiting (its reading pauses when they are not taken), which bounds
     * what is held in memory whatever a file holds.
     */
    private void scan(List<LogFiles.Input> files, RuleSet rules, LogFiles logs, PrintWriter out, PrintWriter err) {
        Live live = progress ? new Live() : null;
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        try {
            Deque<FileScan> ahead = new ArrayDeque<>();
            int next = 0;
            int window = threads * 4;
            while (next < files.size() || !ahead.isEmpty()) {
                while (next < files.size() && ahead.size() < window) {
                    LogFiles.Input file = files.get(next++);
                    FileScan scan = new FileScan();
                    scan.task = pool.submit(() -> scanFile(file, rules, live, strictFields, scan));
                    ahead.add(scan);
                }
                FileScan head = ahead.remove();
                printAsFound(head, logs, live, out, err);
                await(head.task);
                count(head, logs, out, err);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One line of a file's output, to stdout or stderr. */
    private record Line(String text, boolean toErr) {}

    /**
     * One file's reading: its output lines, handed from its worker thread to the printing thread through a bounded
     * queue, and its counts, set before the last line.
     */
    private static final class FileScan {
        /** Lines of one file waiting to be printed; a worker that has this many waits for the printing thread. */
        static final int BUFFERED_LINES = 1024;
        /** Put after a file's last line. */
        static final Line END = new Line("", false);

        final BlockingQueue<Line> lines = new ArrayBlockingQueue<>(BUFFERED_LINES);
        Future<?> task;
        long files;
        long records;
        long problems;
        long findings;
        long ruleErrors;

        void out(String line) {
            put(new Line(line, false));
        }

        void err(String line) {
            put(new Line(line, true));
        }

        void put(Line line) {
            try {
                lines.put(line);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("scan stopped", e);
            }
        }
    }

    /** The counts the progress line shows while files are being read. */
    private static final class Live {
        final LongAdder records = new LongAdder();
        final LongAdder findings = new LongAdder();
        final LongAdder problems = new LongAdder();
    }

    /** Runs on a worker thread: touches nothing but its own {@link FileScan} and the thread-safe counters. */
    private static void scanFile(LogFiles.Input file, RuleSet rules, Live live, boolean strictFields, FileScan scan) {
        try {
            LogFiles logs = new LogFiles(() -> {}, line -> {
                        scan.err(line);
                        if (live != null && !line.startsWith("warning: ")) {
                            live.problems.increment();
                        }
                    })
                    .strictFields(strictFields);
            logs.read(file, (source, index, record) -> {
                Evaluation e = rules.evaluation(record);
                for (Finding finding : e.findings()) {
                    scan.findings++;
                    scan.out(finding.at(source, index).toJson(false));
                }
                for (RuleError error : e.errors()) {
                    scan.ruleErrors++;
                    scan.err(source + ": record " + index + ": " + error);
                }
                if (live != null) {
                    live.records.increment();
                    live.findings.add(e.findings().size());
                }
            });
            scan.files = logs.files;
            scan.records = logs.records;
            scan.problems = logs.problems;
        } finally {
            if (!Thread.currentThread().isInterrupted()) {
                scan.put(FileScan.END); // also after a failure, which await() then throws
            }
        }
    }

    /** Prints a file's lines as its worker finds them, up to its last, showing progress while waiting. */
    private void printAsFound(FileScan scan, LogFiles logs, Live live, PrintWriter out, PrintWriter err) {
        try {
            while (true) {
                Line line = live == null ? scan.lines.take() : scan.lines.poll(PROGRESS_NANOS, TimeUnit.NANOSECONDS);
                if (line == null) {
                    progress(logs, live, out, err);
                    continue;
                }
                if (line == FileScan.END) {
                    return;
                }
                clearProgress(err);
                if (line.toErr()) {
                    out.flush(); // keep stdout and stderr in order on a terminal
                    err.println(SafeText.escape(line.text()));
                } else {
                    out.println(SafeText.escape(line.text()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scanning", e);
        }
    }

    /** Waits for a file's task to end; a failure of the task is thrown here. */
    private static void await(Future<?> task) {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scanning", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    private void count(FileScan scan, LogFiles logs, PrintWriter out, PrintWriter err) {
        logs.files += scan.files;
        logs.records += scan.records;
        logs.problems += scan.problems;
        findings += scan.findings;
        ruleErrors += scan.ruleErrors;
        if (progress) {
            progress(logs, null, out, err);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "cloudtrail-scan-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Shows the counts at most every half second: those of the files printed, or with {@code live} those read so far. */
    private void progress(LogFiles logs, Live live, PrintWriter out, PrintWriter err) {
        long now = System.nanoTime();
        if (now - lastProgress < PROGRESS_NANOS) {
            return;
        }
        lastProgress = now;
        long records = live == null ? logs.records : Math.max(logs.records, live.records.sum());
        long found = live == null ? findings : Math.max(findings, live.findings.sum());
        long problems = live == null ? logs.problems : Math.max(logs.problems, live.problems.sum());
        clearProgress(err);
        out.flush(); // findings so far, each on its own line
        err.print(String.format(
                Locale.ROOT,
                "%,d %s, %,d %s, %,d %s, %,d %s",
                logs.files,
                plural(logs.files, "file"),
                records,
                plural(records, "record"),
                found,
                plural(found, "finding"),
                problems,
                plural(problems, "problem")));
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
        return String.format(
                Locale.ROOT,
                "scanned %d %s, %d %s: %d %s, %d %s%s in %.3f s (%d records/s)",
                logs.files,
                plural(logs.files, "file"),
                logs.records,
                plural(logs.records, "record"),
                findings,
                plural(findings, "finding"),
                logs.problems,
                plural(logs.problems, "problem"),
                errors,
                seconds,
                perSecond);
    }

    static String plural(long n, String word) {
        return n == 1 ? word : word + "s";
    }
}
