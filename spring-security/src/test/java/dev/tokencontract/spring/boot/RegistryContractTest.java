package dev.tokencontract.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.lock.LockEntry;
import dev.tokencontract.lock.Lockfile;
import dev.tokencontract.registry.testing.LiveRegistry;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * {@code tokencontract.registry.*}: the real registry client and lockfile code against the real registry server
 * on port 0 ({@link LiveRegistry}).
 */
@ExtendWith(OutputCaptureExtension.class)
class RegistryContractTest {
    private static final String JSON = bundled();

    @TempDir
    Path dir;

    private LiveRegistry registry;
    /** The digest of what the registry serves for mcp-access-token@1.0.0 (its canonical form of {@link #JSON}). */
    private String digest;

    private static String bundled() {
        try (InputStream in = RegistryContractTest.class.getResourceAsStream(
                "/tokencontract/contracts/mcp-access-token/1.0.0.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void startRegistry() {
        registry = LiveRegistry.start();
        digest = registry.publish(JSON).digest();
        registry.forgetRequests();
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    private Path lock(String sha256) throws Exception {
        Path file = dir.resolve("tokencontract.lock");
        Lockfile.of(registry.url(), List.of(new LockEntry("mcp-access-token", "1.0.0", sha256)))
                .write(file);
        return file;
    }

    private static String hex(String digest) {
        return digest.substring("sha-256:".length());
    }

    private ApplicationContextRunner runner(Path lockfile, String contract) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(TokencontractAutoConfiguration.class))
                .withPropertyValues(
                        "tokencontract.contract=" + contract,
                        "tokencontract.registry.url=" + registry.url(),
                        "tokencontract.registry.lockfile=" + lockfile,
                        "tokencontract.registry.cache-dir=" + dir.resolve("cache"),
                        "tokencontract.audience=https://crm.example.test/mcp",
                        "tokencontract.issuer-uri=https://login.example.test",
                        "tokencontract.jwks-uri=https://login.example.test/jwks.json");
    }

    private static String description(
            org.springframework.boot.test.context.assertj.AssertableApplicationContext context) {
        FailureAnalysis analysis = new TokencontractFailureAnalyzer().analyze(context.getStartupFailure());
        assertThat(analysis).as("a tokencontract start-up failure").isNotNull();
        return analysis.getDescription();
    }

    @Test
    void startWhenLockPinsTheServedBytesThenThatExactContractFromTheRegistry() throws Exception {
        runner(lock(hex(digest)), "mcp-access-token").run(context -> {
            assertThat(context).hasNotFailed();
            PinnedContract pinned = context.getBean(TokencontractSettings.class).pinned();
            assertThat(pinned.contract().reference()).isEqualTo("mcp-access-token@1.0.0");
            assertThat(pinned.digest()).hasValue(digest);
            assertThat(pinned.source()).hasValue("NETWORK");
            assertThat(pinned.origin()).isEqualTo(registry.url());
            assertThat(pinned.offlineCopy()).isFalse();
        });
        assertThat(registry.requests())
                .extracting(LiveRegistry.Seen::path)
                .containsExactly("/contracts/mcp-access-token/versions/1.0.0");
    }

    @Test
    void startWhenRegistryUnreachableThenTheVerifiedOfflineCopyWithItsWarningLogged(CapturedOutput output)
            throws Exception {
        Path lockfile = lock(hex(digest));
        runner(lockfile, "mcp-access-token").run(context -> assertThat(context).hasNotFailed());
        registry.stop();

        runner(lockfile, "mcp-access-token").run(context -> {
            assertThat(context).hasNotFailed();
            PinnedContract pinned = context.getBean(TokencontractSettings.class).pinned();
            assertThat(pinned.offlineCopy()).isTrue();
            assertThat(pinned.digest()).hasValue(digest);
            assertThat(pinned.warnings()).singleElement().asString().startsWith("REGISTRY_OFFLINE_COPY");
        });
        assertThat(output.getOut() + output.getErr())
                .contains("WARN")
                .contains("tokencontract.contract mcp-access-token@1.0.0: REGISTRY_OFFLINE_COPY");
    }

    @Test
    void startWhenRegistryUnreachableAndNothingCachedThenTheApplicationDoesNotStart() throws Exception {
        Path lockfile = lock(hex(digest));
        registry.stop();

        runner(lockfile, "mcp-access-token")
                .run(context -> assertThat(description(context))
                        .startsWith("tokencontract.contract mcp-access-token@1.0.0 from " + registry.url())
                        .endsWith("unreachable: connection refused; no copy on disk"));
    }

    @Test
    void startWhenRegistryServesOtherBytesThanPinnedThenFailureAnalysisNamesBothDigests() throws Exception {
        Path lockfile = lock(hex(digest));
        int port = registry.port(); // the same URL restored from another backup, where 1.0.0 has other bytes
        registry.close();
        registry = LiveRegistry.startOn(port);
        String changed =
                registry.publish(JSON.replace("\"RS256\"", "\"RS384\"")).digest();

        runner(lockfile, "mcp-access-token").run(context -> {
            FailureAnalysis analysis = new TokencontractFailureAnalyzer().analyze(context.getStartupFailure());

            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription())
                    .contains("is pinned at " + digest)
                    .contains("but the registry has " + changed);
            assertThat(analysis.getAction()).contains("re-pin deliberately");
        });
    }

    @Test
    void startWhenContractNotPinnedOrOtherVersionThenTheApplicationDoesNotStart() throws Exception {
        Path lockfile = lock(hex(digest));

        runner(lockfile, "rfc9068-access-token")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageStartingWith("tokencontract.contract rfc9068-access-token is not pinned in"));
        runner(lockfile, "mcp-access-token@1.1.0")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("pins mcp-access-token@1.0.0"));
        runner(lockfile, "mcp-access-token@^1.0.0")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("the lockfile decides the version"));
        assertThat(registry.requests()).isEmpty();
    }

    @Test
    void startWhenLockfileMissingOrMalformedThenTheApplicationDoesNotStart() throws Exception {
        runner(dir.resolve("absent.lock"), "mcp-access-token")
                .run(context -> assertThat(description(context))
                        .startsWith("tokencontract.registry.lockfile " + dir.resolve("absent.lock")));
        Path garbage = dir.resolve("garbage.lock");
        java.nio.file.Files.writeString(garbage, "{\"lockfileVersion\": \"x\", ");
        runner(garbage, "mcp-access-token")
                .run(context -> assertThat(description(context))
                        .startsWith("tokencontract.registry.lockfile " + garbage.toAbsolutePath()));
    }
}
