package io.github.trailkit.model.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.StreamReadFeature;

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
}
