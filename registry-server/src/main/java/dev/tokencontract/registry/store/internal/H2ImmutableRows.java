package dev.tokencontract.registry.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import org.h2.api.Trigger;

/**
 * H2 trigger (named in the H2 migrations; keep the class name): audit rows are never updated or deleted,
 * and a published version's row changes only in its {@code STATE} column. The PostgreSQL migrations do the
 * same with PL/pgSQL.
 */
public final class H2ImmutableRows implements Trigger {
    private String table;
    private int mutableColumn = -1;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        this.table = table;
        if ("VERSIONS".equalsIgnoreCase(table)) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT ORDINAL_POSITION FROM"
                            + " INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND COLUMN_NAME = 'STATE'")) {
                statement.setString(1, schema);
                statement.setString(2, table);
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        throw new SQLException("table " + table + " has no STATE column");
                    }
                    mutableColumn = row.getInt(1) - 1;
                }
            }
        }
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (newRow == null) {
            throw new SQLException(table + " rows are never deleted", "45000");
        }
        if (mutableColumn < 0) {
            throw new SQLException(table + " rows are never changed", "45000");
        }
        for (int i = 0; i < oldRow.length; i++) {
            if (i != mutableColumn && !Objects.equals(oldRow[i], newRow[i])) {
                throw new SQLException("a published version changes only its state", "45000");
            }
        }
    }
}
