package dev.tokencontract.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real jar as a process: a shipped draft-07 schema becomes a contract that the jar's own lint passes. */
class ImportIT {
    @TempDir
    Path dir;

    @Test
    void importWhenRunAsJarThenContractWrittenAndLintedCleanAndRemoteRefRefused() throws Exception {
        assertThat(JarProcess.JAR).as("run 'package' first").isRegularFile();
        Path examples = Path.of("../docs/examples/import").toAbsolutePath().normalize();
        Path out = dir.resolve("legacy.json");
        JarProcess jar = JarProcess.in(dir);

        JarProcess.Result imported = jar.run(
                "import",
                examples.resolve("legacy-login-token-draft07.json").toString(),
                "--name",
                "legacy-login-token",
                "--version",
                "1.0.0",
                "--owner",
                "identity-team",
                "--alg",
                "RS256",
                "--out",
                out.toString());
        JarProcess.Result lint = jar.run("lint", out.toString());
        JarProcess.Result refused = jar.run(
                "import", examples.resolve("claims-remote-ref-draft07.json").toString(), "--schema-only");

        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("13 changes", "Lint: PASSED");
        assertThat(lint.exit()).isZero();
        assertThat(lint.out()).contains("PASSED: legacy-login-token@1.0.0");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).contains("reaches outside this document").doesNotContain("Exception", "\tat ");
    }
}
