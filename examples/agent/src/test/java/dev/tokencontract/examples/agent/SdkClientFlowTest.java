package dev.tokencontract.examples.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.examples.crm.testing.NodeClients;
import dev.tokencontract.mcp.DecisionReason;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The official MCP TypeScript SDK client (examples/clients/sdk-client.mjs, a real node process) through the full
 * OAuth flow against the real login and CRM on free ports: discovery from the 401, registration as real clients
 * register, code + PKCE with the resource indicator, tool calls, refresh.
 */
class SdkClientFlowTest {
    private static Trio trio;

    @BeforeAll
    static void start() throws Exception {
        NodeClients.node(); // skips (locally) or fails (CI) before any server starts
        trio = Trio.start();
    }

    @AfterAll
    static void stop() {
        if (trio != null) {
            trio.close();
        }
    }

    private static NodeClients.Outcome run(String scenario, String user) throws Exception {
        NodeClients.Outcome outcome = NodeClients.script(
                Map.of("SDK_USER", user, "SDK_PASSWORD", user + "-demo"),
                90,
                "sdk-client.mjs",
                trio.resource(),
                scenario);
        System.out.println("sdk-client " + scenario + " as " + user + ":\n" + outcome.out() + outcome.err());
        assertThat(outcome.exitCode()).as(outcome.out() + outcome.err()).isZero();
        return outcome;
    }

    private static JsonNode call(NodeClients.Outcome outcome, int index) {
        return outcome.events("call").get(index);
    }

    private static JsonNode done(NodeClients.Outcome outcome) {
        return outcome.events("done").get(0);
    }

    @Test
    void sdkClientWhenFullScopeUserThenSignsInOnceAndEveryDenialIsAnswerNotASignIn() throws Exception {
        int writes = trio.crm().crm().writes().size();
        NodeClients.Outcome outcome = run("full", "alice");
        JsonNode authorize = outcome.events("authorize").get(0);
        assertThat(authorize.path("scope").asString())
                .as("from the 401's scope")
                .isEqualTo("crm.read crm.write");
        assertThat(authorize.path("resource").asString()).as("RFC 8707").isEqualTo(trio.resource());
        assertThat(authorize.path("code_challenge_method").asString()).isEqualTo("S256");
        assertThat(outcome.events("registered")
                        .get(0)
                        .path("token_endpoint_auth_method")
                        .asString())
                .isEqualTo("client_secret_post");
        assertThat(outcome.events("tokens").get(0).path("scope").asString()).isEqualTo("crm.read crm.write");
        assertThat(call(outcome, 0).path("outcome").asString()).isEqualTo("ok");
        assertThat(call(outcome, 1).path("text").asString()).isEqualTo("c-100 status=active (recorded for alice)");
        assertThat(call(outcome, 2).path("outcome").asString()).isEqualTo("tool_error");
        assertThat(call(outcome, 2).path("text").asString()).startsWith("denied: lookupEmployee needs role hr");
        assertThat(call(outcome, 3).path("text").asString()).startsWith("denied: toggleFeature needs role admin");
        assertThat(call(outcome, 4).path("code").asInt()).isEqualTo(-32602);
        assertThat(call(outcome, 4).path("message").asString()).contains("Unknown tool: deleteEverything");
        assertThat(done(outcome).path("sign_ins").asInt())
                .as("role and unknown-tool denials start no sign-in")
                .isEqualTo(1);
        assertThat(trio.crm()
                        .crm()
                        .writes()
                        .subList(writes, trio.crm().crm().writes().size()))
                .singleElement()
                .satisfies(w -> assertThat(w.by()).isEqualTo("alice"));
    }

    @Test
    void sdkClientWhenReadOnlyUserThenGetsTheSubsetReadsWorkAndTheDeniedWriteStartsNoSecondSignIn() throws Exception {
        int writes = trio.crm().crm().writes().size();
        NodeClients.Outcome outcome = run("readonly", "bob");
        assertThat(outcome.events("registered")
                        .get(0)
                        .path("token_endpoint_auth_method")
                        .asString())
                .as("RFC 7591 default when omitted")
                .isEqualTo("client_secret_basic");
        assertThat(outcome.events("authorize").get(0).path("scope").asString()).isEqualTo("crm.read crm.write");
        assertThat(outcome.events("tokens").get(0).path("scope").asString())
                .as("the granted subset")
                .isEqualTo("crm.read");
        assertThat(call(outcome, 0).path("outcome").asString()).isEqualTo("ok");
        assertThat(call(outcome, 1).path("outcome").asString()).isEqualTo("error");
        assertThat(call(outcome, 1).path("code").asInt()).isEqualTo(403);
        assertThat(call(outcome, 2).path("outcome").asString())
                .as("reads still work after the denial")
                .isEqualTo("ok");
        assertThat(done(outcome).path("sign_ins").asInt())
                .as("the step-up was a refresh, not a second sign-in")
                .isEqualTo(1);
        assertThat(trio.crm().crm().writes().size()).isEqualTo(writes);
        assertThat(trio.decisions).anySatisfy(d -> {
            assertThat(d.reason()).isEqualTo(DecisionReason.INSUFFICIENT_SCOPE);
            assertThat(d.caller().subject()).isEqualTo("bob");
        });
    }

    @Test
    void sdkClientWhenRegisteredAsMcpInspectorThenRefreshTokenRotatesWithoutSignIn() throws Exception {
        NodeClients.Outcome outcome = run("inspector", "alice");
        JsonNode registered = outcome.events("registered").get(0);
        assertThat(registered.path("token_endpoint_auth_method").asString()).isEqualTo("none");
        assertThat(registered.path("grant_types").toString()).isEqualTo("[\"authorization_code\",\"refresh_token\"]");
        assertThat(registered.path("has_secret").asBoolean()).isFalse();
        assertThat(outcome.events("tokens"))
                .hasSize(2)
                .allSatisfy(
                        t -> assertThat(t.path("has_refresh_token").asBoolean()).isTrue());
        List<JsonNode> calls = outcome.events("call");
        assertThat(calls)
                .hasSize(2)
                .allSatisfy(c -> assertThat(c.path("outcome").asString()).isEqualTo("ok"));
        assertThat(done(outcome).path("sign_ins").asInt()).isEqualTo(1);
        assertThat(done(outcome).path("refresh_rotated").asBoolean()).isTrue();
    }
}
