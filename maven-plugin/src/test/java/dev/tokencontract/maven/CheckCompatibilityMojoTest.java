package dev.tokencontract.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCompatibilityMojoTest {
    private static final Path IT = Path.of("src/it");

    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();

    private CheckCompatibilityMojo mojo(String project) {
        CheckCompatibilityMojo mojo = new CheckCompatibilityMojo();
        mojo.setLog(log);
        mojo.contractsDirectory =
                IT.resolve(project).resolve("src/main/contracts").toFile();
        mojo.lockfile = dir.resolve("tokencontract.lock").toFile();
        mojo.cacheDir = dir.resolve("cache").toFile();
        mojo.connectTimeoutSeconds = 2;
        mojo.readTimeoutSeconds = 30;
        mojo.mode = "FULL_TRANSITIVE";
        return mojo;
    }

    @Test
    void executeWhenRegistryHoldsAnEarlierVersionAndTheChangeBreaksConsumersThenFailsWithChangesAndWitness()
            throws Exception {
        try (TestRegistry registry = TestRegistry.start("acme.orders-token-1.0.0.json")) {
            CheckCompatibilityMojo mojo = mojo("drift-breaking");
            mojo.registry = registry.url();

            assertThatThrownBy(mojo::execute)
                    .isInstanceOf(MojoFailureException.class)
                    .hasMessageContaining("1 of 1 contract is incompatible with the published versions")
                    .hasMessageContaining("acme.orders-token@1.2.0: INCOMPATIBLE under FULL_TRANSITIVE: 2 of 2");
            assertThat(log.text())
                    .contains("[ERROR] Compatibility of acme.orders-token@1.2.0 with version 1.0.0 of the registry "
                            + registry.url() + " under FULL_TRANSITIVE (widening not acknowledged)")
                    .contains("[ERROR]     [consumer-breaking] /required  claim 'region' is now required")
                    .contains("[ERROR]   Counterexample (consumer-breaking, against 1.0.0) rejected by CLAIM_MISSING")
                    .contains("\"tenant_id\"");
        }
    }

    @Test
    void executeWhenRegistryHasNoSuchContractThenCompatibleWithNothingToCompare() throws Exception {
        try (TestRegistry registry = TestRegistry.start()) {
            CheckCompatibilityMojo mojo = mojo("passes");
            mojo.registry = registry.url();

            mojo.execute();

            assertThat(log.text())
                    .contains("with no earlier version of the registry")
                    .contains("COMPATIBLE under FULL_TRANSITIVE: 0 changes, none refused");
        }
    }

    @Test
    void executeWhenBaselineWidensUnderBackwardThenRefusedUnlessAcknowledged() throws Exception {
        CheckCompatibilityMojo refused = mojo("widening-unacknowledged");
        refused.baseline =
                TestRegistry.SEED.resolve("acme.widening-token-1.0.0.json").toFile();
        refused.mode = "backward";

        assertThatThrownBy(refused::execute).isInstanceOf(MojoFailureException.class);
        assertThat(log.text())
                .contains("[producer-breaking widening] /properties/roles/items/enum")
                .contains("if the widening is intended, set <acknowledgeWidening>true</acknowledgeWidening>");

        CheckCompatibilityMojo acknowledged = mojo("widening-unacknowledged");
        acknowledged.baseline = refused.baseline;
        acknowledged.mode = "BACKWARD";
        acknowledged.acknowledgeWidening = true;
        acknowledged.execute();
        assertThat(log.text()).contains("COMPATIBLE under BACKWARD: 1 change, none refused");
    }

    @Test
    void executeWhenBaselineDirectoryThenComparedWithTheSameNameOnly() throws Exception {
        CheckCompatibilityMojo mojo = mojo("drift-breaking");
        mojo.baseline = TestRegistry.SEED.toFile();

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);
        assertThat(log.text()).contains("with version 1.0.0 of baseline").doesNotContain("widening-token");
    }

    @Test
    void executeWhenModeUnknownThenSetupErrorListingTheModes() {
        CheckCompatibilityMojo mojo = mojo("passes");
        mojo.baseline = new File("src/it/registry-seed");
        mojo.mode = "SIDEWAYS";

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("mode must be one of [NONE, BACKWARD")
                .hasMessageContaining("not 'SIDEWAYS'");
    }

    @Test
    void executeWhenRegistryDownThenOneLineSetupErrorNotAStackTrace() {
        CheckCompatibilityMojo mojo = mojo("passes");
        mojo.registry = "http://127.0.0.1:1";

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("tokencontract: could not check acme.orders-token@1.1.0 against the registry: registry"
                        + " http://127.0.0.1:1 is unreachable: connection refused")
                .hasNoCause();
    }

    @Test
    void executeWhenOfflineThenRefusesToPretendItChecked() {
        CheckCompatibilityMojo mojo = mojo("passes");
        mojo.registry = "http://127.0.0.1:1";
        mojo.mavenOffline = true;

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("offline, so acme.orders-token@1.1.0 cannot be checked against the registry");
    }

    @Test
    void executeWhenRegistryUrlIsPlainHttpOffLoopbackThenRefusedBeforeAnythingIsSent() throws Exception {
        CheckCompatibilityMojo mojo = mojo("passes");
        mojo.registry = "http://registry.example.test";

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("the registry URL is not acceptable");
        assertThat(Files.exists(dir.resolve("cache"))).isFalse();
    }
}
