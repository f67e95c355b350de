package dev.tokencontract.validator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.testing.Judge;
import dev.tokencontract.testing.TestTokens;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A required claim missing while the token carries the name a real IdP uses for it: the CLAIM_MISSING finding
 * of a real signed token judged by the real validator names the alias in its hint.
 */
class ClaimAliasHintTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<Arguments> aliases() {
        return Stream.of(
                Arguments.of(
                        "roles",
                        (UnaryOperator<TestTokens>) t ->
                                t.without("roles").claim("realm_access", JSON.readTree("{\"roles\":[\"support\"]}")),
                        "'realm_access.roles' (Keycloak realm roles)"),
                Arguments.of(
                        "roles",
                        (UnaryOperator<TestTokens>) t -> t.without("roles")
                                .claim(
                                        "resource_access",
                                        JSON.readTree("{\"crm\":{\"roles\":[\"support\"]},\"x\":{}}")),
                        "'resource_access.*.roles' (Keycloak client roles)"),
                Arguments.of(
                        "roles",
                        (UnaryOperator<TestTokens>) t -> t.without("roles").claimArray("groups", "support"),
                        "'groups'"),
                Arguments.of(
                        "client_id",
                        (UnaryOperator<TestTokens>) t -> t.without("client_id").claim("cid", "0oa1"),
                        "'cid' (Okta)"),
                Arguments.of(
                        "client_id",
                        (UnaryOperator<TestTokens>) t -> t.without("client_id").claim("appid", "1b2c"),
                        "'appid' (Entra ID v1 tokens)"),
                Arguments.of(
                        "client_id",
                        (UnaryOperator<TestTokens>) t -> t.without("client_id").claim("azp", "crm"),
                        "'azp'"),
                Arguments.of(
                        "tenant_id",
                        (UnaryOperator<TestTokens>) t -> t.without("tenant_id").claim("tid", "72f9"),
                        "'tid' (Entra ID)"),
                Arguments.of(
                        "sub",
                        (UnaryOperator<TestTokens>) t -> t.without("sub").claim("oid", "6d2e"),
                        "'oid' (Entra ID object id)"));
    }

    @ParameterizedTest(name = "{0} via {2}")
    @MethodSource("aliases")
    void validateWhenRequiredClaimMissingAndAliasPresentThenHintNamesAlias(
            String claim, UnaryOperator<TestTokens> drift, String named) {
        Finding missing = missing(drift.apply(TestTokens.mcp()), claim);

        assertThat(missing.hint()).contains("has no '" + claim + "'", "carries " + named);
        assertThat(missing.hint()).isNotEqualTo(FindingCode.CLAIM_MISSING.hint());
    }

    @Test
    void validateWhenRequiredClaimMissingWithoutAliasThenDefaultHint() {
        Finding missing = missing(TestTokens.mcp().without("tenant_id"), "tenant_id");

        assertThat(missing.hint()).isEqualTo(FindingCode.CLAIM_MISSING.hint());
    }

    @Test
    void validateWhenAliasIsNullOrRolesEmptyObjectThenDefaultHint() {
        Finding nullAlias = missing(TestTokens.mcp().without("tenant_id").claim("tid", JSON.nullNode()), "tenant_id");
        Finding noRoles = missing(
                TestTokens.mcp().without("roles").claim("resource_access", JSON.readTree("{\"crm\":{}}")), "roles");

        assertThat(nullAlias.hint()).isEqualTo(FindingCode.CLAIM_MISSING.hint());
        assertThat(noRoles.hint()).isEqualTo(FindingCode.CLAIM_MISSING.hint());
    }

    @Test
    void validateWhenAliasPresentButClaimAlsoPresentThenNoAliasHintAnywhere() {
        List<Finding> findings = Judge.judge(
                        Judge.mcpWithJwks(),
                        TestTokens.mcp().claim("tid", "72f9").signRsa())
                .findings();

        assertThat(findings).noneMatch(f -> f.hint() != null && f.hint().contains("carries"));
    }

    private static Finding missing(TestTokens token, String claim) {
        return Judge.judge(Judge.mcpWithJwks(), token.signRsa()).findings().stream()
                .filter(f ->
                        f.code() == FindingCode.CLAIM_MISSING && f.pointer().equals("/claims/" + claim))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no CLAIM_MISSING at /claims/" + claim));
    }
}
