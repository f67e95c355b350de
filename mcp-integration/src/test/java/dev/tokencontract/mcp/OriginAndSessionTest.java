package dev.tokencontract.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokencontract.contract.Contracts;
import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import dev.tokencontract.validator.KeySource;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transport's security rules over real HTTP: a foreign {@code Origin} is refused before any token work (DNS
 * rebinding), CORS only for listed origins, and an MCP session is usable only by the principal that opened it.
 */
class OriginAndSessionTest {
    private static final List<AuthorizationDecision> DECISIONS = new CopyOnWriteArrayList<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BROWSER_APP = "https://console.example.test";
    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""";
    private static SampleServer server;

    @BeforeAll
    static void start() throws Exception {
        server = SampleServer.start(
                Contracts.load("mcp-access-token@1.0.0"),
                KeySource.jwks(TestKeys.publicJwks()),
                TestTokens.ISSUER,
                DECISIONS::add,
                true,
                List.of(SampleServer.echo("getCustomer"), SampleServer.echo("updateAccountStatus")),
                b -> b.corsOrigins(List.of(BROWSER_APP)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void clear() {
        DECISIONS.clear();
    }

    private static String alice() {
        return Tokens.fresh(server.auth.resource(), "crm.read crm.write").signRsa();
    }

    private static String bob() {
        return Tokens.fresh(server.auth.resource(), "crm.read crm.write")
                .claim("sub", "bob@example.test")
                .signRsa();
    }

    private static String openSession(String token) throws Exception {
        HttpResponse<String> response = RawHttp.post(server.mcpUrl(), INITIALIZE, "Authorization", "Bearer " + token);
        assertThat(response.statusCode()).isEqualTo(200);
        String session = response.headers().firstValue("Mcp-Session-Id").orElseThrow();
        HttpResponse<String> initialized = RawHttp.post(
                server.mcpUrl(),
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "Authorization",
                "Bearer " + token,
                "Mcp-Session-Id",
                session,
                "MCP-Protocol-Version",
                "2025-11-25");
        assertThat(initialized.statusCode()).isEqualTo(202);
        return session;
    }

    private static HttpResponse<String> callInSession(String token, String session, String tool) throws Exception {
        return RawHttp.post(
                server.mcpUrl(),
                RawHttp.toolCall(tool),
                "Authorization",
                "Bearer " + token,
                "Mcp-Session-Id",
                session,
                "MCP-Protocol-Version",
                "2025-11-25");
    }

    @Test
    void requestWhenForeignOriginWithValidTokenThen403BeforeAnyTokenWork() throws Exception {
        HttpResponse<String> response = RawHttp.post(
                server.mcpUrl(), INITIALIZE, "Authorization", "Bearer " + alice(), "Origin", "http://evil.example.com");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Mcp-Session-Id")).isEmpty();
        assertThat(JSON.readTree(response.body()).path("error").path("message").asString())
                .isEqualTo("Forbidden: Origin not allowed");
        assertThat(DECISIONS).singleElement().satisfies(d -> {
            assertThat(d.reason()).isEqualTo(DecisionReason.ORIGIN_REFUSED);
            assertThat(d.caller()).as("the token was never looked at").isNull();
            assertThat(d.detail()).isEqualTo("Origin http://evil.example.com");
        });
    }

    @Test
    void requestWhenForeignOriginWithoutTokenThen403Not401() throws Exception {
        HttpResponse<String> response = RawHttp.post(server.mcpUrl(), INITIALIZE, "Origin", "http://evil.example.com");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .as("no challenge for a foreign page")
                .isEmpty();
    }

    @Test
    void requestWhenOriginIsNullOrGarbageThen403() throws Exception {
        for (String origin : List.of("null", "not a url", "http://localhost.evil.example.com:80")) {
            HttpResponse<String> response =
                    RawHttp.post(server.mcpUrl(), INITIALIZE, "Authorization", "Bearer " + alice(), "Origin", origin);
            assertThat(response.statusCode()).as(origin).isEqualTo(403);
        }
    }

    @Test
    void requestWhenOriginIsTheServerOrLoopbackThenServed() throws Exception {
        String own = server.baseUrl;
        for (String origin : List.of(own, "http://127.0.0.1:5173", "http://[::1]:3000", "HTTP://LOCALHOST:6274")) {
            HttpResponse<String> response =
                    RawHttp.post(server.mcpUrl(), INITIALIZE, "Authorization", "Bearer " + alice(), "Origin", origin);
            assertThat(response.statusCode()).as(origin).isEqualTo(200);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
                    .as("allowed is not CORS")
                    .isEmpty();
        }
    }

    @Test
    void requestWhenNoOriginThenServedBecauseNotFromABrowserPage() throws Exception {
        assertThat(RawHttp.post(server.mcpUrl(), INITIALIZE, "Authorization", "Bearer " + alice())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void corsWhenListedOriginThen401ExposesChallengeAndSessionHeaders() throws Exception {
        HttpResponse<String> response = RawHttp.post(server.mcpUrl(), INITIALIZE, "Origin", BROWSER_APP);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(BROWSER_APP);
        assertThat(response.headers()
                        .firstValue("Access-Control-Expose-Headers")
                        .orElseThrow())
                .contains("WWW-Authenticate")
                .contains("Mcp-Session-Id");
        assertThat(response.headers().allValues("Vary"))
                .anySatisfy(v -> assertThat(v).contains("Origin"));
    }

    @Test
    void corsWhenPreflightFromListedOriginThen204WithoutToken() throws Exception {
        HttpResponse<String> response = RawHttp.send(
                "OPTIONS",
                server.mcpUrl(),
                "Origin",
                BROWSER_APP,
                "Access-Control-Request-Method",
                "POST",
                "Access-Control-Request-Headers",
                "authorization, content-type, mcp-session-id");
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(BROWSER_APP);
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
                .contains("Authorization")
                .contains("Mcp-Session-Id");
    }

    @Test
    void corsWhenPreflightFromLoopbackNotListedThen403AndNoCorsHeaders() throws Exception {
        HttpResponse<String> response = RawHttp.send(
                "OPTIONS", server.mcpUrl(), "Origin", "http://localhost:6274", "Access-Control-Request-Method", "POST");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void corsWhenConfiguredWithWildcardThenBuilderRefuses() {
        assertThatThrownBy(() -> McpAuthorization.builder().corsOrigins(List.of("*")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("explicit");
        assertThatThrownBy(() -> McpAuthorization.builder().allowedOrigins(List.of("https://a.example/path")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sessionWhenAnotherUserPresentsItThen404AsUnknownAndLogged() throws Exception {
        String session = openSession(alice());
        HttpResponse<String> stolen = callInSession(bob(), session, "getCustomer");
        assertThat(stolen.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(stolen.body()).path("error").path("message").asString())
                .isEqualTo("Session not found: " + session);
        assertThat(DECISIONS).anySatisfy(d -> {
            assertThat(d.reason()).isEqualTo(DecisionReason.SESSION_NOT_OWNED);
            assertThat(d.caller().subject()).isEqualTo("bob@example.test");
            assertThat(d.detail()).doesNotContain(session);
        });
        assertThat(DECISIONS).noneMatch(d -> d.reason() == DecisionReason.GRANTED);
        HttpResponse<String> own = callInSession(alice(), session, "getCustomer");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("getCustomer by alice@example.test");
    }

    @Test
    void sessionWhenAnotherUsersThenIndistinguishableFromOneThatDoesNotExist() throws Exception {
        String session = openSession(alice());
        HttpResponse<String> stolen = callInSession(bob(), session, "getCustomer");
        HttpResponse<String> unknown = callInSession(bob(), "no-such-session-" + session.substring(8), "getCustomer");
        assertThat(stolen.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(stolen.body()).path("error").path("code"))
                .isEqualTo(JSON.readTree(unknown.body()).path("error").path("code"));
        assertThat(JSON.readTree(stolen.body())
                        .path("error")
                        .path("message")
                        .asString()
                        .replace(session, "ID"))
                .isEqualTo(JSON.readTree(unknown.body())
                        .path("error")
                        .path("message")
                        .asString()
                        .replace("no-such-session-" + session.substring(8), "ID"));
        assertThat(headersWithoutDate(stolen)).isEqualTo(headersWithoutDate(unknown));
        HttpResponse<String> deleteStolen = RawHttp.send(
                "DELETE",
                server.mcpUrl(),
                "Authorization",
                "Bearer " + bob(),
                "Mcp-Session-Id",
                session,
                "MCP-Protocol-Version",
                "2025-11-25");
        HttpResponse<String> deleteUnknown = RawHttp.send(
                "DELETE",
                server.mcpUrl(),
                "Authorization",
                "Bearer " + bob(),
                "Mcp-Session-Id",
                "no-such-session-" + session.substring(8),
                "MCP-Protocol-Version",
                "2025-11-25");
        assertThat(deleteStolen.statusCode()).isEqualTo(deleteUnknown.statusCode());
        assertThat(deleteStolen.body()).isEqualTo(deleteUnknown.body());
        HttpResponse<String> streamStolen = RawHttp.get(
                server.mcpUrl(),
                "Authorization",
                "Bearer " + bob(),
                "Accept",
                "text/event-stream",
                "Mcp-Session-Id",
                session,
                "MCP-Protocol-Version",
                "2025-11-25");
        HttpResponse<String> streamUnknown = RawHttp.get(
                server.mcpUrl(),
                "Authorization",
                "Bearer " + bob(),
                "Accept",
                "text/event-stream",
                "Mcp-Session-Id",
                "no-such-session-" + session.substring(8),
                "MCP-Protocol-Version",
                "2025-11-25");
        assertThat(streamStolen.statusCode())
                .isEqualTo(streamUnknown.statusCode())
                .isEqualTo(404);
        assertThat(streamStolen.body().replace(session, "ID"))
                .isEqualTo(streamUnknown.body().replace("no-such-session-" + session.substring(8), "ID"));
        assertThat(headersWithoutDate(streamStolen)).isEqualTo(headersWithoutDate(streamUnknown));
        assertThat(headersWithoutDate(deleteStolen)).isEqualTo(headersWithoutDate(deleteUnknown));
    }

    private static java.util.Map<String, java.util.List<String>> headersWithoutDate(HttpResponse<String> response) {
        java.util.Map<String, java.util.List<String>> headers =
                new java.util.TreeMap<>(response.headers().map());
        headers.remove("date");
        headers.remove("content-length"); // the ids differ in length
        return headers;
    }

    @Test
    void sessionWhenAnotherUserDeletesItThen404AndTheOwnerKeepsIt() throws Exception {
        String session = openSession(alice());
        HttpResponse<String> delete = RawHttp.send(
                "DELETE",
                server.mcpUrl(),
                "Authorization",
                "Bearer " + bob(),
                "Mcp-Session-Id",
                session,
                "MCP-Protocol-Version",
                "2025-11-25");
        assertThat(delete.statusCode()).isEqualTo(404);
        assertThat(DECISIONS).anySatisfy(d -> assertThat(d.reason()).isEqualTo(DecisionReason.SESSION_NOT_OWNED));
        assertThat(callInSession(alice(), session, "getCustomer").statusCode()).isEqualTo(200);
    }

    @Test
    void sessionWhenSameUserThroughAnotherClientOrTenantThen404() throws Exception {
        String session = openSession(alice());
        String otherClient = Tokens.fresh(server.auth.resource(), "crm.read")
                .claim("client_id", "other-app")
                .signRsa();
        String otherTenant = Tokens.fresh(server.auth.resource(), "crm.read")
                .claim("tenant_id", "globex")
                .signRsa();
        assertThat(callInSession(otherClient, session, "getCustomer").statusCode())
                .isEqualTo(404);
        assertThat(callInSession(otherTenant, session, "getCustomer").statusCode())
                .isEqualTo(404);
    }

    @Test
    void sessionWhenOwnerUsesAFreshTokenThenStillTheirs() throws Exception {
        String session = openSession(alice());
        String refreshed = Tokens.fresh(server.auth.resource(), "crm.read")
                .claim("jti", "another-token")
                .signRsa();
        assertThat(callInSession(refreshed, session, "getCustomer").statusCode())
                .isEqualTo(200);
    }

    @Test
    void sessionWhenOwnerDeletesItThenGoneForEveryone() throws Exception {
        String session = openSession(alice());
        HttpResponse<String> delete = RawHttp.send(
                "DELETE",
                server.mcpUrl(),
                "Authorization",
                "Bearer " + alice(),
                "Mcp-Session-Id",
                session,
                "MCP-Protocol-Version",
                "2025-11-25");
        assertThat(delete.statusCode()).isLessThan(300);
        assertThat(callInSession(alice(), session, "getCustomer").statusCode()).isEqualTo(404);
        assertThat(callInSession(bob(), session, "getCustomer").statusCode()).isEqualTo(404);
    }
}
