package dev.tokencontract.conformance;

import dev.tokencontract.conformance.engine.Gen;
import dev.tokencontract.conformance.engine.Property;
import dev.tokencontract.conformance.generate.SchemaInstances;
import dev.tokencontract.contract.Contract;
import tools.jackson.databind.JsonNode;

/**
 * The conformance kit's front door. Properties: {@code Conformance.forAll(gen).check(body)} (see
 * {@link Property}). Valid instances of a contract or schema: {@link #validClaims(Contract)},
 * {@link #instancesOf(JsonNode)}.
 */
public final class Conformance {
    private Conformance() {}

    public static <T> Property<T> forAll(Gen<T> gen) {
        return Property.forAll(gen);
    }

    /** Claim sets that satisfy the contract's schema (judged by the contract before they are returned). */
    public static Gen<JsonNode> validClaims(Contract contract) {
        return SchemaInstances.of(contract).valid();
    }

    /** Generators for any JSON Schema 2020-12 document, with the issues found in it. */
    public static SchemaInstances instancesOf(JsonNode schema) {
        return SchemaInstances.of(schema);
    }
}
