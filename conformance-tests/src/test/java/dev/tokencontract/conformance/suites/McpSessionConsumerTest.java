package dev.tokencontract.conformance.suites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokencontract.conformance.Kit;
import dev.tokencontract.conformance.testing.StatefulStubMcpServer;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * The consumer suite against a stateful MCP server (Streamable HTTP sessions, as the MCP Java SDK's servlet
 * transport is): a bare {@code tools/list} gets 400 whatever the token, so {@link TokenConsumer#mcpSession}
 * opens a session with {@code initialize} per token and closes it again with {@code DELETE}.
 */
class McpSessionConsumerTest {
    private static final SuiteSettings SETTINGS = SuiteSettings.of(15, 20261127L);

    private static SuiteResult run(TokenConsumer consumer) {
        return ConsumerSuite.builder()
                .contract(Kit.MCP)
                .keys(Kit.KEYS)
                .strangerKeys(Kit.STRANGER)
                .clock(Kit.CLOCK)
                .issuer(Kit.ISSUER)
                .audience(Kit.AUDIENCE)
                .consumer(consumer)
                .build()
                .run(SETTINGS);
    }

    @Test
    void plainHttpWhenServerNeedsASessionThenValidTokensGet400AndTheSuiteCannotTellAcceptance() throws Exception {
        try (StatefulStubMcpServer mcp = new StatefulStubMcpServer(null)) {
            SuiteResult result = run(TokenConsumer.http(mcp.uri()));

            PropertyReport accepts = result.property(ConsumerSuite.ACCEPTS_VALID);
            assertThat(accepts.status()).isEqualTo(PropertyReport.Status.FAILED);
            assertThat(accepts.reason()).contains("HTTP 400");
        }
    }

    @Test
    void mcpSessionWhenServerNeedsASessionThenPassesAndClosesEverySessionItOpened() throws Exception {
        try (StatefulStubMcpServer mcp = new StatefulStubMcpServer(null)) {
            SuiteResult result = run(TokenConsumer.mcpSession(mcp.uri()));

            assertThat(result.passed()).as(result.report()).isTrue();
            assertThat(result.property(ConsumerSuite.ACCEPTS_VALID).coverage()).isNotEmpty();
            assertThat(mcp.opened()).isGreaterThanOrEqualTo(SETTINGS.tries());
            assertThat(mcp.closed()).isEqualTo(mcp.opened());
            assertThat(mcp.open()).isEmpty();
            assertThat(result.property("consumer rejects expired").coverage()).contains("rejected HTTP 401");
        }
    }

    @Test
    void mcpSessionWhenServerSendsAHostileSessionIdThenItIsNotEchoedAndTheTokenStillCountsAsAccepted()
            throws Exception {
        try (StatefulStubMcpServer mcp = new StatefulStubMcpServer("x".repeat(300))) {
            Decision decision = TokenConsumer.mcpSession(mcp.uri())
                    .decide(Kit.minter(Kit.MCP).mint(Kit.claims()));

            assertThat(decision.accepted()).as(decision.detail()).isTrue();
            assertThat(mcp.closed()).isZero();
            assertThat(mcp.open()).containsExactly("x".repeat(300));
        }
    }

    @Test
    void mcpSessionWhenNotAnHttpUrlThenRefused() {
        assertThatThrownBy(() -> TokenConsumer.mcpSession(URI.create("file:///etc/passwd")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TokenConsumer.mcpSession(URI.create("ftp://mcp.example.test/mcp")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
