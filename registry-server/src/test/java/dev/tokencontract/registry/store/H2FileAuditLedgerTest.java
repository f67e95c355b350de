package dev.tokencontract.registry.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.registry.store.internal.JdbcContractStore;
import dev.tokencontract.registry.testing.AuditLedgerSuite;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2FileAuditLedgerTest extends AuditLedgerSuite {
    @TempDir
    Path dataDir;

    @Override
    protected ContractStore open() {
        return ContractStores.embedded(dataDir);
    }

    /** The setting behind "a commit is in the file when it returns"; the crash test (cli PublishCrashIT) proves it. */
    @Test
    void embeddedWhenOpenedThenCommitsAreWrittenWithoutDelay() throws Exception {
        try (JdbcContractStore store = (JdbcContractStore) ContractStores.embedded(dataDir);
                Connection connection = store.dataSource().getConnection();
                Statement select = connection.createStatement();
                ResultSet row = select.executeQuery(
                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("0");
        }
    }
}
