package io.github.trailkit.spark.internal;

import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailLog;
import io.github.trailkit.model.CloudTrailParseException;
import io.github.trailkit.model.CloudTrailReader;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.ProblemPolicy;
import io.github.trailkit.model.RecordProblem;
import io.github.trailkit.rules.Finding;
import io.github.trailkit.rules.RuleSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Reads one log file with trailkit's streaming reader, record by record in constant memory. A record with a bad field
 * is a row as the reader delivers it (that column null, the value kept in {@code record}). A record the reader skips
 * becomes a row with only {@code sourcefile}, {@code recordindex} and {@code problem} set, in its place; damage
 * that stops the reading (a cut gzip stream, broken JSON) becomes one last such row after every record before it. A
 * file that cannot be opened becomes one such row. Nothing fails the task but an error of Spark itself.
 */
final class LogFileReader implements PartitionReader<InternalRow> {
    private static final CloudTrailReader READER = CloudTrail.reader().onProblem(ProblemPolicy.SKIP_AND_REPORT);

    private final String path;
    private final UTF8String source;
    private final RecordRows rows;
    private final RuleSet rules;
    private final Configuration conf;
    private final ArrayDeque<InternalRow> pending = new ArrayDeque<>();
    private CloudTrailLog log;
    private Iterator<CloudTrailRecord> records;
    private int problemsSeen;
    private long nextIndex;
    private boolean done;
    private InternalRow current;

    /** A reader of record rows ({@code rows}), or with {@code rules} of finding rows (then problems are passed over). */
    LogFileReader(String path, RecordRows rows, RuleSet rules, Configuration conf) {
        this.path = path;
        this.source = UTF8String.fromString(path);
        this.rows = rows;
        this.rules = rules;
        this.conf = conf;
    }

    @Override
    public boolean next() {
        while (pending.isEmpty() && !done) {
            advance();
        }
        current = pending.poll();
        return current != null;
    }

    private void advance() {
        if (log == null) {
            try {
                Path p = new Path(path);
                InputStream in = p.getFileSystem(conf).open(p);
                log = READER.read(in, path);
                records = log.iterator();
            } catch (IOException | UncheckedIOException | CloudTrailParseException e) {
                problem(-1, path + ": cannot open: " + reason(e));
                done = true;
                return;
            }
        }
        try {
            if (records.hasNext()) {
                CloudTrailRecord r = records.next();
                long index = log.lastRecordIndex();
                if (index != nextIndex) {
                    drainProblems(); // records were skipped before this one (the list is copied: ask only then)
                }
                nextIndex = index + 1;
                if (rules == null) {
                    pending.add(rows.row(r, source, index));
                } else {
                    for (Finding f : rules.evaluate(r)) {
                        pending.add(FindingRows.internalRow(f, r, source, index));
                    }
                }
            } else {
                drainProblems();
                finish();
            }
        } catch (CloudTrailParseException e) {
            drainProblems();
            problem(e.recordIndex().orElse(-1), e.getMessage());
            finish();
        } catch (UncheckedIOException e) {
            drainProblems();
            problem(-1, path + ": " + reason(e));
            finish();
        }
    }

    /** The records skipped since the last call, as problem rows, in order. */
    private void drainProblems() {
        List<RecordProblem> problems = log.problems();
        for (; problemsSeen < problems.size(); problemsSeen++) {
            RecordProblem p = problems.get(problemsSeen);
            problem(p.recordIndex(), p.toString());
        }
    }

    private void problem(long index, String reason) {
        if (rows != null) {
            pending.add(rows.problem(source, index, reason));
        }
    }

    private void finish() {
        done = true;
        log.close();
    }

    private static String reason(Exception e) {
        Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    @Override
    public InternalRow get() {
        return current;
    }

    @Override
    public void close() {
        if (log != null) {
            log.close();
        }
    }
}
