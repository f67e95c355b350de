package dev.tokencontract.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokencontract.testing.TestContracts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class CounterexampleTest {

    @Test
    void counterexampleWhenClaimsMutatedAfterwardsThenKeepsItsOwnCopy() {
        ObjectNode claims = TestContracts.object("{\"roles\": [\"admin\"]}");
        Counterexample example = new Counterexample(
                ChangeClass.BREAKING_FOR_PRODUCERS, claims, "/properties/roles/items/enum", "CLAIM_NOT_IN_ENUM", 7L);

        claims.put("roles", "changed");
        ((ObjectNode) example.claims()).put("roles", "changed too");

        assertThat(example.claims().get("roles").get(0).asString()).isEqualTo("admin");
    }

    @Test
    void counterexampleWhenCosmeticDirectionThenRefused() {
        assertThatThrownBy(() ->
                        new Counterexample(ChangeClass.COSMETIC, TestContracts.object("{}"), "/title", "none", 1L))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
