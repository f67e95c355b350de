package dev.tokencontract.maven;

import dev.tokencontract.conformance.suites.ContractCounterexamples;
import dev.tokencontract.registry.DevIssuer;
import dev.tokencontract.registry.RegistryServer;
import dev.tokencontract.registry.client.RegistryClient;
import dev.tokencontract.registry.store.ContractStore;
import dev.tokencontract.registry.store.ContractStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** A real registry on a free loopback port (in-memory store, a dev publisher key, the counterexample search). */
final class TestRegistry implements AutoCloseable {
    static final Path SEED = Path.of("src/it/registry-seed");

    private final ContractStore store = ContractStores.inMemory();
    private final DevIssuer dev = DevIssuer.generate(Clock.systemUTC());
    private final RegistryServer server;

    private TestRegistry() {
        server = RegistryServer.builder()
                .store(store)
                .publishers(dev.publishers())
                .counterexamples(ContractCounterexamples.standard())
                .build()
                .start("127.0.0.1", 0);
    }

    /** A registry holding the ITs' seed contracts {@code names} (file names under src/it/registry-seed). */
    static TestRegistry start(String... seedFiles) throws Exception {
        TestRegistry registry = new TestRegistry();
        for (String file : seedFiles) {
            RegistryClient.create(registry.url())
                    .publish(Files.readString(SEED.resolve(file), StandardCharsets.UTF_8), registry.token(), true);
        }
        return registry;
    }

    String url() {
        return server.url();
    }

    String token() {
        return dev.publisherToken(server.audience().orElseThrow());
    }

    private boolean stopped;

    void stop() {
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
}
