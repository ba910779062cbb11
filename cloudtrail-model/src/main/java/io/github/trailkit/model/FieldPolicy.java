package io.github.trailkit.model;

/**
 * What a reader does with a record member whose value it cannot read into its typed accessor: a value of the wrong JSON
 * type ({@code "readOnly": "yes"}, a {@code userIdentity} that is a string) or an unreadable one (an {@code eventTime}
 * of {@code "redacted"}, or a time without a zone such as {@code 2024-11-26 19:29:38.000000000}).
 *
 * <pre>{@code
 * // the default: the record is delivered, the bad value kept as it came, and a warning reported
 * try (CloudTrailLog log = CloudTrail.reader().read(path)) {
 *     for (CloudTrailRecord r : log) {
 *         r.eventTime();                        // empty when eventTime was "redacted"
 *         r.otherFields().get("eventTime");     // "redacted", written back as it came
 *     }
 *     log.warnings().forEach(System.err::println); // "...: record 3 at byte 1412: /Records/3/eventTime: expected ..."
 * }
 * // strict: such a record is invalid, and the ProblemPolicy decides (skip and report, or fail)
 * CloudTrailReader strict = CloudTrail.reader().onBadField(FieldPolicy.REJECT_RECORD);
 * }</pre>
 */
public enum FieldPolicy {
    /**
     * Deliver the record (the default): the member's typed accessor is empty, its value is kept as it came in the
     * {@code otherFields()} of the object that holds it (so the record is written back as it was read), and the problem
     * is reported in {@link CloudTrailLog#warnings()} with the record's index, byte offset and the member's JSON pointer.
     */
    KEEP_AND_WARN,
    /**
     * Treat the record as invalid, as {@link ProblemPolicy} says: skipped and reported in {@link
     * CloudTrailLog#problems()}, or an {@link InvalidRecordException}.
     */
    REJECT_RECORD
}
