package io.github.trailkit.model;

import java.io.IOException;

/**
 * A well-formed JSON value of the wrong type or form inside a record (such as {@code "readOnly": "yes"}); the
 * parser is still usable, so the reader can skip to the end of the record and go on.
 */
final class InvalidFieldException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String pointer;
    private final String problem;
    /** The whole value of the member, as it came, when the parser has moved past its first token; else null. */
    private final transient io.github.trailkit.model.JsonValue kept;

    public InvalidFieldException(String pointer, String message) {
        this(pointer, message, null);
    }

    /** A bad value whose member's whole value, as it came, is {@code kept} (the parser is at the member's end). */
    public InvalidFieldException(String pointer, String message, io.github.trailkit.model.JsonValue kept) {
        super(pointer + ": " + message);
        this.pointer = pointer;
        this.problem = message;
        this.kept = kept;
    }

    /** What is wrong, without the pointer. */
    public String problem() {
        return problem;
    }

    /** The member's whole value as it came, when the parser has passed it already; else null. */
    public io.github.trailkit.model.JsonValue kept() {
        return kept;
    }

    /** The JSON pointer of the field, such as {@code /Records/3/readOnly}. */
    public String pointer() {
        return pointer;
    }
}
