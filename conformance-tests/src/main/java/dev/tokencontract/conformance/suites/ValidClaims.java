package dev.tokencontract.conformance.suites;

import dev.tokencontract.conformance.engine.Gen;
import dev.tokencontract.conformance.generate.SchemaInstances;
import dev.tokencontract.contract.Contract;
import tools.jackson.databind.node.ObjectNode;

/** Valid claim sets for a contract, from the schema-driven generators of {@code conformance.generate}. */
public final class ValidClaims {
    private ValidClaims() {}

    /**
     * A generator of claim sets valid under {@code contract}'s schema (judged by the contract itself, so
     * never an instance the contract refuses); a draw that is not a JSON object is discarded.
     */
    public static Gen<ObjectNode> of(Contract contract) {
        Gen<tools.jackson.databind.JsonNode> valid =
                SchemaInstances.of(contract).valid();
        return in -> {
            var drawn = in.draw(valid);
            if (!drawn.isObject()) {
                throw in.reject(contract.reference() + " allows a non-object document; claims are an object");
            }
            return (ObjectNode) drawn;
        };
    }
}
