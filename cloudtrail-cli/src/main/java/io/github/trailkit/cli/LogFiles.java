package io.github.trailkit.cli;

import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailLog;
import io.github.trailkit.model.CloudTrailParseException;
import io.github.trailkit.model.CloudTrailReader;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.FieldPolicy;
import io.github.trailkit.model.ProblemPolicy;
import io.github.trailkit.model.RecordProblem;
import io.github.trailkit.model.SafeText;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The log files named on a command line, and reading them: every record is handed on, every problem is reported on
 * stderr naming the file, and a damaged file never stops the next one.
 */
final class LogFiles {
    private static final CloudTrailReader READER = CloudTrail.reader().onProblem(ProblemPolicy.SKIP_AND_REPORT);
    /** How long opening a file that is not a regular one (a named pipe) may wait for a writer. */
    static long openWaitMillis = 10_000;
    /** {@code --strict-fields}: a record with a member that cannot be read is skipped and reported, not delivered. */
    private static final CloudTrailReader STRICT = READER.onBadField(FieldPolicy.REJECT_RECORD);

    /** What is done with each record read: {@code recordIndex} is its index in the file's {@code Records} array. */
    interface RecordHandler {
        void accept(String source, long recordIndex, CloudTrailRecord record);
    }

    /** Opens one input's bytes; a failure is reported as the input's "cannot open" problem. */
    interface Opener {
        InputStream open() throws IOException;
    }

    /**
     * One log to read: a local file or an S3 object. {@code source} names it in findings and problems (a path, or
     * {@code s3://bucket/key}).
     */
    record Input(String source, Opener opener) {
        static Input of(Path file) {
            return new Input(file.toString(), () -> LogFiles.open(file));
        }

        static List<Input> of(List<Path> files) {
            List<Input> inputs = new ArrayList<>(files.size());
            for (Path f : files) {
                inputs.add(of(f));
            }
            return inputs;
        }
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
                err.println(SafeText.escape("cloudtrail: " + p + ": no such file or directory"));
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
            List<Path> found = new ArrayList<>();
            try {
                Files.walkFileTree(p, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        boolean regular = attrs.isRegularFile()
                                || (attrs.isSymbolicLink() && Files.isRegularFile(file)); // as Files.walk did
                        if (regular && isLogFileName(file)) {
                            found.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        // one directory or file that cannot be listed or read: reported, the rest of the tree read
                        beforeReport.run();
                        problem("cloudtrail: cannot list " + file + ": " + reason(e));
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                        if (e != null) {
                            beforeReport.run();
                            problem("cloudtrail: cannot list all of " + dir + ": " + reason(e));
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                beforeReport.run();
                Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
                problem("cloudtrail: cannot list " + p + ": " + reason(cause));
                continue;
            }
            found.sort(null);
            if (found.isEmpty()) {
                err.accept(SafeText.escape("cloudtrail: " + p + ": no .json or .json.gz files"));
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
        read(Input.of(file), handler);
    }

    /** {@link #read(Path, RecordHandler)} for any input: a file, or an object fetched as it streams in. */
    void read(Input input, RecordHandler handler) {
        String file = input.source();
        files++;
        CloudTrailLog log;
        try {
            log = reader.read(input.opener().open(), file);
        } catch (IOException | UncheckedIOException | CloudTrailParseException e) {
            beforeReport.run();
            problem("cloudtrail: " + file + ": cannot open: "
                    + reason(e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e));
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
        } catch (SdkException e) {
            damage = file + ": " + CloudTrailCommand.describe(e); // an S3 object's stream broke off
        }
        List<RecordProblem> skipped = log.problems();
        long notListed = log.problemCount() - skipped.size();
        List<RecordProblem> kept = log.warnings();
        if (!skipped.isEmpty() || damage != null || !kept.isEmpty()) {
            beforeReport.run();
            flushOut.run(); // keep stdout and stderr in order on a terminal
        }
        for (RecordProblem w : kept) {
            err.accept(SafeText.escape("warning: " + w + " (the record was read, this value kept as it came)"));
        }
        if (log.warningCount() > kept.size()) {
            err.accept(SafeText.escape(
                    "warning: " + file + ": " + (log.warningCount() - kept.size()) + " more warnings not shown"));
        }
        warnings += log.warningCount();
        for (RecordProblem p : skipped) {
            problem(p.toString());
        }
        if (notListed > 0) {
            problems += notListed;
            err.accept(SafeText.escape(file + ": " + notListed + " more invalid records skipped, not listed"
                    + " (only the first " + CloudTrailLog.MAX_PROBLEMS_KEPT + " of a file are)"));
        }
        if (damage != null) {
            problem(damage);
        }
    }

    /** Reports one problem on stderr, on one line whatever the file or record holds, and counts it. */
    private void problem(String message) {
        problems++;
        err.accept(SafeText.escape(message));
    }

    /**
     * Opens a file to read. A regular file as usual; anything else (a named pipe, {@code /dev/stdin}, a device) as a
     * plain file stream, which never seeks (a channel's stream asks a pipe for its position: "Illegal seek"), and on
     * another thread, waited for at most {@link #openWaitMillis}: opening a named pipe waits for a writer, and one that
     * never comes must not hang the command.
     */
    static InputStream open(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            return Files.newInputStream(file);
        }
        FutureTask<InputStream> opening = new FutureTask<>(() -> new FileInputStream(file.toFile()));
        Thread t = new Thread(opening, "cloudtrail-open");
        t.setDaemon(true); // left waiting if no writer comes; it ends with the command
        t.start();
        try {
            return opening.get(openWaitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            opening.cancel(true);
            throw new IOException(
                    "nothing to read after " + openWaitMillis + " ms (a named pipe that no process" + " writes to?)");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while opening", e);
        }
    }

    private static String reason(Throwable t) {
        if (t instanceof NoSuchFileException) {
            return "no such file";
        }
        if (t instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (t instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason(); // its message starts with the path, already named
        }
        return t == null ? "unknown error" : t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
