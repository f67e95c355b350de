package dev.tokencontract.cli;

import dev.tokencontract.conformance.Conformance;
import dev.tokencontract.conformance.engine.Choices;
import dev.tokencontract.conformance.engine.Gen;
import dev.tokencontract.conformance.engine.Rejected;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.finding.Finding;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A claim set for {@code example} and {@code mint}: drawn from the conformance kit's generator of valid claim
 * sets with a seed, given time claims ({@code iat}, and {@code nbf} and {@code auth_time} when drawn = the issue time, {@code exp} =
 * issue time + lifetime), then the {@code --claim} overrides, then judged by the contract. Same contract, seed,
 * time, lifetime and overrides: same claims.
 */
final class ExampleClaims {
    /** Draws after the first (seed, seed + 1, ...) when the generator rejects one; schemas rarely need any. */
    private static final int ATTEMPTS = 20;

    private ExampleClaims() {}

    /**
     * @param claims   the claim set after overrides
     * @param findings what the contract says about it (empty: valid)
     */
    record Result(ObjectNode claims, List<Finding> findings) {
        Result {
            findings = List.copyOf(findings);
        }

        boolean valid() {
            return findings.isEmpty();
        }
    }

    /** Thrown when the generator cannot find a valid claim set (an unsatisfiable or exotic schema). */
    static final class NoExampleException extends Exception {
        private static final long serialVersionUID = 1L;

        NoExampleException(String message) {
            super(message);
        }
    }

    static Result make(Contract contract, long seed, Instant issuedAt, Duration lifetime, ClaimOverrides overrides)
            throws NoExampleException, UsageException {
        ObjectNode claims = generate(contract, seed);
        claims.put("iat", issuedAt.getEpochSecond());
        for (String sameInstant : new String[] {"nbf", "auth_time"}) { // when the generator drew them
            if (claims.has(sameInstant)) {
                claims.put(sameInstant, issuedAt.getEpochSecond());
            }
        }
        claims.put("exp", issuedAt.plus(lifetime).getEpochSecond());
        ObjectNode overridden = overrides.applyTo(claims);
        return new Result(overridden, contract.check(overridden, "/claims"));
    }

    /** The lifetime: {@code requested} when given, else 10 minutes; never beyond the contract's cap. */
    static Duration lifetime(Contract contract, Optional<Duration> requested) throws UsageException {
        Optional<Duration> cap =
                contract.jose() == null ? Optional.empty() : contract.jose().maxLifetime();
        if (requested.isPresent()) {
            if (cap.isPresent() && requested.get().compareTo(cap.get()) > 0) {
                throw new UsageException(
                        "--ttl " + requested.get().getSeconds() + "s is longer than " + contract.reference()
                                + " allows (maxLifetimeSeconds " + cap.get().getSeconds() + ")");
            }
            return requested.get();
        }
        Duration standard = Duration.ofMinutes(10);
        return cap.isPresent() && cap.get().compareTo(standard) < 0 ? cap.get() : standard;
    }

    private static ObjectNode generate(Contract contract, long seed) throws NoExampleException {
        Gen<JsonNode> valid = Conformance.validClaims(contract);
        String last = "";
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                JsonNode drawn = Choices.random(seed + attempt).draw(valid);
                if (drawn.isObject()) {
                    return (ObjectNode) drawn;
                }
                last = "the schema allows a non-object document, but claims are an object";
            } catch (Rejected e) {
                last = String.valueOf(e.getMessage());
            }
        }
        throw new NoExampleException("no valid claim set for " + contract.reference() + " after " + ATTEMPTS
                + " draws: " + Terminal.safe(last, 200));
    }
}
