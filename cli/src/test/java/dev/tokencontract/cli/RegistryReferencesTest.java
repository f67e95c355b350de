package dev.tokencontract.cli;

import static dev.tokencontract.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code registry:NAME@RANGE} wherever a contract is taken (explain, diff, conform, lint), the registry chosen by
 * --registry or $TOKENCONTRACT_REGISTRY, against one real registry on port 0 for the class.
 */
class RegistryReferencesTest {
    private static LoopbackRegistry registry;

    @TempDir
    Path dir;

    @BeforeAll
    static void startRegistry() throws Exception {
        registry = LoopbackRegistry.start();
        assertThat(registry.publish(LoopbackRegistry.contract("acme.crm-token", "1.0.0", false)))
                .isEqualTo(201);
        assertThat(registry.publish(LoopbackRegistry.contract("acme.crm-token", "1.0.1", false)))
                .isEqualTo(201);
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    private CliRun run() {
        return cli().env(RegistryOptions.CACHE_ENV, dir.resolve("cache").toString());
    }

    @Test
    void explainWhenContractIsRegistryRangeThenFetchedAndTokenAccepted() throws Exception {
        Path jwks = Files.writeString(dir.resolve("jwks.json"), TestKeys.publicJwks());

        CliRun.Result result = run().stdin(TestTokens.mcp().signRsa())
                .run(
                        "explain",
                        "--contract",
                        "registry:acme.crm-token@^1.0.0",
                        "--registry",
                        registry.url(),
                        "--jwks",
                        jwks.toString());

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("acme.crm-token@1.0.1", "ACCEPTED");
        assertThat(result.err()).doesNotContain("(from"); // --registry given: nothing to explain
    }

    @Test
    void explainWhenRegistryFromEnvironmentThenNotedOnStderr() throws Exception {
        Path jwks = Files.writeString(dir.resolve("jwks.json"), TestKeys.publicJwks());

        CliRun.Result result = run().env(DefaultRegistry.ENV, registry.url())
                .stdin(TestTokens.mcp()
                        .without("tenant_id")
                        .claim("tid", "72f9")
                        .signRsa())
                .run("explain", "--contract", "registry:acme.crm-token@1.0.0", "--jwks", jwks.toString());

        assertThat(result.exit()).isEqualTo(ExitCode.REJECTED);
        assertThat(result.err()).contains("registry " + registry.url() + " (from $" + DefaultRegistry.ENV + ")");
        assertThat(result.out()).contains("CLAIM_MISSING", "carries 'tid' (Entra ID)");
    }

    @Test
    void diffWhenBothSidesFromRegistryThenCompared() {
        CliRun.Result result = run().run(
                        "diff",
                        "registry:acme.crm-token@1.0.0",
                        "registry:acme.crm-token@1.0.1",
                        "--registry",
                        registry.url());

        assertThat(result.exit()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("acme.crm-token@1.0.0", "acme.crm-token@1.0.1");
    }

    @Test
    void lintWhenRegistryReferenceThenPassesAndNamesTheResolvedVersion() {
        CliRun.Result result = run().run("lint", "registry:acme.crm-token@1", "--registry", registry.url());

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out())
                .startsWith("Lint of registry:acme.crm-token@1.0.1")
                .contains("PASSED");
    }

    @Test
    void conformCompatWhenBothFromRegistryThenRuns() {
        CliRun.Result result = run().run(
                        "conform",
                        "compat",
                        "--contract",
                        "registry:acme.crm-token@1.0.0",
                        "--against",
                        "registry:acme.crm-token@1.0.1",
                        "--tries",
                        "20",
                        "--seed",
                        "1",
                        "--registry",
                        registry.url());

        assertThat(result.exit()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("acme.crm-token@1.0.0", "acme.crm-token@1.0.1");
    }

    @Test
    void lintWhenNameMistypedThenDidYouMeanFromTheRegistrysList() {
        CliRun.Result result = run().run("lint", "registry:acme.crm-tokn@1", "--registry", registry.url());

        assertThat(result.exit()).isEqualTo(ExitCode.UNCHECKED);
        assertThat(result.err())
                .contains(
                        "the registry has no acme.crm-tokn@1 (HTTP 404): no contract named 'acme.crm-tokn'",
                        "; did you mean 'acme.crm-token'?");
    }

    @Test
    void explainWhenReferenceMalformedThenUsageErrorBeforeAnyRequest() {
        CliRun.Result traversal =
                run().stdin("x.y.z").run("explain", "--contract", "registry:../../x@1", "--registry", registry.url());
        CliRun.Result empty =
                run().stdin("x.y.z").run("explain", "--contract", "registry:", "--registry", registry.url());
        CliRun.Result lockVersion = run().run("lint", "lock:acme.crm-token@1.0.0");

        assertThat(traversal.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(traversal.err())
                .startsWith("tokencontract explain: 'registry:../../x@1' is not a contract reference");
        assertThat(empty.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(empty.err()).startsWith("tokencontract explain: 'registry:' needs a contract name");
        assertThat(lockVersion.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(lockVersion.err()).contains("lock: takes a contract name only");
    }

    @Test
    void lintWhenRegistryUnreachableThenOneClearLineAndExit3() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort(); // closed again: nothing listens there
        }
        CliRun.Result result = run().run("lint", "registry:acme.crm-token@1", "--registry", "http://127.0.0.1:" + port);

        assertThat(result.exit()).isEqualTo(ExitCode.UNCHECKED);
        assertThat(result.err().lines().toList())
                .containsExactly(
                        "tokencontract lint: contract unavailable: registry:acme.crm-token@1: registry http://127.0.0.1:"
                                + port + " unreachable: connection refused; no copy on disk");
    }

    @Test
    void explainWhenNoRegistryAnywhereThenUsageErrorNamesEveryPlace() {
        CliRun.Result result = run().stdin("x.y.z").run("explain", "--contract", "registry:acme.crm-token@1");

        // the working directory of the test run (cli/) has no .tokencontract.json above it in a clean checkout
        assertThat(result.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("no registry: pass --registry URL, set TOKENCONTRACT_REGISTRY, or put");
    }

    @Test
    void explainWhenRefusedUrlFromEnvironmentThenUsageErrorSaysWhere() {
        CliRun.Result result = run().env(DefaultRegistry.ENV, "http://registry.example.test")
                .stdin("x.y.z")
                .run("explain", "--contract", "registry:acme.crm-token@1");

        assertThat(result.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("registry from $TOKENCONTRACT_REGISTRY: refusing plain http");
    }
}
