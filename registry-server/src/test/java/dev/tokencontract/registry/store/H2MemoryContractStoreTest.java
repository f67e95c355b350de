package dev.tokencontract.registry.store;

import dev.tokencontract.registry.testing.ContractStoreSuite;

class H2MemoryContractStoreTest extends ContractStoreSuite {
    @Override
    protected ContractStore openStore() {
        return ContractStores.inMemory();
    }
}
