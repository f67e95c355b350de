package dev.tokencontract.registry.client;

import dev.tokencontract.testing.FakeRegistry;
import dev.tokencontract.testing.SteppingClock;
import dev.tokencontract.testing.TestContracts;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A real loopback {@link FakeRegistry}, a stepping clock and a fresh cache directory for each registry-client test. */
abstract class RegistryClientTestBase {
    protected final FakeRegistry registry = FakeRegistry.start();
    protected final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-27T00:00:00Z"));

    @TempDir
    Path cacheDir;

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    protected RegistryClient client() throws RegistryException {
        return RegistryClient.create(registry.url(), settings());
    }

    protected RegistrySettings settings() {
        return RegistrySettings.defaults()
                .withCacheDir(cacheDir)
                .withClock(clock)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    protected void publishVersions(String... versions) {
        for (String version : versions) {
            registry.put(TestContracts.minimalText(version));
        }
    }
}
