package dev.tokencontract.cli;

import static dev.tokencontract.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mode}, {@code deprecate}, and the way forward printed after a refused publish, against a real registry
 * on port 0 (one per test: each changes modes and states).
 */
class RegistryAdminCommandsTest {
    private LoopbackRegistry registry;

    @TempDir
    Path dir;

    private Path tokenFile;

    @BeforeEach
    void start() throws Exception {
        registry = LoopbackRegistry.start();
        assertThat(registry.publish(LoopbackRegistry.contract("acme.crm-token", "1.0.0", false)))
                .isEqualTo(201);
        tokenFile = Files.writeString(dir.resolve("admin.token"), registry.token() + "\n");
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private CliRun.Result run(String... args) {
        return cli().env(RegistryOptions.CACHE_ENV, dir.resolve("cache").toString())
                .env(DefaultRegistry.ENV, registry.url())
                .run(args);
    }

    @Test
    void modeWhenAdminTokenThenSetAndAPublishTheOldModeRefusedGoesThrough() throws Exception {
        Path v2 = Files.writeString(dir.resolve("v2.json"), LoopbackRegistry.contract("acme.crm-token", "1.1.0", true));

        CliRun.Result refused = run("publish", v2.toString(), "--token-file", tokenFile.toString());
        CliRun.Result mode = run("mode", "acme.crm-token", "FORWARD_TRANSITIVE", "--token-file", tokenFile.toString());
        CliRun.Result accepted = run("publish", v2.toString(), "--token-file", tokenFile.toString());

        assertThat(refused.exit()).isEqualTo(ExitCode.REJECTED);
        assertThat(refused.err())
                .contains(
                        "way forward (published versions never change):",
                        "under a new contract name (e.g. acme.crm-token-v2)",
                        "tokencontract mode acme.crm-token FORWARD_TRANSITIVE (admin token)")
                .doesNotContain("--acknowledge-widening");
        assertThat(mode.exit()).as(mode.err()).isZero();
        assertThat(mode.out())
                .isEqualTo("mode of acme.crm-token is now FORWARD_TRANSITIVE at " + registry.url() + "\n");
        assertThat(accepted.exit()).as(accepted.err()).isZero();
        assertTokenNeverShown(refused, mode, accepted);
    }

    @Test
    void publishWhenNewMajorVersionUnderTransitiveModeThenRefusedTooAsTheAdviceSays() throws Exception {
        Path v2 = Files.writeString(dir.resolve("v2.json"), LoopbackRegistry.contract("acme.crm-token", "2.0.0", true));

        CliRun.Result result = run("publish", v2.toString(), "--token-file", tokenFile.toString());

        assertThat(result.exit()).isEqualTo(ExitCode.REJECTED);
        assertThat(result.err())
                .contains("409", "a new major version of acme.crm-token is judged under FULL_TRANSITIVE");
    }

    @Test
    void publishWhenVersionExistsWithOtherContentThenAdviceBumpsTheVersion() throws Exception {
        Path changed =
                Files.writeString(dir.resolve("c.json"), LoopbackRegistry.contract("acme.crm-token", "1.0.0", true));

        CliRun.Result result = run("publish", changed.toString(), "--token-file", tokenFile.toString());

        assertThat(result.exit()).isEqualTo(ExitCode.REJECTED);
        assertThat(result.err()).contains("[version-conflict]", "x-contract.version (e.g. 1.0.1) and publish that");
    }

    @Test
    void publishWhenOnlyWideningRefusedThenAdviceIsTheAcknowledgement() throws Exception {
        String widened = LoopbackRegistry.contract("acme.crm-token", "1.1.0", false)
                .replace("\"maxItems\" : 256", "\"maxItems\" : 512");
        assertThat(widened).contains("\"maxItems\" : 512");
        Path file = Files.writeString(dir.resolve("w.json"), widened);
        run("mode", "acme.crm-token", "BACKWARD_TRANSITIVE", "--token-file", tokenFile.toString());

        CliRun.Result refused = run("publish", file.toString(), "--token-file", tokenFile.toString());
        CliRun.Result acknowledged =
                run("publish", file.toString(), "--token-file", tokenFile.toString(), "--acknowledge-widening");

        assertThat(refused.exit()).isEqualTo(ExitCode.REJECTED);
        assertThat(refused.err())
                .contains("publish again with --acknowledge-widening")
                .doesNotContain("tokencontract mode", "new contract name");
        assertThat(acknowledged.exit()).as(acknowledged.err()).isZero();
    }

    @Test
    void deprecateWhenExactVersionThenRangesSkipItAndAnExactFetchWarns() throws Exception {
        assertThat(registry.publish(LoopbackRegistry.contract("acme.crm-token", "1.0.1", false)))
                .isEqualTo(201);

        CliRun.Result deprecate = run("deprecate", "acme.crm-token@1.0.1", "--token-file", tokenFile.toString());
        CliRun.Result range = run("lint", "registry:acme.crm-token@^1.0.0");
        CliRun.Result exact = run("lint", "registry:acme.crm-token@1.0.1");
        CliRun.Result undo = run("deprecate", "acme.crm-token@1.0.1", "--undo", "--token-file", tokenFile.toString());

        assertThat(deprecate.exit()).as(deprecate.err()).isZero();
        assertThat(deprecate.out()).startsWith("acme.crm-token@1.0.1 is now DEPRECATED at " + registry.url());
        assertThat(range.out()).startsWith("Lint of registry:acme.crm-token@1.0.0");
        assertThat(exact.exit()).isZero();
        assertThat(exact.err()).contains("warning: REGISTRY_VERSION_DEPRECATED");
        assertThat(undo.out()).startsWith("acme.crm-token@1.0.1 is now ACTIVE");
    }

    @Test
    void modeWhenTokenFromEnvironmentThenUsedAndWhenWrongThen401Explained() {
        CliRun.Result fromEnv = cli().env(DefaultRegistry.ENV, registry.url())
                .env(AdminToken.ENV, registry.token())
                .run("mode", "acme.crm-token", "FULL");
        CliRun.Result wrong = cli().env(DefaultRegistry.ENV, registry.url())
                .env(AdminToken.ENV, "not-a-token")
                .run("mode", "acme.crm-token", "NONE");

        assertThat(fromEnv.exit()).as(fromEnv.err()).isZero();
        assertThat(wrong.exit()).isEqualTo(ExitCode.REJECTED);
        assertThat(wrong.err()).contains("(HTTP 401)", "[token-invalid]");
    }

    @Test
    void modeAndDeprecateWhenArgumentsWrongThenUsageErrorsWithSuggestions() {
        CliRun.Result typo = run("mode", "acme.crm-token", "BACKWRD", "--token-file", tokenFile.toString());
        CliRun.Result versioned = run("mode", "acme.crm-token@1.0.0", "FULL", "--token-file", tokenFile.toString());
        CliRun.Result range = run("deprecate", "acme.crm-token@^1.0.0", "--token-file", tokenFile.toString());
        CliRun.Result noToken = cli().env(DefaultRegistry.ENV, registry.url()).run("deprecate", "acme.crm-token@1.0.0");
        CliRun.Result tokenArgument = run("mode", "acme.crm-token", "FULL", "--token", registry.token());

        assertThat(typo.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(typo.err()).contains("did you mean 'BACKWARD'?");
        assertThat(versioned.err()).contains("a mode belongs to the contract, not to a version");
        assertThat(range.err()).contains("name one exact version");
        assertThat(noToken.err()).contains("no admin token: pass --token-file FILE or set TOKENCONTRACT_ADMIN_TOKEN");
        assertThat(tokenArgument.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(tokenArgument.err()).contains("unknown option '--token'; did you mean '--token-file'?");
        assertTokenNeverShown(typo, versioned, range, noToken, tokenArgument);
    }

    @Test
    void modeWhenContractUnknownThen404() {
        CliRun.Result result = run("mode", "acme.crm-tokn", "FULL", "--token-file", tokenFile.toString());

        assertThat(result.exit()).isEqualTo(ExitCode.REJECTED);
        assertThat(result.err()).contains("(HTTP 404)");
    }

    private void assertTokenNeverShown(CliRun.Result... results) {
        String signature = registry.token().substring(registry.token().lastIndexOf('.') + 1);
        for (CliRun.Result result : results) {
            assertThat(result.out() + result.err()).doesNotContain(signature);
        }
    }
}
