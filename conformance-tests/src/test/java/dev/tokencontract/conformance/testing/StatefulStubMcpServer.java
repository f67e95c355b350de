package dev.tokencontract.conformance.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tokencontract.conformance.Kit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stateful MCP server on a real loopback port at {@code /mcp}, as the MCP Java SDK's servlet transport
 * behaves: the bearer check first (401 with a challenge), then sessions: {@code initialize} opens one
 * ({@code Mcp-Session-Id}), any other request outside a known session gets 400, {@code DELETE} closes it.
 */
public final class StatefulStubMcpServer implements AutoCloseable {
    private final Set<String> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final StubMcpServer check;
    private final String sessionIdOverride;

    /** Judges tokens by {@link Kit#CLOCK}. */
    public StatefulStubMcpServer(String sessionIdOverride) {
        this(sessionIdOverride, Kit.CLOCK);
    }

    /** {@code sessionIdOverride}: the id every session gets (null: {@code session-N}); tokens judged by {@code clock}. */
    public StatefulStubMcpServer(String sessionIdOverride, java.time.Clock clock) {
        this.sessionIdOverride = sessionIdOverride;
        this.check = new StubMcpServer(
                Kit.MCP, Kit.KEYS.publicKeySource(), Kit.ISSUER, Kit.AUDIENCE, clock, StubMcpServer.Drift.NONE);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/mcp", this::serve);
        server.setExecutor(executor);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mcp");
    }

    /** Sessions opened so far. */
    public int opened() {
        return opened.get();
    }

    /** Sessions closed by {@code DELETE} so far. */
    public int closed() {
        return closed.get();
    }

    /** Sessions still open. */
    public Set<String> open() {
        return Set.copyOf(open);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readNBytes(64 * 1024), StandardCharsets.UTF_8);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String token =
                    authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
            if (!check.accepts(token)) {
                exchange.getResponseHeaders()
                        .set(
                                "WWW-Authenticate",
                                "Bearer resource_metadata=\"https://mcp.example.test/.well-known/"
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
                int number = opened.incrementAndGet();
                String id = sessionIdOverride != null ? sessionIdOverride : "session-" + number;
                open.add(id);
                exchange.getResponseHeaders().set("Mcp-Session-Id", id);
                byte[] answer = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"protocolVersion\":\"2025-11-25\"}}"
                        .getBytes(StandardCharsets.UTF_8);
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
