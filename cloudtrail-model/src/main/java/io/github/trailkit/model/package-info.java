/**
 * CloudTrail records as immutable Java values, and the streaming reader and writer of CloudTrail log files.
 *
 * <p>Start at {@link io.github.trailkit.model.CloudTrail}: {@code CloudTrail.reader().read(path)} yields {@link
 * io.github.trailkit.model.CloudTrailRecord}s one at a time; {@code CloudTrail.writer()} writes them back as the same
 * JSON. {@link io.github.trailkit.model.LogFileKey} tells what an S3 key in a trail bucket names.
 */
@TrailkitStyle
package io.github.trailkit.model;
