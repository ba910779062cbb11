package io.github.trailkit.lambda.internal;

import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailParseException;
import io.github.trailkit.model.CloudTrailReader;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.FieldPolicy;
import io.github.trailkit.model.LimitExceededException;
import io.github.trailkit.model.ProblemPolicy;
import io.github.trailkit.model.ReadLimits;
import io.github.trailkit.model.RecordProblem;
import io.github.trailkit.rules.Evaluation;
import io.github.trailkit.rules.Finding;
import io.github.trailkit.rules.RuleError;
import io.github.trailkit.rules.RuleSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the records an event carried itself ({@link EventRecord}s: EventBridge {@code detail}s, CloudWatch Logs
 * messages) with a reader configured as the log-file reader (same limits, problems skipped and reported), matches
 * each against the rules, and hands each finding on located at the record's origin: {@code source} is
 * {@link EventRecord#source()}, {@code recordIndex} {@link EventRecord#index()}.
 *
 * <p>An invalid record (not JSON, not a CloudTrail record, over a limit) is skipped and logged as a {@code WARN}
 * "invalid record skipped" line with its source, index, byte offset (in the record's text) and reason, as a bad
 * record of a log file is; it costs no other record and does not fail its unit of work, since reading it again cannot
 * help. Thread-safe.
 */
public final class EventRecordProcessor {
    private final RuleSet rules;
    private final CloudTrailReader reader;
    private final LambdaLog log;

    /**
     * @param rules the rules every record is matched against
     * @param limits the limits of the log-file reader
     * @param log where problems are logged
     * @param strictFields whether a record with a member that cannot be read into its type is skipped (else it is
     *     matched, the value kept as it came), as for log files
     */
    public EventRecordProcessor(RuleSet rules, ReadLimits limits, LambdaLog log, boolean strictFields) {
        this.rules = rules;
        this.reader = CloudTrail.reader()
                .onProblem(ProblemPolicy.SKIP_AND_REPORT)
                .limits(limits)
                .onBadField(strictFields ? FieldPolicy.REJECT_RECORD : FieldPolicy.KEEP_AND_WARN);
        this.log = log;
    }

    /**
     * What became of the records of one unit of work.
     *
     * @param records the records read
     * @param findings the findings they gave, before de-duplication
     * @param badRecords the records skipped as invalid
     */
    public record Outcome(long records, long findings, long badRecords) {}

    /**
     * Reads and matches the records, in order.
     *
     * @param records the records
     * @param findings receives each finding; may throw (a sink that stays down), which propagates
     * @return the counts
     */
    public Outcome process(List<EventRecord> records, Consumer<Finding> findings) {
        long read = 0;
        long found = 0;
        long bad = 0;
        long maxRecordBytes = reader.limits().maxRecordBytes();
        for (EventRecord carried : records) {
            CloudTrailRecord record;
            try {
                if (utf8Length(carried.json(), maxRecordBytes) > maxRecordBytes) {
                    // as the log reader does: a record over the limit is skipped, never parsed
                    throw new LimitExceededException(
                            carried.source(),
                            carried.index(),
                            maxRecordBytes,
                            ReadLimits.Limit.RECORD_BYTES,
                            maxRecordBytes,
                            "the record is over " + maxRecordBytes + " bytes",
                            null);
                }
                record = reader.readRecord(carried.json());
            } catch (CloudTrailParseException e) {
                bad++;
                RecordProblem p = RecordProblem.builder()
                        .source(carried.source())
                        .recordIndex(carried.index())
                        .byteOffset(e.byteOffset().orElse(-1))
                        .reason(e.reason())
                        .build();
                log.warn("invalid record skipped", fields(carried, p.toString()));
                continue;
            }
            read++;
            Evaluation evaluation = rules.evaluation(record);
            for (RuleError error : evaluation.errors()) {
                Map<String, Object> f = fields(carried, error.message());
                f.put("ruleId", error.ruleId());
                f.put("eventID", error.eventID());
                log.warn("rule failed on a record", f);
            }
            for (Finding finding : evaluation.findings()) {
                found++;
                findings.accept(finding.at(carried.source(), carried.index()));
            }
        }
        return new Outcome(read, found, bad);
    }

    /** The UTF-8 length of a text, counted up to just past {@code max}. */
    private static long utf8Length(String text, long max) {
        if ((long) text.length() * 3 <= max) {
            return text.length();
        }
        long n = 0;
        for (int i = 0; i < text.length() && n <= max; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private static Map<String, Object> fields(EventRecord carried, String reason) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("source", carried.source());
        f.put("recordIndex", carried.index());
        f.put("reason", reason);
        return f;
    }
}
