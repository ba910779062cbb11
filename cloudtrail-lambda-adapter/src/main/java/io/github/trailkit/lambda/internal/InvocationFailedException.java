package io.github.trailkit.lambda.internal;

/**
 * Fails an invocation so that Lambda delivers its event again: an object must be read again, or a sink stayed down.
 * Lambda reports it with its message, which names each object and what became of it.
 */
public final class InvocationFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with this message. */
    public InvocationFailedException(String message) {
        super(message);
    }
}
