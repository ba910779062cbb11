package io.github.trailkit.model;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * What the record readers do with a member whose value cannot be read into its typed accessor: when the parser keeps
 * bad fields (the reader's default), the value is kept as it came, for {@code otherFields}, and the problem is noted
 * on the parser as a warning; otherwise the exception goes on and costs the record.
 *
 * <p>Only ever reached through an exception: reading a valid member does no work here.
 */
final class BadFields {
    private BadFields() {}

    /**
     * The value of the member that failed with {@code e}, as it came, with the parser at the member's end; or {@code e}
     * thrown again when the parser does not keep bad fields. The parser is on the member's first token unless {@code
     * e} carries the whole value already (a list whose element failed).
     */
    static JsonValue keep(JsonParser p, InvalidFieldException e) throws IOException {
        if (!(p instanceof LimitedParser) || !((LimitedParser) p).keepsBadFields()) {
            throw e;
        }
        JsonValue kept = e.kept();
        if (kept == null) {
            kept = JsonValues.readPayload(p, p.currentToken());
        }
        ((LimitedParser) p).warn(e);
        return kept;
    }

    /** Whether the parser keeps bad fields: then a list whose element failed is kept whole. */
    static boolean kept(JsonParser p) {
        return p instanceof LimitedParser limitedParser && limitedParser.keepsBadFields();
    }
}
