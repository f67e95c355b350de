package dev.tokencontract.finding;

/**
 * The outcome of judging a token. "The token is bad" and "we could not check" are kept apart all the
 * way out to HTTP status and exit code; an MCP server denies the call in both cases (fail closed).
 */
public enum Verdict {
    /** Every stage passed and the signature was verified with a configured key. */
    ACCEPTED(0, 200),
    /** The token breaks at least one rule. */
    REJECTED(1, 401),
    /** Nothing proves the token bad, but something needed to judge it was unavailable (keys, contract). */
    UNCHECKED(3, 503);

    private final int exitCode;
    private final int httpStatus;

    Verdict(int exitCode, int httpStatus) {
        this.exitCode = exitCode;
        this.httpStatus = httpStatus;
    }

    /** The CLI exit code: 0 accepted, 1 rejected, 3 could not check (2 is kept for usage errors). */
    public int exitCode() {
        return exitCode;
    }

    /** The HTTP status a resource server answers with: 200 (proceed), 401, or 503. */
    public int httpStatus() {
        return httpStatus;
    }
}
