package dev.tokencontract.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.contract.Contracts;
import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import dev.tokencontract.validator.KeySource;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The second line of defence: a guarded tool without the filter in front refuses to run. */
class ToolGuardTest {

    @Test
    void guardedToolWhenFilterMissingThenErrorResultAndNoIdentityLogged() throws Exception {
        List<AuthorizationDecision> decisions = new CopyOnWriteArrayList<>();
        try (SampleServer server = SampleServer.start(
                        Contracts.load("mcp-access-token@1.0.0"),
                        KeySource.jwks(TestKeys.publicJwks()),
                        TestTokens.ISSUER,
                        decisions::add,
                        false,
                        List.of(SampleServer.echo("getCustomer")));
                McpSyncClient client = McpClients.connect(server.baseUrl, null)) {
            client.initialize();
            CallToolResult result = McpClients.call(client, "getCustomer");
            assertThat(result.isError()).isTrue();
            assertThat(McpClients.text(result)).isEqualTo("denied: NO_IDENTITY ");
        }
        assertThat(decisions).singleElement().satisfies(d -> {
            assertThat(d.allowed()).isFalse();
            assertThat(d.reason()).isEqualTo(DecisionReason.NO_IDENTITY);
        });
    }
}
