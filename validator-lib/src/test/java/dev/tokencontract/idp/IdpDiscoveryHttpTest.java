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
import dev.tokencontract.validator.JwksUrlSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Discovery and fetching against a real local HTTP server: order, redirects, loops, stalls, size, HTML, https. */
class IdpDiscoveryHttpTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Short timeouts and a small cap keep the slow and oversized cases fast. */
    private static final IdpChecks CHECKS = IdpChecks.with(
            JwksUrlSettings.defaults()
                    .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(600))
                    .withMaxBytes(64 * 1024),
            3);

    private static Contract mcp;

    @BeforeAll
    static void loadContract() throws Exception {
        mcp = Contracts.bundled("mcp-authorization-server@1.0.0");
    }

    /** MCP-ready metadata for {@code issuer}, its jwks_uri on the same server. */
    private static String metadata(String issuer, String jwksUri) {
        ObjectNode doc = JSON.createObjectNode()
                .put("issuer", issuer)
                .put("authorization_endpoint", issuer + "/authorize")
                .put("token_endpoint", issuer + "/token")
                .put("registration_endpoint", issuer + "/register")
                .put("jwks_uri", jwksUri);
        doc.putArray("code_challenge_methods_supported").add("S256");
        doc.putArray("response_types_supported").add("code");
        return doc.toString();
    }

    private static List<Finding> errors(IdpReport report) {
        return report.findings().stream()
                .filter(f -> f.severity() == Severity.ERROR)
                .toList();
    }

    @Test
    void checkIssuerWhenIssuerHasPathThenTriesTheThreeMcpUrlsInOrder() {
        try (RoutedHttpServer server = RoutedHttpServer.start()) {
            String issuer = server.url("/tenant1");
            server.json("/tenant1/.well-known/openid-configuration", metadata(issuer, server.url("/jwks")))
                    .json("/jwks", FixtureFiles.text("jwks/panva-wellknown__google.jwks.json"));

            IdpReport report = CHECKS.checkIssuer(issuer, List.of(mcp));

            assertThat(server.requested())
                    .containsExactly(
                            "/.well-known/oauth-authorization-server/tenant1",
                            "/.well-known/openid-configuration/tenant1",
                            "/tenant1/.well-known/openid-configuration",
                            "/jwks");
            assertThat(report.verdict()).isEqualTo(Verdict.ACCEPTED);
            assertThat(report.documentUrl())
                    .hasValueSatisfying(
                            u -> assertThat(u.toString()).endsWith("/tenant1/.well-known/openid-configuration"));
            assertThat(report.jwks()).isPresent();
        }
    }

    @Test
    void checkIssuerWhenNoPathThenRfc8414FirstAndStopsAtTheFirstDocument() {
        try (RoutedHttpServer server = RoutedHttpServer.start()) {
            String issuer = server.url("");
            server.json("/.well-known/oauth-authorization-server", metadata(issuer, server.url("/jwks")))
                    .json("/.well-known/openid-configuration", "{\"issuer\":\"never read\"}")
                    .json("/jwks", FixtureFiles.text("jwks/crates-io__github-actions-jwks.json"));

            IdpReport report = CHECKS.checkIssuer(issuer, List.of(mcp));

            assertThat(server.requested()).containsExactly("/.well-known/oauth-authorization-server", "/jwks");
            assertThat(errors(report)).isEmpty();
            assertThat(report.has(FindingCode.JWK_X5C_REPORTED)).isTrue();
        }
    }

    static Stream<String> fixtures() {
        return FixtureFiles.list("idp-metadata").map(Path::getFileName).map(Path::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void checkIssuerWhenRealDocumentServedUnchangedThenFoundAndIssuerMismatchesTheLoopbackUrl(String file) {
        String document = FixtureFiles.text("idp-metadata/" + file);
        try (RoutedHttpServer server = RoutedHttpServer.start()) {
            server.json("/.well-known/openid-configuration", document);

            IdpReport report = CHECKS.checkIssuer(server.url(""), List.of(mcp));
            IdpReport fromFile = CHECKS.checkMetadata(document, file, null, List.of(mcp), JwksInput.skip());

            assertThat(report.document()).isPresent();
            assertThat(report.has(FindingCode.ISSUER_MISMATCH) || report.has(FindingCode.ISSUER_TEMPLATED))
                    .isTrue();
            assertThat(report.findings(FindingCode.METADATA_FIELD_MISSING))
                    .extracting(Finding::pointer)
                    .containsExactlyInAnyOrderElementsOf(fromFile.findings(FindingCode.METADATA_FIELD_MISSING).stream()
                            .map(Finding::pointer)
                            .toList());
            assertThat(server.requested())
                    .startsWith("/.well-known/oauth-authorization-server", "/.well-known/openid-configuration");
        }
    }

    @Test
    void checkIssuerWhenOneRedirectThenFollowedAndNoted() {
        try (RoutedHttpServer server = RoutedHttpServer.start()) {
            String issuer = server.url("");
            server.redirect("/.well-known/oauth-authorization-server", "/moved/metadata")
                    .json("/moved/metadata", metadata(issuer, server.url("/jwks")))
                    .json("/jwks", FixtureFiles.text("jwks/panva-wellknown__google.jwks.json"));

            IdpReport report = CHECKS.checkIssuer(issuer, List.of(mcp));

            assertThat(report.verdict()).isEqualTo(Verdict.ACCEPTED);
            assertThat(report.findings(FindingCode.DISCOVERY_DOCUMENT_FOUND))
                    .first()
                    .extracting(Finding::message)
                    .asString()
                    .contains("/moved/metadata", "redirected from");
        }
    }

    @Test
    void checkIssuerWhenRedirectLoopThenTooManyRedirectsAndFailed() {
        try (RoutedHttpServer server = RoutedHttpServer.start()) {
            server.redirect("/.well-known/oauth-authorization-server", "/b")
                    .redirect("/b", "/.well-known/oauth-authorization-server")
                    .redirect("/.well-known/openid-configuration", "/.well-known/openid-configuration");

            IdpReport report = CHECKS.checkIssuer(server.url(""), List.of(mcp));

            assertThat(report.verdict()).isEqualTo(Verdict.REJECTED);
            assertThat(report.findings(FindingCode.FETCH_TOO_MANY_REDIRECTS))
                    .hasSize(2)
                    .allSatisfy(f -> assertThat(f.message()).startsWith("Redirect loop"));
            assertThat(report.has(FindingCode.DISCOVERY_NOT_FOUND)).isTrue();
        }
    }

    @Test
    void checkIssuerWhenRedirectChainLongerThanThreeThenTooManyRedirects() {
        try (RoutedHttpServer server = RoutedHttpServer.start()) {
            server.redirect("/.well-known/oauth-authorization-server", "/1")
                    .redirect("/1", "/2")
                    .redirect("/2", "/3")
                    .redirect("/3", "/4")
                    .json("/4", metadata(server.url(""), server.url("/jwks")));

            IdpReport report = CHECKS.checkIssuer(server.url(""), List.of(mcp));

            assertThat(report.findings(FindingCode.FETCH_TOO_MANY_REDIRECTS))
                    .singleElement()
                    .satisfies(f -> assertThat(f.expected()).isEqualTo("at most 3 redirects"));
            assertThat(server.requested()).doesNotContain("/4");
        }
    }

    @Test
    void checkIssuerWhenRedirectToPlainHttpHostThenInsecureAndNeverFetched() {
        try (RoutedHttpServer server = RoutedHttpServer.start()) {
            server.redirect("/.well-known/oauth-authorization-server", "http://idp.example.test/metadata");

            IdpReport report = CHECKS.checkIssuer(server.url(""), List.of(mcp));

            assertThat(report.findings(FindingCode.FETCH_INSECURE_URL))
                    .singleElement()
                    .satisfies(f -> assertThat(f.actual()).isEqualTo("http://idp.example.test/metadata"));
            assertThat(report.verdict()).isEqualTo(Verdict.REJECTED);
        }
    }

    @Test
    void checkIssuerWhenAnswerStallsThenTimedOutAndCouldNotCheck() {
        try (RoutedHttpServer server = RoutedHttpServer.start()) {
            String issuer = server.url("");
            server.stall("/.well-known/oauth-authorization-server", metadata(issuer, server.url("/jwks")))
                    .stall("/.well-known/openid-configuration", metadata(issuer, server.url("/jwks")));

            IdpReport report = CHECKS.checkIssuer(issuer, List.of(mcp));

            assertThat(report.verdict()).isEqualTo(Verdict.UNCHECKED);
            assertThat(report.findings(FindingCode.DISCOVERY_NOT_FOUND))
                    .singleElement()
                    .satisfies(f -> assertThat(f.actual()).contains("timed out"));
        }
    }

    @Test
    void checkIssuerWhenAnswerOversizedThenTooLargeAndNextUrlTried() {
        try (RoutedHttpServer server = RoutedHttpServer.start()) {
            String issuer = server.url("");
            server.json("/.well-known/oauth-authorization-server", "{\"pad\":\"" + "x".repeat(200_000) + "\"}")
                    .json("/.well-known/openid-configuration", metadata(issuer, server.url("/jwks")))
                    .json("/jwks", FixtureFiles.text("jwks/panva-wellknown__google.jwks.json"));

            IdpReport report = CHECKS.checkIssuer(issuer, List.of(mcp));

            assertThat(report.findings(FindingCode.FETCH_TOO_LARGE))
                    .singleElement()
                    .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
            assertThat(report.verdict()).isEqualTo(Verdict.ACCEPTED);
        }
    }

    @Test
    void checkIssuerWhenEveryUrlAnswersHtmlThenNotJsonAndFailed() {
        try (RoutedHttpServer server = RoutedHttpServer.start()) {
            String html = "<!doctype html><html><body>Sign in</body></html>";
            server.answer("/.well-known/oauth-authorization-server", 200, "text/html", html, Map.of())
                    .answer("/.well-known/openid-configuration", 200, "text/html", html, Map.of());

            IdpReport report = CHECKS.checkIssuer(server.url(""), List.of(mcp));

            assertThat(report.verdict()).isEqualTo(Verdict.REJECTED);
            assertThat(report.findings(FindingCode.FETCH_NOT_JSON))
                    .hasSize(2)
                    .allSatisfy(f -> assertThat(f.actual()).contains("text/html", "<!doctype html>"));
        }
    }

    @Test
    void checkIssuerWhenJwksUriAnswersHtmlThenNotJsonUnderJwks() {
        try (RoutedHttpServer server = RoutedHttpServer.start()) {
            String issuer = server.url("");
            server.json("/.well-known/oauth-authorization-server", metadata(issuer, server.url("/jwks")))
                    .answer("/jwks", 200, "text/html", "<html>oops</html>", Map.of());

            IdpReport report = CHECKS.checkIssuer(issuer, List.of(mcp));

            assertThat(report.findings(FindingCode.FETCH_NOT_JSON))
                    .extracting(Finding::pointer)
                    .containsExactly("/jwks");
        }
    }

    @Test
    void checkIssuerWhenJwksUriDownThenCouldNotCheck() {
        try (RoutedHttpServer server = RoutedHttpServer.start()) {
            String issuer = server.url("");
            server.json("/.well-known/oauth-authorization-server", metadata(issuer, server.url("/missing-jwks")));

            IdpReport report = CHECKS.checkIssuer(issuer, List.of(mcp));

            assertThat(report.verdict()).isEqualTo(Verdict.UNCHECKED);
            assertThat(report.findings(FindingCode.FETCH_FAILED))
                    .extracting(Finding::pointer, Finding::actual)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("/jwks", "HTTP 404"));
        }
    }

    @Test
    void checkIssuerWhenNothingListensThenDiscoveryNotFoundCouldNotCheck() {
        String closed;
        try (RoutedHttpServer server = RoutedHttpServer.start()) {
            closed = server.url("");
        }

        IdpReport report = CHECKS.checkIssuer(closed, List.of(mcp));

        assertThat(report.verdict()).isEqualTo(Verdict.UNCHECKED);
        assertThat(report.findings(FindingCode.DISCOVERY_NOT_FOUND))
                .singleElement()
                .satisfies(f -> assertThat(f.actual()).contains("connection refused"));
    }

    @Test
    void checkIssuerWhenPlainHttpNonLoopbackIssuerThenInsecureWithoutAnyConnection() {
        IdpReport report = CHECKS.checkIssuer("http://idp.example.test", List.of(mcp));

        // said once for the issuer, not once per well-known URL plus DISCOVERY_NOT_FOUND
        assertThat(report.findings()).extracting(Finding::code).containsExactly(FindingCode.FETCH_INSECURE_URL);
        assertThat(report.verdict()).isEqualTo(Verdict.REJECTED);
    }

    @Test
    void checkIssuerWhenServedIssuerDiffersByTrailingSlashThenMismatch() {
        try (RoutedHttpServer server = RoutedHttpServer.start()) {
            String issuer = server.url("");
            server.json("/.well-known/oauth-authorization-server", metadata(issuer + "/", server.url("/jwks")))
                    .json("/jwks", FixtureFiles.text("jwks/panva-wellknown__google.jwks.json"));

            IdpReport report = CHECKS.checkIssuer(issuer, List.of(mcp));

            assertThat(report.findings(FindingCode.ISSUER_MISMATCH))
                    .singleElement()
                    .satisfies(f -> assertThat(f.actual()).isEqualTo(issuer + "/"));
        }
    }
}
