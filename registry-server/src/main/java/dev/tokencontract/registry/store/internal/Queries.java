package dev.tokencontract.registry.store.internal;

import dev.tokencontract.compat.CompatibilityMode;
import dev.tokencontract.contract.SemanticVersions;
import dev.tokencontract.registry.store.StoreException;
import dev.tokencontract.registry.store.StoredVersion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads shared by publish and the store's read methods. */
public final class Queries {
    /** The mode of a contract whose mode was never configured (see docs/registry-storage.md). */
    public static final CompatibilityMode DEFAULT_MODE = CompatibilityMode.FULL_TRANSITIVE;

    private static final Comparator<StoredVersion> OLDEST_FIRST =
            Comparator.comparing(StoredVersion::version, SemanticVersions.ORDER);

    private Queries() {}

    /** Every version of a name, oldest first by semantic version (exact order decided in Java). */
    static List<StoredVersion> versions(Connection connection, String name) throws SQLException {
        List<StoredVersion> versions = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + Rows.VERSION_COLUMNS + " FROM versions WHERE name = ? ORDER BY major, minor, patch")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    versions.add(Rows.version(rows));
                }
            }
        }
        versions.sort(OLDEST_FIRST);
        return versions;
    }

    /** The stored mode text as a mode; null (never configured) is the default. */
    static CompatibilityMode mode(String text) {
        if (text == null) {
            return DEFAULT_MODE;
        }
        CompatibilityMode mode = CompatibilityMode.parse(text);
        if (mode == null) {
            throw new StoreException("unknown compatibility mode in the database: " + text);
        }
        return mode;
    }
}
