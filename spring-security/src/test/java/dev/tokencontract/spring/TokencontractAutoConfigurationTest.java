package dev.tokencontract.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.spring.boot.TokencontractAutoConfiguration;
import dev.tokencontract.validator.AccessTokenValidator;
import dev.tokencontract.validator.MultiIssuerValidator;
import dev.tokencontract.validator.TokenValidator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** The starter's configuration without a web server: what it builds, and what it refuses to start with. */
class TokencontractAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TokencontractAutoConfiguration.class));

    private static final String[] COMPLETE = {
        "tokencontract.contract=mcp-access-token@1",
        "tokencontract.audience=https://crm.example.test/mcp",
        "tokencontract.issuer-uri=https://login.example.test",
        "tokencontract.jwks-uri=https://login.example.test/jwks.json"
    };

    @Test
    void startWhenContractAudienceAndIssuerGivenThenOneTokenValidatorBehindTheDecoder() {
        runner.withPropertyValues(COMPLETE).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(JwtDecoder.class)).isInstanceOf(TokencontractJwtDecoder.class);
            TokenValidator validator = (TokenValidator) context.getBean(AccessTokenValidator.class);
            assertThat(validator.expectedAudiences())
                    .containsExactlyInAnyOrder("https://crm.example.test/mcp", "https://crm.example.test/mcp/");
            assertThat(validator.expectedIssuer()).hasValue("https://login.example.test");
            assertThat(validator.contract().reference()).startsWith("mcp-access-token@1.");
        });
    }

    @Test
    void startWhenAudienceMissingThenTheApplicationDoesNotStart() {
        runner.withPropertyValues(
                        "tokencontract.contract=mcp-access-token@1",
                        "tokencontract.issuer-uri=https://login.example.test")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageStartingWith("tokencontract.audience is required"));
    }

    @Test
    void startWhenContractMissingOrUnknownThenTheApplicationDoesNotStart() {
        runner.withPropertyValues(
                        "tokencontract.audience=https://crm.example.test/mcp",
                        "tokencontract.issuer-uri=https://login.example.test")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageStartingWith("tokencontract.contract is required"));
        runner.withPropertyValues(COMPLETE)
                .withPropertyValues("tokencontract.contract=no-such-contract@9")
                .run(context -> assertThat(context)
                        .getFailure()
                        .hasMessageContaining("tokencontract.contract no-such-contract@9"));
    }

    @Test
    void startWhenNoIssuerOrKeysWithoutIssuerThenTheApplicationDoesNotStart() {
        runner.withPropertyValues(
                        "tokencontract.contract=mcp-access-token@1",
                        "tokencontract.audience=https://crm.example.test/mcp")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageStartingWith(
                                "tokencontract.issuer-uri (or tokencontract.issuers[0].issuer-uri) is required"));
        runner.withPropertyValues(
                        "tokencontract.contract=mcp-access-token@1",
                        "tokencontract.audience=https://crm.example.test/mcp",
                        "tokencontract.jwks-uri=https://login.example.test/jwks.json")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("needs tokencontract.issuer-uri"));
    }

    @Test
    void startWhenAudienceIsNotAnAbsoluteUriOrLeewayTooLongThenTheApplicationDoesNotStart() {
        runner.withPropertyValues(COMPLETE)
                .withPropertyValues("tokencontract.audience=/mcp")
                .run(context -> assertThat(context)
                        .getFailure()
                        .hasStackTraceContaining("tokencontract.audience: not a usable MCP server URI"));
        runner.withPropertyValues(COMPLETE)
                .withPropertyValues("tokencontract.leeway=1h")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("tokencontract.leeway must be between 0 and 10 minutes"));
    }

    @Test
    void startWhenSeveralIssuersThenAMultiIssuerValidatorWithEachIssuersOwnAudience() {
        runner.withPropertyValues(
                        "tokencontract.contract=mcp-access-token@1",
                        "tokencontract.audience=https://crm.example.test/mcp",
                        "tokencontract.issuers[0].issuer-uri=https://login.example.test/realms/acme",
                        "tokencontract.issuers[1].issuer-uri=https://login.example.test/realms/globex",
                        "tokencontract.issuers[1].jwks-uri=https://login.example.test/realms/globex/jwks",
                        "tokencontract.issuers[1].audience=https://globex.crm.example.test/mcp")
                .run(context -> {
                    MultiIssuerValidator validator = (MultiIssuerValidator) context.getBean(AccessTokenValidator.class);
                    assertThat(validator.issuers())
                            .containsExactlyInAnyOrder(
                                    "https://login.example.test/realms/acme",
                                    "https://login.example.test/realms/globex");
                    assertThat(validator
                                    .validatorFor("https://login.example.test/realms/globex")
                                    .orElseThrow()
                                    .expectedAudiences())
                            .containsExactlyInAnyOrder(
                                    "https://globex.crm.example.test/mcp", "https://globex.crm.example.test/mcp/");
                    assertThat(validator
                                    .validatorFor("https://login.example.test/realms/acme")
                                    .orElseThrow()
                                    .keyDescription())
                            .contains("by discovery");
                });
    }

    @Test
    void startWhenTheApplicationHasItsOwnDecoderThenTheStarterBacksOff() {
        JwtDecoder own = token -> {
            throw new UnsupportedOperationException();
        };
        runner.withPropertyValues(COMPLETE)
                .withBean(JwtDecoder.class, () -> own)
                .run(context -> assertThat(context.getBean(JwtDecoder.class)).isSameAs(own));
    }

    @Test
    void startWhenDisabledThenNothingIsConfiguredAndNothingIsRequired() {
        runner.withPropertyValues("tokencontract.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(AccessTokenValidator.class);
        });
    }
}
