package dev.tokencontract.registry.store.internal;

import java.util.Locale;

/** The two supported databases and the little SQL that differs between them. */
public enum Dialect {
    H2(
            "org.h2.Driver",
            "classpath:db/migration/h2",
            // Session lock wait; per publish the name's row lock is held for one guard run.
            "SET LOCK_TIMEOUT 15000",
            "MERGE INTO contracts c USING (VALUES (CAST(? AS VARCHAR(255)))) AS s(name) ON c.name = s.name"
                    + " WHEN NOT MATCHED THEN INSERT (name) VALUES (s.name)"),
    POSTGRESQL(
            "org.postgresql.Driver",
            "classpath:db/migration/postgresql",
            // A commit returns once its WAL is on disk, whatever the server's default says (issue 13).
            "SET lock_timeout = '15s'; SET synchronous_commit = on",
            "INSERT INTO contracts (name) VALUES (?) ON CONFLICT (name) DO NOTHING");

    private final String driverClass;
    private final String migrations;
    private final String sessionSetup;
    private final String ensureContract;

    Dialect(String driverClass, String migrations, String sessionSetup, String ensureContract) {
        this.driverClass = driverClass;
        this.migrations = migrations;
        this.sessionSetup = sessionSetup;
        this.ensureContract = ensureContract;
    }

    /** The dialect of a JDBC URL; IllegalArgumentException for any other database. */
    public static Dialect of(String jdbcUrl) {
        String lower = jdbcUrl == null ? "" : jdbcUrl.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException(
                "unsupported database URL " + Redacted.url(jdbcUrl) + ": use jdbc:h2:... or jdbc:postgresql://...");
    }

    String driverClass() {
        return driverClass;
    }

    String migrations() {
        return migrations;
    }

    String sessionSetup() {
        return sessionSetup;
    }

    /** Inserts the contract row when absent, never failing on an existing one. One parameter: the name. */
    String ensureContract() {
        return ensureContract;
    }
}
