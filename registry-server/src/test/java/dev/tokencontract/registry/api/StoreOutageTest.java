package dev.tokencontract.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.registry.store.ContractStores;
import dev.tokencontract.registry.testing.PostgresServer;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A real PostgreSQL stopped as a crash would stop it, under a running registry: answers stay fast, exact
 * versions already held are still served, the outage and the recovery are each logged once.
 */
class StoreOutageTest {
    /** Far below the 5 s pool wait every request paid before; far above the 1 s read connection timeout. */
    private static final Duration FAST = Duration.ofSeconds(3);

    private final PostgresServer postgres = PostgresServer.start();

    @AfterEach
    void stopPostgres() {
        postgres.close();
    }

    @Test
    void requestsWhenDatabaseDownThenFast503SavedExactVersionsServedAndOutageAndRecoveryLoggedOnce() throws Exception {
        try (Registry registry = Registry.start(
                ContractStores.open(postgres.createDatabase(), postgres.user(), postgres.password()), false)) {
            assertThat(registry.publish(Contracts.of("identity.crm", "1.0.0")).status())
                    .isEqualTo(201);
            Registry.Response held = registry.get("/contracts/identity.crm/versions/1.0.0");
            assertThat(held.status()).isEqualTo(200);

            postgres.stopImmediately();
            Thread.sleep(1_200); // past the 1 s read cache: the registry would ask the database again

            for (int i = 0; i < 3; i++) {
                Registry.Response listing = timed(() -> registry.get("/contracts/identity.crm/versions"));
                assertThat(listing.status()).isEqualTo(503);
                assertThat(listing.header("Content-Type")).startsWith("application/problem+json");
                assertThat(listing.json().path("code").asString()).isEqualTo("store-unavailable");
                assertThat(timed(() -> registry.get("/health/ready")).status()).isEqualTo(503);
                assertThat(timed(() -> registry.publish(Contracts.of("identity.crm", "1.0.1")))
                                .status())
                        .isEqualTo(503);
                Registry.Response exact = timed(() -> registry.get("/contracts/identity.crm/versions/1.0.0"));
                assertThat(exact.status()).isEqualTo(200);
                assertThat(exact.body()).isEqualTo(held.body());
                assertThat(exact.header("ETag")).isEqualTo(held.header("ETag"));
            }
            assertThat(registry.get("/health/live").status()).isEqualTo(200);
            assertThat(timed(() -> registry.get("/contracts/identity.crm/versions/1.0.1"))
                            .status())
                    .isEqualTo(503);
            assertThat(registry.log)
                    .filteredOn(l -> l.contains("\"event\":\"store-unreachable\""))
                    .hasSize(1);
            assertThat(registry.log).noneMatch(l -> l.contains("store-reachable"));

            postgres.restart();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (registry.get("/health/ready").status() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }

            assertThat(registry.get("/health/ready").status()).isEqualTo(200);
            assertThat(registry.get("/contracts/identity.crm/versions").status())
                    .isEqualTo(200);
            assertThat(registry.publish(Contracts.of("identity.crm", "1.0.1")).status())
                    .isEqualTo(201);
            assertThat(registry.log)
                    .filteredOn(l -> l.contains("\"event\":\"store-unreachable\""))
                    .hasSize(1);
            assertThat(registry.log)
                    .filteredOn(l -> l.contains("\"event\":\"store-reachable\""))
                    .hasSize(1);
        }
    }

    private static Registry.Response timed(Supplier<Registry.Response> request) {
        long started = System.nanoTime();
        Registry.Response response = request.get();
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("answer time of a %d", response.status())
                .isLessThan(FAST);
        return response;
    }
}
