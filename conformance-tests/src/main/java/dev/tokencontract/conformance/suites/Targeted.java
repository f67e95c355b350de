package dev.tokencontract.conformance.suites;

import dev.tokencontract.conformance.engine.Choices;
import dev.tokencontract.conformance.engine.Gen;
import dev.tokencontract.contract.Contract;
import tools.jackson.databind.node.ObjectNode;

/** Valid claim sets addressed to the party under test: its issuer, its audience (as a string or a one-element array). */
final class Targeted {
    private Targeted() {}

    static Gen<ObjectNode> claims(Gen<ObjectNode> valid, String issuer, String audience) {
        return in -> {
            ObjectNode claims = in.draw(valid).deepCopy();
            claims.put("iss", issuer);
            if (claims.path("aud").isArray()) {
                claims.putArray("aud").add(audience);
            } else {
                claims.put("aud", audience);
            }
            return claims;
        };
    }

    /** The simplest value of any generator (every choice 0). */
    static <T> T simplest(Gen<T> gen) {
        return Choices.replay(new long[0]).draw(gen);
    }

    /** The simplest example of {@code gen} (every choice 0), or a random one if that is rejected. */
    static ObjectNode sample(Contract contract, Gen<ObjectNode> gen) {
        try {
            return Choices.replay(new long[0]).draw(gen);
        } catch (RuntimeException simplestRejected) {
            for (long seed = 1; seed <= 100; seed++) {
                try {
                    return Choices.random(seed).draw(gen);
                } catch (RuntimeException rejected) {
                    // try the next seed
                }
            }
            throw new IllegalStateException(
                    "cannot generate a valid claim set for " + contract.reference(), simplestRejected);
        }
    }
}
