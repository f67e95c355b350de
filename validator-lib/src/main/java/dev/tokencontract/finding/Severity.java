package dev.tokencontract.finding;

/** How much a finding weighs. Only {@link #ERROR} findings change the verdict. */
public enum Severity {
    /** The token (or contract) breaks a rule; it is rejected or could not be checked. */
    ERROR,
    /** Suspicious but not disqualifying, e.g. an {@code x5c} header that was ignored. */
    WARNING,
    /** Context for a reader, e.g. which key verified the signature. */
    INFO
}
