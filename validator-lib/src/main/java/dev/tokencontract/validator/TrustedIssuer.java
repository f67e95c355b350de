package dev.tokencontract.validator;

import dev.tokencontract.contract.Contract;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One issuer a {@link MultiIssuerValidator} trusts: its exact {@code iss}, its own keys and its own contract,
 * and optionally audiences of its own (a realm per tenant, each with its own resource URI). Immutable.
 *
 * @param issuer    the exact {@code iss} value
 * @param contract  the contract its tokens must satisfy
 * @param keys      where its keys come from (never shared with another issuer by accident: name them here)
 * @param audiences the audiences its tokens must name; empty means the validator's shared audiences
 */
public record TrustedIssuer(String issuer, Contract contract, KeySource keys, Set<String> audiences) {

    public TrustedIssuer {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("a trusted issuer needs its exact 'iss' value");
        }
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(keys, "keys");
        audiences = Set.copyOf(new LinkedHashSet<>(audiences));
        if (audiences.stream().anyMatch(a -> a == null || a.isBlank())) {
            throw new IllegalArgumentException("audiences must not be blank");
        }
    }

    /** An issuer whose tokens must name the validator's shared audience. */
    public static TrustedIssuer of(String issuer, Contract contract, KeySource keys) {
        return new TrustedIssuer(issuer, contract, keys, Set.of());
    }

    /** The same issuer, whose tokens must name one of these audiences instead of the shared ones. */
    public TrustedIssuer withAudiences(String... values) {
        return new TrustedIssuer(issuer, contract, keys, Set.copyOf(List.of(values)));
    }
}
