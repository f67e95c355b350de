package dev.tokencontract.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.lock.Lockfile;
import dev.tokencontract.registry.testing.LiveRegistry;
import dev.tokencontract.registry.testing.RegistryTestContracts;
import dev.tokencontract.testing.TestContracts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar as a process against the real registry server: publish, fetch, lock, verify-lock, then a
 * registry restored from another backup (other bytes for the pinned version) fails verify-lock, and a stopped
 * registry falls back to the cache with a warning.
 */
class RegistryCliIT {
    private static final String TOKEN = LiveRegistry.publisherToken();
    private LiveRegistry registry = LiveRegistry.start();

    @TempDir
    Path dir;

    private JarProcess jar;

    @BeforeEach
    void setUp() {
        assertThat(JarProcess.JAR).as("run 'package' first").isRegularFile();
        jar = JarProcess.in(dir)
                .env(RegistryOptions.CACHE_ENV, dir.resolve("cache").toString());
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void publishFetchLockVerifyThenChangedBytesFailVerifyLock() throws Exception {
        Path contract = Files.writeString(dir.resolve("contract.json"), TestContracts.minimalText("1.2.0"));
        Path tokenFile = Files.writeString(dir.resolve("token"), TOKEN + "\n");
        Path lockfile = dir.resolve(Lockfile.FILE_NAME);

        JarProcess.Result publish = jar.run(
                "publish", contract.toString(), "--registry", registry.url(), "--token-file", tokenFile.toString());
        JarProcess.Result fetch = jar.run("fetch", "minimal-token@^1.0.0", "--registry", registry.url());
        JarProcess.Result lock =
                jar.run("lock", "minimal-token@1", "--registry", registry.url(), "--lockfile", lockfile.toString());
        JarProcess.Result verify = jar.run("verify-lock", "--lockfile", lockfile.toString());

        assertThat(publish.exit()).as(publish.err()).isZero();
        assertThat(publish.out()).startsWith("Published minimal-token@1.2.0 to " + registry.url() + " (201 Created)");
        assertThat(fetch.exit()).as(fetch.err()).isZero();
        assertThat(fetch.out()).isEqualTo(registry.served("minimal-token", "1.2.0") + "\n");
        assertThat(lock.exit()).as(lock.err()).isZero();
        assertThat(Files.readString(lockfile))
                .contains("\"registry\" : \"" + registry.url() + "\"", "\"version\" : \"1.2.0\"");
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).endsWith("VERIFIED: 1 entry matches its pinned sha-256 (exit 0)\n");
        for (JarProcess.Result result : new JarProcess.Result[] {publish, fetch, lock, verify}) {
            assertThat(result.out() + result.err())
                    .doesNotContain(TOKEN)
                    .doesNotContain(TOKEN.substring(TOKEN.lastIndexOf('.') + 1))
                    .doesNotContain("Exception", "\tat ");
        }

        int port = registry.port(); // the same URL restored from another backup, where 1.2.0 has other bytes
        registry.close();
        registry = LiveRegistry.startOn(port);
        registry.publish(TestContracts.minimalText("1.2.0").replace("\"tests\"", "\"someone else\""));
        JarProcess.Result changed = jar.run("verify-lock", "--lockfile", lockfile.toString());

        assertThat(changed.exit()).isEqualTo(1);
        assertThat(changed.out())
                .contains("MISMATCH", "minimal-token@1.2.0", "LOCK_DIGEST_MISMATCH")
                .endsWith("FAILED: 1 of 1 entry does not match the lockfile (exit 1)\n");
    }

    @Test
    void fetchWhenRegistryStoppedThenCachedCopyWithOfflineWarning() throws Exception {
        registry.publish(TestContracts.minimalText("1.0.0"));
        String served = registry.served("minimal-token", "1.0.0");
        assertThat(jar.run("fetch", "minimal-token@1.0.0", "--registry", registry.url())
                        .exit())
                .isZero();
        registry.stop();

        JarProcess.Result offline = jar.run("fetch", "minimal-token@1.0.0", "--registry", registry.url());

        assertThat(offline.exit()).isZero();
        assertThat(offline.out()).isEqualTo(served + "\n");
        assertThat(offline.err())
                .contains("warning: REGISTRY_OFFLINE_COPY", "connection refused", "OFFLINE: last good copy from disk");
    }

    @Test
    void publishWhenIncompatibleThenChangesPrintedExitOne() throws Exception {
        registry.publish(TestContracts.minimalText("1.0.0"));
        Path contract = Files.writeString(dir.resolve("contract.json"), RegistryTestContracts.requiringTenant("2.0.0"));

        JarProcess.Result result = jar.env(PublishCommand.TOKEN_ENV, TOKEN)
                .run("publish", contract.toString(), "--registry", registry.url());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err())
                .contains(
                        "409 Incompatible with earlier versions [incompatible]",
                        "REFUSED BREAKING_FOR_CONSUMERS required-added /required: claim 'tenant_id' is now required;"
                                + " tokens without it are rejected (before [\"iss\",\"aud\",\"exp\"], after"
                                + " [\"iss\",\"aud\",\"exp\",\"tenant_id\"]) [against 1.0.0]");
    }
}
