package dev.tokencontract.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.contract.Contracts;
import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import dev.tokencontract.validator.KeySource;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Malformed Authorization headers and JSON-RPC bodies: a clear refusal, and no tool ever runs. */
class HostileRequestTest {
    private static final List<AuthorizationDecision> DECISIONS = new CopyOnWriteArrayList<>();
    private static SampleServer server;

    @BeforeAll
    static void start() throws Exception {
        server = SampleServer.start(
                Contracts.load("mcp-access-token@1.0.0"),
                KeySource.jwks(TestKeys.publicJwks()),
                TestTokens.ISSUER,
                DECISIONS::add,
                true,
                List.of(SampleServer.echo("getCustomer"), SampleServer.echo("updateAccountStatus")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void clear() {
        DECISIONS.clear();
    }

    private static String valid() {
        return Tokens.fresh(server.auth.resource(), "crm.read").signRsa();
    }

    private static HttpResponse<String> post(String body, String... headers) throws Exception {
        return RawHttp.post(server.mcpUrl(), body, headers);
    }

    private static void assertNoToolGranted() {
        assertThat(DECISIONS).noneMatch(d -> d.reason() == DecisionReason.GRANTED);
    }

    @Test
    void authorizationWhenTwoHeadersThen400InvalidRequest() throws Exception {
        HttpResponse<String> response = post(
                RawHttp.toolCall("getCustomer"),
                "Authorization",
                "Bearer " + valid(),
                "Authorization",
                "Bearer " + valid());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RawHttp.challenge(response)).containsEntry("error", "invalid_request");
        assertThat(DECISIONS)
                .singleElement()
                .satisfies(d -> assertThat(d.reason()).isEqualTo(DecisionReason.MALFORMED_REQUEST));
    }

    @Test
    void authorizationWhenTwoTokensInOneHeaderThen400() throws Exception {
        HttpResponse<String> response =
                post(RawHttp.toolCall("getCustomer"), "Authorization", "Bearer " + valid() + " " + valid());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RawHttp.challenge(response).get("error_description"))
                .isEqualTo("more than one token in the Authorization header");
        assertNoToolGranted();
    }

    @Test
    void authorizationWhenBasicThen401ChallengeWithoutError() throws Exception {
        HttpResponse<String> response =
                post(RawHttp.toolCall("getCustomer"), "Authorization", "Basic YWxpY2U6c2VjcmV0");
        assertThat(response.statusCode()).isEqualTo(401);
        Map<String, String> challenge = RawHttp.challenge(response);
        assertThat(challenge).doesNotContainKey("error").containsKey("resource_metadata");
        assertNoToolGranted();
    }

    @Test
    void authorizationWhenLowercaseBearerThenAcceptedBecauseSchemesAreCaseInsensitive() throws Exception {
        HttpResponse<String> response = post(RawHttp.toolCall("getCustomer"), "Authorization", "bearer " + valid());
        // past the filter: the SDK answers (400, no MCP session yet), not a 401/403 from the filter
        assertThat(response.statusCode()).isNotIn(401, 403);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(DECISIONS).anySatisfy(d -> assertThat(d.reason()).isEqualTo(DecisionReason.GRANTED));
    }

    @Test
    void sdkTransportErrorWhenNoSessionThenJsonRpcErrorWithoutJavaInternals() throws Exception {
        // SDK 2.1.0 serializes its McpError exception as a bean: message, cause and a full stack trace
        HttpResponse<String> response = post(RawHttp.toolCall("getCustomer"), "Authorization", "Bearer " + valid());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .doesNotContain("stackTrace")
                .doesNotContain("io.modelcontextprotocol")
                .doesNotContain("className");
        assertThat(response.body())
                .startsWith("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32601,")
                .contains("Session ID required");
        HttpResponse<String> unknownSession = post(
                RawHttp.toolCall("getCustomer"),
                "Authorization",
                "Bearer " + valid(),
                "Mcp-Session-Id",
                "no-such-session");
        assertThat(unknownSession.statusCode()).isEqualTo(404);
        assertThat(unknownSession.body()).doesNotContain("stackTrace").contains("\"error\":{\"code\":");
    }

    @Test
    void authorizationWhenLowercaseBearerWithReadOnlyTokenCallsWriteToolThenStill403() throws Exception {
        assertThat(post(RawHttp.toolCall("updateAccountStatus"), "Authorization", "bearer " + valid())
                        .statusCode())
                .isEqualTo(403);
        assertNoToolGranted();
    }

    @Test
    void authorizationWhenHugeTokenThenRefusedWithoutRunningAnything() throws Exception {
        String header = "Bearer " + "a".repeat(6_000) + "." + "b".repeat(1_000) + "." + "c".repeat(100);
        HttpResponse<String> response = post(RawHttp.toolCall("getCustomer"), "Authorization", header);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(RawHttp.challenge(response)).containsEntry("error", "invalid_token");
        String enormous = "Bearer " + "a".repeat(200_000);
        // Jetty refuses headers this large before any filter runs (431); either way nothing is granted
        assertThat(post(RawHttp.toolCall("getCustomer"), "Authorization", enormous)
                        .statusCode())
                .isIn(400, 401, 431);
        assertNoToolGranted();
    }

    @Test
    void authorizationWhenTokenHasForbiddenCharactersThen400() throws Exception {
        assertThat(post("{}", "Authorization", "Bearer abc\"def").statusCode()).isEqualTo(400);
        assertThat(post("{}", "Authorization", "Bearer ").statusCode()).isIn(400, 401);
        assertNoToolGranted();
    }

    @Test
    void authorizationWhenNotAJwtThen401InvalidToken() throws Exception {
        HttpResponse<String> response = post("{}", "Authorization", "Bearer 2YotnFZFEjr1zCsicMWpAA");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(RawHttp.challenge(response).get("error_description")).contains("TOKEN_OPAQUE");
        assertThat(response.body()).doesNotContain("2YotnFZFEjr1zCsicMWpAA");
    }

    @Test
    void tokenWhenInQueryStringThen400EvenWithValidHeader() throws Exception {
        HttpResponse<String> response = RawHttp.post(
                server.mcpUrl() + "?access_token=" + valid(),
                RawHttp.toolCall("getCustomer"),
                "Authorization",
                "Bearer " + valid());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(DECISIONS)
                .singleElement()
                .satisfies(d -> assertThat(d.reason()).isEqualTo(DecisionReason.TOKEN_IN_QUERY));
    }

    @Test
    void bodyWhenNotJsonThen400ParseError() throws Exception {
        HttpResponse<String> response = post("{\"jsonrpc\":\"2.0\",\"method\":", "Authorization", "Bearer " + valid());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":-32700");
        assertThat(DECISIONS)
                .singleElement()
                .satisfies(d -> assertThat(d.reason()).isEqualTo(DecisionReason.MALFORMED_BODY));
    }

    @Test
    void bodyWhenDuplicateMethodMembersThen400SoFilterAndSdkCannotDisagree() throws Exception {
        String body = """
                {"jsonrpc":"2.0","id":1,"method":"tools/list","method":"tools/call","params":{"name":"updateAccountStatus"}}""";
        assertThat(post(body, "Authorization", "Bearer " + valid()).statusCode())
                .isEqualTo(400);
        assertNoToolGranted();
    }

    @Test
    void bodyWhenToolsCallWithoutStringNameThen400InvalidRequest() throws Exception {
        for (String params : List.of("{}", "{\"name\":42}", "{\"name\":[\"updateAccountStatus\"]}", "null")) {
            String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":" + params + "}";
            HttpResponse<String> response = post(body, "Authorization", "Bearer " + valid());
            assertThat(response.statusCode()).as(params).isEqualTo(400);
            assertThat(response.body()).contains("-32600");
        }
        assertNoToolGranted();
    }

    @Test
    void bodyWhenBatchHidesAWriteBehindAReadThen403() throws Exception {
        String body = "[" + RawHttp.toolCall("getCustomer") + "," + RawHttp.toolCall("updateAccountStatus") + "]";
        HttpResponse<String> response = post(body, "Authorization", "Bearer " + valid());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(RawHttp.challenge(response)).containsEntry("scope", "crm.read crm.write");
    }

    @Test
    void bodyWhenDeeplyNestedThen400() throws Exception {
        String body = "[".repeat(5_000) + "]".repeat(5_000);
        assertThat(post(body, "Authorization", "Bearer " + valid()).statusCode())
                .isEqualTo(400);
    }

    @Test
    void bodyWhenLargerThanLimitThen413() throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\""
                + "x".repeat(McpAuthorization.DEFAULT_MAX_BODY_BYTES) + "\"}}";
        assertThat(post(body, "Authorization", "Bearer " + valid()).statusCode())
                .isEqualTo(413);
    }

    @Test
    void bodyWhenMethodIsNotAStringOrMessageNotAnObjectThen400() throws Exception {
        assertThat(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":{\"x\":1}}", "Authorization", "Bearer " + valid())
                        .statusCode())
                .isEqualTo(400);
        assertThat(post("[1,2]", "Authorization", "Bearer " + valid()).statusCode())
                .isEqualTo(400);
        assertThat(post("[]", "Authorization", "Bearer " + valid()).statusCode())
                .isEqualTo(400);
        assertNoToolGranted();
    }
}
