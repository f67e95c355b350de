package dev.tokencontract.contract;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * What a token contract says about the JOSE header, from its {@code x-jose} annotation.
 *
 * @param algorithms  allowed {@code alg} values; never empty, never {@code none}
 * @param types       allowed {@code typ} values (compared case-insensitively); empty means {@code typ} is not checked
 * @param kidRequired whether the header must carry a {@code kid}
 * @param maxLifetime the longest allowed {@code exp - iat}, if the contract caps it
 */
public record JoseRules(
        Set<String> algorithms, Set<String> types, boolean kidRequired, Optional<Duration> maxLifetime) {

    public JoseRules {
        algorithms = Set.copyOf(algorithms);
        types = Set.copyOf(types);
        if (algorithms.isEmpty()) {
            throw new IllegalArgumentException("a token contract allows at least one algorithm");
        }
        if (algorithms.stream().anyMatch(alg -> alg.equalsIgnoreCase("none"))) {
            throw new IllegalArgumentException("'none' can never be an allowed algorithm");
        }
    }

    /** True when {@code typ} is allowed; comparison ignores case as RFC 7515 section 4.1.9 recommends. */
    public boolean allowsType(String typ) {
        return types.stream().anyMatch(allowed -> allowed.equalsIgnoreCase(typ));
    }
}
