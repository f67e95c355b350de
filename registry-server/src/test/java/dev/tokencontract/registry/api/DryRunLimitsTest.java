package dev.tokencontract.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.compat.CounterexampleSearch;
import dev.tokencontract.conformance.suites.ContractCounterexamples;
import dev.tokencontract.registry.RegistryLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Anonymous dry runs cost bounded work: the counterexample search of one request has a time budget and
 * refuses absurd sizes (the body against 30 stored versions took 5-32 s of CPU before), and each
 * client and the registry as a whole may run only so many.
 */
class DryRunLimitsTest {
    private static final String DRY_RUN = "/contracts/identity.crm/compatibility";

    /** Widens the roles enum and the exp range (breaks producers) and demands {@code minProperties} (breaks consumers). */
    private static String hostile(int minProperties) {
        ObjectNode node = Contracts.node("identity.crm", "9.0.0");
        ((tools.jackson.databind.node.ArrayNode)
                        node.path("properties").path("roles").path("items").path("enum"))
                .add("root");
        ((ObjectNode) node.path("properties").path("exp")).remove("maximum");
        node.put("minProperties", minProperties);
        return node.toString();
    }

    private static List<String> reasons(JsonNode verdict) {
        List<String> reasons = new ArrayList<>();
        verdict.path("notSearched")
                .values()
                .forEach(n -> reasons.add(n.path("reason").asString()));
        return reasons;
    }

    @Test
    void dryRunWhenHostileSchemaAgainstThirtyVersionsThenSearchStopsAtItsBudgetOrSizeCapAndSaysSo() {
        try (Registry registry = Registry.start(b -> b.counterexamples(ContractCounterexamples.standard()))) {
            for (int minor = 0; minor < 30; minor++) {
                assertThat(registry.publish(Contracts.described("identity.crm", "1." + minor + ".0", "v" + minor))
                                .status())
                        .isEqualTo(201);
            }

            long started = System.nanoTime();
            Registry.Response underCap = registry.post(DRY_RUN, hostile(500), null);
            Duration underCapTook = Duration.ofNanos(System.nanoTime() - started);
            Registry.Response million = registry.post(DRY_RUN, hostile(1_000_000), null);

            assertThat(underCap.status()).isEqualTo(200);
            assertThat(underCap.json().path("compatible").asBoolean()).isFalse();
            assertThat(underCap.json().path("checkedAgainst")).hasSize(30);
            assertThat(reasons(underCap.json())).contains("budget");
            assertThat(underCapTook).isLessThan(Duration.ofSeconds(15)); // generous: ~1-2 s here, 23 s before
            assertThat(million.status()).isEqualTo(200);
            assertThat(reasons(million.json())).contains("size: /minProperties 1000000 > 1000 in identity.crm@9.0.0");
        }
    }

    @Test
    void dryRunWhenOneClientExceedsItsRateThen429WithRetryAfterAndOthersAreNotCounted() {
        try (Registry registry =
                Registry.start(b -> b.limits(RegistryLimits.defaults().withDryRuns(2, 2, 4)))) {
            registry.publish(Contracts.of("identity.crm", "1.0.0"));
            String body = Contracts.of("identity.crm", "1.0.1");

            int first = registry.post(DRY_RUN, body, null).status();
            int second = registry.post(DRY_RUN, body, null).status();
            Registry.Response third = registry.post(DRY_RUN, body, null);
            int read = registry.get("/contracts/identity.crm/versions/1.0.0").status();

            assertThat(first).isEqualTo(200);
            assertThat(second).isEqualTo(200);
            assertThat(third.status()).isEqualTo(429);
            assertThat(third.json().path("code").asString()).isEqualTo("rate-limited");
            assertThat(Integer.parseInt(third.header("Retry-After"))).isBetween(1, 30); // 2 a minute: one every 30 s
            assertThat(read).isEqualTo(200);
        }
    }

    @Test
    void dryRunWhenTheRegistryRunsItsMaximumAtOnceThenOneMoreIs429RetryAfterOne() throws Exception {
        CountDownLatch searching = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CounterexampleSearch parked = (older, newer, direction) -> {
            searching.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        };
        try (Registry registry = Registry.start(
                b -> b.counterexamples(parked).limits(RegistryLimits.defaults().withDryRuns(60, 10, 1)))) {
            registry.publish(Contracts.of("identity.crm", "1.0.0"));
            String breaking = Contracts.requiringTenant("identity.crm", "2.0.0");
            CompletableFuture<Registry.Response> running =
                    CompletableFuture.supplyAsync(() -> registry.post(DRY_RUN, breaking, null));
            assertThat(searching.await(10, TimeUnit.SECONDS)).isTrue();

            Registry.Response refused = registry.post(DRY_RUN, breaking, null);
            release.countDown();

            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(running.get(20, TimeUnit.SECONDS).status()).isEqualTo(200);
            assertThat(registry.post(DRY_RUN, breaking, null).status()).isEqualTo(200); // the place is free again
        }
    }
}
