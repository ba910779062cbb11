package io.github.trailkit.model.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;

/** The one Jackson factory trailkit reads and writes CloudTrail JSON with. */
public final class Json {
    private Json() {}

    /**
     * Duplicate member names are an error (a record with two {@code eventName}s has no single meaning); generators
     * never close the caller's stream.
     */
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    /**
     * A factory like {@link #FACTORY} that reads within {@code constraints}, and whose UTF-8 parsers take plain ASCII
     * strings the short way ({@link AsciiStringParser}) where the jackson-core on the class path allows it
     * ({@link JacksonSupport#FAST_PARSER}).
     */
    public static JsonFactory readFactory(StreamReadConstraints constraints) {
        JsonFactoryBuilder builder = new JsonFactoryBuilder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                .streamReadConstraints(constraints);
        // before Jackson 2.18 (or if a later one moved the internals it extends) Jackson's own UTF-8 parser reads
        return JacksonSupport.FAST_PARSER ? new AsciiStringJsonFactory(builder) : new JsonFactory(builder);
    }
}
