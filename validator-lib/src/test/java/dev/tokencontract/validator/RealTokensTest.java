package dev.tokencontract.validator;

import static dev.tokencontract.testing.Judge.assertHasError;
import static dev.tokencontract.testing.Judge.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tokencontract.contract.Contracts;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Verdict;
import dev.tokencontract.testing.FixtureFiles;
import dev.tokencontract.testing.Judge;
import dev.tokencontract.testing.RealFixtures;
import dev.tokencontract.testing.TestTokens;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Tokens real identity providers issued (all long expired, so judged as of a moment inside their
 * lifetime), with the keys that signed them: what the validator says about each, finding by finding.
 */
class RealTokensTest {
    private static final String AAD_TOKEN = "tokens/azuread-identitymodel__References.cs__OverClaims.jwt";
    private static final String AAD_JWKS = "jwks/azuread-identitymodel__JsonWebKeySetEnd2End-aad.json";
    private static final String AAD_ISSUER = "https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/";
    private static final String KEYCLOAK_TOKEN = "tokens/rubelw-OSSS__keycloak-access-token.jwt";
    private static final String SPRING = "tokens/spring-security__NimbusJwtDecoderTests__";
    private static final String SPRING_JWKS =
            "jwks/spring-security__NimbusJwtDecoderTests__JWK_SET-with-private-params.json";
    /** After every Spring fixture's iat and before their far-future exps. */
    private static final Instant SPRING_AT = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void validateWhenGitHubActionsTokenInsideLifetimeThenSignatureVerifiedAndContractFindingsListed() throws Exception {
        String token = RealFixtures.githubToken();
        TokenValidator validator =
                RealFixtures.githubValidator(KeySource.jwksFile(FixtureFiles.path(RealFixtures.GITHUB_JWKS)));

        ValidationReport report = validator.validate(token, RealFixtures.insideLifetime(token));

        assertThat(Judge.finding(report, FindingCode.SIGNATURE_VERIFIED).message())
                .contains(RealFixtures.GITHUB_KID)
                .contains("RS256");
        // An OIDC ID token for sigstore, not an RFC 9068 access token: typ "JWT", no client_id. Everything
        // else RFC 9068 requires (iss exp aud sub iat jti) is there, and the times are fine.
        assertThat(report.errors())
                .extracting(Finding::code, Finding::pointer)
                .containsExactlyInAnyOrder(
                        tuple(FindingCode.TYP_NOT_ALLOWED, "/header/typ"),
                        tuple(FindingCode.CLAIM_MISSING, "/claims/client_id"));
        assertThat(report.verdict()).isEqualTo(Verdict.REJECTED);
    }

    @Test
    void validateWhenGitHubActionsTokenJudgedNowThenAlsoExpired() throws Exception {
        String token = RealFixtures.githubToken();
        long exp = RealFixtures.claims(token).path("exp").asLong();
        TokenValidator validator =
                RealFixtures.githubValidator(KeySource.jwksFile(FixtureFiles.path(RealFixtures.GITHUB_JWKS)));

        ValidationReport report =
                validator.validate(token, Instant.ofEpochSecond(exp).plusSeconds(3600));

        assertRejected(report, FindingCode.TOKEN_EXPIRED, "/claims/exp");
        assertThat(report.has(FindingCode.SIGNATURE_VERIFIED)).isTrue();
    }

    @Test
    void validateWhenGitHubTokenClaimsTamperedThenSignatureInvalid() throws Exception {
        String token = RealFixtures.githubToken();
        String[] parts = token.split("\\.");
        String otherRepo = RealFixtures.claims(token).toString().replace("sigstore-conformance", "attacker-org");
        String tampered = parts[0] + "." + TestTokens.encode(otherRepo) + "." + parts[2];
        TokenValidator validator =
                RealFixtures.githubValidator(KeySource.jwksFile(FixtureFiles.path(RealFixtures.GITHUB_JWKS)));

        ValidationReport report = validator.validate(tampered, RealFixtures.insideLifetime(token));

        assertRejected(report, FindingCode.SIGNATURE_INVALID, "/signature");
    }

    @Test
    void validateWhenAzureAdJwksNamesNoAlgAndNothingBindsOneThenKeyAlgUnbound() throws Exception {
        // Microsoft's own key set and token: the JWKS names no "alg", and rfc9068-access-token allows RS256 and
        // PS256 for RSA keys, so one key would verify two algorithms (RFC 8725 section 3.1): refused, not guessed.
        String token = FixtureFiles.text(AAD_TOKEN);
        TokenValidator unbound = TokenValidator.builder()
                .contract(Contracts.load("rfc9068-access-token@1.0.0"))
                .keys(KeySource.jwksFile(FixtureFiles.path(AAD_JWKS)))
                .expectIssuer(AAD_ISSUER)
                .expectAudience("https://graph.windows.net")
                .build();

        ValidationReport report = unbound.validate(token, RealFixtures.insideLifetime(token));

        assertRejected(report, FindingCode.KEY_ALG_UNBOUND, "/header/alg");
        assertThat(report.findings()).extracting(Finding::code).doesNotContain(FindingCode.SIGNATURE_VERIFIED);
    }

    @Test
    void validateWhenAzureAdTokenWithX5tButNoKidThenVerifiedBySearchingTheSet() throws Exception {
        String token = FixtureFiles.text(AAD_TOKEN);
        TokenValidator validator = aadValidator(AAD_ISSUER);

        ValidationReport report = validator.validate(token, RealFixtures.insideLifetime(token));

        assertThat(RealFixtures.header(token).has("kid")).isFalse();
        assertThat(RealFixtures.header(token).path("x5t").asString()).isEqualTo("kriMPdmBvx68skT8-mPAB3BseeA");
        assertThat(Judge.finding(report, FindingCode.SIGNATURE_VERIFIED).message())
                .contains("kriMPdmBvx68skT8-mPAB3BseeA");
        // Azure AD v1: typ "JWT", "appid" instead of client_id, no jti; scp is not RFC 9068's scope.
        assertThat(report.errors())
                .extracting(Finding::code, Finding::pointer)
                .containsExactlyInAnyOrder(
                        tuple(FindingCode.TYP_NOT_ALLOWED, "/header/typ"),
                        tuple(FindingCode.CLAIM_MISSING, "/claims/client_id"),
                        tuple(FindingCode.CLAIM_MISSING, "/claims/jti"));
    }

    @Test
    void validateWhenAzureAdIssuerExpectedWithoutTrailingSlashThenIssMismatchSaysSo() throws Exception {
        String token = FixtureFiles.text(AAD_TOKEN);
        TokenValidator validator = aadValidator(AAD_ISSUER.substring(0, AAD_ISSUER.length() - 1));

        ValidationReport report = validator.validate(token, RealFixtures.insideLifetime(token));

        assertRejected(report, FindingCode.ISS_MISMATCH, "/claims/iss");
        assertThat(Judge.finding(report, FindingCode.ISS_MISMATCH).message()).contains("trailing slash");
    }

    @Test
    void validateWhenKeycloakTokenWithoutKeysThenNoKeyConfiguredBesideRejections() throws Exception {
        String token = FixtureFiles.text(KEYCLOAK_TOKEN);
        TokenValidator validator = TokenValidator.builder()
                .contract(Contracts.load("rfc9068-access-token@1.0.0"))
                .keys(KeySource.none())
                .expectIssuer("http://localhost:8085/realms/OSSS")
                .expectAudience("osss-api")
                .build();

        ValidationReport report = validator.validate(token, RealFixtures.insideLifetime(token));

        // No JWKS exists for this realm: the signature is "could not check" (503/exit 3 on its own) ...
        Finding noKey = Judge.finding(report, FindingCode.NO_KEY_CONFIGURED);
        assertThat(noKey.pointer()).isEqualTo("/signature");
        assertThat(noKey.meansUnchecked()).isTrue();
        // ... but the claims are provably wrong for this resource, and "rejected" wins.
        assertThat(report.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(report.errors())
                .filteredOn(Finding::rejects)
                .extracting(Finding::code, Finding::pointer)
                .containsExactlyInAnyOrder(
                        tuple(FindingCode.TYP_NOT_ALLOWED, "/header/typ"),
                        tuple(FindingCode.AUD_MISSING, "/claims/aud"),
                        tuple(FindingCode.CLAIM_MISSING, "/claims/aud"),
                        tuple(FindingCode.CLAIM_MISSING, "/claims/client_id"));
        assertThat(report.decoded()
                        .orElseThrow()
                        .claims()
                        .orElseThrow()
                        .path("azp")
                        .asString())
                .isEqualTo("osss-client");
    }

    @Test
    void validateWhenSpringUnsignedJwtThenAlgNone() throws Exception {
        ValidationReport report = springValidator().validate(FixtureFiles.text(SPRING + "UNSIGNED_JWT.jwt"), SPRING_AT);

        assertRejected(report, FindingCode.ALG_NONE, "/header/alg");
        assertHasError(report, FindingCode.TIME_CLAIM_MALFORMED, "/claims/exp"); // exp is -203322497
    }

    @Test
    void validateWhenSpringMalformedJwtThenNbfMalformedDespiteValidSignature() throws Exception {
        ValidationReport report =
                springValidator().validate(FixtureFiles.text(SPRING + "MALFORMED_JWT.jwt"), SPRING_AT);

        assertRejected(report, FindingCode.TIME_CLAIM_MALFORMED, "/claims/nbf"); // "nbf": {}
        assertThat(report.has(FindingCode.SIGNATURE_VERIFIED)).isTrue();
    }

    @Test
    void validateWhenSpringEmptyExpClaimJwtThenExpMissing() throws Exception {
        ValidationReport report =
                springValidator().validate(FixtureFiles.text(SPRING + "EMPTY_EXP_CLAIM_JWT.jwt"), SPRING_AT);

        assertRejected(report, FindingCode.EXP_MISSING, "/claims/exp");
        // Spring signs this one with a key that is not in its published test JWK set.
        assertHasError(report, FindingCode.SIGNATURE_NOT_VERIFIABLE, "/signature");
    }

    @Test
    void validateWhenSpringRs512JwtAgainstMcpContractThenAlgNotAllowed() throws Exception {
        TokenValidator validator = TokenValidator.builder()
                .contract(Contracts.load("mcp-access-token@1.0.0"))
                .keys(KeySource.jwksFile(FixtureFiles.path(SPRING_JWKS)))
                .ignoreIssuer()
                .ignoreAudience()
                .build();

        ValidationReport report = validator.validate(FixtureFiles.text(SPRING + "RS512_SIGNED_JWT.jwt"), SPRING_AT);

        assertRejected(report, FindingCode.ALG_NOT_ALLOWED, "/header/alg");
        // Spring's RSA key names no "alg"; the contract binds it to RS256 or PS256, never to RS512.
        assertHasError(report, FindingCode.KEY_ALG_MISMATCH, "/header/alg");
    }

    @Test
    void validateWhenSpringEs256JwtThenVerifiedByItsEcKey() throws Exception {
        ValidationReport report =
                springValidator().validate(FixtureFiles.text(SPRING + "ES256_SIGNED_JWT.jwt"), SPRING_AT);

        assertThat(Judge.finding(report, FindingCode.SIGNATURE_VERIFIED).message())
                .contains("330e6e41-2c66-47c0-8a82-02a1aa5576ec");
        assertHasError(report, FindingCode.EXP_MISSING, "/claims/exp");
    }

    private static TokenValidator aadValidator(String issuer) throws Exception {
        return TokenValidator.builder()
                .contract(Contracts.load("rfc9068-access-token@1.0.0"))
                .keys(KeySource.jwksFile(FixtureFiles.path(AAD_JWKS)))
                .expectIssuer(issuer)
                .expectAudience("https://graph.windows.net")
                .keyAlgorithm("RS256") // Azure AD's JWKS names no "alg"
                .build();
    }

    /** Diagnoses like {@code tokencontract explain}: claims are judged even when the signature fails. */
    private static TokenValidator springValidator() throws Exception {
        return TokenValidator.builder()
                .contract(Contracts.load("rfc9068-access-token@1.0.0"))
                .keys(KeySource.jwksFile(FixtureFiles.path(SPRING_JWKS)))
                .ignoreIssuer()
                .ignoreAudience()
                .keyAlgorithm("RS256") // Spring's test JWKS names no "alg" for its RSA key
                .checkContractEvenIfSignatureFails()
                .build();
    }
}
