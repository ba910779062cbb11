package io.github.trailkit.lambda.internal.sinks;

import io.github.trailkit.rules.Finding;

/**
 * A finding a sink could not deliver, and why.
 *
 * @param index the finding's position in the list given to {@code send}
 * @param finding the finding
 * @param reason why, in words, such as {@code InvalidParameter: Invalid parameter: Subject}; null when the
 *     finding was refused for no reason of its own (retries ran out, or it was never sent)
 */
public record Failure(int index, Finding finding, String reason) {

    /** {@code #3 rule-id: reason}. */
    String describe() {
        return "#" + index + " " + finding.ruleId() + ": " + reason;
    }
}
