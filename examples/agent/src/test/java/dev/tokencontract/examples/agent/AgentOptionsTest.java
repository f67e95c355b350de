package dev.tokencontract.examples.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Usage errors are found before the agent goes to the network (exit 2, not a connection failure). */
class AgentOptionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"{bad", "[1,2]", "\"text\"", "42", "null", "{\"a\":1} trailing", ""})
    void argsWhenNotOneJsonObjectThenUsageErrorBeforeConnecting(String json) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Agent.run(
                new String[] {
                    "--legacy-password-grant",
                    "--user",
                    "alice",
                    "--mcp",
                    "http://127.0.0.1:" + closedPort + "/mcp",
                    "--call",
                    "getCustomer",
                    "--args",
                    json
                },
                Map.of("AGENT_PASSWORD", "alice-demo"),
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("agent: --args must be one JSON object")
                .doesNotContain("cannot reach");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"customerId\":\"c-101\",\"status\":\"closed\"}"})
    void argsWhenJsonObjectThenAccepted(String json) {
        AgentOptions options = AgentOptions.parse(
                new String[] {
                    "--legacy-password-grant", "--user", "alice", "--call", "updateAccountStatus", "--args", json
                },
                Map.of("AGENT_PASSWORD", "alice-demo"));
        assertThat(options.args()).isEqualTo(json);
    }

    @org.junit.jupiter.api.Test
    void optionsWhenUserWithoutLegacyFlagOrHubWithoutItThenUsageErrors() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> AgentOptions.parse(new String[] {"--user", "alice"}, Map.of("AGENT_PASSWORD", "x")))
                .hasMessageContaining("--legacy-password-grant");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AgentOptions.parse(new String[] {"--hub"}, Map.of()))
                .hasMessageContaining("--legacy-password-grant");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> AgentOptions.parse(new String[] {"--client-secret", "s"}, Map.of()))
                .hasMessageContaining("never taken from arguments");
        AgentOptions interactive = AgentOptions.parse(new String[] {}, Map.of());
        assertThat(interactive.legacyPasswordGrant()).isFalse();
        assertThat(interactive.browser()).isEqualTo("print");
    }
}
