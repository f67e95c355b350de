package dev.tokencontract.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import dev.tokencontract.validator.ContractRules;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** The contract behind Spring's own NimbusJwtDecoder: the x-jose rules Spring alone never checks are reached. */
class ContractClaimsValidatorTest {
    private NimbusJwtDecoder springDecoder;

    @BeforeEach
    void springDecoderWithTheContract() throws Exception {
        springDecoder = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(JWKSet.parse(TestKeys.publicJwks())))
                .build();
        springDecoder.setJwtValidator(new ContractClaimsValidator(ContractRules.builder()
                .contract(Contracts.load("mcp-access-token@1"))
                .expectIssuer(TestTokens.ISSUER)
                .expectAudience(FreshTokens.RESOURCE)
                .build()));
    }

    @Test
    void validateWhenTokenConformsThenSpringDecodes() {
        Jwt jwt = springDecoder.decode(FreshTokens.fresh().signRsa());

        assertThat(jwt.getClaimAsString("tenant_id")).isEqualTo("acme");
    }

    @Test
    void validateWhenTypIsJwtThenTheContractsHeaderRuleRejectsIt() {
        JwtValidationException e = catchThrowableOfType(
                JwtValidationException.class,
                () -> springDecoder.decode(
                        FreshTokens.fresh().header("typ", "JWT").signRsa()));

        assertThat(e.getErrors())
                .extracting(OAuth2Error::getDescription)
                .first()
                .isEqualTo("token rejected: TYP_NOT_ALLOWED");
        assertThat(e.getMessage()).contains("token rejected: TYP_NOT_ALLOWED");
    }

    @Test
    void validateWhenTokenLivesLongerThanTheContractAllowsThenRejected() {
        long now = java.time.Instant.now().getEpochSecond();
        JwtValidationException e = catchThrowableOfType(
                JwtValidationException.class,
                () -> springDecoder.decode(
                        FreshTokens.fresh().claim("exp", now + 86_400).signRsa()));

        assertThat(e.getMessage()).contains("LIFETIME_TOO_LONG");
    }

    @Test
    void validateWhenRolesIsAStringThenSchemaFindingWithItsPointer() {
        JwtValidationException e = catchThrowableOfType(
                JwtValidationException.class,
                () -> springDecoder.decode(
                        FreshTokens.fresh().claim("roles", "support admin").signRsa()));

        assertThat(e.getErrors())
                .extracting(OAuth2Error::getDescription)
                .anyMatch(d -> d.startsWith("CLAIM_TYPE_MISMATCH at /claims/roles"));
    }
}
