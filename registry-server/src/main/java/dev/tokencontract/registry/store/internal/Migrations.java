package dev.tokencontract.registry.store.internal;

import dev.tokencontract.registry.store.StoreException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Flyway migrations, one folder per dialect ({@code db/migration/h2}, {@code db/migration/postgresql}).
 * Run at every open: a current schema is a no-op, an older one is brought up to date, and replicas
 * starting together are serialised by Flyway's own lock (an advisory lock on PostgreSQL).
 */
public final class Migrations {
    private Migrations() {}

    /** Migrates to the newest version; returns the number of migrations applied. */
    static int migrate(DataSource dataSource, Dialect dialect) {
        return migrate(dataSource, dialect, MigrationVersion.LATEST);
    }

    /** Migrates up to {@code target} (tests use it to build a database at an older schema). */
    public static int migrate(DataSource dataSource, Dialect dialect, MigrationVersion target) {
        try {
            return Flyway.configure(Migrations.class.getClassLoader())
                    // Through SLF4J like the server's own logs (Flyway's auto-detection picks JUL otherwise).
                    .loggers("slf4j")
                    .dataSource(dataSource)
                    .locations(dialect.migrations())
                    .failOnMissingLocations(true)
                    .target(target)
                    .load()
                    .migrate()
                    .migrationsExecuted;
        } catch (FlywayException e) {
            throw new StoreException("schema migration failed: " + e.getMessage(), e);
        }
    }
}
