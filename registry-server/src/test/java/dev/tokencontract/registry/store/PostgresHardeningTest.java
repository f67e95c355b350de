package dev.tokencontract.registry.store;

import dev.tokencontract.registry.testing.PostgresServer;
import dev.tokencontract.registry.testing.StoreHardeningSuite;

class PostgresHardeningTest extends StoreHardeningSuite {
    @Override
    protected ContractStore openStore() {
        PostgresServer server = PostgresServer.shared();
        return ContractStores.open(server.createDatabase(), server.user(), server.password());
    }
}
