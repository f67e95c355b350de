package dev.tokencontract.registry.store;

import dev.tokencontract.registry.testing.StoreHardeningSuite;

class H2HardeningTest extends StoreHardeningSuite {
    @Override
    protected ContractStore openStore() {
        return ContractStores.inMemory();
    }
}
