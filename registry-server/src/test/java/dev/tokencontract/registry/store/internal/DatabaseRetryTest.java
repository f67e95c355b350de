package dev.tokencontract.registry.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokencontract.registry.store.StoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transaction runner: which failures are retried, how often, and that a failed attempt leaves nothing. */
class DatabaseRetryTest {
    private Database database;

    @BeforeEach
    void open() throws SQLException {
        database = Database.open(Dialect.H2, "jdbc:h2:mem:retry-" + UUID.randomUUID(), null, null);
        database.read("create", connection -> execute(connection, "CREATE TABLE t (v INT)"));
    }

    @AfterEach
    void close() {
        // The in-memory database goes with the pool's last connection.
        database.close();
    }

    @Test
    void transactionWhenSerializationFailsTwiceThenRetriedAndOnlyTheLastAttemptKept() {
        AtomicInteger attempts = new AtomicInteger();

        String result = database.transaction("test", connection -> {
            execute(connection, "INSERT INTO t VALUES (1)");
            if (attempts.incrementAndGet() < 3) {
                throw new SQLException("could not serialize access", "40001");
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(3);
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void transactionWhenAlwaysContendedThenStoreExceptionAfterBoundedAttempts() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> database.transaction("test", connection -> {
                    execute(connection, "INSERT INTO t VALUES (1)");
                    attempts.incrementAndGet();
                    throw new SQLException("deadlock detected", "40P01");
                }))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("still contended after 8 attempts");

        assertThat(attempts).hasValue(Database.MAX_ATTEMPTS);
        assertThat(rows()).isZero();
    }

    @Test
    void transactionWhenOtherSqlErrorThenNoRetryAndStoreException() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> database.transaction("test", connection -> {
                    attempts.incrementAndGet();
                    execute(connection, "INSERT INTO t VALUES (1)");
                    return execute(connection, "INSERT INTO missing VALUES (1)");
                }))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("test: 42");

        assertThat(attempts).hasValue(1);
        assertThat(rows()).isZero();
    }

    @Test
    void transactionWhenBodyThrowsRuntimeOrErrorThenRolledBackAndPropagated() {
        assertThatThrownBy(() -> database.transaction("test", connection -> {
                    execute(connection, "INSERT INTO t VALUES (1)");
                    throw new IllegalStateException("guard failed");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> database.transaction("test", connection -> {
                    execute(connection, "INSERT INTO t VALUES (1)");
                    throw new AssertionError("guard asserted");
                }))
                .isInstanceOf(AssertionError.class);

        assertThat(rows()).isZero();
    }

    private int rows() {
        return database.read("count", connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM t")) {
                row.next();
                return row.getInt(1);
            }
        });
    }

    private static boolean execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return statement.execute(sql);
        }
    }
}
