/**
 * Implementation of the {@code cloudtrail} command, public only for its sibling package: the S3 key layout of
 * CloudTrail's log files, as {@code scan} and {@code verify} list them.
 */
package io.github.trailkit.cli.internal;
