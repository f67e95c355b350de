package dev.tokencontract.validator;

import java.time.Instant;

/**
 * Judges a bearer token and reports every finding: {@link TokenValidator} for one issuer,
 * {@link MultiIssuerValidator} for a fixed set of them. Implementations never throw for any token and are
 * thread-safe.
 */
public interface AccessTokenValidator {

    /** Judges a token as of the validator's clock. */
    ValidationReport validate(String token);

    /** Judges a token as of {@code evaluatedAt}. */
    ValidationReport validate(String token, Instant evaluatedAt);
}
