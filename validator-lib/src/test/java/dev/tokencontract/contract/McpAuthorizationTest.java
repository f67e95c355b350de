package dev.tokencontract.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.testing.TestTokens;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** The {@code x-authorization} section of {@code mcp-access-token@1.0.0}: one source of truth for tool access. */
class McpAuthorizationTest {
    private static AuthorizationRules rules;

    @BeforeAll
    static void loadContract() throws Exception {
        rules = Contracts.load("mcp-access-token@1.0.0").authorization();
    }

    private static JsonNode claims(String scope, String... roles) {
        TestTokens token = TestTokens.mcp().claimArray("roles", roles);
        return scope == null
                ? token.without("scope").claimsNode()
                : token.claim("scope", scope).claimsNode();
    }

    @Test
    void authorizationWhenReadThenMapsTheFourCrmTools() {
        Map<String, String> summary = rules.operations().values().stream()
                .collect(Collectors.toMap(
                        OperationRule::operation, rule -> "scopes=" + rule.scopes() + " roles=" + rule.roles()));

        assertThat(summary)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "getCustomer", "scopes=[crm.read] roles=[]",
                        "updateAccountStatus", "scopes=[crm.write] roles=[]",
                        "lookupEmployee", "scopes=[] roles=[hr]",
                        "toggleFeature", "scopes=[] roles=[admin]"));
        assertThat(rules.scopeClaim()).isEqualTo("scope");
        assertThat(rules.rolesClaim()).isEqualTo("roles");
    }

    @Test
    void missingForWhenSampleTokenCallsCrmToolsThenGranted() {
        JsonNode sample = TestTokens.mcp().claimsNode();

        assertThat(rules.missingFor("getCustomer", sample)).isEmpty();
        assertThat(rules.missingFor("updateAccountStatus", sample)).isEmpty();
    }

    @Test
    void missingForWhenSampleTokenCallsRoleGatedToolsThenMissingRole() {
        JsonNode sample = TestTokens.mcp().claimsNode();

        assertThat(rules.missingFor("lookupEmployee", sample)).containsExactly("role:hr");
        assertThat(rules.missingFor("toggleFeature", sample)).containsExactly("role:admin");
    }

    @ParameterizedTest
    @CsvSource({
        "getCustomer, crm.write, scope:crm.read",
        "getCustomer, crm.readonly, scope:crm.read",
        "getCustomer, CRM.READ, scope:crm.read",
        "updateAccountStatus, crm.read, scope:crm.write",
        "updateAccountStatus, crm.read crm.write.all, scope:crm.write"
    })
    void missingForWhenScopeLacksTheExactTokenThenMissingScope(String operation, String scope, String missing) {
        assertThat(rules.missingFor(operation, claims(scope, "support"))).containsExactly(missing);
    }

    @Test
    void missingForWhenScopeClaimAbsentThenMissingScope() {
        assertThat(rules.missingFor("getCustomer", claims(null, "support"))).containsExactly("scope:crm.read");
    }

    @Test
    void missingForWhenScopeIsAnArrayThenMissingScopeBecauseOnlyTheStringFormCounts() {
        JsonNode claims = TestTokens.mcp().claimArray("scope", "crm.read").claimsNode();

        assertThat(rules.missingFor("getCustomer", claims)).containsExactly("scope:crm.read");
    }

    @Test
    void missingForWhenRoleGrantedThenEmpty() {
        assertThat(rules.missingFor("lookupEmployee", claims("crm.read", "support", "hr")))
                .isEmpty();
        assertThat(rules.missingFor("toggleFeature", claims(null, "admin"))).isEmpty();
    }

    @Test
    void missingForWhenRolesIsAStringThenMissingRoleBecauseOnlyTheArrayFormCounts() {
        JsonNode claims = TestTokens.mcp().claim("roles", "admin").claimsNode();

        assertThat(rules.missingFor("toggleFeature", claims)).containsExactly("role:admin");
    }

    @Test
    void missingForWhenRoleDiffersInCaseThenMissingRole() {
        assertThat(rules.missingFor("toggleFeature", claims(null, "Admin"))).containsExactly("role:admin");
    }

    @Test
    void missingForWhenOperationUnknownThenDeniedEvenWithEveryGrant() {
        JsonNode everything = claims("crm.read crm.write", "hr", "admin", "support");

        assertThat(rules.missingFor("deleteTenant", everything)).containsExactly("operation:deleteTenant");
        assertThat(rules.missingFor("getcustomer", everything)).containsExactly("operation:getcustomer");
    }

    @Test
    void scopesInWhenScopeHasExtraSpacesOrWrongTypeThenReadsTokensOrNothing() {
        assertThat(rules.scopesIn(claims("  crm.read   crm.write "))).containsExactly("crm.read", "crm.write");
        assertThat(rules.scopesIn(claims("   "))).isEmpty();
        assertThat(rules.scopesIn(
                        TestTokens.mcp().claimArray("scope", "crm.read").claimsNode()))
                .isEmpty();
        assertThat(rules.scopesIn(null)).isEmpty();
    }

    @Test
    void rolesInWhenRolesHoldNonStringsOrAStringThenOnlyArrayStringsCount() {
        assertThat(rules.rolesIn(claims(null, "hr", "admin"))).containsExactly("hr", "admin");
        assertThat(rules.rolesIn(TestTokens.mcp().claim("roles", "admin").claimsNode()))
                .isEmpty();
    }

    @Test
    void missingForWhenGivenSetsThenSameAnswerAsFromClaimsInContractOrder() {
        JsonNode sample = claims("crm.read", "support");
        for (String operation : rules.operations().keySet()) {
            assertThat(rules.missingFor(operation, rules.scopesIn(sample), rules.rolesIn(sample)))
                    .isEqualTo(rules.missingFor(operation, sample));
        }
        assertThat(rules.missingFor("dropTables", java.util.Set.of("crm.read"), java.util.Set.of("admin")))
                .containsExactly("operation:dropTables");
    }
}
