package dev.tokencontract.registry.internal;

import java.util.Locale;

/**
 * Every error kind the registry answers, each with a stable {@code code} (the problem's {@code type} ends
 * with it), an HTTP status and a fixed title. Documented one by one in {@code docs/registry-api.md}.
 */
public enum ProblemCode {
    BAD_REQUEST(400, "Malformed request"),
    INVALID_NAME(400, "Invalid contract name"),
    INVALID_VERSION(400, "Invalid version or range"),
    INVALID_PARAMETER(400, "Invalid query parameter"),
    INVALID_JSON(400, "Request body is not valid JSON"),
    INVALID_BODY(400, "Request body has the wrong shape"),
    PRIVATE_KEY_REFUSED(400, "Private key material refused"),
    TOKEN_MISSING(401, "Bearer token required"),
    TOKEN_INVALID(401, "Bearer token rejected"),
    SCOPE_MISSING(403, "Token lacks the required scope"),
    NAMESPACE_DENIED(403, "Contract name outside the token's namespaces"),
    NOT_FOUND(404, "No such resource"),
    CONTRACT_NOT_FOUND(404, "No such contract"),
    VERSION_NOT_FOUND(404, "No such version"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    BODY_TIMEOUT(408, "Request body not received in time"),
    VERSION_CONFLICT(409, "Version already published with other content"),
    INCOMPATIBLE(409, "Incompatible with earlier versions"),
    BODY_TOO_LARGE(413, "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type or content coding"),
    LINT_FAILED(422, "Contract fails lint"),
    NAME_MISMATCH(422, "Contract does not match the path"),
    RATE_LIMITED(429, "Too many requests"),
    INTERNAL_ERROR(500, "Internal error"),
    WRITES_DISABLED(503, "Writes are not configured"),
    AUTH_UNAVAILABLE(503, "Token could not be checked"),
    STORE_UNAVAILABLE(503, "Store unavailable");

    /** Problem types are URIs under this base; they identify, nothing is served there. */
    public static final String TYPE_BASE = "https://tokencontract.dev/problems/";

    private final int status;
    private final String title;

    ProblemCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The stable kebab-case code, e.g. {@code version-conflict}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String type() {
        return TYPE_BASE + code();
    }
}
