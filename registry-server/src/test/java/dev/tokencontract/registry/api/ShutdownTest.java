package dev.tokencontract.registry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.tokencontract.registry.RegistryServer;
import dev.tokencontract.registry.store.ContractStore;
import dev.tokencontract.registry.store.ContractStores;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Stopping when a request outlasts the shutdown grace: an ordinary outcome, not an exception. */
class ShutdownTest {

    @Test
    void stopWhenARequestOutlastsTheGraceThenReturnsWithoutThrowingLogsOneLineAndPrintsNoStackTrace() throws Exception {
        ContractStore store = ContractStores.inMemory();
        CountDownLatch inStore = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> log = new CopyOnWriteArrayList<>();
        RegistryServer server = RegistryServer.builder()
                .store(new SlowReads(store, inStore, release))
                .requestLog(log::add)
                .shutdownGrace(Duration.ofMillis(300))
                .build()
                .start("127.0.0.1", 0);
        HttpClient.newHttpClient()
                .sendAsync(
                        HttpRequest.newBuilder(URI.create(server.url() + "/contracts"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(inStore.await(10, TimeUnit.SECONDS)).isTrue();
        PrintStream stderr = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        long started = System.nanoTime();
        try {
            assertThatCode(server::stop).doesNotThrowAnyException();
        } finally {
            System.setErr(stderr);
            release.countDown();
            store.close();
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
        assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("Exception", "\tat ");
        assertThat(log)
                .filteredOn(line -> line.contains("\"event\":\"shutdown-grace-expired\""))
                .hasSize(1)
                .allSatisfy(line -> assertThat(
                                Registry.JSON.readTree(line).path("graceMs").asLong())
                        .isEqualTo(300));
    }

    @Test
    void stopWhenCalledTwiceOrNeverStartedThenNothingHappens() {
        ContractStore store = ContractStores.inMemory();
        RegistryServer neverStarted =
                RegistryServer.builder().store(store).requestLog(l -> {}).build();
        RegistryServer started = RegistryServer.builder()
                .store(store)
                .requestLog(l -> {})
                .build()
                .start("127.0.0.1", 0);

        assertThatCode(neverStarted::stop).doesNotThrowAnyException();
        started.stop();
        assertThatCode(started::stop).doesNotThrowAnyException();
        store.close();
    }
}
