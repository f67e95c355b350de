package dev.tokencontract.conformance.tokens;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tiny HTTP server on loopback that serves a run's public JWK set at {@code /jwks.json} (and
 * {@code /.well-known/jwks.json}), so a consumer under test can trust the kit's keys by URL. Close it to stop it.
 */
public final class JwksEndpoint implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final byte[] body;

    private JwksEndpoint(String publicJwks, int port) throws IOException {
        this.body = publicJwks.getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Serves {@code keys.publicJwks()} on a free loopback port. */
    public static JwksEndpoint start(SigningKeys keys) {
        return start(keys, 0);
    }

    /** Serves {@code keys.publicJwks()} on loopback {@code port} (0 for a free one). */
    public static JwksEndpoint start(SigningKeys keys, int port) {
        try {
            return new JwksEndpoint(keys.publicJwks(), port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the JWKS on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** The JWKS URL, e.g. {@code http://127.0.0.1:41234/jwks.json}. */
    public URI uri() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + "/jwks.json");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            boolean known = path.equals("/jwks.json") || path.equals("/.well-known/jwks.json");
            if (!known || !exchange.getRequestMethod().equals("GET")) {
                exchange.sendResponseHeaders(known ? 405 : 404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
