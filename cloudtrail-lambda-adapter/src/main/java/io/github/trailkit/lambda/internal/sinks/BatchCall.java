package io.github.trailkit.lambda.internal.sinks;

import java.util.List;

/** Sends one batch request; throws the SDK's exception when the whole request fails. */
@FunctionalInterface
public interface BatchCall<T> {
    Outcome<T> send(List<Prepared<T>> batch);
}
