package dev.tokencontract.registry.api;

import dev.tokencontract.registry.store.ContractStore;

/** The stores API tests run over. */
final class Stores {
    private Stores() {}

    static ContractStore fresh() {
        return new TemporaryMemoryStore();
    }
}
