package dev.tokencontract.registry.store.internal;

import static dev.tokencontract.registry.store.internal.StoreText.MAX_CONTENT_LENGTH;
import static dev.tokencontract.registry.store.internal.StoreText.MAX_FIELD_LENGTH;
import static dev.tokencontract.registry.store.internal.StoreText.MAX_NAME_LENGTH;
import static dev.tokencontract.registry.store.internal.StoreText.MAX_VERSION_LENGTH;

import dev.tokencontract.compat.CompatibilityMode;
import dev.tokencontract.registry.store.AuditEntry;
import dev.tokencontract.registry.store.ContractStore;
import dev.tokencontract.registry.store.NewVersion;
import dev.tokencontract.registry.store.PublishAttempt;
import dev.tokencontract.registry.store.PublishAttempt.Outcome;
import dev.tokencontract.registry.store.PublishGuard;
import dev.tokencontract.registry.store.StoreException;
import dev.tokencontract.registry.store.StoredVersion;
import dev.tokencontract.registry.store.VersionState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link ContractStore} over JDBC, for H2 and PostgreSQL alike. Prepared statements only; every write is
 * one transaction; publish is serialised per name by a row lock in the database (see {@link Publish}), so
 * several processes may share one PostgreSQL with no leader. Thread-safe.
 */
public final class JdbcContractStore implements ContractStore {
    private static final int REACHABLE_TIMEOUT_SECONDS = 2;

    private final Database database;
    private final Dialect dialect;
    private final boolean dropOnClose;
    private final List<String> lost;

    private JdbcContractStore(Database database, Dialect dialect, boolean dropOnClose, List<String> lost) {
        this.database = database;
        this.dialect = dialect;
        this.dropOnClose = dropOnClose;
        this.lost = List.copyOf(lost);
    }

    /** Connects, migrates the schema, and returns the store; {@code dropOnClose} is for private in-memory H2. */
    public static JdbcContractStore open(
            Dialect dialect, String url, String user, String password, boolean dropOnClose) {
        Database database = Database.open(dialect, url, user, password);
        try {
            Migrations.migrate(database.dataSource(), dialect);
            List<String> lost = database.read("check the versions against the audit", AuditLedger::verify);
            return new JdbcContractStore(database, dialect, dropOnClose, lost);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    @Override
    public List<String> acknowledgedButMissing() {
        return lost;
    }

    /** The pool, for tests that inspect the schema. */
    public DataSource dataSource() {
        return database.dataSource();
    }

    @Override
    public <R> PublishAttempt<R> publish(NewVersion version, PublishGuard<R> guard, AuditEntry created) {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(guard, "guard");
        if (created != null
                && !(AuditEntry.PUBLISH.equals(created.action())
                        && AuditEntry.CREATED.equals(created.result())
                        && version.name().equals(created.name())
                        && version.version().equals(created.version())
                        && version.digest().equals(created.digest())
                        && created.at() != null
                        && created.subject() != null)) {
            throw new IllegalArgumentException(
                    "the audit entry of a publish must be AuditEntry.created(...) of the same version");
        }
        StoreText.require("name", version.name(), MAX_NAME_LENGTH);
        StoreText.require("version", version.version(), MAX_VERSION_LENGTH);
        StoreText.require("content", version.content(), MAX_CONTENT_LENGTH);
        StoreText.require("digest", version.digest(), MAX_FIELD_LENGTH);
        StoreText.require("publishedBy", version.publishedBy(), MAX_FIELD_LENGTH);
        String what = "publish " + version.name() + "@" + version.version();
        try {
            return database.transaction(what, connection -> Publish.run(connection, dialect, version, guard, created));
        } catch (Publish.VersionTaken e) {
            StoredVersion stored = version(version.name(), version.version())
                    .orElseThrow(() -> new StoreException(what + ": key taken but version not found", e));
            Outcome outcome = stored.digest().equals(version.digest()) ? Outcome.SAME_CONTENT : Outcome.CONFLICT;
            return new PublishAttempt<>(outcome, Optional.of(stored), Optional.empty());
        }
    }

    @Override
    public List<String> names() {
        List<String> names = database.read("list contracts", connection -> {
            List<String> found = new ArrayList<>();
            try (Statement select = connection.createStatement();
                    ResultSet rows = select.executeQuery("SELECT name FROM contracts")) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
            return found;
        });
        names.sort(null); // Java's order, not the database collation's: the same over H2 and PostgreSQL.
        return names;
    }

    @Override
    public List<StoredVersion> versions(String name) {
        Objects.requireNonNull(name, "name");
        return database.read("list versions of " + name, connection -> Queries.versions(connection, name));
    }

    @Override
    public Optional<StoredVersion> version(String name, String version) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        return database.read("read " + name + "@" + version, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + Rows.VERSION_COLUMNS + " FROM versions WHERE name = ? AND version = ?")) {
                select.setString(1, name);
                select.setString(2, version);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(Rows.version(row)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Optional<CompatibilityMode> mode(String name) {
        Objects.requireNonNull(name, "name");
        return database.read("read the mode of " + name, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT mode FROM contracts WHERE name = ?")) {
                select.setString(1, name);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(Queries.mode(row.getString(1))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean setMode(String name, CompatibilityMode mode) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mode, "mode");
        return database.transaction(
                "set the mode of " + name,
                connection -> update(connection, "UPDATE contracts SET mode = ? WHERE name = ?", mode.name(), name));
    }

    @Override
    public boolean setState(String name, String version, VersionState state) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(state, "state");
        return database.transaction(
                "set the state of " + name + "@" + version,
                connection -> update(
                        connection,
                        "UPDATE versions SET state = ? WHERE name = ? AND version = ?",
                        state.name(),
                        name,
                        version));
    }

    @Override
    public void appendAudit(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        if (entry.at() == null || entry.action() == null || entry.subject() == null || entry.result() == null) {
            throw new IllegalArgumentException("an audit entry needs at, action, subject and result");
        }
        database.transaction("append an audit entry", connection -> AuditLedger.insert(connection, entry));
    }

    @Override
    public List<AuditEntry> audit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return database.read("read the audit", connection -> {
            List<AuditEntry> entries = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + Rows.AUDIT_COLUMNS + " FROM audit ORDER BY id DESC FETCH FIRST ? ROWS ONLY")) {
                select.setInt(1, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(Rows.audit(rows));
                    }
                }
            }
            return entries;
        });
    }

    @Override
    public boolean reachable() {
        try (Connection connection = database.readSource().getConnection();
                Statement select = connection.createStatement()) {
            select.setQueryTimeout(REACHABLE_TIMEOUT_SECONDS);
            try (ResultSet row = select.executeQuery("SELECT 1")) {
                return row.next() && row.getInt(1) == 1;
            }
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (dropOnClose) {
            try (Connection connection = database.dataSource().getConnection();
                    Statement shutdown = connection.createStatement()) {
                shutdown.execute("SHUTDOWN");
            } catch (SQLException e) {
                // Already gone: nothing left to drop.
            }
        }
        database.close();
    }

    private static boolean update(Connection connection, String sql, String... values) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                update.setString(i + 1, values[i]);
            }
            return update.executeUpdate() == 1;
        }
    }
}
