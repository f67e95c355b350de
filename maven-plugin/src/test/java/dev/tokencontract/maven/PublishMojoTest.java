package dev.tokencontract.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishMojoTest {
    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();

    private PublishMojo mojo(TestRegistry registry, String project) throws Exception {
        PublishMojo mojo = new PublishMojo();
        mojo.setLog(log);
        mojo.registry = registry.url();
        mojo.contractsDirectory =
                Path.of("src/it", project, "src/main/contracts").toFile();
        mojo.cacheDir = dir.resolve("cache").toFile();
        mojo.lockfile = dir.resolve("tokencontract.lock").toFile();
        mojo.connectTimeoutSeconds = 2;
        mojo.readTimeoutSeconds = 30;
        mojo.tokenFile =
                Files.writeString(dir.resolve("token"), registry.token() + "\n").toFile();
        return mojo;
    }

    @Test
    void executeWhenCompatibleThenCreatedAndAgainUnchanged() throws Exception {
        try (TestRegistry registry = TestRegistry.start("acme.orders-token-1.0.0.json")) {
            mojo(registry, "passes").execute();
            mojo(registry, "passes").execute();

            assertThat(log.text())
                    .contains("Published acme.orders-token@1.1.0 from ")
                    .contains("created (HTTP 201) sha-256:")
                    .contains("already there with the same content (HTTP 200)")
                    .doesNotContain(registry.token());
        }
    }

    @Test
    void executeWhenIncompatibleThenFailsWithTheRegistrysChangesAndCounterexample() throws Exception {
        try (TestRegistry registry = TestRegistry.start("acme.orders-token-1.0.0.json")) {
            assertThatThrownBy(() -> mojo(registry, "drift-breaking").execute())
                    .isInstanceOf(MojoFailureException.class)
                    .hasMessageContaining("the registry refused");
            assertThat(log.text())
                    .contains("[consumer-breaking] /required")
                    .contains("Counterexample (consumer-breaking, against 1.0.0)");
        }
    }

    @Test
    void executeWhenTokenWrongThenSetupErrorWithoutTheToken() throws Exception {
        try (TestRegistry registry = TestRegistry.start()) {
            PublishMojo mojo = mojo(registry, "passes");
            Files.writeString(mojo.tokenFile.toPath(), "not.a-valid.token-value\n");

            assertThatThrownBy(mojo::execute)
                    .isInstanceOf(MojoExecutionException.class)
                    .hasMessageContaining("cannot publish")
                    .hasMessageNotContaining("not.a-valid.token-value");
        }
    }

    @Test
    void executeWhenNoTokenAnywhereThenSetupErrorNamingTheVariable() throws Exception {
        try (TestRegistry registry = TestRegistry.start()) {
            PublishMojo mojo = mojo(registry, "passes");
            mojo.tokenFile = null;
            mojo.tokenEnv = "TOKENCONTRACT_TEST_TOKEN_THAT_IS_NOT_SET";

            assertThatThrownBy(mojo::execute)
                    .isInstanceOf(MojoExecutionException.class)
                    .hasMessageContaining("TOKENCONTRACT_TEST_TOKEN_THAT_IS_NOT_SET is not set");
        }
    }
}
