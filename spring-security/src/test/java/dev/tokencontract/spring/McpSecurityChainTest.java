package dev.tokencontract.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.spring.app.EchoMcpApplication;
import dev.tokencontract.testing.CountingHttpServer;
import dev.tokencontract.testing.TestKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The starter's whole chain over real HTTP on a free port, configured only by {@code tokencontract.*}: one
 * Spring context for every case here. Keys come from a real JWKS endpoint that counts its requests.
 */
@SpringBootTest(classes = EchoMcpApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class McpSecurityChainTest {
    static final CountingHttpServer JWKS = CountingHttpServer.start().respond(200, TestKeys.publicJwks());
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String METADATA = "https://crm.example.test/.well-known/oauth-protected-resource/mcp";
    private static final String TOOL_CALL =
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"%s\",\"arguments\":{}}}";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void tokencontract(DynamicPropertyRegistry registry) {
        registry.add("tokencontract.contract", () -> "mcp-access-token@1");
        registry.add("tokencontract.audience", () -> FreshTokens.RESOURCE);
        registry.add("tokencontract.issuer-uri", () -> dev.tokencontract.testing.TestTokens.ISSUER);
        registry.add("tokencontract.jwks-uri", () -> JWKS.uri("/jwks.json").toString());
    }

    @AfterAll
    static void stopJwks() {
        JWKS.close();
    }

    private HttpResponse<String> post(String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> call(String tool, String token, String... headers) throws Exception {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = "Bearer " + token;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return post(TOOL_CALL.formatted(tool), all);
    }

    private static String challenge(HttpResponse<?> response) {
        return response.headers().firstValue("WWW-Authenticate").orElse("(none)");
    }

    @Test
    void postWhenNoTokenThen401WithResourceMetadataAndScopesButNoError() throws Exception {
        HttpResponse<String> response = post(TOOL_CALL.formatted("getCustomer"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(challenge(response))
                .isEqualTo("Bearer resource_metadata=\"" + METADATA + "\", scope=\"crm.read crm.write\"");
        assertThat(response.body()).isEqualTo("{\"error_description\":\"a bearer access token is required\"}");
    }

    @Test
    void getMetadataThenTheRfc9728DocumentWithoutAToken() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/.well-known/oauth-protected-resource/mcp"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> root = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/.well-known/oauth-protected-resource"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(root.statusCode())
                .as("a root document would have to name the root as its resource (RFC 9728 3.3)")
                .isEqualTo(404);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .isEqualTo(
                        "{\"resource\":\"https://crm.example.test/mcp\",\"authorization_servers\":[\"https://login.example.test\"],"
                                + "\"scopes_supported\":[\"crm.read\",\"crm.write\"],\"bearer_methods_supported\":[\"header\"]}");
    }

    @Test
    void postWhenTokenForAnotherAudienceThen401InvalidTokenNamingTheFindingCode() throws Exception {
        HttpResponse<String> response = call(
                "getCustomer",
                FreshTokens.forAudience("https://other.example.test/mcp").signRsa());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(challenge(response))
                .isEqualTo("Bearer resource_metadata=\"" + METADATA + "\", error=\"invalid_token\", "
                        + "error_description=\"token rejected: AUD_MISMATCH\", scope=\"crm.read crm.write\"");
    }

    @Test
    void postWhenHeaderBreaksTheContractsJoseRulesThen401WithEveryCode() throws Exception {
        HttpResponse<String> response = call(
                "getCustomer",
                FreshTokens.fresh().header("typ", "JWT").claim("roles", "admin").signRsa());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(challenge(response))
                .contains("error_description=\"token rejected: TYP_NOT_ALLOWED, CLAIM_TYPE_MISMATCH\"");
    }

    @Test
    void postWhenGrantedToolThenTheEndpointSeesTheIdentityButNotTheToken() throws Exception {
        HttpResponse<String> response = call(
                "getCustomer", FreshTokens.fresh().claim("scope", "crm.read").signRsa());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains(
                        "\"sub\":\"alice@example.test\"",
                        "\"tenant\":\"acme\"",
                        "\"authorization_seen\":false",
                        "\"body_bytes\":" + TOOL_CALL.formatted("getCustomer").length());
    }

    @Test
    void postWhenToolNeedsAScopeTheTokenLacksThen403InsufficientScopeNamingGrantedAndNeededScopes() throws Exception {
        HttpResponse<String> response = call(
                "updateAccountStatus",
                FreshTokens.fresh().claim("scope", "crm.read").signRsa());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(challenge(response))
                .isEqualTo(
                        "Bearer resource_metadata=\"" + METADATA + "\", error=\"insufficient_scope\", "
                                + "scope=\"crm.read crm.write\", error_description=\"updateAccountStatus needs scope:crm.write\"");
    }

    @Test
    void postWhenToolNeedsARoleOrIsNotInTheContractThenAJsonRpcAnswerNotAStepUpChallenge() throws Exception {
        HttpResponse<String> role = call("lookupEmployee", FreshTokens.fresh().signRsa());
        HttpResponse<String> unknown = call("dropDatabase", FreshTokens.fresh().signRsa());

        assertThat(role.statusCode()).isEqualTo(200);
        assertThat(challenge(role)).isEqualTo("(none)");
        assertThat(role.body())
                .isEqualTo(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[{\"type\":\"text\",\"text\":"
                                + "\"denied: lookupEmployee needs role hr; roles come from the user's account, not from a new sign-in or more scopes\"}],\"isError\":true}}");
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body())
                .isEqualTo(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32602,\"message\":\"Unknown tool: dropDatabase\"}}");
    }

    @Test
    void postWhenBatchHidesARoleDeniedToolThenNothingInItRunsAndEachRequestIsAnswered() throws Exception {
        String batch = "[" + TOOL_CALL.formatted("getCustomer") + ","
                + TOOL_CALL.formatted("toggleFeature").replace("\"id\":1", "\"id\":2") + "]";

        HttpResponse<String> response =
                post(batch, "Authorization", "Bearer " + FreshTokens.fresh().signRsa());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .startsWith(
                        "[{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32000,\"message\":\"not executed: another call in this batch was denied\"}},")
                .contains("toggleFeature needs role admin")
                .doesNotContain("\"sub\"");
    }

    @Test
    void postWhenBodyIsNotStrictJsonThen400ParseErrorAndWhenTooLargeThen413() throws Exception {
        String token = FreshTokens.fresh().signRsa();

        HttpResponse<String> duplicate = post(
                "{\"jsonrpc\":\"2.0\",\"method\":\"tools/list\",\"method\":\"tools/call\",\"params\":{\"name\":\"x\"}}",
                "Authorization",
                "Bearer " + token);
        HttpResponse<String> large = post("[" + "1,".repeat(600_000) + "1]", "Authorization", "Bearer " + token);

        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertThat(duplicate.body()).contains("-32700");
        assertThat(large.statusCode()).isEqualTo(413);
    }

    @Test
    void postWhenOriginIsAForeignSiteThen403AndWhenLoopbackOrOwnThenServed() throws Exception {
        HttpResponse<String> foreign =
                call("getCustomer", FreshTokens.fresh().signRsa(), "Origin", "https://evil.example");
        HttpResponse<String> loopback =
                call("getCustomer", FreshTokens.fresh().signRsa(), "Origin", "http://localhost:6274");
        HttpResponse<String> own =
                call("getCustomer", FreshTokens.fresh().signRsa(), "Origin", "https://CRM.example.test");

        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("origin_not_allowed");
        assertThat(challenge(foreign)).isEqualTo("(none)");
        assertThat(loopback.statusCode()).isEqualTo(200);
        assertThat(own.statusCode()).isEqualTo(200);
    }

    @Test
    void postWhenSessionOpenedByAnotherUserThen404() throws Exception {
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}";
        HttpResponse<String> opened = post(
                initialize, "Authorization", "Bearer " + FreshTokens.fresh().signRsa());
        String session = opened.headers().firstValue("Mcp-Session-Id").orElseThrow();

        HttpResponse<String> owner = call("getCustomer", FreshTokens.fresh().signRsa(), "Mcp-Session-Id", session);
        HttpResponse<String> intruder = call(
                "getCustomer",
                FreshTokens.fresh().claim("sub", "mallory@example.test").signRsa(),
                "Mcp-Session-Id",
                session);

        assertThat(owner.statusCode()).isEqualTo(200);
        assertThat(intruder.statusCode()).isEqualTo(404);
    }

    @Test
    void postWhenTwoBearerTokensThen400InvalidRequest() throws Exception {
        String token = FreshTokens.fresh().signRsa();

        HttpResponse<String> response = post(
                TOOL_CALL.formatted("getCustomer"),
                "Authorization",
                "Bearer " + token,
                "Authorization",
                "Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(challenge(response)).contains("error=\"invalid_request\"", "more than one Authorization header");
    }

    @Test
    void postWhenTokenInTheQueryStringThenNotReadAnd401() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp?access_token="
                        + FreshTokens.fresh().signRsa()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TOOL_CALL.formatted("getCustomer")))
                .build();

        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }
}
