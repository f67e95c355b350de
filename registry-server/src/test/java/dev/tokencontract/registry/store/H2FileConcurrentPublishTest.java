package dev.tokencontract.registry.store;

import dev.tokencontract.registry.testing.ConcurrentPublishSuite;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over an embedded H2 file. Two stores in one JVM share H2's in-process database (H2 embedded is one
 * process at a time), each with its own pool: the row lock, not a JVM lock, is what serialises them.
 */
class H2FileConcurrentPublishTest extends ConcurrentPublishSuite {
    @TempDir
    Path dataDir;

    @Override
    protected List<ContractStore> openTwoStores() {
        return List.of(ContractStores.embedded(dataDir), ContractStores.embedded(dataDir));
    }
}
