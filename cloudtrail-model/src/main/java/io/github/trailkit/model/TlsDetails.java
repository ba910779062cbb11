package io.github.trailkit.model;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The TLS session of a request: a record's {@code tlsDetails}.
 *
 * <pre>{@code
 * boolean old = record.tlsDetails().flatMap(TlsDetails::tlsVersion).map("TLSv1"::equals).orElse(false);
 * }</pre>
 */
@Value.Immutable
@TrailkitStyle
public abstract class TlsDetails {
    TlsDetails() {}

    /** The TLS version, such as {@code TLSv1.2}. */
    public abstract Optional<String> tlsVersion();

    /** The cipher suite. */
    public abstract Optional<String> cipherSuite();

    /** The host name the client asked for. */
    public abstract Optional<String> clientProvidedHostHeader();

    /** The key exchange, such as {@code X25519MLKEM768}. */
    public abstract Optional<String> keyExchange();

    /**
     * Members not read into a typed accessor, in their order: names this version of trailkit does not know, and
     * explicit JSON {@code null}s of typed fields, a typed field's value that could not be read (as it came;
     * its accessor is then empty) and a time's text when {@link java.time.Instant#toString()} would write it otherwise.
     * Kept so that the value is written back as it was read.
     */
    public abstract Map<String, JsonValue> otherFields();

    @Value.Check
    TlsDetails normalize() {
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

    /** Builds a {@link TlsDetails}; every attribute is optional. */
    public static final class Builder extends ImmutableTlsDetails.Builder {
        Builder() {}
    }
}
