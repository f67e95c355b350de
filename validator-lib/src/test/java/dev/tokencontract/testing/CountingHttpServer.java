package dev.tokencontract.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on a free loopback port that counts every request and answers what the test says,
 * including slowly. The one helper for tests that need a server; close it (try-with-resources) to stop it.
 */
public final class CountingHttpServer implements AutoCloseable {
    /** Upper bound for a "slow" answer, so a test that fails never hangs the build. */
    private static final long STALL_SECONDS = 10;

    /** How the server answers. */
    public enum Pace {
        PROMPT,
        STALL_BEFORE_HEADERS,
        STALL_INSIDE_BODY
    }

    private record Answer(int status, byte[] body, Pace pace) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile Answer answer = new Answer(404, new byte[0], Pace.PROMPT);

    private CountingHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static CountingHttpServer start() {
        try {
            return new CountingHttpServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers every request with this status and body from now on. */
    public CountingHttpServer respond(int status, String body) {
        return respond(status, body, Pace.PROMPT);
    }

    public CountingHttpServer respond(int status, String body, Pace pace) {
        answer = new Answer(status, body.getBytes(StandardCharsets.UTF_8), pace);
        return this;
    }

    public URI uri(String path) {
        return URI.create("http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort() + path);
    }

    /** Requests received so far, on any path. */
    public int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        Answer current = answer;
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (current.pace() == Pace.STALL_BEFORE_HEADERS) {
                stall();
            }
            exchange.sendResponseHeaders(
                    current.status(), current.pace() == Pace.STALL_INSIDE_BODY ? 0 : current.body().length);
            OutputStream out = exchange.getResponseBody();
            if (current.pace() == Pace.STALL_INSIDE_BODY) {
                int half = current.body().length / 2;
                out.write(current.body(), 0, half);
                out.flush();
                stall();
                out.write(current.body(), half, current.body().length - half);
            } else {
                out.write(current.body());
            }
        } catch (IOException e) {
            // the client gave up (timeout): nothing to do
        }
    }

    private void stall() {
        try {
            stopping.await(STALL_SECONDS, TimeUnit.SECONDS);
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
