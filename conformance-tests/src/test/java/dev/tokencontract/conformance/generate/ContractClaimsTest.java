package dev.tokencontract.conformance.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.conformance.Conformance;
import dev.tokencontract.conformance.engine.Choices;
import dev.tokencontract.conformance.engine.Property;
import dev.tokencontract.conformance.engine.PropertyResult;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.Contracts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Claim sets generated from the bundled contracts are valid and cover the contract's optional shapes. */
class ContractClaimsTest {

    @ParameterizedTest
    @ValueSource(strings = {"mcp-access-token@1.0.0", "rfc9068-access-token@1.0.0"})
    void bundledContractWhenClaimsGeneratedThenEveryClaimSetPassesTheContract(String reference) throws Exception {
        Contract contract = Contracts.bundled(reference);
        SchemaInstances instances = SchemaInstances.of(contract);

        assertThat(instances.issues()).isEmpty();
        Property.forAll(instances.valid())
                .tries(300)
                .seed(reference.hashCode())
                .requireCoverage("aud=string", "aud=array", "has optional claim")
                .check(claims -> {
                    Property.label(claims.get("aud").isString() ? "aud=string" : "aud=array");
                    if (claims.has("nbf")
                            || claims.has("scope")
                            || claims.has("act")
                            || claims.has("email")
                            || claims.has("auth_time")) {
                        Property.label("has optional claim");
                    }
                    assertThat(contract.check(claims, "")).isEmpty();
                });
    }

    @org.junit.jupiter.api.Test
    void mcpContractWhenClaimsGeneratedThenGeneratorLabelsCoverOptionalClaimsAndAudienceForms() throws Exception {
        Contract contract = Contracts.bundled("mcp-access-token@1.0.0");
        PropertyResult<JsonNode> result = Property.forAll(
                        SchemaInstances.of(contract).valid())
                .tries(300)
                .seed(11)
                .requireCoverage(
                        "type=string@#/$defs/audience",
                        "type=array@#/$defs/audience",
                        "property=act@#",
                        "property=scope@#",
                        "property=nbf@#",
                        "property=act@#/$defs/actor")
                .check(claims -> assertThat(contract.check(claims, "")).isEmpty());

        int withAct = result.coverage().count("property=act@#");
        assertThat(withAct).isBetween(30, 150);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mcp-access-token@1.0.0"})
    void mcpContractWhenCandidatesBuiltThenNearlyAllValidWithoutTheFilter(String reference) throws Exception {
        Contract contract = Contracts.bundled(reference);
        SchemaInstances instances = SchemaInstances.of(contract);
        int valid = 0;
        for (int seed = 0; seed < 500; seed++) {
            JsonNode candidate = Choices.random(seed).draw(instances.candidates());
            if (contract.check(candidate, "").isEmpty()) {
                valid++;
            }
        }
        // construction alone should get the contract right; the filter is a safety net, not the method
        assertThat(valid).isGreaterThanOrEqualTo(490);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void claimsPropertyWhenPlantedBugThenShrinksToMinimalClaimSet(long seed) throws Exception {
        Contract contract = Contracts.bundled("mcp-access-token@1.0.0");
        PropertyResult<JsonNode> result = Property.forAll(Conformance.validClaims(contract))
                .seed(seed)
                .tries(500)
                .run(claims -> assertThat(claims.get("roles").size()).isLessThan(2));

        assertThat(result.counterexample()).isNotNull();
        JsonNode shrunk = result.counterexample();
        assertThat(contract.check(shrunk, ""))
                .as("the shrunk counterexample is still valid")
                .isEmpty();
        assertThat(shrunk.get("roles").size()).isEqualTo(2);
        assertThat(shrunk.properties()).as("only required claims remain").hasSize(9);
        assertThat(shrunk.get("sub").stringValue()).hasSize(1);
    }
}
