package dev.tokencontract.conformance.suites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.compat.ChangeClass;
import dev.tokencontract.compat.Counterexample;
import dev.tokencontract.conformance.Kit;
import dev.tokencontract.contract.Contract;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class ContractCounterexamplesTest {
    private final ContractCounterexamples search = new ContractCounterexamples(300, 0L);

    private static Contract version(String version, Consumer<ObjectNode> change) {
        ObjectNode document = (ObjectNode) Kit.MCP.document();
        document.put("$id", "https://tokencontract.dev/contracts/mcp-access-token/" + version);
        document.withObject("x-contract").put("version", version);
        change.accept(document);
        return Kit.parse(document);
    }

    @Test
    void findWhenNewVersionRequiresClaimThenShrunkClaimsOldAcceptsNewRejects() {
        Contract newer = version("2.0.0", d -> {
            d.withObject("properties").putObject("department").put("type", "string");
            d.withArray("required").add("department");
        });

        Counterexample found =
                search.find(Kit.MCP, newer, ChangeClass.BREAKING_FOR_CONSUMERS).orElseThrow();

        assertThat(Kit.MCP.check(found.claims(), "/claims")).isEmpty();
        assertThat(newer.check(found.claims(), "/claims")).isNotEmpty();
        assertThat(found.rule()).isEqualTo("CLAIM_MISSING");
        assertThat(found.pointer()).isEqualTo("/required");
        assertThat(found.claims().path("roles")).isEmpty();
        assertThat(search.find(Kit.MCP, newer, ChangeClass.BREAKING_FOR_PRODUCERS))
                .isEmpty();
        assertThat(search.find(Kit.MCP, newer, ChangeClass.BREAKING_FOR_CONSUMERS))
                .contains(found);
    }

    @Test
    void findWhenNewVersionNarrowsPatternThenPointerNamesThePattern() {
        Contract newer = version(
                "2.0.0", d -> d.withObject("properties").withObject("tenant_id").put("pattern", "^[a-z]{3,8}$"));

        Counterexample found =
                search.find(Kit.MCP, newer, ChangeClass.BREAKING_FOR_CONSUMERS).orElseThrow();

        assertThat(found.rule()).isEqualTo("CLAIM_PATTERN_MISMATCH");
        assertThat(found.pointer()).isEqualTo("/properties/tenant_id/pattern");
        assertThat(found.seed()).isZero();
    }

    @Test
    void findWhenNewVersionDropsARoleRequirementThenWideningShownByConstruction() {
        Contract newer = version("1.1.0", d -> {
            ObjectNode toggle =
                    d.withObject("x-authorization").withObject("operations").withObject("toggleFeature");
            toggle.putArray("roles");
            toggle.putArray("scopes").add("crm.read");
        });

        Optional<Counterexample> found = search.find(Kit.MCP, newer, ChangeClass.AUTHORIZATION_WIDENING);

        assertThat(found).hasValueSatisfying(c -> {
            assertThat(c.pointer()).isEqualTo("/x-authorization/operations/toggleFeature");
            assertThat(c.rule()).contains("lacks role:admin");
            assertThat(c.claims().path("scope").asString()).isEqualTo("crm.read");
        });
        assertThat(search.find(Kit.MCP, Kit.MCP, ChangeClass.AUTHORIZATION_WIDENING))
                .isEmpty();
        assertThat(search.find(Kit.MCP, Kit.MCP, ChangeClass.COSMETIC)).isEmpty();
    }
}
