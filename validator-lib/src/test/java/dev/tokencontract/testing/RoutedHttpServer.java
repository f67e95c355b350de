package dev.tokencontract.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on a free loopback port that answers per path: documents, redirects, 401 challenges,
 * HTML, stalls. Unknown paths get 404. It records the paths asked for, in order, so tests can assert the
 * discovery order. Close it (try-with-resources) to stop it; stalled answers end when it closes.
 */
public final class RoutedHttpServer implements AutoCloseable {
    private static final long STALL_SECONDS = 10;

    private record Route(int status, String contentType, byte[] body, Map<String, String> headers, boolean stall) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final CountDownLatch stopping = new CountDownLatch(1);

    private RoutedHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static RoutedHttpServer start() {
        try {
            return new RoutedHttpServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:PORT} followed by {@code path}. */
    public String url(String path) {
        return "http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort() + path;
    }

    public RoutedHttpServer json(String path, String body) {
        return answer(path, 200, "application/json", body, Map.of());
    }

    public RoutedHttpServer answer(
            String path, int status, String contentType, String body, Map<String, String> headers) {
        routes.put(
                path,
                new Route(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.copyOf(headers), false));
        return this;
    }

    public RoutedHttpServer redirect(String path, String location) {
        return answer(path, 302, "text/plain", "", Map.of("Location", location));
    }

    /** Sends headers, half the body, then waits until the server closes. */
    public RoutedHttpServer stall(String path, String body) {
        routes.put(path, new Route(200, "application/json", body.getBytes(StandardCharsets.UTF_8), Map.of(), true));
        return this;
    }

    /** The paths requested so far, in order. */
    public List<String> requested() {
        return List.copyOf(requested);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        requested.add(path);
        Route route = routes.getOrDefault(
                path, new Route(404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8), Map.of(), false));
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", route.contentType());
            route.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(
                    route.status(), route.stall() ? 0 : route.body().length == 0 ? -1 : route.body().length);
            if (route.body().length == 0) {
                return;
            }
            OutputStream out = exchange.getResponseBody();
            if (route.stall()) {
                out.write(route.body(), 0, route.body().length / 2);
                out.flush();
                stopping.await(STALL_SECONDS, TimeUnit.SECONDS);
                out.write(route.body(), route.body().length / 2, route.body().length - route.body().length / 2);
            } else {
                out.write(route.body());
            }
        } catch (IOException e) {
            // the client gave up (timeout or size cap): nothing to do
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopping.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
