package dev.tokencontract.conformance.http;

import java.util.Objects;

/**
 * One way a rejection's {@code WWW-Authenticate} falls short of RFC 6750 and the MCP authorization spec.
 *
 * @param code     stable code, e.g. {@code RESOURCE_METADATA_MISSING}
 * @param required true for a MUST of the specifications (the suite fails), false for a SHOULD (reported only)
 * @param message  one line for people, naming the rule
 */
public record ChallengeProblem(String code, boolean required, String message) {
    public ChallengeProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    static ChallengeProblem must(String code, String message) {
        return new ChallengeProblem(code, true, message);
    }

    static ChallengeProblem should(String code, String message) {
        return new ChallengeProblem(code, false, message);
    }

    @Override
    public String toString() {
        return (required ? "MUST " : "SHOULD ") + code + ": " + message;
    }
}
