package dev.tokencontract.registry.store.internal;

import dev.tokencontract.registry.store.AuditEntry;
import dev.tokencontract.registry.store.StoreException;
import dev.tokencontract.registry.store.StoredVersion;
import dev.tokencontract.registry.store.VersionState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Column lists and row mapping shared by the store's queries. Instants are kept to the microsecond. */
final class Rows {
    static final String VERSION_COLUMNS = "name, version, content, digest, state, published_by, published_at";
    static final String AUDIT_COLUMNS = "happened_at, action, subject, client_id, contract, version, digest, result";

    private Rows() {}

    static StoredVersion version(ResultSet row) throws SQLException {
        return new StoredVersion(
                row.getString(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                state(row.getString(5)),
                row.getString(6),
                instant(row, 7));
    }

    static AuditEntry audit(ResultSet row) throws SQLException {
        return new AuditEntry(
                instant(row, 1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                row.getString(5),
                row.getString(6),
                row.getString(7),
                row.getString(8));
    }

    static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, OffsetDateTime.ofInstant(stored(instant), ZoneOffset.UTC));
    }

    /** The instant as the store keeps it. */
    static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant instant(ResultSet row, int index) throws SQLException {
        return row.getObject(index, OffsetDateTime.class).toInstant();
    }

    private static VersionState state(String text) {
        try {
            return VersionState.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new StoreException("unknown version state in the database: " + text, e);
        }
    }
}
