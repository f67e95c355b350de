package dev.tokencontract.compat;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A concrete token's claims that demonstrate a breaking change: for {@link ChangeClass#BREAKING_FOR_CONSUMERS}
 * the old contract accepts them and the new one rejects them; for {@link ChangeClass#BREAKING_FOR_PRODUCERS}
 * the reverse; for {@link ChangeClass#AUTHORIZATION_WIDENING} the new contract grants an operation the old
 * one refused. Found by a {@link CounterexampleSearch}.
 *
 * @param direction the class of change the claims demonstrate; never {@code COSMETIC}
 * @param claims    the token's claims (a copy is kept and handed out)
 * @param pointer   JSON pointer of the rule that rejects (or refuses) them, in the contract that does
 * @param rule      what rejects them: a finding code ({@code CLAIM_NOT_IN_ENUM}) or a short description
 * @param seed      the search's seed, so the same counterexample can be found again
 */
public record Counterexample(ChangeClass direction, JsonNode claims, String pointer, String rule, long seed) {

    public Counterexample {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(rule, "rule");
        if (direction == ChangeClass.COSMETIC) {
            throw new IllegalArgumentException("a cosmetic change has no counterexample");
        }
        claims = Objects.requireNonNull(claims, "claims").deepCopy();
    }

    @Override
    public JsonNode claims() {
        return claims.deepCopy();
    }
}
