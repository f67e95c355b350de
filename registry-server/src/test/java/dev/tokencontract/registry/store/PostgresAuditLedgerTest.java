package dev.tokencontract.registry.store;

import dev.tokencontract.registry.testing.AuditLedgerSuite;
import dev.tokencontract.registry.testing.PostgresServer;
import org.junit.jupiter.api.BeforeEach;

class PostgresAuditLedgerTest extends AuditLedgerSuite {
    private String url;

    @BeforeEach
    void createDatabase() {
        url = PostgresServer.shared().createDatabase();
    }

    @Override
    protected ContractStore open() {
        PostgresServer server = PostgresServer.shared();
        return ContractStores.open(url, server.user(), server.password());
    }
}
