package dev.tokencontract.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.registry.RegistryServer;
import dev.tokencontract.registry.store.ContractStore;
import dev.tokencontract.registry.store.ContractStores;
import dev.tokencontract.registry.testing.PostgresServer;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Health, readiness, Prometheus metrics, request logs and graceful shutdown. */
class OperationsTest {

    @Test
    void healthWhenStoreUpThenLiveAndReady() {
        try (Registry registry = Registry.readOnly()) {
            assertThat(registry.get("/health/live").json()).isEqualTo(Registry.JSON.readTree("{\"status\": \"live\"}"));
            assertThat(registry.get("/health/ready").json())
                    .isEqualTo(Registry.JSON.readTree("{\"status\": \"ready\"}"));
        }
    }

    @Test
    void readyWhenPostgresStopsThen503StoreUnavailableWhileLiveStaysUp() {
        PostgresServer postgres = PostgresServer.start();
        try {
            ContractStore store = ContractStores.open(postgres.createDatabase(), postgres.user(), postgres.password());
            try (Registry registry = Registry.start(store, false)) {
                assertThat(registry.get("/health/ready").status()).isEqualTo(200);
                postgres.close();

                Registry.Response ready = registry.get("/health/ready");
                assertThat(ready.status()).isEqualTo(503);
                assertThat(ready.json()).isEqualTo(Registry.JSON.readTree("""
                        {"type": "https://tokencontract.dev/problems/store-unavailable", "title": "Store unavailable", "status": 503,
                         "detail": "the store does not answer", "code": "store-unavailable"}"""));
                assertThat(registry.get("/health/live").status()).isEqualTo(200);
                assertThat(registry.get("/contracts").status()).isEqualTo(503);
            }
        } finally {
            postgres.close();
        }
    }

    @Test
    void metricsWhenRequestsAndPublishesThenPrometheusCountsByRouteStatusOutcomeAndStoreTimer() {
        try (Registry registry = Registry.start()) {
            registry.publish(Contracts.of("identity.crm", "1.0.0"));
            registry.publish(Contracts.of("identity.crm", "1.0.0"));
            registry.post("/contracts/identity.crm/versions", Contracts.of("identity.crm", "1.0.1"), null);
            registry.get("/contracts/identity.crm/versions/1.0.0");
            registry.get("/contracts/identity.crm/versions/9.9.9");

            Registry.Response metrics = registry.get("/metrics");

            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.header("Content-Type")).startsWith("text/plain");
            assertThat(metrics.body())
                    .contains(
                            "http_server_requests_seconds_count{method=\"GET\",route=\"/contracts/{name}/versions/{version}\",status=\"200\"} 1",
                            "http_server_requests_seconds_count{method=\"GET\",route=\"/contracts/{name}/versions/{version}\",status=\"404\"} 1",
                            "http_server_requests_seconds_count{method=\"POST\",route=\"/contracts/{name}/versions\",status=\"201\"} 1",
                            "registry_publish_total{outcome=\"created\"} 1",
                            "registry_publish_total{outcome=\"same-content\"} 1",
                            "registry_publish_total{outcome=\"token-missing\"} 1",
                            "registry_store_seconds_count{operation=\"publish\"} 2");
        }
    }

    @Test
    void requestLogWhenRequestsWithTokensThenOneJsonLineEachWithoutTokensOrQueries() {
        try (Registry registry = Registry.start()) {
            String token = Tokens.admin();
            registry.post(
                    "/contracts/identity.crm/versions?acknowledge=authorization-widening",
                    Contracts.of("identity.crm", "1.0.0"),
                    token);
            registry.get("/contracts/identity.crm/versions/1.0.0", "Authorization", "Bearer " + token);

            assertThat(registry.log).hasSize(2);
            JsonNode line = Registry.JSON.readTree(registry.log.get(1));
            assertThat(line.path("method").asString()).isEqualTo("GET");
            assertThat(line.path("route").asString()).isEqualTo("/contracts/{name}/versions/{version}");
            assertThat(line.path("path").asString()).isEqualTo("/contracts/identity.crm/versions/1.0.0");
            assertThat(line.path("status").asInt()).isEqualTo(200);
            assertThat(line.path("ms").isNumber()).isTrue();
            assertThat(line.properties())
                    .extracting(e -> e.getKey())
                    .containsExactly("time", "method", "route", "path", "status", "ms");
            String[] parts = token.split("\\.");
            assertThat(registry.log)
                    .allSatisfy(l -> assertThat(l).doesNotContain(parts[1], parts[2], "acknowledge", "Bearer"));
        }
    }

    @Test
    void stopWhenRequestInFlightThenItFinishesAndNewConnectionsAreRefused() throws Exception {
        ContractStore store = ContractStores.inMemory();
        CountDownLatch inStore = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ContractStore slow = new SlowReads(store, inStore, release);
        RegistryServer server = RegistryServer.builder()
                .store(slow)
                .requestLog(l -> {})
                .shutdownGrace(Duration.ofSeconds(10))
                .build()
                .start("127.0.0.1", 0);
        HttpClient client = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(
                HttpRequest.newBuilder(URI.create(server.url() + "/contracts")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(inStore.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
        // stop has begun once the listener refuses new connections; the in-flight request is still parked
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!refused(URI.create(server.url() + "/health/live"))) {
            assertThat(System.nanoTime())
                    .as("new connections still accepted 10 s after stop began")
                    .isLessThan(deadline);
            Thread.sleep(20); // poll interval only: the loop waits for the event, not for a guessed time
        }
        assertThat(inFlight).isNotDone();
        release.countDown();
        stopping.get(15, TimeUnit.SECONDS);

        assertThat(inFlight.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(refused(URI.create(server.url() + "/health/live"))).isTrue();
        store.close();
    }

    /** True when a new connection is refused; any other failure (or an answer of any status) is not a refusal. */
    private static boolean refused(URI uri) throws Exception {
        try {
            HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(uri)
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            return false;
        } catch (ConnectException e) {
            return true;
        }
    }
}
