package dev.tokencontract.registry.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tokencontract.registry.internal.ProblemCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * A broken or hostile registry, for the faults the real {@code RegistryServer} cannot be made to produce: a
 * digest that does not match the body, a missing ETag, a version header or version outside the asked range,
 * HTML, an oversized or truncated body, redirects, a 5xx, a publish answered with a redirect or with a problem
 * meant to garble a terminal. Every GET under {@code /contracts/} is answered with the one document it serves,
 * every POST with its one fault. Its problems use only the registry's real {@link ProblemCode}s. Everything
 * else (ranges, 304, deprecation, refusals) is tested against {@link LiveRegistry}. Close it to stop it.
 */
public final class HostileRegistry implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How every GET of a version is answered. */
    public enum Fault {
        WRONG_DIGEST,
        NO_ETAG,
        WRONG_VERSION_HEADER,
        /** Its one document, digest and version header all correct, whatever range was asked for. */
        IGNORES_RANGE,
        HTML,
        OVERSIZED,
        TRUNCATED,
        REDIRECT_LOOP,
        REDIRECT_OFF_SITE,
        STORE_UNAVAILABLE
    }

    /** How every POST (publish) is answered. */
    public enum PublishFault {
        REDIRECT,
        HTML_FORBIDDEN,
        TERMINAL_ESCAPES,
        /** With an answer recorded from the real registry ({@link #replayingPublish}). */
        REPLAY
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AtomicInteger requests = new AtomicInteger();
    private final byte[] document;
    private final String version;
    private final Fault fault;
    private final PublishFault publishFault;
    private boolean stopped;
    private volatile LiveRegistry.Answer replay;

    private HostileRegistry(String documentJson, Fault fault, PublishFault publishFault) throws IOException {
        this.document = documentJson.getBytes(StandardCharsets.UTF_8);
        this.version =
                JSON.readTree(documentJson).path("x-contract").path("version").asString();
        this.fault = fault;
        this.publishFault = publishFault;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Serves {@code documentJson} (as version {@code x-contract.version}) to every GET, with {@code fault}. */
    public static HostileRegistry serving(String documentJson, Fault fault) {
        return start(documentJson, fault, PublishFault.REDIRECT);
    }

    /** Answers every publish with {@code fault}. */
    public static HostileRegistry answeringPublish(PublishFault fault) {
        return start("{}", Fault.STORE_UNAVAILABLE, fault);
    }

    /**
     * Answers every publish with {@code recorded}, an answer the real registry gave to another request: a
     * registry that refuses what this client accepts (say, a newer registry whose lint is stricter).
     */
    public static HostileRegistry replayingPublish(LiveRegistry.Answer recorded) {
        HostileRegistry registry = start("{}", Fault.STORE_UNAVAILABLE, PublishFault.REPLAY);
        registry.replay = recorded;
        return registry;
    }

    private static HostileRegistry start(String documentJson, Fault fault, PublishFault publishFault) {
        try {
            return new HostileRegistry(documentJson, fault, publishFault);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String url() {
        return "http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort();
    }

    /** How many requests reached it. */
    public int requests() {
        return requests.get();
    }

    /** {@code sha-256:<hex>} of {@code bytes}: how the registry writes digests and ETags. */
    public static String digestOf(byte[] bytes) {
        try {
            return "sha-256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops it: connections are refused from now on. */
    @Override
    public synchronized void close() {
        if (!stopped) {
            stopped = true;
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (path.startsWith("/loop/")) {
                redirect(exchange, "/loop/" + (path.endsWith("a") ? "b" : "a"));
            } else if (exchange.getRequestMethod().equals("POST")) {
                publish(exchange);
            } else {
                get(exchange, path.substring(path.lastIndexOf('/') + 1));
            }
        } catch (IOException e) {
            // the client gave up (size cap, timeout, truncation): nothing to do
        }
    }

    private void get(HttpExchange exchange, String asked) throws IOException {
        String etag = "\"" + digestOf(document) + "\"";
        exchange.getResponseHeaders().set("Tokencontract-State", "ACTIVE");
        switch (fault) {
            case WRONG_DIGEST -> send(exchange, 200, "application/json", document, digestOf(new byte[] {'x'}), version);
            case NO_ETAG -> send(exchange, 200, "application/json", document, null, version);
            case WRONG_VERSION_HEADER -> send(exchange, 200, "application/json", document, etag, "9.9.9");
            case IGNORES_RANGE -> send(exchange, 200, "application/json", document, etag, version);
            case HTML -> {
                byte[] html = "<html><body>login required</body></html>".getBytes(StandardCharsets.UTF_8);
                send(exchange, 200, "text/html", html, "\"" + digestOf(html) + "\"", version);
            }
            case OVERSIZED -> {
                byte[] huge = new byte[4 * 1024 * 1024];
                Arrays.fill(huge, (byte) ' ');
                send(exchange, 200, "application/json", huge, "\"" + digestOf(huge) + "\"", version);
            }
            case TRUNCATED -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.getResponseHeaders().set("ETag", etag);
                exchange.sendResponseHeaders(200, document.length);
                exchange.getResponseBody().write(document, 0, document.length / 2);
                exchange.getResponseBody().flush(); // closing the exchange now drops the connection mid-body
            }
            case REDIRECT_LOOP -> redirect(exchange, "/loop/a");
            case REDIRECT_OFF_SITE -> redirect(exchange, "http://registry.example.test/contracts/x/versions/" + asked);
            case STORE_UNAVAILABLE -> problem(exchange, ProblemCode.STORE_UNAVAILABLE, "the store did not answer");
        }
    }

    private void publish(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        switch (publishFault) {
            case REDIRECT -> {
                exchange.getResponseHeaders().set("Location", "https://elsewhere.example.test/collect");
                exchange.sendResponseHeaders(307, -1);
            }
            case HTML_FORBIDDEN ->
                send(exchange, 403, "text/html", "<h1>Forbidden</h1>".getBytes(StandardCharsets.UTF_8), null, null);
            case TERMINAL_ESCAPES -> {
                String body = JSON.writeValueAsString(JSON.createObjectNode()
                        .put("type", ProblemCode.NAMESPACE_DENIED.type())
                        .put("title", "\u001b[2J" + ProblemCode.NAMESPACE_DENIED.title())
                        .put("status", 403)
                        .put("code", ProblemCode.NAMESPACE_DENIED.code()));
                send(exchange, 403, "application/problem+json", body.getBytes(StandardCharsets.UTF_8), null, null);
            }
            case REPLAY ->
                send(
                        exchange,
                        replay.status(),
                        replay.contentType(),
                        replay.body().getBytes(StandardCharsets.UTF_8),
                        null,
                        null);
        }
    }

    private static void problem(HttpExchange exchange, ProblemCode code, String detail) throws IOException {
        String body = JSON.writeValueAsString(JSON.createObjectNode()
                .put("type", code.type())
                .put("title", code.title())
                .put("status", code.status())
                .put("detail", detail)
                .put("code", code.code()));
        send(exchange, code.status(), "application/problem+json", body.getBytes(StandardCharsets.UTF_8), null, null);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    private static void send(
            HttpExchange exchange, int status, String contentType, byte[] body, String etag, String versionHeader)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (etag != null) {
            exchange.getResponseHeaders().set("ETag", etag.startsWith("\"") ? etag : "\"" + etag + "\"");
        }
        if (versionHeader != null) {
            exchange.getResponseHeaders().set("Tokencontract-Version", versionHeader);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
    }
}
