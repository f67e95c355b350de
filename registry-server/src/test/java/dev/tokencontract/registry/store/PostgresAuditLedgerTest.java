package dev.tokencontract.registry.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.registry.store.internal.JdbcContractStore;
import dev.tokencontract.registry.testing.AuditLedgerSuite;
import dev.tokencontract.registry.testing.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostgresAuditLedgerTest extends AuditLedgerSuite {
    private String url;

    @BeforeEach
    void createDatabase() {
        url = PostgresServer.shared().createDatabase();
    }

    /** The test server runs with synchronous_commit=off (speed); the store's sessions must not. */
    @Test
    void openWhenServerDefaultIsAsynchronousCommitThenStoreSessionsCommitSynchronously() throws Exception {
        try (JdbcContractStore store = (JdbcContractStore) open();
                Connection connection = store.dataSource().getConnection();
                Statement show = connection.createStatement();
                ResultSet row = show.executeQuery("SHOW synchronous_commit")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("on");
        }
        try (Connection raw = DriverManager.getConnection(
                        url,
                        PostgresServer.shared().user(),
                        PostgresServer.shared().password());
                Statement show = raw.createStatement();
                ResultSet row = show.executeQuery("SHOW synchronous_commit")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("off"); // the test would prove nothing otherwise
        }
    }

    @Override
    protected ContractStore open() {
        PostgresServer server = PostgresServer.shared();
        return ContractStores.open(url, server.user(), server.password());
    }
}
