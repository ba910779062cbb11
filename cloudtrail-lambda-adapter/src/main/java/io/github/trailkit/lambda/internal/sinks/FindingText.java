package io.github.trailkit.lambda.internal.sinks;

import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.SafeText;
import io.github.trailkit.model.UserIdentity;
import io.github.trailkit.rules.Finding;
import java.util.Optional;

/** A finding in words for people: an e-mail subject and a short summary. */
public final class FindingText {
    /** SNS wants subjects shorter than 100 characters. */
    public static final int MAX_SUBJECT = 99;

    private FindingText() {}

    /**
     * {@code [HIGH] sns-topic-created: CreateTopic in 111122223333 us-east-2}: printable ASCII only (anything else
     * becomes {@code ?}, line breaks and other control characters a space), at most {@value #MAX_SUBJECT} characters,
     * cut with {@code ...}.
     */
    public static String subject(Finding f) {
        CloudTrailRecord r = f.record();
        StringBuilder sb = new StringBuilder();
        sb.append('[').append(f.severity().name()).append("] ").append(f.ruleId());
        r.eventName().ifPresent(n -> sb.append(": ").append(n));
        if (r.recipientAccountId().isPresent() || r.awsRegion().isPresent()) {
            sb.append(" in");
            r.recipientAccountId().ifPresent(a -> sb.append(' ').append(a));
            r.awsRegion().ifPresent(a -> sb.append(' ').append(a));
        }
        return asciiLine(sb, MAX_SUBJECT);
    }

    /**
     * A few lines: the title, then rule, severity, who, what, when, where, the event id and where the record was read;
     * lines whose values the record lacks are left out. Each value is escaped ({@link SafeText}): a record can neither
     * add a line nor pass a control or bidirectional character (U+2028, U+2029, U+202E...) into the message.
     *
     * @param recordOmitted adds a line saying the full record was left out of the message
     */
    public static String summary(Finding f, boolean recordOmitted) {
        CloudTrailRecord r = f.record();
        StringBuilder sb = new StringBuilder();
        sb.append(oneLine(f.title())).append('\n');
        line(sb, "Rule", f.ruleId());
        line(sb, "Severity", f.severity().name());
        if (!f.tags().isEmpty()) {
            line(sb, "Tags", String.join(", ", f.tags()));
        }
        who(r).ifPresent(w -> line(sb, "Who", w));
        String what = join(r.eventSource(), r.eventName(), " ");
        if (!what.isEmpty()) {
            line(sb, "What", what);
        }
        r.eventTime().ifPresent(t -> line(sb, "When", t.toString()));
        String where = join(
                r.recipientAccountId().map(a -> "account " + a), r.awsRegion().map(a -> "region " + a), ", ");
        if (!where.isEmpty()) {
            line(sb, "Where", where);
        }
        r.eventID().ifPresent(id -> line(sb, "Event ID", id));
        if (f.source().isPresent() || f.recordIndex().isPresent()) {
            String at = f.source().orElse("?")
                    + (f.recordIndex().isPresent()
                            ? ", record " + f.recordIndex().getAsLong()
                            : "");
            line(sb, "Source", at);
        }
        if (recordOmitted) {
            line(sb, "Record", "left out, too large for one message; read it at the source");
        }
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }

    private static Optional<String> who(CloudTrailRecord r) {
        if (r.userIdentity().isEmpty()) {
            return Optional.empty();
        }
        UserIdentity id = r.userIdentity().get();
        if (id.arn().isPresent()) {
            return id.arn();
        }
        if (id.invokedBy().isPresent()) {
            return id.invokedBy().map(by -> id.typeAsString().map(t -> t + " ").orElse("") + by);
        }
        String s = join(id.typeAsString(), id.principalId(), " ");
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private static String join(Optional<String> a, Optional<String> b, String sep) {
        if (a.isPresent() && b.isPresent()) {
            return a.get() + sep + b.get();
        }
        return a.or(() -> b).orElse("");
    }

    private static void line(StringBuilder sb, String label, String value) {
        sb.append(label).append(": ").append(oneLine(value)).append('\n');
    }

    /** A value on one line: line breaks, controls and bidirectional controls escaped ({@link SafeText}). */
    private static String oneLine(String s) {
        return SafeText.escape(s);
    }

    /** Printable ASCII, at most {@code max} characters, no leading or trailing spaces. */
    static String asciiLine(CharSequence s, int max) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), max + 8));
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                sb.append(c);
            } else if (Character.isISOControl(c)) {
                sb.append(' ');
            } else {
                sb.append('?');
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                }
            }
        }
        String t = sb.toString().strip();
        if (t.length() > max) {
            t = t.substring(0, max - 3).stripTrailing() + "...";
        }
        return t;
    }
}
