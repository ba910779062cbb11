package io.github.trailkit.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The JSON name of a record member whose accessor is named otherwise, read by the build's schema generator (see
 * {@code CloudTrailRecord}'s class Javadoc, "Adding a field"). Without it a member's JSON name is its accessor's name,
 * less a trailing {@code AsString}.
 *
 * <pre>{@code
 * @JsonName("ARNPrefix")
 * public abstract Optional<String> arnPrefix();
 * }</pre>
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.METHOD)
@interface JsonName {
    /** The member's name in CloudTrail's JSON. */
    String value();
}
