package dev.tokencontract.registry.client;

import dev.tokencontract.registry.testing.LiveRegistry;
import dev.tokencontract.testing.SteppingClock;
import dev.tokencontract.testing.TestContracts;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real registry on a free loopback port ({@link LiveRegistry}), a stepping clock and a fresh cache
 * directory for each registry-client test. One registry per test: most tests stop it or depend on which
 * versions exist.
 */
abstract class RegistryClientTestBase {
    protected LiveRegistry registry = LiveRegistry.start();
    protected final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-27T00:00:00Z"));
    private final Map<String, String> digests = new HashMap<>();

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

    /** Publishes {@code minimal-token} at these versions, then forgets the requests that took. */
    protected void publishVersions(String... versions) {
        for (String version : versions) {
            digests.put(
                    version,
                    registry.publish(TestContracts.minimalText(version)).digest());
        }
        registry.forgetRequests();
    }

    /**
     * Replaces the registry by another on the same port holding only {@code contractTexts}: the same URL now
     * serves other bytes (or none) for versions the client saw, as after a restore from another backup. The real
     * server never changes a published version, so this is the only honest way to show the client that case.
     * Returns the digests the new registry gave.
     */
    protected List<String> restoreOtherBackup(String... contractTexts) {
        int port = registry.port();
        registry.close();
        registry = LiveRegistry.startOn(port);
        List<String> published = new ArrayList<>();
        for (String text : contractTexts) {
            published.add(registry.publish(text).digest());
        }
        registry.forgetRequests();
        return published;
    }

    /** The digest the registry gave a version {@link #publishVersions} published. */
    protected String digestOf(String version) {
        return digests.get(version);
    }

    /** The canonical text the registry serves for {@code minimal-token@version} (not recorded as a request). */
    protected String servedText(String version) {
        return registry.served("minimal-token", version);
    }
}
