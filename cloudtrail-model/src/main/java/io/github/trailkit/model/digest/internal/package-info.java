/**
 * Implementation of digest-file parsing and validation: not an API. Types here are public only because sibling
 * packages need them; they may change in any release.
 */
package io.github.trailkit.model.digest.internal;
