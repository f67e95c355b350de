package dev.tokencontract.mcp;

/** Why a request or a tool call was allowed or denied: stable codes for logs and alerts. */
public enum DecisionReason {
    /** The token is valid and the tool's rule in the contract is satisfied. */
    GRANTED,
    /** The token is valid; the request is not a tool call (initialize, tools/list, ...). */
    AUTHENTICATED,
    /** No Authorization header, or one with another scheme (Basic, ...). */
    TOKEN_MISSING,
    /** The Authorization header is malformed: two headers, two tokens, characters outside token68, ... */
    MALFORMED_REQUEST,
    /** The token was presented in the query string, which the spec forbids. */
    TOKEN_IN_QUERY,
    /** The token failed validation (signature, expiry, contract, ...). */
    TOKEN_INVALID,
    /** The token was issued for another resource. */
    AUDIENCE_MISMATCH,
    /** The token could not be checked (keys unavailable): denied, but not proven bad. */
    TOKEN_UNCHECKED,
    /** The token lacks a scope the tool requires. */
    INSUFFICIENT_SCOPE,
    /** The token lacks a role the tool requires. */
    MISSING_ROLE,
    /** The contract's x-authorization has no entry for the tool: denied (fail closed). */
    TOOL_NOT_IN_CONTRACT,
    /** A tool handler ran without an identity in its transport context (the filter is not in front). */
    NO_IDENTITY,
    /** The JSON-RPC body could not be read, so the call cannot be authorised. */
    MALFORMED_BODY,
    /** The request came from a browser page whose {@code Origin} is not on the allow-list (DNS rebinding, CSRF). */
    ORIGIN_REFUSED,
    /** The request named an MCP session another principal opened: answered as an unknown session. */
    SESSION_NOT_OWNED
}
