package dev.tokencontract.examples.springcrm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.examples.crm.Crm;
import dev.tokencontract.examples.crm.testing.NodeClients;
import dev.tokencontract.examples.login.LegacyLogin;
import dev.tokencontract.examples.login.LoginConfig;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The official MCP TypeScript SDK client ({@code examples/clients/sdk-client.mjs}, a real node process, issue 12's
 * harness) through the full OAuth flow against the real login and the Spring CRM, with the same scenarios and the
 * same expectations as {@code examples/agent}'s {@code SdkClientFlowTest} against the servlet CRM.
 */
class SpringSdkClientFlowTest {
    private static LegacyLogin login;
    private static RunningCrm crm;

    @BeforeAll
    static void start() {
        NodeClients.node(); // skips (locally) or fails (CI) before any server starts
        login = LegacyLogin.start(LoginConfig.defaults().withPort(0), Clock.systemUTC());
        crm = RunningCrm.start(Map.of(
                "tokencontract.issuer-uri", login.issuer(), "tokencontract.jwks-uri", login.issuer() + "/jwks.json"));
        login.useCrmResource(crm.resource());
    }

    @AfterAll
    static void stop() {
        if (crm != null) {
            crm.close();
        }
        if (login != null) {
            login.close();
        }
    }

    private static NodeClients.Outcome run(String scenario, String user) throws Exception {
        NodeClients.Outcome outcome = NodeClients.script(
                Map.of("SDK_USER", user, "SDK_PASSWORD", user + "-demo"),
                90,
                "sdk-client.mjs",
                crm.resource(),
                scenario);
        System.out.println("sdk-client " + scenario + " as " + user + " against the Spring CRM:\n" + outcome.out()
                + outcome.err());
        assertThat(outcome.exitCode()).as(outcome.out() + outcome.err()).isZero();
        return outcome;
    }

    @Test
    void sdkClientWhenFullScopeUserThenSignsInOnceAndEveryDenialIsAnAnswerNotASignIn() throws Exception {
        List<Crm.Write> before = crm.crm().writes();
        NodeClients.Outcome outcome = run("full", "alice");

        JsonNode authorize = outcome.events("authorize").get(0);
        assertThat(authorize.path("scope").asString())
                .as("from the 401's scope")
                .isEqualTo("crm.read crm.write");
        assertThat(authorize.path("resource").asString()).as("RFC 8707").isEqualTo(crm.resource());
        List<JsonNode> calls = outcome.events("call");
        assertThat(calls.get(0).path("outcome").asString()).isEqualTo("ok");
        assertThat(calls.get(1).path("text").asString()).isEqualTo("c-100 status=active (recorded for alice)");
        assertThat(calls.get(2).path("outcome").asString()).isEqualTo("tool_error");
        assertThat(calls.get(2).path("text").asString()).startsWith("denied: lookupEmployee needs role hr");
        assertThat(calls.get(3).path("text").asString()).startsWith("denied: toggleFeature needs role admin");
        assertThat(calls.get(4).path("code").asInt()).isEqualTo(-32602);
        assertThat(calls.get(4).path("message").asString()).contains("Unknown tool: deleteEverything");
        assertThat(outcome.events("done").get(0).path("sign_ins").asInt())
                .as("role and unknown-tool denials start no sign-in")
                .isEqualTo(1);
        assertThat(crm.crm().writes().subList(before.size(), crm.crm().writes().size()))
                .singleElement()
                .satisfies(w -> assertThat(w.by()).isEqualTo("alice"));
    }

    @Test
    void sdkClientWhenReadOnlyUserThenReadsWorkAndTheDeniedWriteStartsNoSecondSignIn() throws Exception {
        int writes = crm.crm().writes().size();
        NodeClients.Outcome outcome = run("readonly", "bob");

        assertThat(outcome.events("tokens").get(0).path("scope").asString())
                .as("the granted subset")
                .isEqualTo("crm.read");
        List<JsonNode> calls = outcome.events("call");
        assertThat(calls.get(0).path("outcome").asString()).isEqualTo("ok");
        assertThat(calls.get(1).path("outcome").asString()).isEqualTo("error");
        assertThat(calls.get(1).path("code").asInt()).isEqualTo(403);
        assertThat(calls.get(2).path("outcome").asString())
                .as("reads still work after the denial")
                .isEqualTo("ok");
        assertThat(outcome.events("done").get(0).path("sign_ins").asInt()).isEqualTo(1);
        assertThat(crm.crm().writes().size()).isEqualTo(writes);
    }
}
