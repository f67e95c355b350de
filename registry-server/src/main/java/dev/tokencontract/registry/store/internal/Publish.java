package dev.tokencontract.registry.store.internal;

import dev.tokencontract.compat.CompatibilityMode;
import dev.tokencontract.contract.SemanticVersions;
import dev.tokencontract.registry.store.AuditEntry;
import dev.tokencontract.registry.store.NewVersion;
import dev.tokencontract.registry.store.PublishAttempt;
import dev.tokencontract.registry.store.PublishAttempt.Outcome;
import dev.tokencontract.registry.store.PublishGuard;
import dev.tokencontract.registry.store.StoredVersion;
import dev.tokencontract.registry.store.VersionState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One publish, inside one transaction: make sure the contract row exists, lock it ({@code SELECT ... FOR
 * UPDATE}), read the versions, check the audit still lets this digest take the number, decide, insert the
 * version and its audit entry. Every publisher of one name, in any process, queues on that
 * row lock, so the guard's decision and the insert it allows cannot interleave with another publish of the
 * name. The primary key on (name, version) is the last line of defence: a violation is reported as {@link
 * VersionTaken} and the caller re-reads.
 */
final class Publish {
    private Publish() {}

    /** The version insert hit the primary key: someone stored it without taking the lock. */
    static final class VersionTaken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        VersionTaken(SQLException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    static <R> PublishAttempt<R> run(
            Connection connection, Dialect dialect, NewVersion version, PublishGuard<R> guard, AuditEntry created)
            throws SQLException {
        try (PreparedStatement ensure = connection.prepareStatement(dialect.ensureContract())) {
            ensure.setString(1, version.name());
            ensure.executeUpdate();
        }
        CompatibilityMode mode = lockedMode(connection, version.name());
        List<StoredVersion> existing = Queries.versions(connection, version.name());
        for (StoredVersion stored : existing) {
            if (stored.version().equals(version.version())) {
                Outcome outcome = stored.digest().equals(version.digest()) ? Outcome.SAME_CONTENT : Outcome.CONFLICT;
                return new PublishAttempt<>(outcome, Optional.of(stored), Optional.empty());
            }
        }
        // The version row may be gone (lost to a crash before commits were durable) while the audit kept it.
        Set<String> acknowledged = AuditLedger.publishedDigests(connection, version.name(), version.version());
        if (!acknowledged.isEmpty() && !acknowledged.contains(version.digest())) {
            connection.rollback();
            return PublishAttempt.reserved(acknowledged.iterator().next());
        }
        Optional<R> refusal = guard.check(existing, mode);
        if (refusal.isPresent()) {
            // Rolls back the contract row too when this was the name's first version.
            connection.rollback();
            return new PublishAttempt<>(Outcome.REFUSED, Optional.empty(), refusal);
        }
        insert(connection, version);
        if (created != null) {
            AuditLedger.insert(connection, created);
        }
        return new PublishAttempt<>(
                Outcome.CREATED,
                Optional.of(new StoredVersion(
                        version.name(),
                        version.version(),
                        version.content(),
                        version.digest(),
                        VersionState.ACTIVE,
                        version.publishedBy(),
                        Rows.stored(version.publishedAt()))),
                Optional.empty());
    }

    private static CompatibilityMode lockedMode(Connection connection, String name) throws SQLException {
        try (PreparedStatement lock =
                connection.prepareStatement("SELECT mode FROM contracts WHERE name = ? FOR UPDATE")) {
            lock.setString(1, name);
            try (ResultSet row = lock.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("contract row vanished under its lock", "40001");
                }
                return Queries.mode(row.getString(1));
            }
        }
    }

    private static void insert(Connection connection, NewVersion version) throws SQLException {
        long[] numbers = SemanticVersions.numbers(version.version());
        String preRelease = SemanticVersions.preRelease(version.version());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO versions (name, version, major,"
                + " minor, patch, pre_release, content, digest, state, published_by, published_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, version.name());
            insert.setString(2, version.version());
            insert.setLong(3, numbers[0]);
            insert.setLong(4, numbers[1]);
            insert.setLong(5, numbers[2]);
            if (preRelease == null) {
                insert.setNull(6, Types.VARCHAR);
            } else {
                insert.setString(6, preRelease);
            }
            insert.setString(7, version.content());
            insert.setString(8, version.digest());
            insert.setString(9, VersionState.ACTIVE.name());
            insert.setString(10, version.publishedBy());
            Rows.setInstant(insert, 11, version.publishedAt());
            insert.executeUpdate();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new VersionTaken(e);
            }
            throw e;
        }
    }
}
