package io.github.trailkit.model;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A resource an action touched: one element of a record's {@code resources}.
 *
 * <pre>{@code
 * List<String> arns = record.resources().orElse(List.of()).stream()
 *         .flatMap(r -> r.arn().stream()).collect(Collectors.toList());
 * }</pre>
 */
@Value.Immutable
@TrailkitStyle
public abstract class Resource {
    Resource() {}

    /** The resource ARN (written {@code ARN} in the record). */
    @JsonName("ARN")
    public abstract Optional<String> arn();

    /** The account that owns the resource; removed in some cross-account denials. */
    public abstract Optional<String> accountId();

    /** The resource type, such as {@code AWS::S3::Object}. */
    public abstract Optional<String> type();

    /** An ARN prefix, for resources logged by prefix (written {@code ARNPrefix}). */
    @JsonName("ARNPrefix")
    public abstract Optional<String> arnPrefix();

    /**
     * Members not read into a typed accessor, in their order: names this version of trailkit does not know, and
     * explicit JSON {@code null}s of typed fields, a typed field's value that could not be read (as it came;
     * its accessor is then empty) and a time's text when {@link java.time.Instant#toString()} would write it otherwise.
     * Kept so that the value is written back as it was read.
     */
    public abstract Map<String, JsonValue> otherFields();

    @Value.Check
    Resource normalize() {
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

    /** Builds a {@link Resource}; every attribute is optional. */
    public static final class Builder extends ImmutableResource.Builder {
        Builder() {}
    }
}
