package dev.tokencontract.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar as a process, in a temporary project: the default registry from a {@code .tokencontract.json}
 * found upward from the working directory or from {@code TOKENCONTRACT_REGISTRY}, {@code lock:NAME} read offline
 * and digest-checked from the cache after the registry is gone, and hostile project files and references. The
 * registry is the real {@code RegistryServer} on port 0.
 */
class RegistryDiscoveryIT {
    private LoopbackRegistry registry;

    @TempDir
    Path dir;

    private Path project;
    private Path deep;
    private Path jwks;

    @BeforeEach
    void setUp() throws Exception {
        registry = LoopbackRegistry.start();
        assertThat(registry.publish(LoopbackRegistry.contract("acme.crm-token", "1.0.0", false)))
                .isEqualTo(201);
        project = Files.createDirectories(dir.resolve("project"));
        deep = Files.createDirectories(project.resolve("src/main/deep"));
        jwks = Files.writeString(dir.resolve("jwks.json"), TestKeys.publicJwks());
        Files.writeString(project.resolve(ProjectFile.NAME), "{\"registry\": \"" + registry.url() + "\"}\n");
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private JarProcess jar(Path workingDirectory) {
        return JarProcess.in(dir)
                .workingDirectory(workingDirectory)
                .env(RegistryOptions.CACHE_ENV, dir.resolve("cache").toString());
    }

    @Test
    void projectFileAboveTheWorkingDirectoryThenLockThenLockReferenceWorksOfflineFromTheCache() throws Exception {
        JarProcess.Result lock = jar(project).run("lock", "acme.crm-token@1");
        JarProcess.Result online = jar(deep)
                .stdin(TestTokens.mcp().signRsa())
                .run(
                        "explain",
                        "--contract",
                        "lock:acme.crm-token",
                        "--jwks",
                        jwks.toString(),
                        "--at",
                        TestTokens.JUDGED_AT.toString());
        registry.close();
        JarProcess.Result offline = jar(deep).run("lint", "lock:acme.crm-token", "--verbose");

        assertThat(lock.exit()).as(lock.err()).isZero();
        assertThat(lock.err())
                .contains("registry " + registry.url() + " (from project file " + project.resolve(ProjectFile.NAME));
        assertThat(project.resolve("tokencontract.lock")).exists();
        assertThat(online.exit()).as(online.out() + online.err()).isZero();
        assertThat(online.out()).contains("acme.crm-token@1.0.0", "ACCEPTED");
        assertThat(offline.exit()).as(offline.err()).isZero();
        assertThat(offline.out())
                .startsWith("Lint of lock:acme.crm-token@1.0.0")
                .contains("PASSED");
        assertThat(offline.err()).contains("lockfile " + project.resolve("tokencontract.lock"));
    }

    @Test
    void lockReferenceWhenCachedCopyEditedThenRefusedNotUsed() throws Exception {
        assertThat(jar(project).run("lock", "acme.crm-token@1").exit()).isZero();
        Path blob;
        try (Stream<Path> files = Files.walk(dir.resolve("cache"))) {
            blob = files.filter(
                            p -> p.toString().endsWith(".json") && p.getParent().endsWith("blobs"))
                    .findFirst()
                    .orElseThrow();
        }
        Files.writeString(blob, Files.readString(blob).replace("acme", "acmf"));
        registry.close();

        JarProcess.Result result = jar(deep).run("lint", "lock:acme.crm-token");

        assertThat(result.exit()).isEqualTo(ExitCode.UNCHECKED);
        assertThat(result.err()).contains("does not match its digest").doesNotContain("PASSED");
    }

    @Test
    void registryReferenceWhenEnvironmentSetThenItBeatsTheProjectFileAndFlagBeatsBoth() throws Exception {
        int deadPort = deadPort();
        JarProcess.Result env = jar(deep)
                .env(DefaultRegistry.ENV, "http://127.0.0.1:" + deadPort)
                .run("lint", "registry:acme.crm-token@1");
        JarProcess.Result flag = jar(deep)
                .env(DefaultRegistry.ENV, "http://127.0.0.1:" + deadPort)
                .run("lint", "registry:acme.crm-token@1", "--registry", registry.url());

        assertThat(env.exit()).isEqualTo(ExitCode.UNCHECKED);
        assertThat(env.err())
                .contains(
                        "(from $TOKENCONTRACT_REGISTRY)", "127.0.0.1:" + deadPort + " unreachable: connection refused");
        assertThat(flag.exit()).as(flag.err()).isZero();
        assertThat(flag.err()).isEmpty();
    }

    @Test
    void registryReferenceWhenOfflineThenLastGoodCopyWithWarningAndUnknownOneFailsInOneLine() throws Exception {
        assertThat(jar(deep).run("lint", "registry:acme.crm-token@1").exit()).isZero();
        registry.close();

        JarProcess.Result cached = jar(deep).run("lint", "registry:acme.crm-token@1");
        JarProcess.Result never = jar(dir).run("lint", "registry:acme.crm-token@2", "--registry", registry.url());

        assertThat(cached.exit()).isZero();
        assertThat(cached.err()).contains("warning: REGISTRY_OFFLINE_COPY");
        assertThat(never.exit()).isEqualTo(ExitCode.UNCHECKED);
        assertThat(never.err().lines().toList())
                .containsExactly("tokencontract lint: contract unavailable: registry:acme.crm-token@2: registry "
                        + registry.url() + " unreachable: connection refused; no copy on disk");
    }

    @Test
    void projectFileWhenHostileThenUsageErrorNamingTheFile() throws Exception {
        Path file = project.resolve(ProjectFile.NAME);
        Files.delete(file);
        Files.createDirectory(file);
        JarProcess.Result directory = jar(deep).run("fetch", "acme.crm-token@1");
        Files.delete(file);
        Files.write(file, new byte[2 * 1024 * 1024]);
        JarProcess.Result huge = jar(deep).run("fetch", "acme.crm-token@1");
        Files.writeString(file, "registry = " + registry.url());
        JarProcess.Result malformed = jar(deep).run("fetch", "acme.crm-token@1");

        for (JarProcess.Result result : List.of(directory, huge, malformed)) {
            assertThat(result.exit()).isEqualTo(ExitCode.USAGE);
            assertThat(result.out()).isEmpty();
            assertThat(result.err())
                    .startsWith("tokencontract fetch: project file " + file)
                    .doesNotContain("Exception");
        }
        assertThat(directory.err()).contains("is a directory");
        assertThat(huge.err()).contains("is larger than 65536 bytes");
        assertThat(malformed.err()).contains("is not one JSON object");
    }

    @Test
    void referencesWhenHostileThenUsageErrorsAndNothingFetched() throws Exception {
        JarProcess.Result traversal = jar(deep).run("lint", "registry:../../x@1");
        JarProcess.Result empty = jar(deep).run("diff", "registry:", "mcp-access-token@1.0.0");
        JarProcess.Result noLockfile = jar(dir).run("lint", "lock:acme.crm-token");

        assertThat(traversal.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(traversal.err()).startsWith("tokencontract lint: 'registry:../../x@1' is not a contract reference");
        assertThat(empty.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(empty.err()).startsWith("tokencontract diff: 'registry:' needs a contract name");
        assertThat(noLockfile.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(noLockfile.err()).contains("no tokencontract.lock in this directory or above");
        assertThat(Files.exists(dir.resolve("cache"))).isFalse();
    }

    private static int deadPort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
