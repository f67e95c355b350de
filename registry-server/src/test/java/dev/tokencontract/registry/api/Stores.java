package dev.tokencontract.registry.api;

import dev.tokencontract.registry.store.ContractStore;
import dev.tokencontract.registry.store.ContractStores;

/** The stores API tests run over. */
final class Stores {
    private Stores() {}

    static ContractStore fresh() {
        return ContractStores.inMemory();
    }
}
