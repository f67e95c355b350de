package dev.tokencontract.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Verdict;
import dev.tokencontract.testing.CountingHttpServer;
import dev.tokencontract.testing.RoutedHttpServer;
import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.IntNode;

/**
 * Two tenants, two issuers, two key sets that even share a kid: acme's keys come by discovery from one real
 * HTTP server, globex's from a JWKS URL on another, and both servers count what they are asked.
 */
class MultiIssuerValidatorTest {
    private static final String AUDIENCE = TestTokens.AUDIENCE;
    private static final String GLOBEX_AUDIENCE = "https://globex.mcp.example.test/mcp";

    private RoutedHttpServer acmeIdp;
    private CountingHttpServer globexJwks;
    private String acme;
    private String globex;
    private Contract contract;

    @BeforeEach
    void startIssuers() throws Exception {
        contract = Contracts.load("mcp-access-token@1.0.0");
        acmeIdp = RoutedHttpServer.start();
        acme = acmeIdp.url("/realms/acme");
        acmeIdp.json(
                "/realms/acme/.well-known/openid-configuration",
                "{\"issuer\":\"" + acme + "\",\"jwks_uri\":\"" + acmeIdp.url("/realms/acme/jwks") + "\"}");
        acmeIdp.json("/realms/acme/jwks", new JWKSet(TestKeys.RSA.toPublicJWK()).toString());
        globexJwks = CountingHttpServer.start().respond(200, new JWKSet(TestKeys.OTHER_RSA.toPublicJWK()).toString());
        globex = "https://login.globex.test";
    }

    @AfterEach
    void stopIssuers() {
        acmeIdp.close();
        globexJwks.close();
    }

    private MultiIssuerValidator validator() {
        return MultiIssuerValidator.builder()
                .expectAudience(AUDIENCE)
                .trust(TrustedIssuer.of(acme, contract, KeySource.discovery(URI.create(acme))))
                .trust(TrustedIssuer.of(globex, contract, KeySource.jwksUrl(globexJwks.uri("/jwks")))
                        .withAudiences(GLOBEX_AUDIENCE))
                .clock(Clock.fixed(TestTokens.JUDGED_AT, ZoneOffset.UTC))
                .build();
    }

    private TestTokens acmeToken() {
        return TestTokens.mcp().claim("iss", acme);
    }

    private TestTokens globexToken() {
        return TestTokens.mcp()
                .claim("iss", globex)
                .claim("aud", GLOBEX_AUDIENCE)
                .claim("tenant_id", "globex");
    }

    @Test
    void validateWhenTokenFromEachTrustedIssuerThenAcceptedWithThatIssuersKeys() {
        MultiIssuerValidator validator = validator();

        ValidationReport acmeReport = validator.validate(acmeToken().signRsa(TestKeys.RSA));
        ValidationReport globexReport = validator.validate(globexToken().signRsa(TestKeys.OTHER_RSA));

        assertThat(acmeReport.verdict()).isEqualTo(Verdict.ACCEPTED);
        assertThat(acmeReport.validated().orElseThrow().issuer()).isEqualTo(acme);
        assertThat(globexReport.verdict()).isEqualTo(Verdict.ACCEPTED);
        assertThat(acmeIdp.requested())
                .containsExactly("/realms/acme/.well-known/openid-configuration", "/realms/acme/jwks");
        assertThat(globexJwks.requests()).isEqualTo(1);
    }

    @Test
    void validateWhenIssuerNotTrustedThenRefusedWithoutAnyNetworkCall() {
        MultiIssuerValidator validator = validator();

        ValidationReport report = validator.validate(
                TestTokens.mcp().claim("iss", "https://attacker.example").signRsa());

        assertThat(report.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(report.has(FindingCode.ISS_MISMATCH)).isTrue();
        assertThat(report.errors().get(0).expected()).isEqualTo("one of [" + acme + ", " + globex + "]");
        assertThat(report.errors().get(0).message()).contains("not a trusted issuer; no key was looked up");
        assertThat(acmeIdp.requested()).isEmpty();
        assertThat(globexJwks.requests()).isZero();
    }

    @Test
    void validateWhenIssuerMissingOrNotAStringThenRefusedWithoutAnyNetworkCall() {
        MultiIssuerValidator validator = validator();

        ValidationReport missing =
                validator.validate(TestTokens.mcp().without("iss").signRsa());
        ValidationReport number = validator.validate(
                TestTokens.mcp().claim("iss", IntNode.valueOf(7)).signRsa());
        ValidationReport garbage = validator.validate("not.a.token");

        assertThat(missing.has(FindingCode.ISS_MISSING)).isTrue();
        assertThat(number.has(FindingCode.ISS_MISMATCH)).isTrue();
        assertThat(List.of(missing.verdict(), number.verdict(), garbage.verdict()))
                .containsOnly(Verdict.REJECTED);
        assertThat(acmeIdp.requested()).isEmpty();
        assertThat(globexJwks.requests()).isZero();
    }

    @Test
    void validateWhenTokenNamesOneIssuerButIsSignedWithTheOthersKeyThenRejected() {
        ValidationReport report = validator().validate(acmeToken().signRsa(TestKeys.OTHER_RSA));

        assertThat(report.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(report.has(FindingCode.SIGNATURE_INVALID)).isTrue();
    }

    @Test
    void validateWhenOneTenantsTokenIsForTheOtherTenantsAudienceThenRejected() {
        ValidationReport acmeForGlobex =
                validator().validate(acmeToken().claim("aud", GLOBEX_AUDIENCE).signRsa(TestKeys.RSA));
        ValidationReport globexForAcme =
                validator().validate(globexToken().claim("aud", AUDIENCE).signRsa(TestKeys.OTHER_RSA));

        assertThat(acmeForGlobex.has(FindingCode.AUD_MISMATCH)).isTrue();
        assertThat(globexForAcme.has(FindingCode.AUD_MISMATCH)).isTrue();
        assertThat(acmeForGlobex.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(globexForAcme.verdict()).isEqualTo(Verdict.REJECTED);
    }

    @Test
    void validateWhenDiscoveryNamesAnotherIssuerThenCouldNotCheck() {
        acmeIdp.json(
                "/realms/acme/.well-known/openid-configuration",
                "{\"issuer\":\"https://mixed-up.example\",\"jwks_uri\":\"" + acmeIdp.url("/realms/acme/jwks") + "\"}");

        ValidationReport report = validator().validate(acmeToken().signRsa(TestKeys.RSA));

        assertThat(report.verdict()).isEqualTo(Verdict.UNCHECKED);
        assertThat(report.has(FindingCode.KEY_SOURCE_UNAVAILABLE)).isTrue();
        assertThat(report.errors().get(0).message()).contains("names issuer 'https://mixed-up.example'");
        assertThat(acmeIdp.requested()).doesNotContain("/realms/acme/jwks");
    }

    @Test
    void buildWhenIssuerTwiceOrNoAudienceOrNoIssuerThenRefused() {
        KeySource keys = KeySource.none();
        assertThatThrownBy(() -> MultiIssuerValidator.builder()
                        .trust(TrustedIssuer.of(acme, contract, keys))
                        .trust(TrustedIssuer.of(acme, contract, keys)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> MultiIssuerValidator.builder()
                        .trust(TrustedIssuer.of(acme, contract, keys))
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("audience not decided for " + acme);
        assertThatThrownBy(() ->
                        MultiIssuerValidator.builder().expectAudience(AUDIENCE).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no trusted issuer");
    }
}
