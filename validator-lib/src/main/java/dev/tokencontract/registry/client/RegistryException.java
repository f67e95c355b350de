package dev.tokencontract.registry.client;

import dev.tokencontract.finding.Finding;
import java.util.List;
import java.util.Optional;

/**
 * A registry operation did not succeed. {@link #kind()} says what kind of failure it was, so callers can
 * tell "the registry refused or sent something wrong" from "the registry could not be reached";
 * {@link #problem()} holds the registry's RFC 7807 answer when it sent one, and {@link #findings()} the
 * lint findings when a fetched document was not an acceptable contract.
 */
public final class RegistryException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** Connection refused, timeout, TLS failure, or a 5xx answer, and no usable copy on disk. */
        UNREACHABLE,
        /** The registry answered 404: no such contract or version. */
        NOT_FOUND,
        /** The registry refused the request with a 4xx problem (401, 403, 409, 422, ...). */
        REFUSED,
        /** The answer could not be trusted: digest mismatch, not a contract, too large, redirect loop, wrong version. */
        BAD_RESPONSE,
        /** The registry URL, a redirect target or a contract reference is not acceptable. */
        INVALID_URL,
        /** The contract reference ({@code name@range}) is malformed. */
        INVALID_REFERENCE
    }

    private final Kind kind;
    private final transient RegistryProblem problem;
    private final transient List<Finding> findings;

    public RegistryException(Kind kind, String message) {
        this(kind, message, null, List.of());
    }

    public RegistryException(Kind kind, String message, RegistryProblem problem, List<Finding> findings) {
        super(message);
        this.kind = kind;
        this.problem = problem;
        this.findings = List.copyOf(findings);
    }

    public Kind kind() {
        return kind;
    }

    /** The registry's problem document, when the failure was an HTTP answer that carried one. */
    public Optional<RegistryProblem> problem() {
        return Optional.ofNullable(problem);
    }

    public List<Finding> findings() {
        return findings;
    }
}
