package dev.tokencontract.registry.store;

import dev.tokencontract.registry.testing.ContractStoreSuite;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default: H2 in a data directory. */
class H2FileContractStoreTest extends ContractStoreSuite {
    @TempDir
    Path dataDir;

    @Override
    protected ContractStore openStore() {
        return ContractStores.embedded(dataDir);
    }
}
