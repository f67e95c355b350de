package dev.tokencontract.idp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Severity;
import dev.tokencontract.finding.Verdict;
import dev.tokencontract.testing.FixtureFiles;
import dev.tokencontract.testing.RoutedHttpServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** check-resource against a local MCP server: 401 discovery, well-known fallback, and the authorization servers it lists. */
class ResourceCheckTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final IdpChecks CHECKS = IdpChecks.withDefaults();
    private static List<Contract> resource;
    private static List<Contract> server;

    @BeforeAll
    static void load() throws Exception {
        resource = List.of(Contracts.bundled("oauth-protected-resource@1.0.0"));
        server = List.of(Contracts.bundled("mcp-authorization-server@1.0.0"));
    }

    private static String prm(String resourceUrl, String... authorizationServers) {
        ObjectNode doc = JSON.createObjectNode().put("resource", resourceUrl);
        var servers = doc.putArray("authorization_servers");
        for (String as : authorizationServers) {
            servers.add(as);
        }
        return doc.toString();
    }

    /** An authorization server at {@code /as} on this server; with or without PKCE. */
    private static void authorizationServer(RoutedHttpServer http, boolean pkce) {
        String issuer = http.url("/as");
        ObjectNode doc = JSON.createObjectNode()
                .put("issuer", issuer)
                .put("authorization_endpoint", issuer + "/authorize")
                .put("token_endpoint", issuer + "/token")
                .put("jwks_uri", http.url("/as/jwks"))
                .put("client_id_metadata_document_supported", true);
        if (pkce) {
            doc.putArray("code_challenge_methods_supported").add("S256");
        }
        http.json("/.well-known/oauth-authorization-server/as", doc.toString())
                .json("/as/jwks", FixtureFiles.text("jwks/panva-wellknown__google.jwks.json"));
    }

    private static void challenge(RoutedHttpServer http, String header) {
        http.answer(
                "/mcp", 401, "application/json", "{\"error\":\"invalid_token\"}", Map.of("WWW-Authenticate", header));
    }

    @Test
    void checkResourceWhen401NamesResourceMetadataThenFollowedAndServersChecked() {
        try (RoutedHttpServer http = RoutedHttpServer.start()) {
            challenge(
                    http,
                    "Bearer error=\"invalid_token\", resource_metadata=\"" + http.url("/prm")
                            + "\", scope=\"files:read\"");
            http.json("/prm", prm(http.url("/mcp"), http.url("/as")));
            authorizationServer(http, true);

            IdpReport report = CHECKS.checkResource(http.url("/mcp"), resource, server);

            assertThat(report.verdict()).isEqualTo(Verdict.ACCEPTED);
            assertThat(http.requested())
                    .startsWith("/mcp", "/prm", "/.well-known/oauth-authorization-server/as", "/as/jwks");
            assertThat(report.authorizationServers())
                    .singleElement()
                    .satisfies(as -> assertThat(as.verdict()).isEqualTo(Verdict.ACCEPTED));
            assertThat(report.has(FindingCode.RESOURCE_CHALLENGE_MISSING)).isFalse();
        }
    }

    @Test
    void checkResourceWhenServerLacksPkceThenUnusableWithItsFindingsUnderItsIndex() {
        try (RoutedHttpServer http = RoutedHttpServer.start()) {
            challenge(http, "Bearer resource_metadata=" + http.url("/prm"));
            http.json("/prm", prm(http.url("/mcp"), http.url("/as")));
            authorizationServer(http, false);

            IdpReport report = CHECKS.checkResource(http.url("/mcp"), resource, server);

            assertThat(report.verdict()).isEqualTo(Verdict.REJECTED);
            assertThat(report.findings())
                    .extracting(Finding::code, Finding::pointer)
                    .contains(
                            org.assertj.core.groups.Tuple.tuple(
                                    FindingCode.METADATA_FIELD_MISSING,
                                    "/authorization_servers/0/metadata/code_challenge_methods_supported"),
                            org.assertj.core.groups.Tuple.tuple(
                                    FindingCode.AUTHORIZATION_SERVER_UNUSABLE, "/resource/authorization_servers/0"));
        }
    }

    @Test
    void checkResourceWhen401WithoutResourceMetadataThenWarnsAndFallsBackToPathThenRoot() {
        try (RoutedHttpServer http = RoutedHttpServer.start()) {
            challenge(http, "Bearer realm=\"mcp\"");
            http.json("/.well-known/oauth-protected-resource", prm(http.url("/mcp"), http.url("/as")));
            authorizationServer(http, true);

            IdpReport report = CHECKS.checkResource(http.url("/mcp"), resource, server);

            assertThat(http.requested())
                    .startsWith(
                            "/mcp",
                            "/.well-known/oauth-protected-resource/mcp",
                            "/.well-known/oauth-protected-resource");
            assertThat(report.findings(FindingCode.RESOURCE_CHALLENGE_MISSING))
                    .singleElement()
                    .satisfies(f -> assertThat(f.actual()).isEqualTo("401 without resource_metadata"));
            assertThat(report.verdict()).isEqualTo(Verdict.ACCEPTED);
        }
    }

    @Test
    void checkResourceWhenServerAnswers200ThenChallengeMissing() {
        try (RoutedHttpServer http = RoutedHttpServer.start()) {
            http.json("/mcp", "{}")
                    .json("/.well-known/oauth-protected-resource/mcp", prm(http.url("/mcp"), http.url("/as")));
            authorizationServer(http, true);

            IdpReport report = CHECKS.checkResource(http.url("/mcp"), resource, server);

            assertThat(report.findings(FindingCode.RESOURCE_CHALLENGE_MISSING))
                    .extracting(Finding::actual)
                    .containsExactly("HTTP 200");
        }
    }

    @Test
    void checkResourceWhenResourceNamesAnotherServerThenMismatch() {
        try (RoutedHttpServer http = RoutedHttpServer.start()) {
            challenge(http, "Bearer resource_metadata=\"" + http.url("/prm") + "\"");
            http.json("/prm", prm("https://other.example.test/mcp", http.url("/as")));
            authorizationServer(http, true);

            IdpReport report = CHECKS.checkResource(http.url("/mcp"), resource, server);

            assertThat(report.findings(FindingCode.RESOURCE_MISMATCH))
                    .singleElement()
                    .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        }
    }

    @Test
    void checkResourceWhenResourceDiffersByTrailingSlashOnlyThenWarning() {
        try (RoutedHttpServer http = RoutedHttpServer.start()) {
            challenge(http, "Bearer resource_metadata=\"" + http.url("/prm") + "\"");
            http.json("/prm", prm(http.url("/mcp/"), http.url("/as")));
            authorizationServer(http, true);

            IdpReport report = CHECKS.checkResource(http.url("/mcp"), resource, server);

            assertThat(report.findings(FindingCode.RESOURCE_MISMATCH))
                    .singleElement()
                    .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
            assertThat(report.verdict()).isEqualTo(Verdict.ACCEPTED);
        }
    }

    @Test
    void checkResourceMetadataWhenEmptyAuthorizationServersThenContractFails() {
        IdpReport report = CHECKS.checkResourceMetadata(
                "{\"resource\":\"https://mcp.example.test/mcp\",\"authorization_servers\":[]}",
                "prm.json",
                resource,
                server,
                false);

        assertThat(report.findings())
                .extracting(Finding::code, Finding::pointer)
                .contains(org.assertj.core.groups.Tuple.tuple(
                        FindingCode.METADATA_FIELD_INVALID, "/resource/authorization_servers"));
        assertThat(report.verdict()).isEqualTo(Verdict.REJECTED);
    }

    @Test
    void checkResourceMetadataWhenNoResourceMemberThenMissing() {
        IdpReport report = CHECKS.checkResourceMetadata(
                "{\"authorization_servers\":[\"https://as.example.test\"]}", "prm.json", resource, server, false);

        assertThat(report.findings(FindingCode.METADATA_FIELD_MISSING))
                .extracting(Finding::pointer)
                .containsExactly("/resource/resource");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "[]", "nope", "{\"resource\": 5, \"authorization_servers\": \"x\"}", "{\"a\":1,\"a\":2}"})
    void checkResourceMetadataWhenMalformedThenFailedNeverThrows(String text) {
        IdpReport report = CHECKS.checkResourceMetadata(text, "prm.json", resource, server, false);

        assertThat(report.verdict()).isEqualTo(Verdict.REJECTED);
    }

    @Test
    void checkResourceWhenChallengeHasEmptyResourceMetadataThenWarnedAndWellKnownTried() {
        try (RoutedHttpServer http = RoutedHttpServer.start()) {
            challenge(http, "Bearer realm=\"x\", resource_metadata=\"\"");
            http.json("/.well-known/oauth-protected-resource/mcp", prm(http.url("/mcp"), http.url("/as")));
            authorizationServer(http, true);

            IdpReport report = CHECKS.checkResource(http.url("/mcp"), resource, server);

            // an empty value is no URL: it must not resolve to the server's root and stop discovery there
            assertThat(report.verdict()).isEqualTo(Verdict.ACCEPTED);
            assertThat(report.findings(FindingCode.RESOURCE_CHALLENGE_MISSING))
                    .singleElement()
                    .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
            assertThat(http.requested()).doesNotContain("/");
        }
    }

    @Test
    void checkResourceWhenMoreThanFiveServersThenTheUncheckedAreNamedInANote() {
        try (RoutedHttpServer http = RoutedHttpServer.start()) {
            String[] servers = new String[7];
            for (int i = 0; i < servers.length; i++) {
                servers[i] = http.url("/as");
            }
            servers[5] = "https://sixth.example.test";
            servers[6] = "https://seventh.example.test";
            http.json("/.well-known/oauth-protected-resource/mcp", prm(http.url("/mcp"), servers));
            authorizationServer(http, true);

            IdpReport report = CHECKS.checkResource(http.url("/mcp"), resource, server);

            assertThat(report.authorizationServers()).hasSize(IdpChecks.MAX_AUTHORIZATION_SERVERS);
            assertThat(report.findings())
                    .filteredOn(
                            f -> f.pointer().equals("/resource/authorization_servers") && f.severity() == Severity.INFO)
                    .singleElement()
                    .satisfies(f -> assertThat(f.message())
                            .contains("2 of 7", "https://sixth.example.test", "https://seventh.example.test"));
        }
    }

    @Test
    void checkResourceWhenServerIsPlainHttpElsewhereThenOneRefusalNotOnePerWellKnownUrl() {
        try (RoutedHttpServer http = RoutedHttpServer.start()) {
            http.json(
                    "/.well-known/oauth-protected-resource/mcp",
                    prm(http.url("/mcp"), "http://idp.example.test/tenant"));

            IdpReport report = CHECKS.checkResource(http.url("/mcp"), resource, server);

            assertThat(report.findings())
                    .filteredOn(f -> f.pointer().startsWith("/authorization_servers/0"))
                    .extracting(Finding::code)
                    .containsExactly(FindingCode.FETCH_INSECURE_URL);
            assertThat(report.has(FindingCode.AUTHORIZATION_SERVER_UNUSABLE)).isTrue();
            assertThat(report.verdict()).isEqualTo(Verdict.REJECTED);
        }
    }
}
