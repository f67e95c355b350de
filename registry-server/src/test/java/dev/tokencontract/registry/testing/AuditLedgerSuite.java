package dev.tokencontract.registry.testing;

import static dev.tokencontract.registry.testing.StoreFixtures.content;
import static dev.tokencontract.registry.testing.StoreFixtures.newVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokencontract.registry.store.AuditEntry;
import dev.tokencontract.registry.store.ContractStore;
import dev.tokencontract.registry.store.NewVersion;
import dev.tokencontract.registry.store.PublishAttempt;
import dev.tokencontract.registry.store.PublishAttempt.Outcome;
import dev.tokencontract.registry.store.PublishGuard;
import dev.tokencontract.registry.store.StoreException;
import dev.tokencontract.registry.store.internal.JdbcContractStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The audit as the ledger of acknowledged publishes, over a database that outlives one open store: the
 * version and its {@code 201 created} entry commit together, a number the audit holds is never bound to
 * other bytes, and a store whose versions disagree with its audit refuses to open.
 */
public abstract class AuditLedgerSuite {
    private ContractStore store;

    /** Opens a store over this test's database: the same database on every call within one test. */
    protected abstract ContractStore open();

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    private ContractStore store() {
        if (store == null) {
            store = open();
        }
        return store;
    }

    private void reopen() {
        store().close();
        store = null;
    }

    /** A version row written by plain SQL, as a registry before this check would have stored it. */
    private void insertBehindTheStoresBack(NewVersion version) throws SQLException {
        try (Connection connection = ((JdbcContractStore) store()).dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO contracts (name) VALUES (?)");
                PreparedStatement row = connection.prepareStatement(
                        "INSERT INTO versions (name, version, major, minor,"
                                + " patch, content, digest, state, published_by, published_at) VALUES (?, ?, 1, 0, 0, ?, ?, 'ACTIVE', ?, ?)")) {
            insert.setString(1, version.name());
            insert.executeUpdate();
            row.setString(1, version.name());
            row.setString(2, version.version());
            row.setString(3, version.content());
            row.setString(4, version.digest());
            row.setString(5, version.publishedBy());
            row.setObject(6, OffsetDateTime.ofInstant(version.publishedAt(), ZoneOffset.UTC));
            row.executeUpdate();
        }
    }

    @Test
    void publishWhenCreatedEntryGivenThenVersionAndEntryStoredTogether() {
        NewVersion v1 = newVersion("identity.access", "1.0.0", content("one"));
        AuditEntry created = AuditEntry.created(v1, "alice", "ci");

        assertThat(store().publish(v1, PublishGuard.ALLOW, created).outcome()).isEqualTo(Outcome.CREATED);

        assertThat(store().audit(10)).containsExactly(created);
        NewVersion refused = newVersion("identity.access", "1.1.0", content("two"));
        assertThat(store().publish(
                                refused,
                                (existing, mode) -> Optional.of("no"),
                                AuditEntry.created(refused, "alice", null))
                        .outcome())
                .isEqualTo(Outcome.REFUSED);
        assertThat(store().audit(10)).containsExactly(created); // refused: neither version nor entry
    }

    @Test
    void publishWhenCreatedEntryNamesAnotherVersionThenIllegalArgumentAndNothingWritten() {
        NewVersion v1 = newVersion("identity.access", "1.0.0", content("one"));
        NewVersion other = newVersion("identity.access", "1.0.1", content("one"));

        assertThatThrownBy(() -> store().publish(v1, PublishGuard.ALLOW, AuditEntry.created(other, "alice", null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store().versions("identity.access")).isEmpty();
        assertThat(store().audit(10)).isEmpty();
    }

    @Test
    void publishWhenAuditHoldsTheNumberWithOtherBytesThenReservedNothingWrittenAndSameBytesRestoreIt() {
        NewVersion acknowledged = newVersion("identity.access", "1.0.0", content("acknowledged"));
        // the version row lost (as by a crash before commits were durable), its audit entry kept
        store().appendAudit(AuditEntry.created(acknowledged, "alice", null));
        NewVersion rebinding = newVersion("identity.access", "1.0.0", content("other bytes"));

        PublishAttempt<?> result =
                store().publish(rebinding, PublishGuard.ALLOW, AuditEntry.created(rebinding, "mallory", null));

        assertThat(result.outcome()).isEqualTo(Outcome.RESERVED);
        assertThat(result.reservedDigest()).hasValue(acknowledged.digest());
        assertThat(store().versions("identity.access")).isEmpty();
        assertThat(store().audit(10)).hasSize(1);
        assertThat(store().publish(acknowledged, PublishGuard.ALLOW, AuditEntry.created(acknowledged, "alice", null))
                        .outcome())
                .isEqualTo(Outcome.CREATED);
        assertThat(store().version("identity.access", "1.0.0").orElseThrow().digest())
                .isEqualTo(acknowledged.digest());
    }

    @Test
    void openWhenAStoredVersionDisagreesWithItsAuditedDigestThenRefusesNamingTheVersion() throws SQLException {
        // what the registry did before durable commits: 1.0.0 acknowledged, lost in a crash with ...
        NewVersion acknowledged = newVersion("identity.access", "1.0.0", content("what was acknowledged"));
        store().appendAudit(AuditEntry.created(acknowledged, "bob", null));
        // ... and re-published with other bytes by a registry that did not consult the audit
        NewVersion stored = newVersion("identity.access", "1.0.0", content("stored"));
        insertBehindTheStoresBack(stored);
        reopen();

        assertThatThrownBy(this::open)
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("re-bound")
                .hasMessageContaining("identity.access@1.0.0 is stored with " + stored.digest());
    }

    @Test
    void openWhenTheAuditHoldsAVersionTheStoreLacksThenOpensAndReportsItsNumberAsReserved() {
        NewVersion lost = newVersion("identity.access", "2.0.0", content("lost"));
        NewVersion kept = newVersion("identity.access", "1.0.0", content("kept"));
        store().publish(kept, PublishGuard.ALLOW, AuditEntry.created(kept, "alice", null));
        store().appendAudit(AuditEntry.created(lost, "alice", null));
        reopen();

        assertThat(store().acknowledgedButMissing()).containsExactly("identity.access@2.0.0");
    }

    @Test
    void openWhenVersionsWereStoredWithoutAuditEntriesThenOpens() {
        store().publish(newVersion("identity.access", "1.0.0", content("seeded")), PublishGuard.ALLOW);
        reopen();

        assertThat(store().versions("identity.access")).hasSize(1);
        assertThat(store().acknowledgedButMissing()).isEmpty();
    }
}
