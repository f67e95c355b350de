package dev.tokencontract.registry.testing;

import dev.tokencontract.registry.PublisherAuth;
import dev.tokencontract.registry.RegistryServer;
import dev.tokencontract.registry.store.ContractStore;
import dev.tokencontract.registry.store.ContractStores;
import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.KeySourceException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real {@link RegistryServer} on a free loopback port over a fresh in-memory store, trusting publisher
 * tokens signed with the test keys ({@link TestKeys}) for {@link #AUDIENCE}: the one fixture the registry
 * client, CLI and Spring tests share. Its clock is fixed at {@link TestTokens#JUDGED_AT}, when the tokens it
 * hands out are valid. {@link #requests()} is what the server's own request log saw. Close it to stop the
 * server and drop the store.
 */
public final class LiveRegistry implements AutoCloseable {
    public static final String AUDIENCE = "https://registry.example.test";
    public static final Clock CLOCK = Clock.fixed(TestTokens.JUDGED_AT, ZoneOffset.UTC);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One request as the registry's request log recorded it (the log never holds headers or queries). */
    public record Seen(String method, String path, int status) {}

    /** What the registry answered a publish: the status and the stored digest of the canonical text it serves. */
    public record Published(int status, String digest) {}

    private final ContractStore store = ContractStores.inMemory();
    private final RegistryServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private boolean stopped;

    private LiveRegistry(int port, UnaryOperator<RegistryServer.Builder> customize) {
        RegistryServer.Builder builder = RegistryServer.builder()
                .store(store)
                .clock(CLOCK)
                .publishers(publishers())
                .requestLog(this::record)
                .shutdownGrace(Duration.ZERO);
        this.server = customize.apply(builder).build().start("127.0.0.1", port);
    }

    public static LiveRegistry start() {
        return new LiveRegistry(0, b -> b);
    }

    /** A registry configured further (limits, read tokens) by {@code customize}. */
    public static LiveRegistry start(UnaryOperator<RegistryServer.Builder> customize) {
        return new LiveRegistry(0, customize);
    }

    /**
     * A registry with an empty store on a port an earlier one used: the same URL, other contents, as after a
     * registry was restored from another backup. The only way the real server serves other bytes for a version.
     */
    public static LiveRegistry startOn(int port) {
        return new LiveRegistry(port, b -> b);
    }

    public static PublisherAuth publishers() {
        try {
            return new PublisherAuth(KeySource.jwks(TestKeys.publicJwks()), TestTokens.ISSUER, Optional.of(AUDIENCE));
        } catch (KeySourceException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A publisher token with {@code scope} for {@code namespaces}, RS256-signed with the trusted test key. */
    public static TestTokens token(String scope, String... namespaces) {
        TestTokens token = TestTokens.mcp()
                .claim("aud", AUDIENCE)
                .claim("scope", scope)
                .without("tenant_id")
                .without("roles")
                .claim("sub", "ci@identity.example")
                .claim("client_id", "identity-ci");
        token.claimArray("namespaces", namespaces);
        return token;
    }

    /** The contract names the tests publish, each its own namespace. */
    public static final List<String> TEST_NAMESPACES = List.of("minimal-token", "other-token", "mcp-access-token");

    /**
     * contracts:read and contracts:write for {@link #TEST_NAMESPACES}: what a CI pipeline publishes with (the
     * namespace {@code *} is honoured only with contracts:admin).
     */
    public static String publisherToken() {
        return token("contracts:read contracts:write", TEST_NAMESPACES.toArray(String[]::new))
                .signRsa();
    }

    /** Every scope, namespace {@code *}. */
    public static String adminToken() {
        return token("contracts:read contracts:write contracts:admin", "*").signRsa();
    }

    /** A valid token that may only read: a publish with it is a 403. */
    public static String readerToken() {
        return token("contracts:read", "*").signRsa();
    }

    /** A publisher token signed by a key the registry does not trust: a 401. */
    public static String untrustedToken() {
        return token("contracts:read contracts:write", TEST_NAMESPACES.toArray(String[]::new))
                .signRsa(TestKeys.OTHER_RSA);
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String url() {
        return server.url();
    }

    public int port() {
        return server.port();
    }

    /** An answer exactly as the registry sent it. */
    public record Answer(int status, String contentType, String body) {}

    /** POSTs {@code body} as a publish of {@code name} with {@code token}, whatever it holds: the raw answer. */
    public Answer post(String name, String body, String token) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/contracts/" + name + "/versions"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        return new Answer(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null),
                response.body());
    }

    /** Publishes {@code contractJson} with the admin token; fails unless the registry answers 201 or 200. */
    public Published publish(String contractJson) {
        String name =
                JSON.readTree(contractJson).path("x-contract").path("name").asString();
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/contracts/" + name + "/versions"))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(contractJson)));
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new IllegalStateException("publish answered " + response.statusCode() + ": " + response.body());
        }
        return new Published(
                response.statusCode(),
                JSON.readTree(response.body()).path("digest").asString());
    }

    /** Marks an exact version deprecated, as an admin would ({@code PUT .../state}). */
    public LiveRegistry deprecate(String name, String version) {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri("/contracts/" + name + "/versions/" + version + "/state"))
                        .header("Authorization", "Bearer " + adminToken())
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"state\":\"DEPRECATED\"}")));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("deprecate answered " + response.statusCode() + ": " + response.body());
        }
        return this;
    }

    /** Sets a contract's compatibility mode ({@code BACKWARD}, {@code NONE}...), as an admin would. */
    public LiveRegistry mode(String name, String mode) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/contracts/" + name + "/config"))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"mode\":\"" + mode + "\"}")));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("config answered " + response.statusCode() + ": " + response.body());
        }
        return this;
    }

    /**
     * The exact bytes the registry serves for {@code name@version} (its canonical form of what was published),
     * read without leaving the request in {@link #requests()}.
     */
    public String served(String name, String version) {
        String path = "/contracts/" + name + "/versions/" + version;
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET answered " + response.statusCode() + ": " + response.body());
        }
        requests(); // its own line may come just after the answer
        seen.remove(new Seen("GET", path, 200));
        return response.body();
    }

    /**
     * Every request the server logged so far, the fixture's own included, in order. The server logs a request
     * just after it wrote the answer, so a client can hold the answer a moment before the line exists: this
     * waits until no line has come for 50 ms (at most 2 s) before it reads the log.
     */
    public List<Seen> requests() {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        int size = -1;
        while (seen.size() != size && System.nanoTime() < deadline) {
            size = seen.size();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return List.copyOf(seen);
    }

    /** Forgets the requests logged so far (e.g. the set-up's publishes). */
    public LiveRegistry forgetRequests() {
        requests(); // lines of answers already sent may still be coming
        seen.clear();
        return this;
    }

    public long count(int status) {
        return requests().stream().filter(s -> s.status() == status).count();
    }

    /**
     * Closes the store under the running server, as a database that went away: what is not held in the
     * server's caches is answered 503 from now on (set a zero {@code readCacheTtl} to see it at once).
     */
    public LiveRegistry closeStore() {
        store.close();
        return this;
    }

    /** Stops the server (connections are refused from now on); the store stays until {@link #close()}. */
    public synchronized void stop() {
        if (!stopped) {
            stopped = true;
            server.stop();
        }
    }

    @Override
    public void close() {
        stop();
        store.close();
    }

    private void record(String line) {
        JsonNode entry = JSON.readTree(line);
        seen.add(new Seen(
                entry.path("method").asString(),
                entry.path("path").asString(),
                entry.path("status").asInt()));
    }

    private URI uri(String path) {
        return URI.create(server.url() + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
