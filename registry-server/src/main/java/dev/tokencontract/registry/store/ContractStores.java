package dev.tokencontract.registry.store;

import dev.tokencontract.compat.CompatibilityMode;
import dev.tokencontract.registry.store.internal.Dialect;
import dev.tokencontract.registry.store.internal.JdbcContractStore;
import dev.tokencontract.registry.store.internal.Queries;
import dev.tokencontract.registry.store.internal.StoreText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Opens a {@link ContractStore}: embedded H2 in a data directory (the default), in-memory H2 (tests), or
 * any {@code jdbc:h2:} / {@code jdbc:postgresql:} URL. Schema migrations run before the store is returned;
 * an unreachable database or a failed migration is a {@link StoreException}.
 */
public final class ContractStores {
    /** The mode of a contract whose mode was never configured (see docs/registry-storage.md). */
    public static final CompatibilityMode DEFAULT_MODE = Queries.DEFAULT_MODE;
    /** Longest contract name the store accepts (characters); longer is an IllegalArgumentException. */
    public static final int MAX_NAME_LENGTH = StoreText.MAX_NAME_LENGTH;
    /** Longest version text the store accepts (characters). */
    public static final int MAX_VERSION_LENGTH = StoreText.MAX_VERSION_LENGTH;
    /** Longest contract document the store accepts (characters of canonical JSON). */
    public static final int MAX_CONTENT_LENGTH = StoreText.MAX_CONTENT_LENGTH;
    /** Longest digest, publisher or audit field (characters); audit fields longer than this are cut. */
    public static final int MAX_FIELD_LENGTH = StoreText.MAX_FIELD_LENGTH;

    private ContractStores() {}

    /** H2 in {@code dataDir/registry.mv.db}, created with its directories when absent. One process at a time. */
    public static ContractStore embedded(Path dataDir) {
        Path absolute = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new StoreException("cannot create the data directory " + absolute + ": " + e.getMessage(), e);
        }
        // DB_CLOSE_ON_EXIT=FALSE: the server closes the store after draining requests in its own shutdown
        // hook; H2's hook would otherwise close the database under requests still in flight.
        return open("jdbc:h2:file:" + absolute.resolve("registry") + ";DB_CLOSE_ON_EXIT=FALSE", null, null);
    }

    /** A fresh, private in-memory H2 database, dropped on {@link ContractStore#close()}. */
    public static ContractStore inMemory() {
        String url = "jdbc:h2:mem:tokencontract-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE";
        return JdbcContractStore.open(Dialect.H2, url, null, null, true);
    }

    /** Any supported URL; credentials may be in the URL instead (then pass nulls). */
    public static ContractStore open(String jdbcUrl, String user, String password) {
        return JdbcContractStore.open(Dialect.of(jdbcUrl), jdbcUrl, user, password, false);
    }
}
