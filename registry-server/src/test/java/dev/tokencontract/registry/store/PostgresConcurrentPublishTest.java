package dev.tokencontract.registry.store;

import dev.tokencontract.registry.testing.ConcurrentPublishSuite;
import dev.tokencontract.registry.testing.PostgresServer;
import java.util.List;

/** Two stores with their own pools over one PostgreSQL database: two registry replicas. */
class PostgresConcurrentPublishTest extends ConcurrentPublishSuite {
    @Override
    protected List<ContractStore> openTwoStores() {
        PostgresServer server = PostgresServer.shared();
        String url = server.createDatabase();
        return List.of(
                ContractStores.open(url, server.user(), server.password()),
                ContractStores.open(url, server.user(), server.password()));
    }
}
