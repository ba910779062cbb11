/**
 * Implementation of the model: not an API. The JSON layer beneath the record types (the fast parser and its tables,
 * Jackson factories and version checks, bounded and retaining input streams): it knows no model type; the record
 * codec and the readers that build model types live package-private in {@code io.github.trailkit.model}. Types here
 * are public only because that package needs them; they may change in any release.
 */
package io.github.trailkit.model.internal;
