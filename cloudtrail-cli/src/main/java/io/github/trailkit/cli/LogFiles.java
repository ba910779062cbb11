package io.github.trailkit.cli;

import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailLog;
import io.github.trailkit.model.CloudTrailParseException;
import io.github.trailkit.model.CloudTrailReader;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.FieldPolicy;
import io.github.trailkit.model.ProblemPolicy;
import io.github.trailkit.model.RecordProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The log files named on a command line, and reading them: every record is handed on, every problem is reported on
 * stderr naming the file, and a damaged file never stops the next one.
 */
final class LogFiles {
    private static final CloudTrailReader READER = CloudTrail.reader().onProblem(ProblemPolicy.SKIP_AND_REPORT);
    /** {@code --strict-fields}: a record with a member that cannot be read is skipped and reported, not delivered. */
    private static final CloudTrailReader STRICT = READER.onBadField(FieldPolicy.REJECT_RECORD);

    /** What is done with each record read: {@code recordIndex} is its index in the file's {@code Records} array. */
    interface RecordHandler {
        void accept(Path file, long recordIndex, CloudTrailRecord record);
    }

    private final Runnable flushOut;
    private final Consumer<String> err;
    long files;
    long records;
    long problems;
    /** Members kept as they came in delivered records: reported on stderr, not counted as problems. */
    long warnings;
    private CloudTrailReader reader = READER;
    /** Run before a problem is reported on stderr: {@code scan} clears its progress line there. */
    Runnable beforeReport = () -> {};

    LogFiles(PrintWriter out, PrintWriter err) {
        this(out::flush, err::println);
    }

    /**
     * Reading that reports its problems to {@code err}, one whole line each, after running {@code flushOut} (which
     * keeps stdout and stderr in order on a terminal): {@code scan} gives each file's reading its own buffer here.
     */
    LogFiles(Runnable flushOut, Consumer<String> err) {
        this.flushOut = flushOut;
        this.err = err;
    }

    /** Reads with {@link FieldPolicy#REJECT_RECORD} ({@code strict}) rather than the default, keep and warn. */
    LogFiles strictFields(boolean strict) {
        reader = strict ? STRICT : READER;
        return this;
    }

    /**
     * Checks that every path exists; reports each one that does not.
     *
     * @return whether they all exist
     */
    static boolean allExist(List<Path> paths, PrintWriter err) {
        boolean ok = true;
        for (Path p : paths) {
            if (!Files.exists(p)) {
                err.println("cloudtrail: " + p + ": no such file or directory");
                ok = false;
            }
        }
        return ok;
    }

    /**
     * The files to read for these paths, in order: a file named explicitly whatever its name; the files ending {@code
     * .json} or {@code .json.gz} under a directory, recursively, sorted by path. A directory that cannot be listed is
     * reported and counted as a problem.
     */
    List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.isDirectory(p)) {
                files.add(p);
                continue;
            }
            List<Path> found;
            try (Stream<Path> walk = Files.walk(p)) {
                found = walk.filter(LogFiles::isLogFileName).filter(Files::isRegularFile).sorted()
                        .collect(Collectors.toList());
            } catch (IOException | UncheckedIOException e) {
                beforeReport.run();
                problem("cloudtrail: cannot list " + p + ": " + CloudTrailCommand.describe(e));
                continue;
            }
            if (found.isEmpty()) {
                err.accept("cloudtrail: " + p + ": no .json or .json.gz files");
            }
            files.addAll(found);
        }
        return files;
    }

    private static boolean isLogFileName(Path p) {
        Path name = p.getFileName();
        if (name == null) {
            return false;
        }
        String s = name.toString();
        return s.endsWith(".json") || s.endsWith(".json.gz");
    }

    /**
     * Reads one file, handing each valid record to {@code handler}; reports the invalid records, then the damage that
     * stopped the reading, if any.
     */
    void read(Path file, RecordHandler handler) {
        files++;
        CloudTrailLog log;
        try {
            log = reader.read(file);
        } catch (UncheckedIOException e) {
            beforeReport.run();
            problem("cloudtrail: " + file + ": cannot open: " + reason(e.getCause()));
            return;
        }
        String damage = null;
        try (log) {
            for (CloudTrailRecord r : log) {
                records++;
                handler.accept(file, log.lastRecordIndex(), r);
            }
        } catch (CloudTrailParseException e) {
            damage = e.getMessage();
        } catch (UncheckedIOException e) {
            damage = file + ": " + reason(e.getCause());
        }
        List<RecordProblem> skipped = log.problems();
        List<RecordProblem> kept = log.warnings();
        if (!skipped.isEmpty() || damage != null || !kept.isEmpty()) {
            beforeReport.run();
            flushOut.run(); // keep stdout and stderr in order on a terminal
        }
        for (RecordProblem w : kept) {
            err.accept("warning: " + w + " (the record was read, this value kept as it came)");
        }
        if (log.warningCount() > kept.size()) {
            err.accept("warning: " + file + ": " + (log.warningCount() - kept.size()) + " more warnings not shown");
        }
        warnings += log.warningCount();
        for (RecordProblem p : skipped) {
            problem(p.toString());
        }
        if (damage != null) {
            problem(damage);
        }
    }

    private void problem(String message) {
        problems++;
        err.accept(message);
    }

    private static String reason(Throwable t) {
        if (t instanceof NoSuchFileException) {
            return "no such file";
        }
        return t == null ? "unknown error" : t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
