package dev.tokencontract.registry.store;

import static dev.tokencontract.registry.testing.StoreFixtures.PUBLISHED_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokencontract.registry.store.internal.Dialect;
import dev.tokencontract.registry.store.internal.Migrations;
import dev.tokencontract.registry.testing.PostgresServer;
import dev.tokencontract.registry.testing.StoreFixtures;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** Schema migrations at open, over H2 and PostgreSQL: idempotent, and an older schema is brought up to date. */
class MigrationsTest {
    @TempDir
    Path dataDir;

    @Test
    void openWhenTwiceOnH2ThenSecondOpenAppliesNothingAndKeepsData() throws SQLException {
        String url = "jdbc:h2:file:" + dataDir.resolve("registry");
        openTwiceKeepsData(url, null, null, h2(url));
    }

    @Test
    void openWhenTwiceOnPostgresThenSecondOpenAppliesNothingAndKeepsData() throws SQLException {
        PostgresServer server = PostgresServer.shared();
        String url = server.createDatabase();
        openTwiceKeepsData(url, server.user(), server.password(), postgres(url, server));
    }

    @Test
    void openWhenH2AtSchemaVersion1ThenMigratedAndOldRowsKept() throws SQLException {
        String url = "jdbc:h2:file:" + dataDir.resolve("registry");
        olderSchemaIsMigrated(Dialect.H2, url, null, null, h2(url));
    }

    @Test
    void openWhenPostgresAtSchemaVersion1ThenMigratedAndOldRowsKept() throws SQLException {
        PostgresServer server = PostgresServer.shared();
        String url = server.createDatabase();
        olderSchemaIsMigrated(Dialect.POSTGRESQL, url, server.user(), server.password(), postgres(url, server));
    }

    private static void openTwiceKeepsData(String url, String user, String password, DataSource raw)
            throws SQLException {
        try (ContractStore store = ContractStores.open(url, user, password)) {
            store.publish(StoreFixtures.newVersion("a", "1.0.0", StoreFixtures.content("one")), PublishGuard.ALLOW);
        }
        try (ContractStore store = ContractStores.open(url, user, password)) {
            assertThat(store.versions("a")).extracting(StoredVersion::version).containsExactly("1.0.0");
        }
        assertThat(appliedVersions(raw)).containsExactly("1", "2", "3");
    }

    private static void olderSchemaIsMigrated(Dialect dialect, String url, String user, String password, DataSource raw)
            throws SQLException {
        assertThat(Migrations.migrate(raw, dialect, MigrationVersion.fromVersion("1")))
                .isEqualTo(1);
        try (Connection connection = raw.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO contracts (name, mode) VALUES ('old', 'BACKWARD')");
            statement.execute("INSERT INTO versions (name, version, major, minor, patch, pre_release, content,"
                    + " digest, state, published_by, published_at) VALUES ('old', '0.9.0', 0, 9, 0, NULL, '{}',"
                    + " 'sha-256:x', 'ACTIVE', 'early', TIMESTAMP WITH TIME ZONE '2026-11-27 01:02:03.456789+00')");
        }
        assertThatThrownBy(() -> query(raw, "SELECT COUNT(*) FROM audit")).isInstanceOf(SQLException.class);

        try (ContractStore store = ContractStores.open(url, user, password)) {
            StoredVersion old = store.version("old", "0.9.0").orElseThrow();
            assertThat(old.publishedAt()).isEqualTo(PUBLISHED_AT);
            assertThat(store.mode("old")).contains(dev.tokencontract.compat.CompatibilityMode.BACKWARD);
            store.appendAudit(new AuditEntry(PUBLISHED_AT, "publish", "alice", null, "old", "1.0.0", null, "201"));
            assertThat(store.audit(5)).hasSize(1);
        }
        assertThat(appliedVersions(raw)).containsExactly("1", "2", "3");
    }

    /** Versions Flyway recorded as applied (H2 also has a versionless schema-creation row). */
    private static List<String> appliedVersions(DataSource raw) throws SQLException {
        return query(
                raw,
                "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL"
                        + " ORDER BY \"installed_rank\"");
    }

    private static List<String> query(DataSource raw, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = raw.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static DataSource h2(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        return dataSource;
    }

    private static DataSource postgres(String url, PostgresServer server) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(server.user());
        dataSource.setPassword(server.password());
        return dataSource;
    }
}
