package io.github.trailkit.model.digest;

/**
 * What verification concluded about one file.
 *
 * <pre>{@code
 * report.files().stream().filter(f -> f.verdict() != Verdict.VALID).forEach(System.out::println);
 * }</pre>
 */
public enum Verdict {
    /** The file is as CloudTrail delivered it: a digest with a valid signature and chain link, or a log file whose
     *  hash matches a digest whose signature verified (directly, or through a verified chain of newer digests). */
    VALID,
    /** A log file whose hash matches the digest that lists it, but no digest whose signature verified lists it:
     *  the digest failed its signature check or could not be checked (its public key unknown, its signature
     *  absent), so nothing vouches for the file. The reason names the digest. */
    UNVERIFIED,
    /** A log file whose content differs from its digest entry, or that is not one well-formed gzip stream (data
     *  appended after it, corruption); a digest that is unreadable or has been moved from its original location. */
    MODIFIED,
    /** Named by a digest (as a log file or as the previous digest) but absent; also a key that leads outside a
     *  local copy's root, which is never read. */
    MISSING,
    /** A log file under the prefix that no digest lists (delivered while validation was off, or added later). */
    NOT_COVERED,
    /** A digest whose signature is absent, does not verify, or whose public key is unknown (or whose metadata
     *  sidecar, in a local copy, is malformed). */
    SIGNATURE_INVALID,
    /** A digest whose previous-digest hash or signature does not match the previous digest. */
    CHAIN_BROKEN,
    /** A file that could not be read (an I/O error, a broken connection): nothing is known of it, and reading it
     *  again may succeed. Not evidence of tampering, and not valid either. */
    UNREADABLE,
    /** A digest over one of the {@link DigestLimits} (too large, inflating too much, listing too many files): not
     *  checked, and the log files it lists are not known; or a log file inflating more than {@link
     *  DigestLimits#maxInflateRatio()} times, not hashed to its end. The reason names the limit. */
    LIMIT_EXCEEDED
}
