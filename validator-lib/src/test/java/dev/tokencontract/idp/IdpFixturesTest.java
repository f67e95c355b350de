package dev.tokencontract.idp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Verdict;
import dev.tokencontract.testing.FixtureFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real metadata document in {@code shared/fixtures/idp-metadata}, checked against the bundled metadata
 * contracts. The expected verdicts come from the table below: each row cites its INVENTORY.md line (path in the
 * original layout, and the flags written there), and the expectations are derived from those flags:
 * NO-PKCE-ADVERTISED means {@code code_challenge_methods_supported} is missing; DCR means a
 * {@code registration_endpoint}; {@code algs:} lists the none/HS algorithms advertised; and so on.
 * The test also checks that the cited flags really are on that INVENTORY line.
 */
class IdpFixturesTest {
    private static final IdpChecks CHECKS = IdpChecks.withDefaults();

    /** One INVENTORY line: the fixture's file here, its path there, the flags written after its issuer. */
    record Row(String file, String inventoryPath, String flags) {
        boolean noPkce() {
            return flags.contains("NO-PKCE-ADVERTISED");
        }

        boolean dcr() {
            return flags.contains("DCR");
        }

        boolean advertisesNone() {
            return flags.matches(".*algs:\\S*none.*");
        }

        boolean advertisesHmac() {
            return flags.matches(".*algs:\\S*HS\\d.*");
        }

        boolean noTokenEndpoint() {
            return flags.contains("NO-token_endpoint");
        }

        boolean schemeLessIssuer() {
            return flags.matches(".*issuer=[^h]\\S*.*");
        }

        boolean templatedIssuer() {
            return flags.contains("templated-issuer");
        }

        /** mcp-authorization-server passes only with PKCE, a registration path, a token endpoint, a usable issuer and no 'none'. */
        boolean mcpReady() {
            return !noPkce() && dcr() && !noTokenEndpoint() && !advertisesNone() && !schemeLessIssuer();
        }
    }

    private static final List<Row> INVENTORY = List.of(
            new Row(
                    "azuread-identitymodel__OpenIdConnectMetadataEnd2End-aad-v1.json",
                    "discovery/azuread-identitymodel__OpenIdConnectMetadataEnd2End-aad-v1.json",
                    "NO-PKCE-ADVERTISED"),
            new Row(
                    "azuread-identitymodel__PingLabs-openid-configuration.json",
                    "discovery/azuread-identitymodel__PingLabs-openid-configuration.json",
                    "NO-PKCE-ADVERTISED algs:none,HS256,HS384,HS512"),
            new Row(
                    "azuread-identitymodel__google-openid-configuration-2015.json",
                    "discovery/azuread-identitymodel__google-openid-configuration-2015.json",
                    "NO-PKCE-ADVERTISED issuer=accounts.google.com nonstd:id_token_alg_values_supported"),
            new Row(
                    "crates-io__github-actions-openid-configuration.json",
                    "discovery/derived/crates-io__github-actions-openid-configuration.json",
                    "NO-PKCE-ADVERTISED NO-token_endpoint"),
            new Row(
                    "eudi-openid4vci-kt__keycloak-eudi-oauth-authorization-server.json",
                    "discovery/eudi-openid4vci-kt__keycloak-eudi-oauth-authorization-server.json",
                    "DCR"),
            new Row(
                    "eudi-openid4vci-kt__keycloak-eudi-openid-configuration.json",
                    "discovery/eudi-openid4vci-kt__keycloak-eudi-openid-configuration.json",
                    "DCR algs:HS256,HS512,HS384"),
            new Row(
                    "micronaut-security__auth0-openid-configuration.json",
                    "discovery/micronaut-security__auth0-openid-configuration.json",
                    "NO-PKCE-ADVERTISED DCR algs:HS256"),
            new Row(
                    "micronaut-security__aws-cognito-openid-configuration.json",
                    "discovery/micronaut-security__aws-cognito-openid-configuration.json",
                    "NO-PKCE-ADVERTISED"),
            new Row(
                    "micronaut-security__okta-openid-configuration.json",
                    "discovery/micronaut-security__okta-openid-configuration.json",
                    "DCR"),
            panva("apple", "NO-PKCE-ADVERTISED"),
            panva("battle-net", "NO-PKCE-ADVERTISED"),
            panva("discord", "NO-PKCE-ADVERTISED"),
            panva("docker", "DCR algs:HS256"),
            panva("dropbox", "NO-PKCE-ADVERTISED"),
            panva("entra-common", "NO-PKCE-ADVERTISED templated-issuer"),
            panva("entra-organizations", "NO-PKCE-ADVERTISED templated-issuer"),
            panva("facebook", "NO-PKCE-ADVERTISED NO-token_endpoint"),
            panva("gitlab", "ok"),
            panva("google", "ok"),
            panva("klarna", "ok"),
            panva("lego", "ok"),
            panva("mojeid", "NO-PKCE-ADVERTISED DCR algs:HS256,HS384,HS512,none"),
            panva("paypal", "DCR algs:HS256"),
            panva("slack", "NO-PKCE-ADVERTISED"),
            panva("spotify", "ok"),
            panva("stackoverflow", "NO-PKCE-ADVERTISED"),
            panva("twitch", "NO-PKCE-ADVERTISED"),
            panva("verimi", "ok"),
            panva("yahoo", "NO-PKCE-ADVERTISED"),
            uruk("entra-common-v2", "NO-PKCE-ADVERTISED templated-issuer"),
            uruk("google", "ok"),
            uruk("paypal", "algs:HS256"),
            uruk("salesforce", "NO-PKCE-ADVERTISED nonstd:register_endpoint"));

    private static Row panva(String name, String flags) {
        return new Row(
                "panva-wellknown__" + name + ".openid-configuration.json",
                "discovery/derived/panva-wellknown/" + name + ".openid-configuration.json",
                flags);
    }

    private static Row uruk(String name, String flags) {
        return new Row(
                "uruk-jwt__" + name + "-openid-configuration.json",
                "discovery/derived/uruk-jwt__" + name + "-openid-configuration.json",
                flags);
    }

    static Stream<Arguments> rows() {
        return INVENTORY.stream().map(row -> Arguments.of(row.file(), row));
    }

    /** Compiled once per contract: compiling a schema costs far more than checking a document. */
    private static final Map<String, Contract> CONTRACTS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Contract contract(String reference) {
        return CONTRACTS.computeIfAbsent(reference, r -> {
            try {
                return Contracts.bundled(r);
            } catch (dev.tokencontract.contract.ContractException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static IdpReport check(Row row, String contract) {
        String json = FixtureFiles.text("idp-metadata/" + row.file());
        return CHECKS.checkMetadata(json, row.file(), null, List.of(contract(contract)), JwksInput.skip());
    }

    private static boolean hasAt(IdpReport report, FindingCode code, String pointer) {
        return report.findings().stream()
                .anyMatch(f -> f.code() == code && f.pointer().equals(pointer));
    }

    @Test
    void inventoryTableWhenComparedWithTheFixtureFolderThenCoversEveryDocument() {
        List<String> files = FixtureFiles.list("idp-metadata")
                .map(Path::getFileName)
                .map(Path::toString)
                .toList();

        assertThat(INVENTORY).extracting(Row::file).containsExactlyInAnyOrderElementsOf(files);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void inventoryRowWhenReadThenItsFlagsAreOnThatInventoryLine(String file, Row row) {
        String inventory = FixtureFiles.text("INVENTORY.md");

        assertThat(inventory.lines().filter(line -> line.startsWith("- " + row.inventoryPath() + " — ")))
                .as("INVENTORY line of %s", row.inventoryPath())
                .singleElement()
                .satisfies(line -> assertThat(line).endsWith(" — " + row.flags()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void mcpAuthorizationServerWhenFixtureCheckedThenVerdictFollowsInventoryFlags(String file, Row row)
            throws Exception {
        IdpReport report = check(row, "mcp-authorization-server@1.0.0");

        assertThat(report.verdict())
                .as("verdict of %s (%s)", file, row.flags())
                .isEqualTo(row.mcpReady() ? Verdict.ACCEPTED : Verdict.REJECTED);
        assertThat(hasAt(report, FindingCode.METADATA_FIELD_MISSING, "/metadata/code_challenge_methods_supported"))
                .as("PKCE finding")
                .isEqualTo(row.noPkce());
        assertThat(hasAt(report, FindingCode.METADATA_FIELD_MISSING, "/metadata/client_id_metadata_document_supported"))
                .as("registration-path finding (no DCR and no Client ID Metadata Documents)")
                .isEqualTo(!row.dcr());
        assertThat(report.has(FindingCode.ADVERTISED_ALG_NONE))
                .as("'none' advertised")
                .isEqualTo(row.advertisesNone());
        assertThat(report.has(FindingCode.ADVERTISED_ALG_HMAC))
                .as("HS* advertised")
                .isEqualTo(row.advertisesHmac());
        assertThat(report.has(FindingCode.ISSUER_TEMPLATED))
                .as("templated issuer")
                .isEqualTo(row.templatedIssuer());
        assertThat(report.has(FindingCode.ISSUER_NOT_HTTPS))
                .as("scheme-less issuer")
                .isEqualTo(row.schemeLessIssuer());
        // a template is explained by ISSUER_TEMPLATED, a scheme-less issuer by ISSUER_NOT_HTTPS: neither is reported
        // again as the contract's format/pattern complaint
        assertThat(hasAt(report, FindingCode.METADATA_FIELD_INVALID, "/metadata/issuer"))
                .as("issuer form said twice")
                .isFalse();
        assertThat(hasAt(report, FindingCode.METADATA_FIELD_MISSING, "/metadata/token_endpoint"))
                .as("token endpoint missing")
                .isEqualTo(row.noTokenEndpoint());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyIdpContractWhenFixtureCheckedThenNoCrashAndEveryFindingIsUnderMetadata(String file, Row row)
            throws Exception {
        for (String contract :
                List.of("oidc-discovery@1.0.0", "oauth-authorization-server@1.0.0", "mcp-authorization-server@1.0.0")) {
            IdpReport report = check(row, contract);

            assertThat(report.document()).isPresent();
            assertThat(report.findings())
                    .extracting(Finding::pointer)
                    .allMatch(p -> p.startsWith("/metadata") || p.startsWith("/jwks"));
        }
    }

    @Test
    void oidcDiscoveryWhenGoogle2015ThenSchemeLessIssuerAndMissingAlgorithmsAreFlagged() throws Exception {
        IdpReport report = check(INVENTORY.get(2), "oidc-discovery@1.0.0");

        assertThat(report.verdict()).isEqualTo(Verdict.REJECTED);
        // once, not three times (the contract's format "uri" and pattern would say the same)
        assertThat(report.findings())
                .filteredOn(f -> f.pointer().equals("/metadata/issuer"))
                .extracting(Finding::code)
                .containsExactly(FindingCode.ISSUER_NOT_HTTPS);
        // it spells the member id_token_alg_values_supported, which Discovery does not know
        assertThat(hasAt(report, FindingCode.METADATA_FIELD_MISSING, "/metadata/id_token_signing_alg_values_supported"))
                .isTrue();
    }

    @Test
    void oidcDiscoveryWhenGithubActionsWithoutTokenEndpointThenImplicitOnlyExceptionApplies() throws Exception {
        // response_types_supported is ["id_token"]: Discovery section 3 requires token_endpoint only when code is used
        IdpReport report = check(INVENTORY.get(3), "oidc-discovery@1.0.0");

        assertThat(hasAt(report, FindingCode.METADATA_FIELD_MISSING, "/metadata/token_endpoint"))
                .isFalse();
        assertThat(report.has(FindingCode.METADATA_RECOMMENDED_MISSING)).isTrue();
    }

    @Test
    void oauthAuthorizationServerWhenKeycloakRfc8414DocumentThenPasses() throws Exception {
        IdpReport report = check(INVENTORY.get(4), "oauth-authorization-server@1.0.0");

        assertThat(report.findings())
                .filteredOn(f -> f.severity() == dev.tokencontract.finding.Severity.ERROR)
                .isEmpty();
    }

    @Test
    void checkMetadataWhenAzureAdV1WithLocalFileJwksUriThenEndpointNotHttps() throws Exception {
        // SOURCES.txt: "jwks_uri REWRITTEN to local file name by test authors"
        IdpReport report = check(INVENTORY.get(0), "oidc-discovery@1.0.0");

        assertThat(report.findings())
                .filteredOn(f -> f.pointer().equals("/metadata/jwks_uri"))
                .extracting(Finding::code)
                .containsExactly(FindingCode.ENDPOINT_NOT_HTTPS);
    }

    @Test
    void checkMetadataWhenTwoContractsAndSchemeLessIssuerThenTheIssuerFormIsReportedOnce() throws Exception {
        IdpReport report = CHECKS.checkMetadata(
                FixtureFiles.text("idp-metadata/" + INVENTORY.get(2).file()),
                "google-2015",
                null,
                List.of(contract("mcp-authorization-server@1.0.0"), contract("oauth-authorization-server@1.0.0")),
                JwksInput.skip());

        assertThat(report.findings())
                .filteredOn(f -> f.pointer().equals("/metadata/issuer"))
                .extracting(Finding::code)
                .containsExactly(FindingCode.ISSUER_NOT_HTTPS);
    }

    @Test
    void recommendedMembersWhenOidcDiscoveryThenWarningsNeverChangeTheVerdict() throws Exception {
        Contract oidc = Contracts.bundled("oidc-discovery@1.0.0");
        IdpReport report = CHECKS.checkMetadata(
                FixtureFiles.text("idp-metadata/panva-wellknown__google.openid-configuration.json"),
                "google",
                "https://accounts.google.com",
                List.of(oidc),
                JwksInput.skip());

        assertThat(report.findings(FindingCode.METADATA_RECOMMENDED_MISSING))
                .extracting(Finding::pointer)
                .containsExactly("/metadata/registration_endpoint");
        assertThat(report.verdict()).isEqualTo(Verdict.ACCEPTED);
        assertThat(Map.of("x-recommended", oidc.document().path("x-recommended").size()))
                .containsEntry("x-recommended", 4);
    }
}
