package io.github.trailkit.lambda.internal.sinks;

import io.github.trailkit.rules.Finding;

/**
 * One finding made into a request entry of a batch API.
 *
 * @param index the finding's position in the list given to {@code send}, unique within the call
 * @param finding the finding
 * @param entry the SDK entry that carries it
 * @param size the bytes the entry counts for against the service's request size limit
 */
public record Prepared<T>(int index, Finding finding, T entry, long size) {}
