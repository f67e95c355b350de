package dev.tokencontract.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server on a free loopback port that speaks the registry's contract API (GET a version,
 * exact or range, with a sha-256 ETag, {@code Tokencontract-Version} and 304 on {@code If-None-Match};
 * POST a version with a bearer token), written independently of the client so tests do not grade the
 * client by its own rules. Faults on demand: wrong digest, oversized or non-JSON body, redirect loops,
 * 5xx, a canned answer to POST, and stopping. Records every request. Close it to stop it.
 */
public final class FakeRegistry implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VERSION_PATH = Pattern.compile("/contracts/([^/]+)/versions/([^/]+)");
    private static final Pattern PUBLISH_PATH = Pattern.compile("/contracts/([^/]+)/versions");
    private static final Pattern EXACT = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

    /** One request as the server saw it. */
    public record Seen(
            String method, String path, String query, String ifNoneMatch, String authorization, int status) {}

    /** A fault to answer GETs with, instead of the stored contract. */
    public enum Fault {
        NONE,
        WRONG_DIGEST,
        NO_ETAG,
        NOT_JSON,
        OVERSIZED,
        REDIRECT_LOOP,
        REDIRECT_OFF_SITE,
        SERVER_ERROR,
        WRONG_VERSION_HEADER,
        IGNORE_RANGE
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, TreeMap<String, byte[]>> contracts = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile Fault fault = Fault.NONE;
    private volatile String token = "publisher-token-for-tests";
    private volatile CannedAnswer publishAnswer;
    private volatile boolean running = true;
    private final java.util.Set<String> deprecated = ConcurrentHashMap.newKeySet();

    private record CannedAnswer(int status, String contentType, String body) {}

    private FakeRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static FakeRegistry start() {
        try {
            return new FakeRegistry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the fake registry by hand (for trying the CLI and for the docs' sample output): prints its URL
     * and token, serves until stdin closes. Arguments: contract files to serve.
     */
    public static void main(String[] args) throws IOException {
        try (FakeRegistry registry = start()) {
            for (String file : args) {
                registry.put(java.nio.file.Files.readString(java.nio.file.Path.of(file)));
            }
            System.out.println(registry.url() + " " + registry.token());
            System.out.flush();
            System.in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String url() {
        return "http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Stores a version; its name and version are read from the document's {@code x-contract}. */
    public FakeRegistry put(String json) {
        JsonNode doc = JSON.readTree(json);
        String name = doc.path("x-contract").path("name").asString();
        String version = doc.path("x-contract").path("version").asString();
        contracts
                .computeIfAbsent(name, n -> new TreeMap<>(FakeRegistry::compareVersions))
                .put(version, json.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Replaces the stored bytes of a version (a registry that broke immutability). */
    public FakeRegistry replaceBytes(String name, String version, String json) {
        contracts.get(name).put(version, json.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Serves this version with {@code Tokencontract-State: DEPRECATED} from now on. */
    public FakeRegistry deprecate(String name, String version) {
        deprecated.add(name + "@" + version);
        return this;
    }

    public FakeRegistry remove(String name, String version) {
        contracts.get(name).remove(version);
        return this;
    }

    public FakeRegistry fault(Fault newFault) {
        this.fault = newFault;
        return this;
    }

    public FakeRegistry token(String bearer) {
        this.token = bearer;
        return this;
    }

    public String token() {
        return token;
    }

    /** Answers every POST with this status, content type and body (e.g. a 409 problem). */
    public FakeRegistry answerPublish(int status, String contentType, String body) {
        this.publishAnswer = new CannedAnswer(status, contentType, body);
        return this;
    }

    public List<Seen> requests() {
        return Collections.unmodifiableList(new ArrayList<>(seen));
    }

    public long count(int status) {
        return seen.stream().filter(s -> s.status() == status).count();
    }

    public static String digestOf(byte[] bytes) {
        try {
            return "sha-256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String digestOf(String text) {
        return digestOf(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Stops answering: connections are refused from now on. */
    public void stop() {
        if (running) {
            running = false;
            server.stop(0);
            executor.shutdownNow();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            Matcher get = VERSION_PATH.matcher(path);
            Matcher post = PUBLISH_PATH.matcher(path);
            if (method.equals("GET") && path.startsWith("/loop/")) {
                redirect(exchange, "/loop/" + (path.endsWith("a") ? "b" : "a"));
            } else if (method.equals("GET") && get.matches()) {
                serve(exchange, decode(get.group(1)), decode(get.group(2)));
            } else if (method.equals("POST") && post.matches()) {
                publish(exchange, decode(post.group(1)));
            } else {
                problem(exchange, 404, "NOT_FOUND", "Not found", "no route " + method + " " + path);
            }
        } catch (IOException e) {
            // the client gave up (size cap, timeout): nothing to do
        } catch (RuntimeException e) {
            e.printStackTrace(); // a bug in this fake: make it visible in the test log
            throw e;
        }
    }

    private int serve(HttpExchange exchange, String name, String spec) throws IOException {
        switch (fault) {
            case SERVER_ERROR -> {
                return problem(exchange, 503, "UNAVAILABLE", "Service unavailable", "the store is down");
            }
            case REDIRECT_LOOP -> {
                return redirect(exchange, "/loop/a");
            }
            case REDIRECT_OFF_SITE -> {
                return redirect(exchange, "http://registry.example.test/contracts/" + name + "/versions/" + spec);
            }
            case OVERSIZED -> {
                byte[] huge = new byte[4 * 1024 * 1024];
                java.util.Arrays.fill(huge, (byte) ' ');
                return send(exchange, 200, "application/json", huge, Map.of("ETag", "\"" + digestOf(huge) + "\""));
            }
            case NOT_JSON -> {
                byte[] html = "<html><body>login required</body></html>".getBytes(StandardCharsets.UTF_8);
                return send(exchange, 200, "text/html", html, Map.of("ETag", "\"" + digestOf(html) + "\""));
            }
            default -> {}
        }
        TreeMap<String, byte[]> versions = contracts.get(name);
        Optional<String> version =
                versions == null ? Optional.empty() : resolve(versions, fault == Fault.IGNORE_RANGE ? "latest" : spec);
        if (version.isEmpty()) {
            return problem(
                    exchange, 404, "VERSION_NOT_FOUND", "Version not found", "no version " + spec + " of " + name);
        }
        byte[] body = versions.get(version.get());
        String etag = "\"" + digestOf(body) + "\"";
        exchange.getResponseHeaders()
                .set("Tokencontract-State", deprecated.contains(name + "@" + version.get()) ? "DEPRECATED" : "ACTIVE");
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.getResponseHeaders().set("ETag", etag);
            record(exchange, 304);
            exchange.sendResponseHeaders(304, -1);
            return 304;
        }
        Map<String, String> headers = new java.util.HashMap<>();
        headers.put("Tokencontract-Version", fault == Fault.WRONG_VERSION_HEADER ? "9.9.9" : version.get());
        if (fault == Fault.WRONG_DIGEST) {
            headers.put("ETag", "\"" + digestOf("something else") + "\"");
        } else if (fault != Fault.NO_ETAG) {
            headers.put("ETag", etag);
        }
        if (spec.equals(version.get())) {
            headers.put("Cache-Control", "public, max-age=300");
        }
        return send(exchange, 200, "application/json", body, headers);
    }

    private int publish(HttpExchange exchange, String name) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        CannedAnswer canned = publishAnswer;
        if (canned != null) {
            return send(
                    exchange,
                    canned.status(),
                    canned.contentType(),
                    canned.body().getBytes(StandardCharsets.UTF_8),
                    Map.of());
        }
        if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            return problem(exchange, 401, "UNAUTHENTICATED", "Unauthenticated", "a valid bearer token is required");
        }
        JsonNode doc = JSON.readTree(body);
        String version = doc.path("x-contract").path("version").asString();
        TreeMap<String, byte[]> versions =
                contracts.computeIfAbsent(name, n -> new TreeMap<>(FakeRegistry::compareVersions));
        byte[] existing = versions.get(version);
        Map<String, String> headers = Map.of("ETag", "\"" + digestOf(body) + "\"");
        if (existing != null) {
            if (java.util.Arrays.equals(existing, body)) {
                return send(exchange, 200, "application/json", body, headers);
            }
            return problem(
                    exchange,
                    409,
                    "VERSION_EXISTS",
                    "Version exists",
                    name + "@" + version + " is already published with other content");
        }
        versions.put(version, body);
        Map<String, String> created = new java.util.HashMap<>(headers);
        created.put("Location", "/contracts/" + name + "/versions/" + version);
        return send(exchange, 201, "application/json", body, created);
    }

    /** Recorded before the answer is sent, so a test that got the answer always sees the request. */
    private void record(HttpExchange exchange, int status) {
        seen.add(new Seen(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders().getFirst("If-None-Match"),
                exchange.getRequestHeaders().getFirst("Authorization"),
                status));
    }

    private int redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        record(exchange, 302);
        exchange.sendResponseHeaders(302, -1);
        return 302;
    }

    private int problem(HttpExchange exchange, int status, String code, String title, String detail)
            throws IOException {
        String body = JSON.writeValueAsString(Map.of(
                "type",
                "https://tokencontract.dev/problems/" + code.toLowerCase(),
                "title",
                title,
                "status",
                status,
                "detail",
                detail,
                "code",
                code));
        return send(exchange, status, "application/problem+json", body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private int send(HttpExchange exchange, int status, String contentType, byte[] body, Map<String, String> headers)
            throws IOException {
        record(exchange, status);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        return status;
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    /** latest, exact, "1" / "1.2" prefixes, ^x.y.z (same major) and ~x.y.z (same minor): the highest match. */
    private static Optional<String> resolve(TreeMap<String, byte[]> versions, String spec) {
        if (EXACT.matcher(spec.split("-")[0]).matches()) {
            return versions.containsKey(spec) ? Optional.of(spec) : Optional.empty();
        }
        List<String> candidates = new ArrayList<>(versions.descendingKeySet());
        for (String candidate : candidates) {
            if (candidate.contains("-")) {
                continue;
            }
            String[] v = candidate.split("\\.");
            boolean match;
            if (spec.equals("latest")) {
                match = true;
            } else if (spec.startsWith("^") || spec.startsWith("~")) {
                String[] w = spec.substring(1).split("\\.");
                match = v[0].equals(w[0])
                        && (spec.startsWith("^") || v[1].equals(w[1]))
                        && compareVersions(candidate, spec.substring(1)) >= 0;
            } else {
                match = (candidate + ".").startsWith(spec + ".")
                        && !EXACT.matcher(spec).matches();
            }
            if (match) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static int compareVersions(String a, String b) {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < 3; i++) {
            int cmp = Integer.compare(
                    i < x.length ? Integer.parseInt(x[i]) : 0, i < y.length ? Integer.parseInt(y[i]) : 0);
            if (cmp != 0) {
                return cmp;
            }
        }
        return a.compareTo(b);
    }
}
