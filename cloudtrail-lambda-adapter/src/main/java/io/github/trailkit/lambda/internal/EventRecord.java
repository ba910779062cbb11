package io.github.trailkit.lambda.internal;

import java.util.Objects;

/**
 * One CloudTrail record that reached the function inside an event rather than in a log file: the {@code detail} of an
 * EventBridge event CloudTrail sent, or the {@code message} of a CloudWatch Logs log event. It is read by the same
 * reader, with the same limits, as the records of a log file.
 *
 * @param source where the record came from, the {@code source} of its findings: {@code eventbridge:<event id>} or
 *     {@code cloudwatch-logs:<log group>:<log stream>:<log event id>}
 * @param index the record's position in what delivered it: 0 for an EventBridge event, the index in
 *     {@code logEvents} for CloudWatch Logs; the {@code recordIndex} of its findings
 * @param json the record's JSON object text, exactly as the event carried it (never re-serialised, so that numbers
 *     and strings read the same as in the log file)
 */
public record EventRecord(String source, long index, String json) {

    /** Checks the parts. */
    public EventRecord {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(json, "json");
        if (index < 0) {
            throw new IllegalArgumentException("index is negative: " + index);
        }
    }
}
