package dev.tokencontract.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.testing.FixtureFiles;
import dev.tokencontract.testing.RoutedHttpServer;
import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** check-idp, check-resource and explain --idp end to end: the built jar as a process, a real local HTTP server. */
class IdpCommandsIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private JarProcess jar;

    @BeforeEach
    void setUp() {
        assertThat(JarProcess.JAR).as("run 'package' first").isRegularFile();
        jar = JarProcess.in(dir);
    }

    /** MCP-ready metadata for {@code issuer} with this project's test keys at /jwks. */
    private static void serveIdp(RoutedHttpServer http, String path, boolean pkce) {
        String issuer = http.url(path);
        ObjectNode doc = JSON.createObjectNode()
                .put("issuer", issuer)
                .put("authorization_endpoint", issuer + "/authorize")
                .put("token_endpoint", issuer + "/token")
                .put("registration_endpoint", issuer + "/register")
                .put("jwks_uri", http.url("/jwks"));
        doc.putArray("id_token_signing_alg_values_supported").add("RS256");
        doc.putArray("response_types_supported").add("code");
        if (pkce) {
            doc.putArray("code_challenge_methods_supported").add("S256");
        }
        http.json("/.well-known/oauth-authorization-server" + path, doc.toString())
                .json("/jwks", TestKeys.publicJwks());
    }

    private static void assertNoStackTrace(JarProcess.Result result) {
        assertThat(result.out() + result.err()).doesNotContain("Exception", "\tat ", "SLF4J");
    }

    @Test
    void checkIdpWhenRealGoogleDocumentFileWithItsJwksThenFailsOnRegistrationPathExitOne() throws Exception {
        String metadata = FixtureFiles.path("idp-metadata/panva-wellknown__google.openid-configuration.json")
                .toString();
        String jwks =
                FixtureFiles.path("jwks/panva-wellknown__google.jwks.json").toString();

        JarProcess.Result result = jar.run("check-idp", metadata, "--jwks", jwks);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out())
                .contains(
                        "issuer    https://accounts.google.com",
                        "jwks      2 keys",
                        "METADATA_FIELD_MISSING  /metadata/client_id_metadata_document_supported");
        assertThat(result.out().strip()).endsWith("FAILED: 1 error: METADATA_FIELD_MISSING (exit 1)");
        assertNoStackTrace(result);
    }

    @Test
    void checkIdpWhenMojeidFileAsJsonThenNoneAdvertisedAndNoPkceInDocumentedShape() throws Exception {
        String metadata = FixtureFiles.path("idp-metadata/panva-wellknown__mojeid.openid-configuration.json")
                .toString();

        JarProcess.Result result = jar.run("check-idp", metadata, "--no-fetch", "--format", "json");

        assertThat(result.exit()).isEqualTo(1);
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.get("verdict").stringValue()).isEqualTo("REJECTED");
        assertThat(json.get("exitCode").intValue()).isEqualTo(1);
        assertThat(json.get("contracts").get(0).stringValue()).isEqualTo("mcp-authorization-server@1.0.0");
        assertThat(json.get("findings").findValuesAsString("code"))
                .contains("ADVERTISED_ALG_NONE", "METADATA_FIELD_MISSING");
    }

    @Test
    void checkIdpWhenLocalIssuerUrlMcpReadyThenPassedExitZero() throws Exception {
        try (RoutedHttpServer http = RoutedHttpServer.start()) {
            serveIdp(http, "/tenant1", true);

            JarProcess.Result result = jar.run(
                    "check-idp",
                    http.url("/tenant1"),
                    "--contract",
                    "mcp-authorization-server",
                    "--contract",
                    "oauth-authorization-server@1");

            assertThat(result.exit()).as(result.out()).isZero();
            assertThat(result.out())
                    .contains(
                            "document  " + http.url("/.well-known/oauth-authorization-server/tenant1"),
                            "contracts mcp-authorization-server@1.0.0, oauth-authorization-server@1.0.0",
                            "jwks      3 keys"); // TestKeys: RS256, ES256 and PS256 keys
            assertThat(result.out().strip()).endsWith("(exit 0)").contains("PASSED");
        }
    }

    @Test
    void checkIdpWhenNothingListensThenCouldNotCheckExitThree() throws Exception {
        String closed;
        try (RoutedHttpServer http = RoutedHttpServer.start()) {
            closed = http.url("");
        }

        JarProcess.Result result = jar.run("check-idp", closed);

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.out()).contains("DISCOVERY_NOT_FOUND", "connection refused");
        assertNoStackTrace(result);
    }

    @Test
    void checkResourceWhen401ChallengeNamesMetadataThenServersCheckedExitZero() throws Exception {
        try (RoutedHttpServer http = RoutedHttpServer.start()) {
            http.answer(
                    "/mcp",
                    401,
                    "application/json",
                    "{}",
                    Map.of(
                            "WWW-Authenticate",
                            "Bearer resource_metadata=\"" + http.url("/.well-known/oauth-protected-resource/mcp")
                                    + "\""));
            http.json(
                    "/.well-known/oauth-protected-resource/mcp",
                    "{\"resource\":\"" + http.url("/mcp") + "\",\"authorization_servers\":[\"" + http.url("/as")
                            + "\"]}");
            serveIdp(http, "/as", true);

            JarProcess.Result result = jar.run("check-resource", http.url("/mcp"));

            assertThat(result.exit()).as(result.out()).isZero();
            assertThat(result.out())
                    .contains(
                            "resource  " + http.url("/mcp"),
                            "authorization server " + http.url("/as") + ": passed",
                            "The 401 challenge names resource_metadata");
        }
    }

    @Test
    void checkResourceWhenServerWithoutPkceThenFailedExitOne() throws Exception {
        try (RoutedHttpServer http = RoutedHttpServer.start()) {
            http.answer("/mcp", 401, "application/json", "{}", Map.of("WWW-Authenticate", "Bearer realm=\"mcp\""));
            http.json(
                    "/.well-known/oauth-protected-resource",
                    "{\"resource\":\"" + http.url("/mcp") + "\",\"authorization_servers\":[\"" + http.url("/as")
                            + "\"]}");
            serveIdp(http, "/as", false);

            JarProcess.Result result = jar.run("check-resource", http.url("/mcp"), "--format", "json");

            assertThat(result.exit()).isEqualTo(1);
            JsonNode json = JSON.readTree(result.out());
            assertThat(json.get("findings").findValuesAsString("code"))
                    .contains("RESOURCE_CHALLENGE_MISSING", "AUTHORIZATION_SERVER_UNUSABLE", "METADATA_FIELD_MISSING");
            assertThat(json.get("authorizationServers").get(0).get("verdict").stringValue())
                    .isEqualTo("REJECTED");
        }
    }

    @Test
    void explainWhenIdpGivenThenIssuerAndKeysComeFromItsMetadataAndTokenAccepted() throws Exception {
        try (RoutedHttpServer http = RoutedHttpServer.start()) {
            serveIdp(http, "", true);
            String token = TestTokens.mcp().claim("iss", http.url("")).signRsa();

            JarProcess.Result result = jar.run(
                    "explain",
                    token,
                    "--contract",
                    "mcp-access-token@1.0.0",
                    "--idp",
                    http.url(""),
                    "--audience",
                    TestTokens.AUDIENCE,
                    "--at",
                    "2026-11-26T00:30:00Z");

            assertThat(result.exit()).as(result.out() + result.err()).isZero();
            assertThat(result.out()).contains("keys      JWKS URL " + http.url("/jwks"), "issuer    " + http.url(""));
            assertThat(result.out().strip()).endsWith("ACCEPTED: signature verified and every check passed (exit 0)");
        }
    }

    @Test
    void explainWhenIdpIssuerDiffersFromTokenThenRejectedIssMismatch() throws Exception {
        try (RoutedHttpServer http = RoutedHttpServer.start()) {
            serveIdp(http, "", true);
            String token = TestTokens.mcp().signRsa(); // iss https://login.example.test

            JarProcess.Result result = jar.run(
                    "explain",
                    token,
                    "--contract",
                    "mcp-access-token@1.0.0",
                    "--idp",
                    http.url(""),
                    "--at",
                    "2026-11-26T00:30:00Z");

            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.out()).contains("ISS_MISMATCH");
        }
    }

    @Test
    void explainWhenIdpJwksLeaksPrivateKeysThenRefusedExitThreeNotAccepted() throws Exception {
        try (RoutedHttpServer http = RoutedHttpServer.start()) {
            serveIdp(http, "", true);
            http.json("/jwks", "{\"keys\":[" + TestKeys.RSA.toJSONString() + "]}"); // d, p, q, ... published
            String token = TestTokens.mcp().claim("iss", http.url("")).signRsa();

            JarProcess.Result result = jar.run(
                    "explain",
                    token,
                    "--contract",
                    "mcp-access-token@1.0.0",
                    "--idp",
                    http.url(""),
                    "--audience",
                    TestTokens.AUDIENCE,
                    "--at",
                    "2026-11-26T00:30:00Z");

            // anyone can mint tokens with a published private key: a signature it verifies proves nothing
            assertThat(result.exit()).as(result.out() + result.err()).isEqualTo(3);
            assertThat(result.err()).contains("idp error: JWK_PRIVATE_PARAMETERS", "publishes private key material");
            assertThat(result.out()).doesNotContain("ACCEPTED");
            assertThat(result.out() + result.err())
                    .doesNotContain(TestKeys.RSA.getPrivateExponent().toString());
            assertNoStackTrace(result);
        }
    }
}
