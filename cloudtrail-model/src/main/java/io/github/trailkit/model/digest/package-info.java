/**
 * CloudTrail log file integrity validation: digest files, CloudTrail's public keys, and a verifier that proves log
 * files were neither changed nor deleted (what {@code aws cloudtrail validate-logs} does), in code.
 *
 * <p>Start at {@link io.github.trailkit.model.digest.DigestVerifier}; {@link
 * io.github.trailkit.model.digest.DigestFile#parse(byte[], String)} reads one digest file.
 */
@TrailkitStyle
package io.github.trailkit.model.digest;

import io.github.trailkit.model.TrailkitStyle;
