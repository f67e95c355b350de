package dev.tokencontract.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.lock.LockClient;
import dev.tokencontract.lock.LockEntry;
import dev.tokencontract.lock.LockVerification;
import dev.tokencontract.lock.Lockfile;
import dev.tokencontract.testing.TestContracts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lock, verify and fromLock against the real registry server. */
class RegistryClientLockTest extends RegistryClientTestBase {
    @TempDir
    Path otherCacheDir;

    @TempDir
    Path workDir;

    @BeforeEach
    void publish() {
        registry.publish(otherToken());
        publishVersions("1.0.0", "1.1.0");
    }

    private static String otherToken() {
        return TestContracts.minimal()
                .put("$id", "https://tokencontract.dev/contracts/other-token/2.0.0")
                .toString()
                .replace("\"minimal-token\"", "\"other-token\"")
                .replace("\"1.0.0\"", "\"2.0.0\"");
    }

    private RegistryClient client(Path cache) throws RegistryException {
        return RegistryClient.create(
                registry.url(), RegistrySettings.defaults().withCacheDir(cache).withClock(clock));
    }

    private Lockfile locked() throws Exception {
        return LockClient.of(client(cacheDir)).lock(List.of("minimal-token@^1.0.0", "other-token@2"), null);
    }

    @Test
    void lockWhenRangesThenExactVersionsAndDigestsOfTheServedBytes() throws Exception {
        Lockfile lockfile = locked();

        assertThat(lockfile.registry()).contains(registry.url());
        assertThat(lockfile.entries())
                .containsExactly(
                        new LockEntry(
                                "minimal-token", "1.1.0", digestOf("1.1.0").substring("sha-256:".length())),
                        new LockEntry(
                                "other-token",
                                "2.0.0",
                                lockfile.entries().get(1).sha256()));
    }

    @Test
    void lockWhenSameNameTwiceThenRefused() {
        assertThatThrownBy(() ->
                        LockClient.of(client(cacheDir)).lock(List.of("minimal-token@1", "minimal-token@1.0.0"), null))
                .hasMessageContaining("minimal-token is named twice");
    }

    @Test
    void lockWhenExistingLockfileThenOtherEntriesKept() throws Exception {
        Lockfile first = LockClient.of(client(cacheDir)).lock(List.of("other-token@2"), null);

        Lockfile second = LockClient.of(client(cacheDir)).lock(List.of("minimal-token@1.0.0"), first);

        assertThat(second.entries())
                .extracting(LockEntry::reference)
                .containsExactly("minimal-token@1.0.0", "other-token@2.0.0");
    }

    @Test
    void lockWhenRegistryDownThenRefusedEvenWithACachedCopy() throws Exception {
        LockClient.of(client(cacheDir)).lock(List.of("minimal-token@1"), null);
        registry.stop();

        assertThatThrownBy(() -> LockClient.of(client(cacheDir)).lock(List.of("minimal-token@1"), null))
                .isInstanceOfSatisfying(
                        RegistryException.class,
                        e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.UNREACHABLE))
                .hasMessageContaining("cannot lock minimal-token@1 while the registry is unreachable");
    }

    @Test
    void verifyWhenNothingChangedThenEveryEntryVerified() throws Exception {
        Lockfile lockfile = locked();

        LockVerification verification = LockClient.of(client(otherCacheDir)).verify(lockfile);

        assertThat(verification.passed()).isTrue();
        assertThat(verification.checks())
                .extracting(c -> c.finding().code())
                .containsOnly(FindingCode.LOCK_ENTRY_VERIFIED);
        assertThat(verification.checks())
                .extracting(c -> c.finding().pointer())
                .containsExactly("/contracts/0", "/contracts/1");
    }

    @Test
    void verifyWhenRegistryServesOtherBytesForAPinnedVersionThenDigestMismatch() throws Exception {
        Lockfile lockfile = locked();
        restoreOtherBackup(TestContracts.minimalText("1.1.0").replace("RS256", "PS256"), otherToken());

        LockVerification verification = LockClient.of(client(cacheDir)).verify(lockfile);

        assertThat(verification.passed()).isFalse();
        assertThat(verification.mismatched()).isTrue();
        LockVerification.EntryCheck check = verification.checks().get(0);
        assertThat(check.finding().code()).isEqualTo(FindingCode.LOCK_DIGEST_MISMATCH);
        assertThat(check.finding().expected())
                .isEqualTo(lockfile.entries().get(0).digest());
        assertThat(check.finding().message()).contains("minimal-token@1.1.0: the registry has sha-256:");
        assertThat(verification.checks().get(1).verified()).isTrue();
    }

    @Test
    void verifyWhenLockfileDigestTamperedThenDigestMismatch() throws Exception {
        Lockfile lockfile = locked();
        Lockfile tampered = lockfile.with(new LockEntry("minimal-token", "1.1.0", "b".repeat(64)));

        LockVerification verification = LockClient.of(client(cacheDir)).verify(tampered);

        assertThat(verification.checks().get(0).finding().code()).isEqualTo(FindingCode.LOCK_DIGEST_MISMATCH);
        assertThatThrownBy(() -> LockClient.of(client(cacheDir)).fromLock(tampered))
                .hasMessageContaining("is pinned at sha-256:bbbb");
    }

    @Test
    void verifyWhenPinnedVersionVanishedThenVersionMissing() throws Exception {
        Lockfile lockfile = locked();
        restoreOtherBackup(TestContracts.minimalText("1.0.0"), TestContracts.minimalText("1.1.0"));

        LockVerification verification = LockClient.of(client(cacheDir)).verify(lockfile);

        assertThat(verification.checks().get(1).finding().code()).isEqualTo(FindingCode.LOCK_VERSION_MISSING);
        assertThat(verification.checks().get(1).finding().message())
                .isEqualTo("other-token@2.0.0 is no longer served by the registry (HTTP 404)");
        assertThat(verification.mismatched()).isTrue();
    }

    @Test
    void verifyWhenRegistryDownAndCachedCopyMatchesThenVerifiedOfflineWithWarning() throws Exception {
        Lockfile lockfile = locked();
        LockClient.of(client(cacheDir)).verify(lockfile); // caches the exact versions too
        registry.stop();

        LockVerification verification = LockClient.of(client(cacheDir)).verify(lockfile);

        assertThat(verification.passed()).isTrue();
        assertThat(verification.checks()).allSatisfy(check -> {
            assertThat(check.source()).isEqualTo(FetchSource.OFFLINE_CACHE);
            assertThat(check.warnings()).extracting(Finding::code).containsExactly(FindingCode.REGISTRY_OFFLINE_COPY);
        });
    }

    @Test
    void verifyWhenRegistryDownAndNoCacheThenUncheckedNotMismatched() throws Exception {
        Lockfile lockfile = locked();
        registry.stop();

        LockVerification verification = LockClient.of(client(otherCacheDir)).verify(lockfile);

        assertThat(verification.passed()).isFalse();
        assertThat(verification.mismatched()).isFalse();
        assertThat(verification.checks())
                .extracting(c -> c.finding().code())
                .containsOnly(FindingCode.LOCK_ENTRY_UNCHECKED);
        assertThat(verification.checks()).allMatch(c -> c.finding().meansUnchecked());
    }

    @Test
    void fromLockWhenPinsMatchThenContractsByName() throws Exception {
        Path file = workDir.resolve(Lockfile.FILE_NAME);
        locked().write(file);

        Map<String, Contract> pinned =
                LockClient.fromLock(file, RegistrySettings.defaults().withCacheDir(otherCacheDir));

        assertThat(pinned.keySet()).containsExactly("minimal-token", "other-token");
        assertThat(pinned.get("minimal-token").reference()).isEqualTo("minimal-token@1.1.0");
        assertThat(pinned.get("other-token").reference()).isEqualTo("other-token@2.0.0");
    }

    @Test
    void fromLockWhenRegistryChangedBytesThenRefused() throws Exception {
        Lockfile lockfile = locked();
        restoreOtherBackup(
                TestContracts.minimalText("1.0.0"),
                TestContracts.minimalText("1.1.0"),
                otherToken().replace("RS256", "PS256"));

        assertThatThrownBy(() -> LockClient.of(client(otherCacheDir)).fromLock(lockfile))
                .isInstanceOfSatisfying(
                        RegistryException.class,
                        e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.BAD_RESPONSE))
                .hasMessageContaining("other-token@2.0.0 is pinned at sha-256:");
    }
}
