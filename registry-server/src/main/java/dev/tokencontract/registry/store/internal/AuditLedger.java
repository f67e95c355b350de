package dev.tokencontract.registry.store.internal;

import dev.tokencontract.registry.store.AuditEntry;
import dev.tokencontract.registry.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The audit as the ledger of acknowledged publishes. A {@code publish} entry with result {@code 201 created}
 * is written in the same transaction as its version, so it exists exactly when the version was stored
 * through the API. It binds the version number to a digest for good: at open the stored versions are
 * checked against it, and a number it holds can be taken again only by the same digest.
 */
final class AuditLedger {
    private static final String PUBLISHED =
            "action = '" + AuditEntry.PUBLISH + "' AND result = '" + AuditEntry.CREATED + "'";

    private AuditLedger() {}

    static int insert(Connection connection, AuditEntry entry) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit (" + Rows.AUDIT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            Rows.setInstant(insert, 1, entry.at());
            String[] texts = {
                entry.action(),
                entry.subject(),
                entry.clientId(),
                entry.name(),
                entry.version(),
                entry.digest(),
                entry.result()
            };
            for (int i = 0; i < texts.length; i++) {
                insert.setString(i + 2, StoreText.forAudit(texts[i]));
            }
            return insert.executeUpdate();
        }
    }

    /** Every digest the audit records {@code name@version} as published with (normally none or one). */
    static Set<String> publishedDigests(Connection connection, String name, String version) throws SQLException {
        Set<String> digests = new TreeSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT digest FROM audit WHERE contract = ? AND version = ? AND " + PUBLISHED)) {
            select.setString(1, name);
            select.setString(2, version);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    digests.add(rows.getString(1));
                }
            }
        }
        return digests;
    }

    /**
     * Compares every stored version with the audit. A version stored under a digest other than the one its
     * publication was acknowledged with, or a number acknowledged with two digests, is a StoreException:
     * the store must not serve it. Returns the acknowledged versions the store no longer holds (lost before
     * commits were durable, or removed by hand), as {@code name@version}; their numbers stay reserved.
     */
    static List<String> verify(Connection connection) throws SQLException {
        Map<String, Set<String>> audited = new HashMap<>();
        try (Statement select = connection.createStatement();
                ResultSet rows =
                        select.executeQuery("SELECT contract, version, digest FROM audit WHERE " + PUBLISHED)) {
            while (rows.next()) {
                audited.computeIfAbsent(rows.getString(1) + "@" + rows.getString(2), k -> new TreeSet<>())
                        .add(rows.getString(3));
            }
        }
        List<String> problems = new ArrayList<>();
        audited.forEach((version, digests) -> {
            if (digests.size() > 1) {
                problems.add(version + " was acknowledged with " + digests.size() + " different digests " + digests);
            }
        });
        Set<String> stored = new TreeSet<>();
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("SELECT name, version, digest FROM versions")) {
            while (rows.next()) {
                String version = rows.getString(1) + "@" + rows.getString(2);
                stored.add(version);
                Set<String> digests = audited.get(version);
                if (digests != null && !digests.contains(rows.getString(3))) {
                    problems.add(
                            version + " is stored with " + rows.getString(3) + " but was acknowledged with " + digests);
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(null);
            throw new StoreException("the store disagrees with its audit, so a published version was re-bound to other"
                    + " bytes; refusing to serve it: "
                    + String.join("; ", problems.subList(0, Math.min(5, problems.size())))
                    + (problems.size() > 5 ? "; and " + (problems.size() - 5) + " more" : "")
                    + ". Restore the versions table from a backup (see docs/registry-storage.md, 'Durability').");
        }
        List<String> missing = new ArrayList<>(new TreeSet<>(audited.keySet()));
        missing.removeAll(stored);
        return missing;
    }
}
