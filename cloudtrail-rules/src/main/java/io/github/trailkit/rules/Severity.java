package io.github.trailkit.rules;

/**
 * How urgent a finding is, from {@link #INFO} to {@link #CRITICAL}; ordered, so {@code compareTo} ranks them.
 *
 * <pre>{@code
 * boolean page = finding.severity().compareTo(Severity.HIGH) >= 0;
 * }</pre>
 */
public enum Severity {
    /** Worth recording, not worth a look on its own. */
    INFO,
    /** Worth a look when convenient. */
    LOW,
    /** Worth a look today. */
    MEDIUM,
    /** Worth a look now. */
    HIGH,
    /** Act now. */
    CRITICAL
}
