/**
 * Implementation of the {@code cloudtrail} command, public only for its sibling package: the in-process S3 server and
 * the loopback SNS endpoint of {@code cloudtrail demo}.
 *
 * <pre>{@code
 * try (InMemoryS3 s3 = InMemoryS3.start(); LoopbackSns sns = LoopbackSns.start()) { ... }
 * }</pre>
 */
package io.github.trailkit.cli.internal;
