package dev.tokencontract.conformance.suites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.conformance.Kit;
import dev.tokencontract.contract.Contract;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class CompatSuiteTest {
    private static final SuiteSettings SETTINGS = SuiteSettings.of(100, 3L);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Contract version(String version, java.util.function.Consumer<ObjectNode> change) {
        ObjectNode document = (ObjectNode) Kit.MCP.document();
        document.put("$id", "https://tokencontract.dev/contracts/mcp-access-token/" + version);
        document.withObject("x-contract").put("version", version);
        change.accept(document);
        return Kit.parse(document);
    }

    @Test
    void checkWhenSameContractThenBothDirectionsPass() {
        SuiteResult result = CompatSuite.check(Kit.MCP, version("1.0.1", d -> {}), SETTINGS);

        assertThat(result.passed()).as(result.failures().toString()).isTrue();
        assertThat(result.properties()).hasSize(3);
        assertThat(result.properties().subList(0, 2))
                .allSatisfy(p -> assertThat(p.tries()).isEqualTo(100));
        assertThat(result.property(CompatSuite.STRUCTURAL).status()).isEqualTo(PropertyReport.Status.PASSED);
    }

    @Test
    void checkWhenEngineReportsABreakNoGeneratedClaimsShowThenStructuralPropertyFailsUnconfirmed() {
        dev.tokencontract.testing.CompatProbes.Probe probe = dev.tokencontract.testing.CompatProbes.all().stream()
                .filter(p -> p.name().equals("not.$ref"))
                .findFirst()
                .orElseThrow();

        SuiteResult result = CompatSuite.check(Kit.parse(probe.older()), Kit.parse(probe.newer()), SETTINGS);

        PropertyReport structural = result.property(CompatSuite.STRUCTURAL);
        assertThat(structural.status()).isEqualTo(PropertyReport.Status.FAILED);
        assertThat(structural.reason()).contains("enum-value-added at /$defs/role/enum");
        assertThat(result.passed()).isFalse();
    }

    @Test
    void checkWhenNewVersionRequiresAClaimThenBackwardFailsWithShrunkCounterexample() {
        Contract newer = version("2.0.0", d -> {
            d.withObject("properties").putObject("department").put("type", "string");
            d.withArray("required").add("department");
        });

        SuiteResult result = CompatSuite.check(Kit.MCP, newer, SETTINGS);

        PropertyReport backward = result.property(CompatSuite.name(Kit.MCP, newer));
        PropertyReport forward = result.property(CompatSuite.name(newer, Kit.MCP));
        assertThat(backward.status()).isEqualTo(PropertyReport.Status.FAILED);
        assertThat(backward.reason()).contains("CLAIM_MISSING at /claims/department");
        JsonNode shrunk = JSON.readTree(backward.counterexample());
        assertThat(shrunk.propertyNames())
                .containsExactlyInAnyOrder("iss", "sub", "aud", "exp", "iat", "jti", "client_id", "tenant_id", "roles");
        assertThat(forward.status()).isEqualTo(PropertyReport.Status.PASSED);
    }

    @Test
    void checkWhenNewVersionNarrowsTenantPatternThenCounterexampleIsTheSmallestTenantOutside() {
        Contract newer = version(
                "2.0.0", d -> d.withObject("properties").withObject("tenant_id").put("pattern", "^[a-z]{3,8}$"));

        SuiteResult result = CompatSuite.check(Kit.MCP, newer, SETTINGS);

        PropertyReport backward = result.property(CompatSuite.name(Kit.MCP, newer));
        assertThat(backward.reason()).contains("CLAIM_PATTERN_MISMATCH at /claims/tenant_id");
        assertThat(JSON.readTree(backward.counterexample()).path("tenant_id").asString())
                .hasSizeLessThanOrEqualTo(2);
        assertThat(result.property(CompatSuite.name(newer, Kit.MCP)).status()).isEqualTo(PropertyReport.Status.PASSED);
    }
}
