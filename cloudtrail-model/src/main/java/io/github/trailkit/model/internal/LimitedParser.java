package io.github.trailkit.model.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import io.github.trailkit.model.ReadLimits;
import java.io.IOException;

/**
 * Enforces {@link ReadLimits#maxRecordBytes()} between tokens, so that a record found too large can be skipped with
 * the parser in a consistent state. The check is a field comparison against the bytes handed to the parser so far
 * (which run ahead of the parser by at most one buffer); only near the limit is the exact location asked for.
 */
final class LimitedParser extends JsonParserDelegate {
    private final LimitedInput counted;
    private final long maxRecordBytes;
    private long recordStart = -1;
    private long cheapThreshold = Long.MAX_VALUE;

    LimitedParser(JsonParser parser, LimitedInput counted, long maxRecordBytes) {
        super(parser);
        this.counted = counted;
        this.maxRecordBytes = maxRecordBytes;
    }

    /** Starts checking the size of a record that starts at {@code byteOffset}. */
    void startRecord(long byteOffset) {
        recordStart = byteOffset;
        cheapThreshold = byteOffset + maxRecordBytes;
    }

    /** Stops checking (at the end of the record, or to skip past a record found too large). */
    void endRecord() {
        recordStart = -1;
        cheapThreshold = Long.MAX_VALUE;
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken t = delegate.nextToken();
        if (counted.count() > cheapThreshold) {
            check();
        }
        return t;
    }

    @Override
    public String nextFieldName() throws IOException {
        String name = delegate.nextFieldName();
        if (counted.count() > cheapThreshold) {
            check();
        }
        return name;
    }

    private void check() throws LimitHit {
        long at = delegate.currentLocation().getByteOffset();
        if (recordStart >= 0 && at - recordStart > maxRecordBytes) {
            endRecord();
            throw new LimitHit(ReadLimits.Limit.RECORD_BYTES, at, "the record is over " + maxRecordBytes + " bytes");
        }
    }
}
