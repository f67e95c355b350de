package dev.tokencontract.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tokencontract.contract.Contracts;
import dev.tokencontract.testing.NonDaemonThreads;
import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import dev.tokencontract.validator.KeySource;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The filter in front of a real SDK server in Javalin 7's Jetty, called by the SDK's real client. */
class McpBearerFilterTest {
    private static final List<AuthorizationDecision> DECISIONS = new CopyOnWriteArrayList<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static SampleServer server;
    private static java.util.Set<Thread> baseline;

    @BeforeAll
    static void start() throws Exception {
        baseline = NonDaemonThreads.now();
        server = SampleServer.start(
                Contracts.load("mcp-access-token@1.0.0"),
                KeySource.jwks(TestKeys.publicJwks()),
                TestTokens.ISSUER,
                DECISIONS::add,
                true,
                List.of(
                        SampleServer.echo("getCustomer"),
                        SampleServer.echo("updateAccountStatus"),
                        SampleServer.echo("lookupEmployee"),
                        SampleServer.echo("toggleFeature"),
                        SampleServer.echo("exportAllCustomers")));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        assertThat(NonDaemonThreads.leftOver(baseline, 5_000))
                .as("non-daemon threads left running")
                .isEmpty();
    }

    @BeforeEach
    void clearDecisions() {
        DECISIONS.clear();
    }

    private static String token(String scope) {
        return Tokens.fresh(server.auth.resource(), scope).signRsa();
    }

    private static McpHttpClientTransportAuthorizationException sdkFailure(String token, String tool) {
        try (McpSyncClient client = McpClients.connect(server.baseUrl, token)) {
            Throwable thrown = catchThrowable(() -> {
                client.initialize();
                McpClients.call(client, tool);
            });
            assertThat(thrown).as("the call must fail").isNotNull();
            return McpClients.authorizationFailure(thrown)
                    .orElseThrow(() -> new AssertionError("no HTTP authorization failure in", thrown));
        }
    }

    @Test
    void callToolWhenScopeGrantedThenHandlerSeesVerifiedIdentity() {
        try (McpSyncClient client = McpClients.connect(server.baseUrl, token("crm.read"))) {
            client.initialize();
            CallToolResult result = McpClients.call(client, "getCustomer");
            assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
            assertThat(McpClients.text(result)).isEqualTo("getCustomer by alice@example.test@acme actor=- roles=1");
        }
        assertThat(DECISIONS).anySatisfy(d -> {
            assertThat(d.allowed()).isTrue();
            assertThat(d.reason()).isEqualTo(DecisionReason.GRANTED);
            assertThat(d.tool()).isEqualTo("getCustomer");
            assertThat(d.caller().subject()).isEqualTo("alice@example.test");
            assertThat(d.caller().tenant()).isEqualTo("acme");
        });
    }

    @Test
    void callToolWhenPassedOnThenSdkNeverSeesTheAuthorizationHeader() {
        SampleServer.AUTHORIZATION_SEEN_BY_SDK.clear();
        try (McpSyncClient client = McpClients.connect(server.baseUrl, token("crm.read"))) {
            client.initialize();
            McpClients.call(client, "getCustomer");
        }
        assertThat(SampleServer.AUTHORIZATION_SEEN_BY_SDK).isNotEmpty().containsOnly(false);
    }

    @Test
    void callToolWhenDelegatedThenHandlerSeesActor() {
        ObjectNodeHolder act = new ObjectNodeHolder();
        String token = Tokens.fresh(server.auth.resource(), "crm.read")
                .claim("act", act.actor("hub"))
                .signRsa();
        try (McpSyncClient client = McpClients.connect(server.baseUrl, token)) {
            client.initialize();
            assertThat(McpClients.text(McpClients.call(client, "getCustomer"))).endsWith("actor=hub roles=1");
        }
    }

    @Test
    void callToolWhenReadOnlyUserCallsWriteToolThenSdkClientGets403WithNeededScope() {
        McpHttpClientTransportAuthorizationException failure = sdkFailure(token("crm.read"), "updateAccountStatus");
        assertThat(failure.getResponseInfo().statusCode()).isEqualTo(403);
        String header = failure.getResponseInfo()
                .headers()
                .firstValue("WWW-Authenticate")
                .orElseThrow();
        assertThat(header)
                .contains("error=\"insufficient_scope\"")
                .contains("scope=\"crm.read crm.write\"")
                .contains("resource_metadata=\"" + server.auth.metadataUrl() + "\"");
        assertThat(DECISIONS).anySatisfy(d -> {
            assertThat(d.allowed()).isFalse();
            assertThat(d.reason()).isEqualTo(DecisionReason.INSUFFICIENT_SCOPE);
            assertThat(d.missing()).containsExactly("scope:crm.write");
            assertThat(d.caller().subject()).isEqualTo("alice@example.test");
        });
    }

    @Test
    void callToolWhenRoleMissingThenSdkClientGetsToolErrorNamingTheRoleNot403() {
        try (McpSyncClient client = McpClients.connect(server.baseUrl, token("crm.read crm.write"))) {
            client.initialize();
            CallToolResult result = McpClients.call(client, "lookupEmployee");
            assertThat(result.isError()).isTrue();
            assertThat(McpClients.text(result)).startsWith("denied: lookupEmployee needs role hr");
            // the session is still usable: nothing was torn down, no sign-in asked for
            assertThat(McpClients.text(McpClients.call(client, "getCustomer"))).startsWith("getCustomer by alice");
        }
        assertThat(DECISIONS).anySatisfy(d -> assertThat(d.reason()).isEqualTo(DecisionReason.MISSING_ROLE));
    }

    @Test
    void callToolWhenRoleMissingThenHttp200JsonRpcResultWithTheRequestIdAndNoChallenge() throws Exception {
        HttpResponse<String> response = RawHttp.post(
                server.mcpUrl(), RawHttp.toolCall("toggleFeature"), "Authorization", "Bearer " + token(null));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("id").asInt()).isEqualTo(7);
        assertThat(body.path("result").path("isError").asBoolean()).isTrue();
        assertThat(body.path("result").path("content").path(0).path("text").asString())
                .contains("needs role admin");
    }

    @Test
    void callToolWhenRoleHeldThenAllowed() {
        String token = Tokens.fresh(server.auth.resource(), "crm.read")
                .claimArray("roles", "hr")
                .signRsa();
        try (McpSyncClient client = McpClients.connect(server.baseUrl, token)) {
            client.initialize();
            assertThat(McpClients.text(McpClients.call(client, "lookupEmployee")))
                    .startsWith("lookupEmployee by alice");
        }
    }

    @Test
    void callToolWhenToolMissingFromContractThenStandardUnknownToolErrorNot403() {
        try (McpSyncClient client = McpClients.connect(server.baseUrl, token("crm.read crm.write"))) {
            client.initialize();
            Throwable thrown = catchThrowable(() -> McpClients.call(client, "exportAllCustomers"));
            assertThat(McpClients.authorizationFailure(thrown))
                    .as("no HTTP 401/403")
                    .isEmpty();
            assertThat(thrown).hasMessageContaining("Unknown tool: exportAllCustomers");
        }
        assertThat(DECISIONS).anySatisfy(d -> {
            assertThat(d.reason()).isEqualTo(DecisionReason.TOOL_NOT_IN_CONTRACT);
            assertThat(d.tool()).isEqualTo("exportAllCustomers");
        });
    }

    @Test
    void callToolWhenToolUnknownThenJsonRpcMinus32602WithTheRequestId() throws Exception {
        HttpResponse<String> response = RawHttp.post(
                server.mcpUrl(),
                RawHttp.toolCall("deleteEverything"),
                "Authorization",
                "Bearer " + token("crm.read crm.write"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()))
                .isEqualTo(
                        JSON.readTree(
                                "{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{\"code\":-32602,\"message\":\"Unknown tool: deleteEverything\"}}"));
    }

    @Test
    void connectWhenAnonymousThen401ChallengeLeadsToMetadataDocument() throws Exception {
        McpHttpClientTransportAuthorizationException failure = sdkFailure(null, "getCustomer");
        assertThat(failure.getResponseInfo().statusCode()).isEqualTo(401);

        HttpResponse<String> response = RawHttp.post(server.mcpUrl(), "{}");
        assertThat(response.statusCode()).isEqualTo(401);
        Map<String, String> challenge = RawHttp.challenge(response);
        assertThat(challenge).doesNotContainKey("error").containsEntry("scope", "crm.read crm.write");
        HttpResponse<String> metadata = RawHttp.get(challenge.get("resource_metadata"));
        assertThat(metadata.statusCode()).isEqualTo(200);
        JsonNode doc = JSON.readTree(metadata.body());
        assertThat(doc.path("resource").asString()).isEqualTo(server.mcpUrl());
        assertThat(doc.path("authorization_servers").get(0).asString()).isEqualTo(TestTokens.ISSUER);
        assertThat(doc.path("scopes_supported").toString()).isEqualTo("[\"crm.read\",\"crm.write\"]");
        assertThat(doc.path("bearer_methods_supported").toString()).isEqualTo("[\"header\"]");
        assertThat(DECISIONS).anySatisfy(d -> assertThat(d.reason()).isEqualTo(DecisionReason.TOKEN_MISSING));
    }

    @Test
    void metadataWhenRequestedAtSuffixedPathThenServedButRootIs404BecauseItWouldNameAnotherResource() throws Exception {
        HttpResponse<String> suffixed = RawHttp.get(server.baseUrl + "/.well-known/oauth-protected-resource/mcp");
        HttpResponse<String> root = RawHttp.get(server.baseUrl + "/.well-known/oauth-protected-resource");
        assertThat(suffixed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(suffixed.body()).path("resource").asString()).isEqualTo(server.mcpUrl());
        assertThat(root.statusCode()).isEqualTo(404);
        HttpResponse<String> preflight = RawHttp.send(
                "OPTIONS",
                server.baseUrl + "/.well-known/oauth-protected-resource/mcp",
                "Origin",
                "https://inspector.example.test",
                "Access-Control-Request-Method",
                "GET",
                "Access-Control-Request-Headers",
                "mcp-protocol-version");
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .contains("*");
        assertThat(RawHttp.post(server.baseUrl + "/.well-known/oauth-protected-resource/mcp", "{}")
                        .statusCode())
                .isEqualTo(405);
    }

    @Test
    void connectWhenTokenExpiredThen401InvalidToken() throws Exception {
        long past = java.time.Instant.now().getEpochSecond() - 7200;
        String expired = Tokens.fresh(server.auth.resource(), "crm.read")
                .claim("iat", past)
                .claim("nbf", past)
                .claim("exp", past + 600)
                .signRsa();
        McpHttpClientTransportAuthorizationException failure = sdkFailure(expired, "getCustomer");
        assertThat(failure.getResponseInfo().statusCode()).isEqualTo(401);
        Map<String, String> challenge =
                RawHttp.challenge(RawHttp.post(server.mcpUrl(), "{}", "Authorization", "Bearer " + expired));
        assertThat(challenge)
                .containsEntry("error", "invalid_token")
                .containsEntry("resource_metadata", server.auth.metadataUrl());
        assertThat(challenge.get("error_description")).contains("TOKEN_EXPIRED");
    }

    @Test
    void connectWhenSignatureForgedThen401NamesOnlyTheSignatureNotTheAttackersClaims() throws Exception {
        String signed = Tokens.fresh(server.auth.resource(), "crm.read")
                .claim("roles", "admin")
                .signRsa();
        String forged = signed.substring(0, signed.lastIndexOf('.') + 1) + TestTokens.encode(new byte[256]);

        Map<String, String> challenge =
                RawHttp.challenge(RawHttp.post(server.mcpUrl(), "{}", "Authorization", "Bearer " + forged));

        assertThat(challenge).containsEntry("error", "invalid_token");
        // the filter skips the contract stage behind a failed signature (issue 13): no CLAIM_* codes
        assertThat(challenge.get("error_description"))
                .contains("SIGNATURE_INVALID")
                .doesNotContain("CLAIM_");
    }

    @Test
    void connectWhenAudienceIsAnotherServerThen401AndLoggedAsAudienceMismatch() {
        String other =
                Tokens.fresh("https://other.example.test/mcp", "crm.read").signRsa();
        McpHttpClientTransportAuthorizationException failure = sdkFailure(other, "getCustomer");
        assertThat(failure.getResponseInfo().statusCode()).isEqualTo(401);
        assertThat(failure.getResponseInfo()
                        .headers()
                        .firstValue("WWW-Authenticate")
                        .orElseThrow())
                .contains("error=\"invalid_token\"")
                .contains("AUD_MISMATCH");
        assertThat(DECISIONS).anySatisfy(d -> assertThat(d.reason()).isEqualTo(DecisionReason.AUDIENCE_MISMATCH));
    }

    @Test
    void connectWhenAudienceDiffersOnlyInHostCaseOrTrailingSlashThenAccepted() {
        String upper = server.mcpUrl().replace("http://localhost", "HTTP://LOCALHOST");
        for (String audience : List.of(upper, server.mcpUrl() + "/")) {
            String token = Tokens.fresh(audience, "crm.read").signRsa();
            try (McpSyncClient client = McpClients.connect(server.baseUrl, token)) {
                client.initialize();
                assertThat(McpClients.text(McpClients.call(client, "getCustomer")))
                        .as(audience)
                        .startsWith("getCustomer by alice");
            }
        }
    }

    @Test
    void connectWhenAudienceIsAPathBelowThisServerThen401() throws Exception {
        String deeper = Tokens.fresh(server.mcpUrl() + "/admin", "crm.read").signRsa();
        assertThat(RawHttp.post(server.mcpUrl(), "{}", "Authorization", "Bearer " + deeper)
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void decisionLogWhenAnyDecisionThenNeverContainsTheToken() throws Exception {
        String token = token("crm.read");
        RawHttp.post(server.mcpUrl(), RawHttp.toolCall("updateAccountStatus"), "Authorization", "Bearer " + token);
        assertThat(DECISIONS).isNotEmpty();
        String signature = token.substring(token.lastIndexOf('.') + 1);
        for (AuthorizationDecision decision : DECISIONS) {
            String line = dev.tokencontract.mcp.internal.DecisionLine.json(decision);
            assertThat(line).doesNotContain(signature).doesNotContain(token.substring(0, 40));
            JsonNode parsed = JSON.readTree(line);
            assertThat(parsed.path("sub").asString()).isEqualTo("alice@example.test");
            assertThat(parsed.path("tenant").asString()).isEqualTo("acme");
            assertThat(parsed.path("decision").asString()).isEqualTo("deny");
            assertThat(parsed.path("reason").asString()).isEqualTo("INSUFFICIENT_SCOPE");
        }
    }

    /** Builds an RFC 8693 act claim. */
    private static final class ObjectNodeHolder {
        JsonNode actor(String sub) {
            return JSON.createObjectNode().put("sub", sub);
        }
    }
}
