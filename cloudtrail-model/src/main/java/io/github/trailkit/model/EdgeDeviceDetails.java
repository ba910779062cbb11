package io.github.trailkit.model;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The edge device of an S3 on Outposts or Snow request: a record's {@code edgeDeviceDetails}.
 *
 * <pre>{@code
 * Optional<String> device = record.edgeDeviceDetails().flatMap(EdgeDeviceDetails::deviceID);
 * }</pre>
 */
@Value.Immutable
@TrailkitStyle
public abstract class EdgeDeviceDetails {
    EdgeDeviceDetails() {}

    /** The device type, such as {@code outposts}. */
    public abstract Optional<String> type();

    /** The device id, written {@code deviceID} in published records. */
    public abstract Optional<String> deviceID();

    /** The device family. */
    public abstract Optional<String> deviceFamily();

    /** The Snow job id. */
    public abstract Optional<String> snowJobId();

    /** Further device attributes. */
    public abstract Optional<JsonValue> attributes();

    /**
     * Members not read into a typed accessor, in their order: names this version of trailkit does not know, and
     * explicit JSON {@code null}s of typed fields, a typed field's value that could not be read (as it came;
     * its accessor is then empty) and a time's text when {@link java.time.Instant#toString()} would write it otherwise.
     * Kept so that the value is written back as it was read.
     */
    public abstract Map<String, JsonValue> otherFields();

    @Value.Check
    EdgeDeviceDetails normalize() {
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

    /** Builds a {@link EdgeDeviceDetails}; every attribute is optional. */
    public static final class Builder extends ImmutableEdgeDeviceDetails.Builder {
        Builder() {}
    }
}
