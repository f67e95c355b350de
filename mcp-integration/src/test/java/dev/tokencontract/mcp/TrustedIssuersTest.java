package dev.tokencontract.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Verdict;
import dev.tokencontract.testing.CountingHttpServer;
import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.ValidationReport;
import org.junit.jupiter.api.Test;

/** The filter's validator with a realm per tenant: routed by iss before any key is fetched. */
class TrustedIssuersTest {
    private static final String RESOURCE = "https://crm.example.test/mcp";
    private static final String GLOBEX = "https://login.globex.test";

    private static McpAuthorization twoIssuers(Contract contract, CountingHttpServer globexJwks) throws Exception {
        return McpAuthorization.builder()
                .resource(RESOURCE)
                .contract(contract)
                .issuer(TestTokens.ISSUER)
                .keys(KeySource.jwks(TestKeys.publicJwks()))
                .trustIssuer(GLOBEX, KeySource.jwksUrl(globexJwks.uri("/jwks")))
                .build();
    }

    @Test
    void validateWhenEitherTrustedIssuerThenAcceptedAndUnknownIssuerRefusedWithoutFetchingKeys() throws Exception {
        Contract contract = Contracts.load("mcp-access-token@1.0.0");
        try (CountingHttpServer globexJwks =
                CountingHttpServer.start().respond(200, new JWKSet(TestKeys.OTHER_RSA.toPublicJWK()).toString())) {
            McpAuthorization auth = twoIssuers(contract, globexJwks);

            ValidationReport stranger = auth.validator()
                    .validate(Tokens.fresh(RESOURCE, "crm.read")
                            .claim("iss", "https://attacker.example")
                            .signRsa());
            assertThat(stranger.verdict()).isEqualTo(Verdict.REJECTED);
            assertThat(stranger.has(FindingCode.ISS_MISMATCH)).isTrue();
            assertThat(globexJwks.requests()).isZero();

            assertThat(auth.validator()
                            .validate(Tokens.fresh(RESOURCE, "crm.read").signRsa())
                            .verdict())
                    .isEqualTo(Verdict.ACCEPTED);
            assertThat(auth.validator()
                            .validate(Tokens.fresh(RESOURCE, "crm.read")
                                    .claim("iss", GLOBEX)
                                    .signRsa(TestKeys.OTHER_RSA))
                            .verdict())
                    .isEqualTo(Verdict.ACCEPTED);
            assertThat(auth.validator()
                            .validate(Tokens.fresh(RESOURCE, "crm.read")
                                    .claim("iss", GLOBEX)
                                    .signRsa(TestKeys.RSA))
                            .verdict())
                    .isEqualTo(Verdict.REJECTED);
            assertThat(globexJwks.requests()).isEqualTo(1);
            assertThat(auth.metadataJson()).contains("\"authorization_servers\"", TestTokens.ISSUER, GLOBEX);
        }
    }

    @Test
    void buildWhenIssuerTrustedTwiceOrKeysWithoutIssuerThenRefused() throws Exception {
        Contract contract = Contracts.load("mcp-access-token@1.0.0");
        KeySource keys = KeySource.jwks(TestKeys.publicJwks());
        assertThatThrownBy(() -> McpAuthorization.builder()
                        .resource(RESOURCE)
                        .contract(contract)
                        .issuer(GLOBEX)
                        .keys(keys)
                        .trustIssuer(GLOBEX, keys)
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("trusted twice");
        assertThatThrownBy(() -> McpAuthorization.builder()
                        .resource(RESOURCE)
                        .contract(contract)
                        .keys(keys)
                        .trustIssuer(GLOBEX, keys)
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("go together");
    }
}
