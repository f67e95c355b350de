package dev.tokencontract.cli;

import static dev.tokencontract.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.lock.Lockfile;
import dev.tokencontract.testing.FakeRegistry;
import dev.tokencontract.testing.TestContracts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** fetch, lock and verify-lock in-process against a real HTTP server speaking the registry API. */
class FetchLockCommandsTest extends RegistryCliTestBase {

    @Test
    void fetchWhenRangeThenDocumentOnStdoutExactlyAndStatusOnStderr() {
        CliRun.Result result = run("fetch", "minimal-token@^1.0.0");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).isEqualTo(TestContracts.minimalText("1.0.0") + "\n");
        assertThat(result.err())
                .isEqualTo("fetched minimal-token@1.0.0 (" + FakeRegistry.digestOf(TestContracts.minimalText("1.0.0"))
                        + ", from the registry)\n");
    }

    @Test
    void fetchWhenOutThenFileHoldsTheServedBytesAndStdoutEmpty() throws Exception {
        Path out = dir.resolve("sub/contract.json");

        CliRun.Result result = run("fetch", "minimal-token@1", "--out", out.toString());

        assertThat(result.exit()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(Files.readString(out)).isEqualTo(TestContracts.minimalText("1.0.0"));
        assertThat(result.err()).endsWith(" to " + out + "\n");
    }

    @Test
    void fetchWhenSecondTimeThenCachedCopyConfirmedBy304() {
        run("fetch", "minimal-token@1");

        CliRun.Result again = run("fetch", "minimal-token@1");

        assertThat(again.err()).contains("cached copy, confirmed by the registry: 304");
        assertThat(registry.count(304)).isEqualTo(1);
    }

    @Test
    void fetchWhenRegistryStoppedAfterAFetchThenOfflineWarningExitZero() {
        run("fetch", "minimal-token@1");
        registry.stop();

        CliRun.Result result = run("fetch", "minimal-token@1");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).isEqualTo(TestContracts.minimalText("1.0.0") + "\n");
        assertThat(result.err())
                .contains(
                        "warning: REGISTRY_OFFLINE_COPY: Offline: registry",
                        "connection refused",
                        "using the last good copy of minimal-token@1.0.0 from disk, 0 s old",
                        "OFFLINE: last good copy from disk");
    }

    @Test
    void fetchWhenVersionDeprecatedThenWarningOnStderrExitZero() {
        registry.deprecate("minimal-token", "1.0.0");

        CliRun.Result result = run("fetch", "minimal-token@1.0.0");

        assertThat(result.exit()).isZero();
        assertThat(result.err())
                .startsWith("warning: REGISTRY_VERSION_DEPRECATED: The registry marks the version it served for "
                        + "minimal-token@1.0.0 as deprecated.\n");
    }

    @Test
    void fetchWhenUnreachableAndNoCopyThenExit3() {
        registry.stop();

        CliRun.Result result = run("fetch", "minimal-token@1");

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .startsWith("tokencontract fetch: registry http://127.0.0.1:")
                .contains("connection refused; no copy on disk");
    }

    @Test
    void fetchWhenNotFoundThenExit1WithTheProblem() {
        CliRun.Result result = run("fetch", "minimal-token@7");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("""
                tokencontract fetch: the registry has no minimal-token@7 (HTTP 404)
                  404 Version not found [VERSION_NOT_FOUND]
                  no version 7 of minimal-token
                """);
    }

    @Test
    void fetchWhenDigestMismatchThenExit1AndNothingOnStdout() {
        registry.fault(FakeRegistry.Fault.WRONG_DIGEST);

        CliRun.Result result = run("fetch", "minimal-token@1.0.0");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("digest mismatch for minimal-token@1.0.0");
    }

    @Test
    void fetchWhenJsonThenEnvelopeWithTheContract() {
        JsonNode json =
                JSON.readTree(run("fetch", "minimal-token", "--format", "json").out());

        assertThat(json.get("reference").asString()).isEqualTo("minimal-token@1.0.0");
        assertThat(json.get("source").asString()).isEqualTo("NETWORK");
        assertThat(json.get("digest").asString()).startsWith("sha-256:");
        assertThat(json.get("warnings").isEmpty()).isTrue();
        assertThat(json.get("contract")).isEqualTo(JSON.readTree(TestContracts.minimalText("1.0.0")));
    }

    @Test
    void fetchWhenPlainHttpToARemoteHostThenUsageErrorAndNoRequest() {
        CliRun.Result result = cli().run("fetch", "minimal-token@1", "--registry", "http://registry.example.test");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err())
                .startsWith("tokencontract fetch: --registry: refusing plain http to registry.example.test");
    }

    @Test
    void fetchWhenMalformedReferenceOrMissingRegistryThenUsageError() {
        assertThat(run("fetch", "Bad Name@1").exit()).isEqualTo(2);
        assertThat(run("fetch", "a@1", "b@1").err()).contains("expected one NAME@VERSION, got 2");
        CliRun.Result noRegistry = cli().run("fetch", "minimal-token@1");
        assertThat(noRegistry.exit()).isEqualTo(2);
        assertThat(noRegistry.err())
                .startsWith("tokencontract fetch: no registry: pass --registry URL, set TOKENCONTRACT_REGISTRY");
    }

    @Test
    void lockThenVerifyLockWhenNothingChangedThenVerifiedExitZero() throws Exception {
        CliRun.Result lock = run("lock", "minimal-token@^1.0.0", "--lockfile", lockfile.toString());
        CliRun.Result verify = run("verify-lock", "--lockfile", lockfile.toString());

        String sha = FakeRegistry.digestOf(TestContracts.minimalText("1.0.0")).substring(8);
        assertThat(lock.exit()).isZero();
        assertThat(lock.out())
                .isEqualTo("Locked 1 contract in " + lockfile + " (registry " + registry.url() + "):\n"
                        + "  minimal-token@^1.0.0 -> minimal-token@1.0.0  sha256 " + sha + "\n");
        assertThat(Lockfile.read(lockfile).entries())
                .singleElement()
                .satisfies(e -> assertThat(e.sha256()).isEqualTo(sha));
        assertThat(verify.exit()).isZero();
        assertThat(verify.out())
                .isEqualTo("Lockfile " + lockfile + " against " + registry.url() + "\n"
                        + "  ok         minimal-token@1.0.0  matches its pinned sha-256 (cached copy, confirmed by the registry)\n"
                        + "VERIFIED: 1 entry matches its pinned sha-256 (exit 0)\n");
    }

    @Test
    void verifyLockWhenRegistryServesOtherBytesThenMismatchExit1() {
        run("lock", "minimal-token@1", "--lockfile", lockfile.toString());
        registry.replaceBytes(
                "minimal-token", "1.0.0", TestContracts.minimalText("1.0.0").replace("RS256", "ES256"));

        CliRun.Result result = run("verify-lock", "--lockfile", lockfile.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out())
                .contains("  MISMATCH   minimal-token@1.0.0  the registry has sha-256:", "[LOCK_DIGEST_MISMATCH]")
                .endsWith("FAILED: 1 of 1 entry does not match the lockfile (exit 1)\n");
    }

    @Test
    void verifyLockWhenVersionVanishedThenMissingExit1() {
        run("lock", "minimal-token@1", "--lockfile", lockfile.toString());
        registry.remove("minimal-token", "1.0.0");

        CliRun.Result result = run("verify-lock", "--lockfile", lockfile.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out())
                .contains(
                        "  MISSING    minimal-token@1.0.0  is no longer served by the registry (HTTP 404) [LOCK_VERSION_MISSING]");
    }

    @Test
    void verifyLockWhenUnreachableWithoutCacheThenUncheckedExit3() {
        run("lock", "minimal-token@1", "--lockfile", lockfile.toString());
        registry.stop();

        CliRun.Result result = cli().run(
                        "verify-lock",
                        "--lockfile",
                        lockfile.toString(),
                        "--cache-dir",
                        dir.resolve("empty-cache").toString());

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.out())
                .contains("UNCHECKED", "[LOCK_ENTRY_UNCHECKED]")
                .endsWith("could not be checked (exit 3)\n");
    }

    @Test
    void verifyLockWhenUnreachableWithMatchingCacheThenVerifiedWithWarning() {
        run("lock", "minimal-token@1", "--lockfile", lockfile.toString());
        run("verify-lock", "--lockfile", lockfile.toString());
        registry.stop();

        CliRun.Result result = run("verify-lock", "--lockfile", lockfile.toString());

        assertThat(result.exit()).isZero();
        assertThat(result.out())
                .contains(
                        "matches its pinned sha-256 (cached copy; registry unreachable)",
                        "warning REGISTRY_OFFLINE_COPY: Offline:");
    }

    @Test
    void verifyLockWhenLockfileMalformedThenEveryProblemListedExit1() throws Exception {
        Files.writeString(
                lockfile,
                "{\"lockfileVersion\":1,\"contracts\":[{\"name\":\"a\",\"version\":\"^1\",\"sha256\":\"x\"},"
                        + "{\"name\":\"a\",\"version\":\"1.0.0\",\"sha256\":5}],\"extra\":1}");

        CliRun.Result result = run("verify-lock", "--lockfile", lockfile.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err())
                .isEqualTo("tokencontract verify-lock: lockfile " + lockfile + " is not acceptable\n"
                        + "  /extra: unknown field\n"
                        + "  /contracts/0: 'a@^1' is not a contract reference like mcp-access-token@^1.0.0: the version must be exact "
                        + "(1.2.3), a prefix (1 or 1.2), ^1.2.3, ~1.2, ~1.2.3 or latest\n"
                        + "  /contracts/1/sha256: must be a string\n");
        assertThat(registry.requests()).isEmpty();
    }

    @Test
    void verifyLockWhenNoLockfileThenClearErrorExit1() {
        CliRun.Result result =
                run("verify-lock", "--lockfile", dir.resolve("none.lock").toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err())
                .isEqualTo("tokencontract verify-lock: no lockfile at " + dir.resolve("none.lock") + "\n");
    }

    @Test
    void verifyLockWhenJsonThenEntriesWithFindings() {
        run("lock", "minimal-token@1", "--lockfile", lockfile.toString());

        JsonNode json = JSON.readTree(run("verify-lock", "--lockfile", lockfile.toString(), "--format", "json")
                .out());

        assertThat(json.get("passed").asBoolean()).isTrue();
        assertThat(json.get("exitCode").asInt()).isZero();
        assertThat(json.get("entries").get(0).get("finding").get("code").asString())
                .isEqualTo("LOCK_ENTRY_VERIFIED");
        assertThat(json.get("entries").get(0).get("source").asString()).isEqualTo("NOT_MODIFIED");
    }

    @Test
    void lockWhenNoReferenceOrSameNameTwiceThenUsageOrRefusal() {
        assertThat(run("lock", "--lockfile", lockfile.toString()).exit()).isEqualTo(2);
        CliRun.Result twice = run("lock", "minimal-token@1", "minimal-token@1.0.0", "--lockfile", lockfile.toString());
        assertThat(twice.exit()).isEqualTo(2);
        assertThat(twice.err()).contains("minimal-token is named twice");
        assertThat(lockfile).doesNotExist();
    }

    @Test
    void lockWhenExistingLockfileIsMalformedThenNotOverwritten() throws Exception {
        Files.writeString(lockfile, "not json");

        CliRun.Result result = run("lock", "minimal-token@1", "--lockfile", lockfile.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(Files.readString(lockfile)).isEqualTo("not json");
    }

    @Test
    void lockWhenJsonThenLockfilePathRegistryAndEntries() {
        CliRun.Result result = run("lock", "minimal-token@1", "--lockfile", lockfile.toString(), "--format", "json");

        assertThat(result.exit()).isZero();
        assertThat(JSON.readTree(result.out())).isEqualTo(JSON.readTree("""
                {"lockfile":"%s","registry":"%s","contracts":[{"name":"minimal-token","version":"1.0.0","sha256":"%s"}]}
                """.formatted(
                lockfile,
                registry.url(),
                FakeRegistry.digestOf(TestContracts.minimalText("1.0.0")).substring(8))));
    }
}
