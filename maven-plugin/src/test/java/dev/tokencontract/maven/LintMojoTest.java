package dev.tokencontract.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintMojoTest {
    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();

    private LintMojo mojo() {
        LintMojo mojo = new LintMojo();
        mojo.setLog(log);
        mojo.contractsDirectory = dir.toFile();
        return mojo;
    }

    @Test
    void executeWhenEveryContractValidThenPassesAndSaysSo() throws Exception {
        Files.copy(TestRegistry.SEED.resolve("acme.orders-token-1.0.0.json"), dir.resolve("orders.json"));

        mojo().execute();

        assertThat(log.text()).contains("PASSED acme.orders-token@1.0.0, 0 errors, 0 warnings");
    }

    @Test
    void executeWhenAContractBreaksTheRulesThenFailsWithEveryFindingLikeTheCli() throws Exception {
        Files.copy(TestRegistry.SEED.resolve("acme.orders-token-1.0.0.json"), dir.resolve("a-good.json"));
        Files.copy(Path.of("../docs/examples/crm-token-broken.json"), dir.resolve("b-broken.json"));

        assertThatThrownBy(() -> mojo().execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("tokencontract: 1 of 2 contracts failed lint: b-broken.json (findings above)");
        assertThat(log.text()).contains("[ERROR] Lint of ", "b-broken.json: FAILED", "[ERROR]   ERROR    LINT_");
    }

    @Test
    void executeWhenFileIsNotJsonThenFailsNamingTheFileWithoutAStackTrace() throws Exception {
        Files.writeString(dir.resolve("x.json"), "{\"x-contract\": ");

        assertThatThrownBy(() -> mojo().execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("x.json");
        assertThat(log.text()).contains("x.json: FAILED").doesNotContain("Exception");
    }

    @Test
    void executeWhenNoContractsAndRequiredThenSetupErrorElsePasses() throws Exception {
        LintMojo required = mojo();
        required.failIfNoContracts = true;

        assertThatThrownBy(required::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("no contract (*.json) under");
        mojo().execute();
    }
}
