package io.github.trailkit.model.internal;

import java.io.IOException;

/**
 * A well-formed JSON value of the wrong type or form inside a record (such as {@code "readOnly": "yes"}); the
 * parser is still usable, so the reader can skip to the end of the record and go on.
 */
public final class InvalidFieldException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String pointer;

    public InvalidFieldException(String pointer, String message) {
        super(pointer + ": " + message);
        this.pointer = pointer;
    }

    /** The JSON pointer of the field, such as {@code /Records/3/readOnly}. */
    public String pointer() {
        return pointer;
    }
}
