package dev.tokencontract.conformance.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Stands in for the downstream MCP server an agent or hub calls: a real HTTP server on loopback that
 * records the {@code Authorization} header of every request and answers {@code 200} with an empty JSON
 * object. The carrier suite reads what was presented. Close it to stop it. Thread-safe.
 */
public final class RecordingEndpoint implements AutoCloseable {
    /** At most this many requests are kept; later ones are counted but not stored. */
    public static final int MAX_RECORDED = 10_000;
    /** Request bodies are read and dropped up to this size; the connection is closed after. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final byte[] ANSWER = "{}".getBytes(StandardCharsets.UTF_8);

    /** One request as received: method, path and the Authorization header lines (usually one). */
    public record Received(String method, String path, List<String> authorization) {
        public Received {
            authorization = List.copyOf(authorization);
        }

        /** The bearer token when exactly one {@code Authorization: Bearer ...} line came, else null. */
        public String bearerToken() {
            if (authorization.size() != 1) {
                return null;
            }
            String value = authorization.get(0);
            return value.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? value.substring(7).strip()
                    : null;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Received> received = new ArrayList<>();
    private int dropped;

    private RecordingEndpoint(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Listens on a free loopback port. */
    public static RecordingEndpoint start() {
        return start(0);
    }

    /** Listens on loopback {@code port} (0 for a free one). */
    public static RecordingEndpoint start(int port) {
        try {
            return new RecordingEndpoint(port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234/mcp}. */
    public URI uri() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + "/mcp");
    }

    /** Every request recorded so far, oldest first. */
    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** Forgets what was recorded (between tries of a property). */
    public synchronized void clear() {
        received.clear();
        dropped = 0;
    }

    /** Requests that arrived after {@link #MAX_RECORDED} and were not stored. */
    public synchronized int dropped() {
        return dropped;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            List<String> authorization = exchange.getRequestHeaders().get("Authorization");
            record(new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    authorization == null ? List.of() : authorization));
            drain(exchange.getRequestBody());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ANSWER.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(ANSWER);
            }
        }
    }

    private synchronized void record(Received request) {
        if (received.size() >= MAX_RECORDED) {
            dropped++;
        } else {
            received.add(request);
        }
    }

    private static void drain(InputStream body) throws IOException {
        byte[] buffer = new byte[8192];
        int total = 0;
        int n;
        while (total < MAX_BODY_BYTES && (n = body.read(buffer)) > 0) {
            total += n;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
