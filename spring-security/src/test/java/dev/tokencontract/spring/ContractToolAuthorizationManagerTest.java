package dev.tokencontract.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.TokenValidator;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class ContractToolAuthorizationManagerTest {

    private static JwtAuthenticationToken authenticated(TestTokens token) throws Exception {
        Contract contract = Contracts.load("mcp-access-token@1");
        TokencontractJwtDecoder decoder = new TokencontractJwtDecoder(TokenValidator.builder()
                .contract(contract)
                .keys(KeySource.jwks(TestKeys.publicJwks()))
                .expectIssuer(TestTokens.ISSUER)
                .expectAudience(FreshTokens.RESOURCE)
                .build());
        return new JwtAuthenticationToken(decoder.decode(token.signRsa()), java.util.List.of());
    }

    private static ContractToolAuthorizationManager manager() throws Exception {
        return new ContractToolAuthorizationManager(
                Contracts.load("mcp-access-token@1").authorization());
    }

    @Test
    void authorizeWhenTokenCarriesTheToolsScopeThenGrantedAndOtherwiseDenied() throws Exception {
        JwtAuthenticationToken reader = authenticated(FreshTokens.fresh().claim("scope", "crm.read"));

        assertThat(manager().authorize(() -> reader, "getCustomer").isGranted()).isTrue();
        assertThat(manager().authorize(() -> reader, "updateAccountStatus").isGranted())
                .isFalse();
        assertThatThrownBy(() -> manager().verify(() -> reader, "updateAccountStatus"))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void authorizeWhenToolNeedsARoleThenOnlyTheRoleGrantsIt() throws Exception {
        JwtAuthenticationToken support = authenticated(FreshTokens.fresh());
        assertThat(manager().authorize(() -> support, "lookupEmployee").isGranted())
                .isFalse();
        JwtAuthenticationToken hr = authenticated(FreshTokens.fresh().claimArray("roles", "support", "hr"));
        assertThat(manager().authorize(() -> hr, "lookupEmployee").isGranted()).isTrue();
    }

    @Test
    void authorizeWhenToolNotInTheContractOrNotAVerifiedJwtThenDenied() throws Exception {
        JwtAuthenticationToken admin = authenticated(FreshTokens.fresh().claimArray("roles", "admin", "hr"));

        assertThat(manager().authorize(() -> admin, "dropDatabase").isGranted()).isFalse();
        assertThat(manager()
                        .authorize(() -> new TestingAuthenticationToken("alice", "pw", "SCOPE_crm.read"), "getCustomer")
                        .isGranted())
                .isFalse();
        assertThat(manager().authorize(() -> null, "getCustomer").isGranted()).isFalse();
    }
}
