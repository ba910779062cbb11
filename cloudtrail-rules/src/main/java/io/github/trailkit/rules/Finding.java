package io.github.trailkit.rules;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.trailkit.model.CloudTrailRecord;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * A record that met a rule: which rule, how severe, and the record itself.
 *
 * <pre>{@code
 * for (Finding f : ruleSet.findings(record)) {
 *     System.out.println(f.severity() + " " + f.ruleId() + " " + f.record().eventName().orElse("?"));
 *     System.out.println(f.at("logs/a.json.gz", 3).toJson(false));   // one JSON line, as `cloudtrail scan` prints
 * }
 * }</pre>
 *
 * <p>Any Jackson {@code ObjectMapper} writes a finding as {@link #toJson(boolean) toJson(true)} gives it, and reads
 * that JSON back into an equal finding, record included; nothing to register.
 */
@Value.Immutable
@TrailkitRulesStyle
@JsonSerialize(using = FindingJson.Serializer.class)
@JsonDeserialize(using = FindingJson.Deserializer.class)
public abstract class Finding {
    /** Writes {@link #toJson}: a plain factory is all writing to a string needs. */
    private static final JsonFactory JSON = new JsonFactory();

    Finding() {}

    /** The id of the rule that matched. */
    @Value.Parameter
    public abstract String ruleId();

    /** The rule's title. */
    @Value.Parameter
    public abstract String title();

    /** The rule's severity for this record (see {@link Rule#severityFor}). */
    @Value.Parameter
    public abstract Severity severity();

    /** The rule's tags; {@link #attackTactics()} and {@link #attackTechniques()} read the ATT&amp;CK ones. */
    @Value.Parameter
    public abstract List<String> tags();

    /** The ATT&amp;CK tactics the rule's tags name. */
    public List<AttackTactic> attackTactics() {
        return Rule.tactics(tags());
    }

    /** The ATT&amp;CK technique ids the rule's tags name, such as {@code T1562.008}. */
    public List<String> attackTechniques() {
        return Rule.techniques(tags());
    }

    /**
     * What identifies this finding for deduplication: the value at the rule's {@link Rule#dedupKey()}, or the record's
     * {@code eventID}; empty text when the record has neither.
     */
    @Value.Parameter
    public abstract String dedupKey();

    /** The record that matched. */
    @Value.Auxiliary
    @Value.Parameter
    public abstract CloudTrailRecord record();

    /** Where the record was read: a file path or {@code s3://bucket/key}; empty until {@link #at} sets it. */
    public abstract Optional<String> source();

    /** The record's index in its log file's {@code Records} array; empty until {@link #at} sets it. */
    public abstract OptionalLong recordIndex();

    /** This finding, located in the log it came from. */
    public Finding at(String source, long recordIndex) {
        return builder().from(this).source(source).recordIndex(recordIndex).build();
    }

    /**
     * The finding as one line of JSON: {@code ruleId}, {@code title}, {@code severity}, {@code tags}, the ATT&amp;CK
     * {@code attackTactics} (ids such as {@code TA0005}) and {@code attackTechniques} (such as {@code T1562.008}) the
     * tags name, when there are any, {@code dedupKey}, the record's {@code eventID}, {@code eventName}, {@code eventSource}, {@code eventTime}, {@code
     * awsRegion}, {@code recipientAccountId}, {@code userIdentity} ({@code type} and {@code arn}), {@code source} and
     * {@code recordIndex} when known, and, with {@code withRecord}, the whole {@code record}. Absent values are omitted.
     */
    public String toJson(boolean withRecord) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            FindingJson.write(this, g, withRecord);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Finding}. */
    public static final class Builder extends ImmutableFinding.Builder {
        Builder() {}
    }
}
