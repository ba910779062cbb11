package io.github.trailkit.model;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * When a session was created and whether MFA was used: {@code sessionContext.attributes}.
 *
 * <pre>{@code
 * boolean mfa = attributes.isMfaAuthenticated();
 * Optional<Instant> created = attributes.creationTime();
 * }</pre>
 */
@Value.Immutable
@TrailkitStyle
public abstract class SessionAttributes {
    SessionAttributes() {}

    /** When the session was created, as written: ISO 8601 extended ({@code 2023-07-19T21:11:57Z}) or basic ({@code 20131102T010628Z}). See {@link #creationTime()}. */
    public abstract Optional<String> creationDate();

    /** The raw text {@code "true"} or {@code "false"}. See {@link #isMfaAuthenticated()}. */
    public abstract Optional<String> mfaAuthenticated();

    /**
     * Members not read into a typed accessor, in their order: names this version of trailkit does not know, and
     * explicit JSON {@code null}s of typed fields, a typed field's value that could not be read (as it came;
     * its accessor is then empty) and a time's text when {@link java.time.Instant#toString()} would write it otherwise.
     * Kept so that the value is written back as it was read.
     */
    public abstract Map<String, JsonValue> otherFields();

    /** True when {@link #mfaAuthenticated()} is the text {@code "true"}. */
    public boolean isMfaAuthenticated() {
        return mfaAuthenticated().map("true"::equals).orElse(false);
    }

    /**
     * {@link #creationDate()} as an instant, read in either ISO 8601 form; empty when absent or unreadable.
     */
    public Optional<Instant> creationTime() {
        return creationDate().flatMap(Fields::parseFlexibleInstant);
    }

    @Value.Check
    SessionAttributes normalize() {
        return RecordCodec.normalize(this);
    }

    /** This value as compact CloudTrail JSON. */
    @Override
    public String toString() {
        return RecordCodec.toJson(this);
    }

    /** A new builder; {@code builder().from(value)} starts from an existing value. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link SessionAttributes}; every attribute is optional. */
    public static final class Builder extends ImmutableSessionAttributes.Builder {
        Builder() {}
    }
}
