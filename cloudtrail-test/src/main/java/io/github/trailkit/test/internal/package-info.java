/**
 * Implementation of {@code io.github.trailkit.test}: record descriptions for failure messages, resource loading, the
 * rule test file reader. Public only because the public package uses it; never import it.
 */
package io.github.trailkit.test.internal;
