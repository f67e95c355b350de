package dev.tokencontract.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.registry.store.AuditEntry;
import dev.tokencontract.registry.store.ContractStore;
import dev.tokencontract.registry.store.ContractStores;
import dev.tokencontract.registry.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry's promise that a 201 is durable, tested the way it breaks: {@code kill -9} of the real
 * {@code tokencontract serve} while two clients publish over HTTP, {@value #TRIALS} times per store (set
 * {@code -Dtokencontract.crash.trials=N} for a longer run). After each kill the server restarts on the same
 * store; every version ever answered 201 must be served with its digest, its audit entry must exist, and
 * re-publishing it with other bytes must be refused. At the end the store itself is opened and its audit
 * checked for every acknowledged version.
 */
class PublishCrashIT {
    static final int TRIALS = 20;
    private static final int trials = Integer.getInteger("tokencontract.crash.trials", TRIALS);
    private static final long SEED = Long.getLong("tokencontract.crash.seed", System.nanoTime());

    @TempDir
    Path dir;

    @Test
    void serveWhenKilledDuringPublishesOnEmbeddedH2ThenEveryAcknowledgedVersionSurvivesUnchangedWithItsAudit()
            throws Exception {
        Path data = dir.resolve("data");
        CrashTrials crashes = new CrashTrials(dir, List.of("--data", data.toString()), Map.of(), SEED);

        String output = crashes.run(trials).stop();

        report(crashes, "embedded H2", output);
        try (ContractStore store = ContractStores.embedded(data)) {
            assertEveryAcknowledgedVersionIsStoredAndAudited(crashes, store);
        }
    }

    @Test
    void serveWhenKilledDuringPublishesOnPostgresThenEveryAcknowledgedVersionSurvivesUnchangedWithItsAudit()
            throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        String url = postgres.createDatabase();
        Path password = Files.writeString(dir.resolve("db-password"), postgres.password() + "\n");
        CrashTrials crashes = new CrashTrials(
                dir,
                List.of(
                        "--db",
                        url,
                        "--db-password-file",
                        password.toString(),
                        "--data",
                        dir.resolve("data").toString()),
                Map.of("TOKENCONTRACT_DB_USER", postgres.user()),
                SEED);

        String output = crashes.run(trials).stop();

        report(crashes, "PostgreSQL", output);
        try (ContractStore store = ContractStores.open(url, postgres.user(), postgres.password())) {
            assertEveryAcknowledgedVersionIsStoredAndAudited(crashes, store);
        }
    }

    private static void assertEveryAcknowledgedVersionIsStoredAndAudited(CrashTrials crashes, ContractStore store) {
        List<String> audited = store.audit(1_000_000).stream()
                .filter(e -> e.action().equals(AuditEntry.PUBLISH) && e.result().equals(AuditEntry.CREATED))
                .map(e -> e.name() + "@" + e.version() + " " + e.digest())
                .toList();
        for (CrashTrials.Acknowledged a : crashes.acknowledged()) {
            assertThat(store.version(a.name(), a.version()))
                    .as("stored: %s", a)
                    .hasValueSatisfying(
                            v -> assertThat(v.digest()).as("digest of %s", a).isEqualTo(a.digest()));
            assertThat(audited).as("audit entry of %s", a).contains(a.name() + "@" + a.version() + " " + a.digest());
        }
    }

    private void report(CrashTrials crashes, String store, String output) {
        System.out.println("PublishCrashIT (seed " + SEED + ") " + crashes.summary(store));
        assertThat(crashes.failures())
                .as("lost, re-bound or unaudited versions (seed %d)", SEED)
                .isEmpty();
        assertThat(crashes.acknowledged()).hasSizeGreaterThan(trials); // the kills really landed among publishes
        assertThat(output).contains("tokencontract registry stopped").doesNotContain("Exception");
    }
}
