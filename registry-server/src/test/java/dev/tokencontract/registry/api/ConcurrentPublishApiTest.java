package dev.tokencontract.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.registry.store.ContractStore;
import dev.tokencontract.registry.store.ContractStores;
import dev.tokencontract.registry.testing.PostgresServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * 32 HTTP clients publish the same new version at once: exactly one 201, the rest 200 (same content) or 409
 * (other content), and the stored version is one of the bodies, whole. Over H2 (one instance) and over one
 * real PostgreSQL shared by two registry instances.
 */
class ConcurrentPublishApiTest {
    private static final int CLIENTS = 32;

    @Test
    void publishWhen32ClientsRaceOnH2ThenExactlyOneCreated() throws Exception {
        try (Registry registry = Registry.start()) {
            race(List.of(registry, registry));
            assertThat(registry.store.versions("identity.crm")).hasSize(1);
        }
    }

    @Test
    void publishWhen32ClientsRaceOverTwoInstancesOnOnePostgresThenExactlyOneCreatedAndBothServeIt() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        String url = postgres.createDatabase();
        ContractStore first = ContractStores.open(url, postgres.user(), postgres.password());
        ContractStore second = ContractStores.open(url, postgres.user(), postgres.password());
        try (Registry a = Registry.start(first, false);
                Registry b = Registry.start(second, false)) {
            String winner = race(List.of(a, b));

            for (Registry instance : List.of(a, b)) {
                Registry.Response served = instance.get("/contracts/identity.crm/versions/1.0.0");
                assertThat(served.status()).isEqualTo(200);
                assertThat(Registry.JSON.readTree(served.body())).isEqualTo(Registry.JSON.readTree(winner));
            }
        }
    }

    @Test
    void publishWhenTwoInstancesShareOnePostgresThenEachSeesTheOthersPublishes() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        String url = postgres.createDatabase();
        ContractStore first = ContractStores.open(url, postgres.user(), postgres.password());
        ContractStore second = ContractStores.open(url, postgres.user(), postgres.password());
        try (Registry a = Registry.start(first, false);
                Registry b = Registry.start(second, false)) {
            assertThat(a.publish(Contracts.of("identity.crm", "1.0.0")).status())
                    .isEqualTo(201);
            assertThat(b.get("/contracts/identity.crm/versions/1.0.0").status()).isEqualTo(200);
            assertThat(b.publish(Contracts.described("identity.crm", "1.1.0", "from b"))
                            .status())
                    .isEqualTo(201);
            assertThat(a.publish(Contracts.of("identity.crm", "1.0.0")).status())
                    .isEqualTo(200); // same content, via the other
            assertThat(a.publish(Contracts.described("identity.crm", "1.1.0", "from a"))
                            .status())
                    .isEqualTo(409);

            // a's cached version list may be up to the read-cache TTL (1 s) old: poll, do not sleep blindly
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            String latest = null;
            while (System.nanoTime() < deadline && !"1.1.0".equals(latest)) {
                latest = a.get("/contracts/identity.crm/versions/latest").header("Tokencontract-Version");
            }
            assertThat(latest).isEqualTo("1.1.0");
            assertThat(a.get("/contracts")
                            .json()
                            .path("contracts")
                            .get(0)
                            .path("latest")
                            .asString())
                    .isEqualTo("1.1.0");
        }
    }

    /** Races CLIENTS publishes of identity.crm@1.0.0 (half one body, half another) across the instances; the winner's body. */
    private static String race(List<Registry> instances) throws Exception {
        String one = Contracts.described("identity.crm", "1.0.0", "body one");
        String two = Contracts.described("identity.crm", "1.0.0", "body two");
        String token = Tokens.admin();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Registry.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                Registry target = instances.get(i % instances.size());
                String body = i % 4 < 2 ? one : two;
                answers.add(pool.submit(() -> {
                    go.await();
                    return target.post("/contracts/identity.crm/versions", body, token);
                }));
            }
            go.countDown();
            List<Registry.Response> responses = new ArrayList<>();
            for (Future<Registry.Response> answer : answers) {
                responses.add(answer.get());
            }
            assertThat(responses).extracting(Registry.Response::status).containsOnly(201, 200, 409);
            assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
            Registry.Response created = responses.stream()
                    .filter(r -> r.status() == 201)
                    .findFirst()
                    .orElseThrow();
            String digest = created.json().path("digest").asString();
            String winner = responses.indexOf(created) % 4 < 2 ? one : two;
            for (int i = 0; i < CLIENTS; i++) {
                Registry.Response response = responses.get(i);
                boolean sameBody = (i % 4 < 2 ? one : two).equals(winner);
                assertThat(response.status()).as("client %d", i).isIn(sameBody ? List.of(201, 200) : List.of(409));
                if (response.status() == 409) {
                    assertThat(response.json().path("existingDigest").asString())
                            .isEqualTo(digest);
                }
            }
            return winner;
        } finally {
            pool.shutdownNow();
        }
    }
}
