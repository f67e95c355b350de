package dev.tokencontract.conformance.suites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tokencontract.conformance.Kit;
import dev.tokencontract.conformance.testing.StubMcpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The consumer suite against a stateful MCP server (Streamable HTTP sessions, as the MCP Java SDK's servlet
 * transport is): a bare {@code tools/list} gets 400 whatever the token, so {@link TokenConsumer#mcpSession}
 * opens a session with {@code initialize} per token and closes it again with {@code DELETE}.
 */
class McpSessionConsumerTest {
    private static final SuiteSettings SETTINGS = SuiteSettings.of(15, 20261127L);

    /** A real HTTP server: bearer check first (401 with a challenge), then MCP sessions. */
    private static final class StatefulMcpServer implements AutoCloseable {
        final Set<String> open = ConcurrentHashMap.newKeySet();
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        private final HttpServer server;
        private final ExecutorService executor = Executors.newFixedThreadPool(2);
        private final StubMcpServer check = new StubMcpServer(Kit.MCP, Kit.KEYS.publicKeySource(), Kit.ISSUER, Kit.AUDIENCE, Kit.CLOCK,
                StubMcpServer.Drift.NONE);
        private final String sessionIdOverride;

        StatefulMcpServer(String sessionIdOverride) throws IOException {
            this.sessionIdOverride = sessionIdOverride;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/mcp", this::serve);
            server.setExecutor(executor);
            server.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mcp");
        }

        private void serve(HttpExchange exchange) throws IOException {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readNBytes(64 * 1024), StandardCharsets.UTF_8);
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
                if (!check.accepts(token)) {
                    exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer resource_metadata=\"https://mcp.example.test/.well-known/"
                            + "oauth-protected-resource\", error=\"invalid_token\"");
                    exchange.sendResponseHeaders(401, -1);
                    return;
                }
                String session = exchange.getRequestHeaders().getFirst("Mcp-Session-Id");
                if (exchange.getRequestMethod().equals("DELETE")) {
                    boolean known = session != null && open.remove(session);
                    if (known) {
                        closed.incrementAndGet();
                    }
                    exchange.sendResponseHeaders(known ? 200 : 404, -1);
                } else if (body.contains("\"method\":\"initialize\"") && session == null) {
                    String id = sessionIdOverride != null ? sessionIdOverride : "session-" + opened.incrementAndGet();
                    open.add(id);
                    exchange.getResponseHeaders().set("Mcp-Session-Id", id);
                    byte[] answer = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"protocolVersion\":\"2025-11-25\"}}".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, answer.length);
                    exchange.getResponseBody().write(answer);
                } else {
                    exchange.sendResponseHeaders(session != null && open.contains(session) ? 200 : 400, -1);
                }
            }
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private static SuiteResult run(TokenConsumer consumer) {
        return ConsumerSuite.builder().contract(Kit.MCP).keys(Kit.KEYS).strangerKeys(Kit.STRANGER).clock(Kit.CLOCK)
                .issuer(Kit.ISSUER).audience(Kit.AUDIENCE).consumer(consumer).build().run(SETTINGS);
    }

    @Test
    void plainHttpWhenServerNeedsASessionThenValidTokensGet400AndTheSuiteCannotTellAcceptance() throws Exception {
        try (StatefulMcpServer mcp = new StatefulMcpServer(null)) {
            SuiteResult result = run(TokenConsumer.http(mcp.uri()));

            PropertyReport accepts = result.property(ConsumerSuite.ACCEPTS_VALID);
            assertThat(accepts.status()).isEqualTo(PropertyReport.Status.FAILED);
            assertThat(accepts.reason()).contains("HTTP 400");
        }
    }

    @Test
    void mcpSessionWhenServerNeedsASessionThenPassesAndClosesEverySessionItOpened() throws Exception {
        try (StatefulMcpServer mcp = new StatefulMcpServer(null)) {
            SuiteResult result = run(TokenConsumer.mcpSession(mcp.uri()));

            assertThat(result.passed()).as(result.report()).isTrue();
            assertThat(result.property(ConsumerSuite.ACCEPTS_VALID).coverage()).isNotEmpty();
            assertThat(mcp.opened.get()).isGreaterThanOrEqualTo(SETTINGS.tries());
            assertThat(mcp.closed.get()).isEqualTo(mcp.opened.get());
            assertThat(mcp.open).isEmpty();
            assertThat(result.property("consumer rejects expired").coverage()).contains("rejected HTTP 401");
        }
    }

    @Test
    void mcpSessionWhenServerSendsAHostileSessionIdThenItIsNotEchoedAndTheTokenStillCountsAsAccepted() throws Exception {
        try (StatefulMcpServer mcp = new StatefulMcpServer("x".repeat(300))) {
            Decision decision = TokenConsumer.mcpSession(mcp.uri()).decide(Kit.minter(Kit.MCP).mint(Kit.claims()));

            assertThat(decision.accepted()).as(decision.detail()).isTrue();
            assertThat(mcp.closed.get()).isZero();
            assertThat(mcp.open).containsExactly("x".repeat(300));
        }
    }

    @Test
    void mcpSessionWhenNotAnHttpUrlThenRefused() {
        assertThatThrownBy(() -> TokenConsumer.mcpSession(URI.create("file:///etc/passwd"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TokenConsumer.mcpSession(URI.create("ftp://mcp.example.test/mcp"))).isInstanceOf(IllegalArgumentException.class);
    }
}
