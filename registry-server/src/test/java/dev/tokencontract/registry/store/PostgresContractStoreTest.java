package dev.tokencontract.registry.store;

import dev.tokencontract.registry.testing.ContractStoreSuite;
import dev.tokencontract.registry.testing.PostgresServer;

class PostgresContractStoreTest extends ContractStoreSuite {
    @Override
    protected ContractStore openStore() {
        PostgresServer server = PostgresServer.shared();
        return ContractStores.open(server.createDatabase(), server.user(), server.password());
    }
}
