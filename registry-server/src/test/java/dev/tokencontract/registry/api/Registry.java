package dev.tokencontract.registry.api;

import dev.tokencontract.registry.PublisherAuth;
import dev.tokencontract.registry.RegistryServer;
import dev.tokencontract.registry.store.ContractStore;
import dev.tokencontract.registry.testing.LiveRegistry;
import dev.tokencontract.testing.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One real registry on a free loopback port over a real store, with publishers trusted from the test
 * keys, and an HTTP client for it. Close it to stop the server and the store.
 */
final class Registry implements AutoCloseable {
    static final String AUDIENCE = LiveRegistry.AUDIENCE;
    static final Clock CLOCK = Clock.fixed(TestTokens.JUDGED_AT, ZoneOffset.UTC);
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final ContractStore store;
    final RegistryServer server;
    final List<String> log = new CopyOnWriteArrayList<>();

    private Registry(ContractStore store, RegistryServer.Builder builder) {
        this.store = store;
        this.server = builder.requestLog(log::add)
                .shutdownGrace(Duration.ZERO)
                .build()
                .start("127.0.0.1", 0);
    }

    /** A registry over a fresh in-memory store, accepting test-key tokens for {@link #AUDIENCE}. */
    static Registry start() {
        return start(Stores.fresh(), false);
    }

    /** A registry whose incompatible answers carry counterexamples found by {@code search}. */
    static Registry startWithCounterexamples(dev.tokencontract.compat.CounterexampleSearch search) {
        ContractStore store = Stores.fresh();
        return new Registry(
                store,
                RegistryServer.builder()
                        .store(store)
                        .clock(CLOCK)
                        .publishers(publishers())
                        .counterexamples(search));
    }

    static Registry start(ContractStore store, boolean requireReadToken) {
        return new Registry(
                store,
                RegistryServer.builder()
                        .store(store)
                        .clock(CLOCK)
                        .publishers(publishers())
                        .requireReadToken(requireReadToken));
    }

    /** A registry over a fresh in-memory store, with publishers, configured further by {@code customize}. */
    static Registry start(java.util.function.UnaryOperator<RegistryServer.Builder> customize) {
        ContractStore store = Stores.fresh();
        return new Registry(
                store,
                customize.apply(
                        RegistryServer.builder().store(store).clock(CLOCK).publishers(publishers())));
    }

    /** A registry with no publisher settings: reads only. */
    static Registry readOnly() {
        ContractStore store = Stores.fresh();
        return new Registry(store, RegistryServer.builder().store(store).clock(CLOCK));
    }

    static PublisherAuth publishers() {
        return LiveRegistry.publishers();
    }

    record Response(int status, HttpResponse<String> raw) {
        String body() {
            return raw.body();
        }

        JsonNode json() {
            return JSON.readTree(raw.body());
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    Response get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    Response post(String path, String body, String token) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)), auth(token));
    }

    Response post(String path, byte[] body, String token) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body)), auth(token));
    }

    /** POST with a raw Authorization header value. */
    Response postRaw(String path, String body, String authorization) {
        return send(
                HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)),
                "Authorization",
                authorization);
    }

    Response put(String path, String body, String token) {
        return send(HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofString(body)), auth(token));
    }

    Response delete(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), auth(token));
    }

    /** Publishes with a full-rights token; the response. */
    Response publish(String contract) {
        return post("/contracts/" + Contracts.nameOf(contract) + "/versions", contract, Tokens.admin());
    }

    private static String[] auth(String token) {
        return token == null ? new String[0] : new String[] {"Authorization", "Bearer " + token};
    }

    URI uri(String path) {
        return URI.create(server.url() + path);
    }

    private static Response send(HttpRequest.Builder builder, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response =
                    CLIENT.send(builder.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
        store.close();
    }
}
