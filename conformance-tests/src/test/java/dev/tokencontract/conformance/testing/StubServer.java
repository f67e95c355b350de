package dev.tokencontract.conformance.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A real HTTP server on a free loopback port running one handler; the stubs' shared plumbing. */
public final class StubServer implements AutoCloseable {

    /** What a stub answers. */
    public record Answer(int status, Map<String, String> headers, String body) {}

    /** A request handler; answers from the request's Authorization header and body. */
    @FunctionalInterface
    public interface Handler {
        Answer handle(String authorization, String body) throws Exception;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    private StubServer(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> serve(exchange, handler));
        server.setExecutor(executor);
        server.start();
    }

    public static StubServer start(Handler handler) {
        try {
            return new StubServer(handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static void serve(HttpExchange exchange, Handler handler) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readNBytes(1024 * 1024), StandardCharsets.UTF_8);
            Answer answer;
            try {
                answer = handler.handle(exchange.getRequestHeaders().getFirst("Authorization"), body);
            } catch (Exception e) {
                answer = new Answer(500, Map.of(), "stub failed: " + e);
            }
            answer.headers().forEach(exchange.getResponseHeaders()::set);
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
