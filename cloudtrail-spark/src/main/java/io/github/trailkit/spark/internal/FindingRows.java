package io.github.trailkit.spark.internal;

import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailReader;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.UserIdentity;
import io.github.trailkit.rules.Finding;
import io.github.trailkit.rules.RuleSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Runs on the executors: rows of ({@code record}, {@code sourcefile}, {@code recordindex}) to rows of findings, with the
 * rule set compiled once per executor JVM. Lazy: one record's findings at a time.
 */
public final class FindingRows implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private static final CloudTrailReader READER = CloudTrail.reader();

    private final RuleSpec rules;

    public FindingRows(RuleSpec rules) {
        this.rules = rules;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        RuleSet compiled = rules.compiled();
        return new Iterator<>() {
            private final List<Row> ready = new ArrayList<>();
            private int at;

            @Override
            public boolean hasNext() {
                while (at == ready.size()) {
                    if (!input.hasNext()) {
                        return false;
                    }
                    ready.clear();
                    at = 0;
                    Row in = input.next();
                    CloudTrailRecord record = READER.readRecord(in.getString(0));
                    String source = in.getString(1);
                    long index = in.getLong(2);
                    for (Finding f : compiled.findings(record)) {
                        ready.add(row(f, record, source, index));
                    }
                }
                return true;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.get(at++);
            }
        };
    }

    /** {@link #row} in Spark's internal form, for the data source itself. */
    public static InternalRow internalRow(Finding f, CloudTrailRecord r, UTF8String source, long index) {
        InternalRow identity = null;
        if (r.userIdentity().isPresent()) {
            UserIdentity u = r.userIdentity().get();
            identity = new GenericInternalRow(new Object[] {
                str(u.typeAsString().orElse(null)), str(u.arn().orElse(null))
            });
        }
        Object[] tags = new Object[f.tags().size()];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = UTF8String.fromString(f.tags().get(i));
        }
        return new GenericInternalRow(new Object[] {
            str(f.ruleId()),
            str(f.title()),
            str(f.severity().name()),
            new GenericArrayData(tags),
            str(f.dedupKey()),
            str(r.eventID().orElse(null)),
            str(r.eventName().orElse(null)),
            str(r.eventSource().orElse(null)),
            str(r.eventTime().map(Object::toString).orElse(null)),
            str(r.awsRegion().orElse(null)),
            str(r.recipientAccountId().orElse(null)),
            identity,
            source,
            index
        });
    }

    private static UTF8String str(String s) {
        return s == null ? null : UTF8String.fromString(s);
    }

    /** The fields {@code cloudtrail scan} prints, in {@link Schemas#FINDINGS}' order. */
    public static Row row(Finding f, CloudTrailRecord r, String source, long index) {
        Row identity = null;
        if (r.userIdentity().isPresent()) {
            UserIdentity u = r.userIdentity().get();
            identity = RowFactory.create(u.typeAsString().orElse(null), u.arn().orElse(null));
        }
        return RowFactory.create(
                f.ruleId(),
                f.title(),
                f.severity().name(),
                f.tags().toArray(new String[0]),
                f.dedupKey(),
                r.eventID().orElse(null),
                r.eventName().orElse(null),
                r.eventSource().orElse(null),
                r.eventTime().map(Object::toString).orElse(null),
                r.awsRegion().orElse(null),
                r.recipientAccountId().orElse(null),
                identity,
                source,
                index);
    }
}
