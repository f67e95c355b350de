package dev.tokencontract.registry.store.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tokencontract.registry.store.StoreException;
import dev.tokencontract.registry.store.StoreUnreachableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Pooled connections to one database, and the two ways the store uses them: a single read, or a
 * transaction that is retried a bounded number of times when the database asks for it (serialization
 * failure, deadlock, H2's concurrent update, or a race on inserting the same new key). Every other SQL
 * failure becomes a {@link StoreException} ({@link StoreUnreachableException} when the database cannot be
 * reached); a runtime exception from the body rolls back and propagates.
 *
 * <p>Reads and writes have separate pools: reads (and the readiness check) wait at most {@link
 * #READ_CONNECTION_TIMEOUT_MS} for a connection, so a database outage answers fast, and publishes queued
 * on a contract's lock cannot starve them. A committed write is durable before {@link #transaction}
 * returns: PostgreSQL's default {@code synchronous_commit} flushes its WAL; for an H2 file the store sets
 * {@code WRITE_DELAY 0} (each commit is written to the file at once) and forces the file to the device
 * ({@code CHECKPOINT SYNC}) after every commit.
 */
final class Database implements AutoCloseable {
    static final int MAX_ATTEMPTS = 8;
    static final long READ_CONNECTION_TIMEOUT_MS = 1_000;
    static final long WRITE_CONNECTION_TIMEOUT_MS = 5_000;
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01", "90131", "23505");
    private static final Set<String> LOCK_TIMEOUT = Set.of("55P03", "HYT00", "50200");
    /** Admin shutdown, crash shutdown, cannot connect now (PostgreSQL); connection broken, database closed (H2). */
    private static final Set<String> GONE = Set.of("57P01", "57P02", "57P03", "90067", "90098", "90121");

    private final HikariDataSource reads;
    private final HikariDataSource writes;
    private final boolean syncAfterCommit;

    private Database(HikariDataSource reads, HikariDataSource writes, boolean syncAfterCommit) {
        this.reads = reads;
        this.writes = writes;
        this.syncAfterCommit = syncAfterCommit;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    static Database open(Dialect dialect, String jdbcUrl, String user, String password) {
        String url = dialect == Dialect.H2 ? appendOnlyH2File(jdbcUrl) : jdbcUrl;
        HikariDataSource writes = pool(dialect, url, user, password, "write", 10, WRITE_CONNECTION_TIMEOUT_MS);
        try {
            if (dialect == Dialect.H2) {
                makeCommitsWriteThrough(writes);
            }
            HikariDataSource reads = pool(dialect, url, user, password, "read", 8, READ_CONNECTION_TIMEOUT_MS);
            return new Database(
                    reads,
                    writes,
                    dialect == Dialect.H2 && !url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:mem:"));
        } catch (RuntimeException e) {
            writes.close();
            throw e;
        }
    }

    private static HikariDataSource pool(
            Dialect dialect, String url, String user, String password, String use, int size, long connectionTimeoutMs) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("tokencontract-store-" + use);
        config.setDriverClassName(dialect.driverClass());
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(connectionTimeoutMs);
        config.setValidationTimeout(Math.min(1_000, connectionTimeoutMs - 250));
        config.setConnectionInitSql(dialect.sessionSetup());
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        if (dialect == Dialect.POSTGRESQL) {
            // seconds; the URL's own settings win. A black-holed host or a hung server ends in an error, not a hang.
            config.addDataSourceProperty("connectTimeout", use.equals("read") ? "2" : "5");
            config.addDataSourceProperty("socketTimeout", use.equals("read") ? "15" : "60");
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect to " + Redacted.url(url) + ": " + rootMessage(e), e);
        }
    }

    /**
     * H2 file URLs get {@code REUSE_SPACE=FALSE} unless they say otherwise: each commit's chunk is then
     * appended at the end of the file, where H2's crash recovery looks for the newest one. With space reuse
     * a chunk written into a hole the chain of chunks did not predict was not found after a kill -9, and its
     * (committed, fsynced) versions were lost: PublishCrashIT lost 2 acknowledged versions in 20 kills and 2
     * in 40 that way. The file grows until the store is closed (H2 compacts it then).
     */
    static String appendOnlyH2File(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:mem:") || lower.contains(";reuse_space=")) {
            return url;
        }
        return url + ";REUSE_SPACE=FALSE";
    }

    /** H2 writes a commit to its file only after WRITE_DELAY (default 500 ms): a crash in between loses it. */
    private static void makeCommitsWriteThrough(HikariDataSource pool) {
        try (Connection connection = pool.getConnection();
                Statement set = connection.createStatement()) {
            set.execute("SET WRITE_DELAY 0");
        } catch (SQLException e) {
            throw new StoreException(
                    "cannot make H2 commits durable (SET WRITE_DELAY 0 needs an admin user): " + e.getMessage(), e);
        }
    }

    /** The write pool (migrations, tests that inspect the schema). */
    HikariDataSource dataSource() {
        return writes;
    }

    /** The read pool: short connection timeout. */
    HikariDataSource readSource() {
        return reads;
    }

    <T> T read(String what, Work<T> work) {
        try (Connection connection = reads.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    <T> T transaction(String what, Work<T> work) {
        SQLException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try (Connection connection = writes.getConnection()) {
                connection.setAutoCommit(false);
                T result;
                try {
                    result = work.run(connection);
                    connection.commit();
                } catch (SQLException | RuntimeException | Error e) {
                    rollbackQuietly(connection, e);
                    throw e;
                }
                if (syncAfterCommit) {
                    forceToDisk(what, connection);
                }
                return result;
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

    /** Committed but not yet known to be on the device: never retried (the commit stands), reported as a failure. */
    private static void forceToDisk(String what, Connection connection) {
        try (Statement sync = connection.createStatement()) {
            sync.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            throw new StoreException(what + ": committed, but forcing it to disk failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            reads.close();
        } finally {
            writes.close();
        }
    }

    private static StoreException failure(String what, SQLException e) {
        if (LOCK_TIMEOUT.contains(e.getSQLState())) {
            return new StoreException(what + ": timed out waiting for a lock held by another publish", e);
        }
        if (unreachable(e)) {
            return new StoreUnreachableException(what + ": the database cannot be reached: " + rootMessage(e), e);
        }
        return new StoreException(what + ": " + e.getSQLState() + " " + e.getMessage(), e);
    }

    /**
     * No connection in time because connecting failed (the pool's timeout carries the last connection error
     * as its cause; a pool that is merely busy has none), or a connection-class error from the database.
     */
    static boolean unreachable(SQLException e) {
        if (e instanceof SQLTransientConnectionException && e.getCause() != null) {
            return true;
        }
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || GONE.contains(state));
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
