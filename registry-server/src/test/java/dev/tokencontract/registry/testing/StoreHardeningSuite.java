package dev.tokencontract.registry.testing;

import static dev.tokencontract.registry.testing.StoreFixtures.PUBLISHED_AT;
import static dev.tokencontract.registry.testing.StoreFixtures.content;
import static dev.tokencontract.registry.testing.StoreFixtures.newVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokencontract.registry.store.AuditEntry;
import dev.tokencontract.registry.store.ContractStore;
import dev.tokencontract.registry.store.ContractStores;
import dev.tokencontract.registry.store.NewVersion;
import dev.tokencontract.registry.store.PublishAttempt.Outcome;
import dev.tokencontract.registry.store.PublishGuard;
import dev.tokencontract.registry.store.StoredVersion;
import dev.tokencontract.registry.store.VersionState;
import dev.tokencontract.registry.store.internal.JdbcContractStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile values (SQL metacharacters, unicode, very long and unstorable strings) and the database's own
 * guarantees (versions and audit cannot be rewritten even by raw SQL), for each JDBC store.
 */
public abstract class StoreHardeningSuite {
    protected JdbcContractStore store;

    /** A fresh, empty JDBC store; closed after each test. */
    protected abstract ContractStore openStore();

    @BeforeEach
    void open() {
        store = (JdbcContractStore) openStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void publishWhenValuesHoldSqlMetacharactersThenStoredVerbatim() {
        List<String> names = List.of(
                "x'); DROP TABLE versions; --",
                "a\"b",
                "back\\slash",
                "percent%_",
                "semi;colon",
                "контракт.ü😀",
                "tab\tnew\nline");
        for (String name : names) {
            String hostile = content("' OR '1'='1 \" \\ ; -- /* " + name);
            NewVersion version = newVersion(name, "1.0.0-'x'", hostile);

            assertThat(store.publish(version, PublishGuard.ALLOW).outcome()).isEqualTo(Outcome.CREATED);
            assertThat(store.version(name, "1.0.0-'x'").orElseThrow().content()).isEqualTo(hostile);
        }

        assertThat(store.names()).containsExactlyInAnyOrderElementsOf(names);
        assertThat(store.versions("x")).isEmpty();
        assertThat(store.versions("%")).isEmpty();
    }

    @Test
    void publishWhenContentAtTheLimitThenStoredWhole() {
        String big = "x".repeat(ContractStores.MAX_CONTENT_LENGTH - 2).replaceFirst("^x", "\"") + "\"";
        big = big.substring(0, big.length() - 2) + "é\"";

        assertThat(store.publish(newVersion("a", "1.0.0", big), PublishGuard.ALLOW)
                        .outcome())
                .isEqualTo(Outcome.CREATED);

        assertThat(store.version("a", "1.0.0").orElseThrow().content()).isEqualTo(big);
    }

    @Test
    void publishWhenTooLongOrUnstorableThenIllegalArgumentAndNothingStored() {
        String tooLongName = "n".repeat(ContractStores.MAX_NAME_LENGTH + 1);
        List<NewVersion> bad = List.of(
                newVersion(tooLongName, "1.0.0", content("one")),
                newVersion("a", "1." + "0".repeat(ContractStores.MAX_VERSION_LENGTH), content("one")),
                newVersion("a", "1.0.0", "x".repeat(ContractStores.MAX_CONTENT_LENGTH + 1)),
                newVersion("a", "1.0.0", "nul\u0000inside"),
                newVersion("a", "1.0.0", "lone \uD800 surrogate"),
                newVersion("a\u0000b", "1.0.0", content("one")),
                newVersion("", "1.0.0", content("one")),
                new NewVersion(
                        "a",
                        "1.0.0",
                        content("one"),
                        "d",
                        "p".repeat(ContractStores.MAX_FIELD_LENGTH + 1),
                        PUBLISHED_AT));
        for (NewVersion version : bad) {
            assertThatThrownBy(() -> store.publish(version, PublishGuard.ALLOW))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        assertThat(store.names()).isEmpty();
    }

    @Test
    void publishWhenNameAtTheLimitThenStored() {
        String longest = "ü".repeat(ContractStores.MAX_NAME_LENGTH);

        assertThat(store.publish(newVersion(longest, "1.0.0", content("one")), PublishGuard.ALLOW)
                        .outcome())
                .isEqualTo(Outcome.CREATED);

        assertThat(store.names()).containsExactly(longest);
    }

    @Test
    void appendAuditWhenHostileFieldsThenStoredCleanedAndCut() {
        String huge = "s".repeat(100_000);
        store.appendAudit(new AuditEntry(
                PUBLISHED_AT,
                "publish",
                huge,
                "nul\u0000id",
                "'; DELETE FROM audit; --",
                "lone \uDC00",
                null,
                "403 namespace-denied"));

        AuditEntry read = store.audit(1).get(0);

        assertThat(read.subject())
                .hasSize(ContractStores.MAX_FIELD_LENGTH)
                .endsWith("...[cut]")
                .startsWith("sss");
        assertThat(read.clientId()).isEqualTo("nul\uFFFDid");
        assertThat(read.name()).isEqualTo("'; DELETE FROM audit; --");
        assertThat(read.version()).isEqualTo("lone \uFFFD");
        assertThat(read.result()).isEqualTo("403 namespace-denied");
    }

    @Test
    void rawSqlWhenRewritingAuditThenRefusedByTheDatabase() throws SQLException {
        store.appendAudit(new AuditEntry(PUBLISHED_AT, "publish", "alice", null, "a", "1.0.0", null, "201 created"));

        assertThatThrownBy(() -> execute("UPDATE audit SET result = 'forged'")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> execute("DELETE FROM audit")).isInstanceOf(SQLException.class);

        assertThat(store.audit(10)).extracting(AuditEntry::result).containsExactly("201 created");
    }

    @Test
    void rawSqlWhenRewritingVersionsThenOnlyStateMayChange() throws SQLException {
        NewVersion v1 = newVersion("a", "1.0.0", content("one"));
        store.publish(v1, PublishGuard.ALLOW);

        assertThatThrownBy(() -> execute("UPDATE versions SET content = 'forged'"))
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> execute("UPDATE versions SET digest = 'sha-256:00'"))
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> execute("DELETE FROM versions")).isInstanceOf(SQLException.class);
        execute("UPDATE versions SET state = 'DEPRECATED'");

        StoredVersion stored = store.version("a", "1.0.0").orElseThrow();
        assertThat(stored.content()).isEqualTo(v1.content());
        assertThat(stored.digest()).isEqualTo(v1.digest());
        assertThat(stored.state()).isEqualTo(VersionState.DEPRECATED);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = store.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
