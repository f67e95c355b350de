package dev.tokencontract.idp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Severity;
import dev.tokencontract.testing.FixtureFiles;
import dev.tokencontract.testing.RealFixtures;
import dev.tokencontract.testing.TestTokens;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real tokens against their own IdP's metadata and keys, and against the wrong ones. */
class CrossDocumentTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String AZURE_TOKEN = "tokens/azuread-identitymodel__References.cs__OverClaims.jwt";
    private static final String AZURE_JWKS = "jwks/azuread-identitymodel__JsonWebKeySetEnd2End-aad.json";

    private static JsonNode json(String fixture) {
        return JSON.readTree(FixtureFiles.text(fixture));
    }

    private static List<Finding> errors(List<Finding> findings) {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    @Test
    void crossCheckWhenGithubActionsTokenAgainstItsOwnMetadataAndJwksThenPasses() {
        List<Finding> findings = IdpChecks.crossCheckToken(
                RealFixtures.githubToken(),
                json("idp-metadata/crates-io__github-actions-openid-configuration.json"),
                json(RealFixtures.GITHUB_JWKS));

        assertThat(errors(findings)).isEmpty();
        assertThat(findings)
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(FindingCode.TOKEN_KEY_FOUND, "/token/header/kid"));
    }

    @Test
    void crossCheckWhenAzureV1TokenWithoutKidAgainstAadJwksThenKeyFoundByX5t() {
        List<Finding> findings = IdpChecks.crossCheckToken(FixtureFiles.text(AZURE_TOKEN), null, json(AZURE_JWKS));

        assertThat(findings)
                .extracting(Finding::code, Finding::pointer)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(FindingCode.TOKEN_KEY_FOUND, "/token/header/x5t"));
    }

    @Test
    void crossCheckWhenAzureTokenAgainstTheOnlyAadMetadataThenIssuerIsAnotherTenant() {
        // The fixtures hold no metadata for the token's tenant (72f988bf-…): the AAD document is tenant d062b2b0-….
        // The algorithm check still holds: RS256 is advertised.
        List<Finding> findings = IdpChecks.crossCheckToken(
                FixtureFiles.text(AZURE_TOKEN),
                json("idp-metadata/azuread-identitymodel__OpenIdConnectMetadataEnd2End-aad-v1.json"),
                json(AZURE_JWKS));

        assertThat(errors(findings)).extracting(Finding::code).containsExactly(FindingCode.TOKEN_ISSUER_NOT_IDP);
        assertThat(errors(findings).get(0).actual()).contains("72f988bf");
    }

    @Test
    void crossCheckWhenGithubTokenAgainstGoogleThenIssuerAndKidFail() {
        List<Finding> findings = IdpChecks.crossCheckToken(
                RealFixtures.githubToken(),
                json("idp-metadata/panva-wellknown__google.openid-configuration.json"),
                json("jwks/panva-wellknown__google.jwks.json"));

        assertThat(errors(findings))
                .extracting(Finding::code)
                .containsExactlyInAnyOrder(FindingCode.TOKEN_ISSUER_NOT_IDP, FindingCode.TOKEN_KID_NOT_IN_JWKS);
    }

    @Test
    void crossCheckWhenTokenAlgNotAdvertisedThenFinding() {
        String es256 = TestTokens.mcp()
                .header("alg", "ES256")
                .claim("iss", RealFixtures.GITHUB_ISSUER)
                .signEc(dev.tokencontract.testing.TestKeys.EC);

        List<Finding> findings = IdpChecks.crossCheckToken(
                es256, json("idp-metadata/crates-io__github-actions-openid-configuration.json"), null);

        assertThat(errors(findings))
                .extracting(Finding::code, Finding::actual)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(FindingCode.TOKEN_ALG_NOT_ADVERTISED, "ES256"));
    }

    @Test
    void crossCheckWhenEntraTemplatedIssuerThenTenantIssuerMatches() {
        String token = TestTokens.mcp()
                .claim("iss", "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0")
                .signRsa();

        List<Finding> findings = IdpChecks.crossCheckToken(
                token, json("idp-metadata/panva-wellknown__entra-common.openid-configuration.json"), null);

        assertThat(errors(findings)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-a-token", "a.b.c", "eyJhbGciOiJub25lIn0.W10.", "....."})
    void crossCheckWhenTokenUnreadableThenShapeFindingsNoException(String token) {
        List<Finding> findings = IdpChecks.crossCheckToken(
                token, json("idp-metadata/panva-wellknown__google.openid-configuration.json"), null);

        assertThat(errors(findings)).isNotEmpty();
    }
}
