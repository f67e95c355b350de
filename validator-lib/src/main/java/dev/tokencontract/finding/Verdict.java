package dev.tokencontract.finding;

/**
 * The outcome of judging a token. "The token is bad" and "we could not check" are kept apart all the
 * way out; an MCP server denies the call in both cases (fail closed). Each layer maps the verdict to its
 * own signal: the CLI to an exit code (0, 1, 3), an HTTP resource server to a status (proceed, 401, 503).
 */
public enum Verdict {
    /** Every stage passed and the signature was verified with a configured key. */
    ACCEPTED,
    /** The token breaks at least one rule. */
    REJECTED,
    /** Nothing proves the token bad, but something needed to judge it was unavailable (keys, contract). */
    UNCHECKED
}
