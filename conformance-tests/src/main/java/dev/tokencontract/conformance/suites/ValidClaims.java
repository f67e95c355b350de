package dev.tokencontract.conformance.suites;

import dev.tokencontract.conformance.engine.Gen;
import dev.tokencontract.validator.Contract;
import tools.jackson.databind.node.ObjectNode;

/** Valid claim sets for a contract, from the schema-driven generators of {@code conformance.generate}. */
public final class ValidClaims {
    private ValidClaims() {}

    /** A generator of claim sets valid under {@code contract}'s schema. */
    public static Gen<ObjectNode> of(Contract contract) {
        throw new UnsupportedOperationException("schema-driven claim generation for " + contract.reference() + " is not wired yet");
    }
}
