package dev.tokencontract.conformance.mutate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.conformance.Kit;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.testing.TestContracts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class ClaimMutatorTest {
    private final ClaimMutator mcp = new ClaimMutator(Kit.MCP);

    @Test
    void dropRequiredWhenChoiceNamesTenantThenOnlyTenantMissing() {
        int tenant = 7; // required order: iss sub aud exp iat jti client_id tenant_id roles; choice picks the claim
        Mutant mutant = applied(mcp.apply(Mutation.DROP_REQUIRED, Kit.claims(), tenant));

        assertThat(mutant.target()).isEqualTo("tenant_id");
        assertThat(mutant.claims().has("tenant_id")).isFalse();
        assertThat(mutant.claims().size()).isEqualTo(Kit.claims().size() - 1);
        assertThat(mutant.rejectedBy()).containsExactly(FindingCode.CLAIM_MISSING);
        assertThat(Kit.MCP.check(mutant.claims(), "/claims")).hasSize(1);
    }

    @Test
    void changeTypeWhenRolesIsAnArrayThenSpaceDelimitedStringFirst() {
        ObjectNode claims = Kit.claims();
        Mutant mutant = applied(mcp.apply(Mutation.CHANGE_TYPE, claims, "roles"));

        assertThat(mutant.target()).isEqualTo("roles");
        assertThat(mutant.claims().path("roles").asString()).isEqualTo("support sales");
        assertThat(mutant.rejectedBy()).containsExactly(FindingCode.CLAIM_TYPE_MISMATCH);
    }

    @Test
    void violatePatternWhenTenantHasPatternThenOnlyPatternBroken() {
        Mutant mutant = applied(mcp.apply(Mutation.VIOLATE_PATTERN, Kit.claims(), 0));

        assertThat(mutant.target()).isEqualTo("tenant_id");
        assertThat(mutant.rejectedBy()).containsExactly(FindingCode.CLAIM_PATTERN_MISMATCH);
        assertThat(Kit.MCP.check(mutant.claims(), "/claims"))
                .singleElement()
                .satisfies(f -> assertThat(f.pointer()).isEqualTo("/claims/tenant_id"));
    }

    @Test
    void violateBoundWhenEveryChoiceThenEachMutantBreaksOnlyItsBound() {
        for (int choice = 0; choice < 12; choice++) {
            Mutant mutant = applied(mcp.apply(Mutation.VIOLATE_BOUND, Kit.claims(), choice));

            assertThat(mutant.rejectedBy()).containsExactly(FindingCode.CLAIM_OUT_OF_RANGE);
            assertThat(Kit.MCP.check(mutant.claims(), "/claims"))
                    .allSatisfy(f -> assertThat(f.pointer()).startsWith("/claims/" + mutant.target()));
        }
    }

    @Test
    void mutationsWhenContractIsOpenAndHasNoEnumThenNotApplicableWithReason() {
        assertThat(mcp.apply(Mutation.ADD_FORBIDDEN_PROPERTY, Kit.claims(), 0))
                .isInstanceOfSatisfying(
                        MutationOutcome.NotApplicable.class,
                        na -> assertThat(na.reason()).contains("the contract is open"));
        assertThat(mcp.apply(Mutation.LEAVE_ENUM, Kit.claims(), 0))
                .isInstanceOfSatisfying(
                        MutationOutcome.NotApplicable.class,
                        na -> assertThat(na.reason()).contains("enum"));
        assertThat(mcp.apply(Mutation.BREAK_DEPENDENT_REQUIRED, Kit.claims(), 0))
                .isInstanceOfSatisfying(
                        MutationOutcome.NotApplicable.class,
                        na -> assertThat(na.reason()).contains("no dependentRequired"));
    }

    @Test
    void closedContractWithEnumAndDependentRequiredThenEveryClaimMutationApplies() {
        ObjectNode document = TestContracts.minimal();
        document.put("additionalProperties", false);
        document.withObject("properties")
                .putObject("level")
                .putArray("enum")
                .add("gold")
                .add("silver");
        document.withObject("properties").putObject("org").put("type", "string");
        document.putObject("dependentRequired").putArray("org").add("level");
        ClaimMutator closed = new ClaimMutator(Kit.parse(document));
        ObjectNode claims = Kit.object("{\"iss\":\"i\",\"aud\":\"a\",\"exp\":1,\"level\":\"gold\",\"org\":\"acme\"}");

        assertThat(applied(closed.apply(Mutation.ADD_FORBIDDEN_PROPERTY, claims, 0))
                        .rejectedBy())
                .containsExactly(FindingCode.CLAIM_NOT_ALLOWED);
        Mutant enumMutant = applied(closed.apply(Mutation.LEAVE_ENUM, claims, 0));
        assertThat(enumMutant.claims().path("level").asString()).isEqualTo("gold-not-allowed");
        assertThat(enumMutant.rejectedBy()).containsExactly(FindingCode.CLAIM_VALUE_NOT_ALLOWED);
        Mutant dependent = applied(closed.apply(Mutation.BREAK_DEPENDENT_REQUIRED, claims, 0));
        assertThat(dependent.target()).isEqualTo("level");
        assertThat(dependent.claims().has("org")).isTrue();
        assertThat(dependent.claims().has("level")).isFalse();
        assertThat(dependent.rejectedBy()).containsExactly(FindingCode.CLAIM_MISSING);
    }

    @Test
    void applyWhenInstanceIsNotAnObjectThenNotApplicable() {
        assertThat(mcp.apply(Mutation.DROP_REQUIRED, Kit.object("{}").arrayNode(), 0))
                .isInstanceOf(MutationOutcome.NotApplicable.class);
    }

    @Test
    void applyWhenEveryClaimMutationOnEveryChoiceThenNeverAnUnrejectedMutant() {
        Contract contract = Kit.MCP;
        for (Mutation mutation : Mutation.values()) {
            if (mutation.level() != Mutation.Level.CLAIMS) {
                continue;
            }
            for (int choice = 0; choice < 20; choice++) {
                if (mcp.apply(mutation, Kit.claims(), choice) instanceof MutationOutcome.Applied applied) {
                    assertThat(contract.check(applied.mutant().claims(), "/claims"))
                            .as(applied.mutant().toString())
                            .isNotEmpty();
                }
            }
        }
    }

    static Mutant applied(MutationOutcome outcome) {
        assertThat(outcome).isInstanceOf(MutationOutcome.Applied.class);
        return ((MutationOutcome.Applied) outcome).mutant();
    }
}
