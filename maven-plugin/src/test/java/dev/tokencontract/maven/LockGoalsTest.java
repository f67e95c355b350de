package dev.tokencontract.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokencontract.lock.LockEntry;
import dev.tokencontract.lock.Lockfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lock, verify-lock and fetch against a real registry, then with it stopped, then offline. */
class LockGoalsTest {
    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();
    private final TestRegistry registry;

    LockGoalsTest() throws Exception {
        registry = TestRegistry.start("acme.orders-token-1.0.0.json", "acme.crm-token-1.0.0.json");
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    private <T extends RegistryMojo> T configure(T mojo) {
        mojo.setLog(log);
        mojo.lockfile = dir.resolve("tokencontract.lock").toFile();
        mojo.cacheDir = dir.resolve("cache").toFile();
        mojo.connectTimeoutSeconds = 2;
        mojo.readTimeoutSeconds = 10;
        return mojo;
    }

    private void lock(String... references) throws Exception {
        LockMojo lock = configure(new LockMojo());
        lock.registry = registry.url();
        lock.contracts = List.of(references);
        lock.execute();
    }

    private FetchMojo fetch() {
        FetchMojo fetch = configure(new FetchMojo());
        fetch.outputDirectory = dir.resolve("classes/tokencontract").toFile();
        return fetch;
    }

    @Test
    void lockThenVerifyThenFetchWhenRegistryAgreesThenPinnedBytesOnDisk() throws Exception {
        lock("acme.orders-token@^1.0.0", "acme.crm-token@1");

        configure(new VerifyLockMojo()).execute();
        fetch().execute();

        Lockfile lockfile = Lockfile.read(dir.resolve("tokencontract.lock"));
        assertThat(lockfile.registry()).contains(registry.url());
        assertThat(lockfile.entries())
                .extracting(LockEntry::reference)
                .containsExactly("acme.crm-token@1.0.0", "acme.orders-token@1.0.0");
        assertThat(log.text())
                .contains("acme.orders-token@^1.0.0 -> acme.orders-token@1.0.0  sha256 ")
                .contains("VERIFIED: 2 entries match their pinned sha-256")
                .contains("Fetched acme.orders-token@1.0.0 sha256 ");
        assertThat(dir.resolve("classes/tokencontract/acme.crm-token.json"))
                .content()
                .contains("acme.crm-token");
    }

    @Test
    void verifyWhenLockfileDigestEditedThenBuildFailsWithTheWayForward() throws Exception {
        lock("acme.orders-token@1.0.0");
        Path path = dir.resolve("tokencontract.lock");
        LockEntry entry = Lockfile.read(path).entries().get(0);
        Files.writeString(path, Files.readString(path).replace(entry.sha256(), "ab".repeat(32)));

        assertThatThrownBy(() -> configure(new VerifyLockMojo()).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("1 of 1 lockfile entries do not match the registry")
                .hasMessageContaining("re-pin with `mvn tokencontract:lock`");
        assertThatThrownBy(() -> fetch().execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("is pinned at sha-256:" + "ab".repeat(32));
        assertThat(log.text()).contains("MISMATCH   ").contains("LOCK_DIGEST_MISMATCH");
        assertThat(dir.resolve("classes")).doesNotExist();
    }

    @Test
    void verifyWhenOfflineThenCachedCopiesCheckedAndRegistryNeverContacted() throws Exception {
        lock("acme.orders-token@1.0.0");
        fetch().execute(); // fills the cache
        registry.stop();

        VerifyLockMojo offline = configure(new VerifyLockMojo());
        offline.mavenOffline = true;
        offline.execute();

        assertThat(log.text())
                .contains("(offline)")
                .contains("matches its pinned sha-256 (cached copy; registry unreachable)")
                .contains("offline mode: " + registry.url() + " was not contacted")
                .doesNotContain("connection refused");
    }

    @Test
    void verifyWhenOfflineAndNothingCachedThenSetupErrorSayingHowToFixIt() throws Exception {
        lock("acme.orders-token@1.0.0");
        VerifyLockMojo offline = configure(new VerifyLockMojo());
        offline.cacheDir = dir.resolve("empty-cache").toFile();
        offline.offline = true;

        assertThatThrownBy(offline::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("could not be checked")
                .hasMessageContaining("fetch them once online");
    }

    @Test
    void verifyWhenRegistryDownAndNothingCachedThenSetupErrorNotAFailure() throws Exception {
        lock("acme.orders-token@1.0.0");
        registry.stop();
        VerifyLockMojo verify = configure(new VerifyLockMojo());
        verify.cacheDir = dir.resolve("empty-cache").toFile();

        assertThatThrownBy(verify::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("1 of 1 lockfile entries could not be checked");
        assertThat(log.text()).contains("connection refused");
    }

    @Test
    void lockWhenNothingNamedOrOfflineThenRefused() {
        LockMojo none = configure(new LockMojo());
        none.registry = registry.url();
        assertThatThrownBy(none::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("name what to pin");

        LockMojo offline = configure(new LockMojo());
        offline.registry = registry.url();
        offline.contracts = List.of("acme.orders-token@1");
        offline.mavenOffline = true;
        assertThatThrownBy(offline::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("an offline copy is never pinned");
    }

    @Test
    void lockWhenContractUnknownThenFailureNamingIt() {
        LockMojo lock = configure(new LockMojo());
        lock.registry = registry.url();
        lock.contracts = List.of("acme.nothing@1");

        assertThatThrownBy(lock::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("acme.nothing");
        assertThat(dir.resolve("tokencontract.lock")).doesNotExist();
    }

    @Test
    void verifyWhenLockfileMalformedOrMissingThenClearErrors() throws Exception {
        assertThatThrownBy(() -> configure(new VerifyLockMojo()).execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("no lockfile at")
                .hasMessageContaining("mvn tokencontract:lock");
        Files.writeString(
                dir.resolve("tokencontract.lock"), "{\"lockfileVersion\": 1, \"contracts\": [{\"name\": 1}]}");
        assertThatThrownBy(() -> configure(new VerifyLockMojo()).execute()).isInstanceOf(MojoFailureException.class);
        assertThat(log.text()).contains("[ERROR]   ");
    }
}
