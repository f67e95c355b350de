package dev.tokencontract.registry.store.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tokencontract.registry.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A pooled connection to one database, and the two ways the store uses it: a single read, or a
 * transaction that is retried a bounded number of times when the database asks for it (serialization
 * failure, deadlock, H2's concurrent update, or a race on inserting the same new key). Every other SQL
 * failure becomes a {@link StoreException}; a runtime exception from the body rolls back and propagates.
 */
final class Database implements AutoCloseable {
    static final int MAX_ATTEMPTS = 8;
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01", "90131", "23505");
    private static final Set<String> LOCK_TIMEOUT = Set.of("55P03", "HYT00", "50200");

    private final HikariDataSource pool;

    private Database(HikariDataSource pool) {
        this.pool = pool;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    static Database open(Dialect dialect, String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("tokencontract-store");
        config.setDriverClassName(dialect.driverClass());
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(10);
        config.setMinimumIdle(2);
        config.setConnectionTimeout(5_000);
        config.setValidationTimeout(1_000);
        config.setConnectionInitSql(dialect.sessionSetup());
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        try {
            return new Database(new HikariDataSource(config));
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect to " + Redacted.url(url) + ": " + rootMessage(e), e);
        }
    }

    HikariDataSource dataSource() {
        return pool;
    }

    <T> T read(String what, Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    <T> T transaction(String what, Work<T> work) {
        SQLException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try (Connection connection = pool.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException | Error e) {
                    rollbackQuietly(connection, e);
                    throw e;
                }
            } catch (SQLException e) {
                if (!RETRYABLE.contains(e.getSQLState())) {
                    throw failure(what, e);
                }
                last = e;
                backOff(attempt);
            }
        }
        throw new StoreException(what + ": still contended after " + MAX_ATTEMPTS + " attempts", last);
    }

    @Override
    public void close() {
        pool.close();
    }

    private static StoreException failure(String what, SQLException e) {
        if (LOCK_TIMEOUT.contains(e.getSQLState())) {
            return new StoreException(what + ": timed out waiting for a lock held by another publish", e);
        }
        return new StoreException(what + ": " + e.getSQLState() + " " + e.getMessage(), e);
    }

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException rollback) {
            cause.addSuppressed(rollback);
        }
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while retrying a transaction", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
