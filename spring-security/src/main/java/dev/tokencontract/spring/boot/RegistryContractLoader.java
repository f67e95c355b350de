package dev.tokencontract.spring.boot;

import dev.tokencontract.contract.ContractRef;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.lock.LockClient;
import dev.tokencontract.lock.LockEntry;
import dev.tokencontract.lock.Lockfile;
import dev.tokencontract.lock.LockfileException;
import dev.tokencontract.registry.client.FetchedContract;
import dev.tokencontract.registry.client.RegistryClient;
import dev.tokencontract.registry.client.RegistryException;
import dev.tokencontract.registry.client.RegistrySettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code tokencontract.contract} resolved through {@code tokencontract.registry.*}: exactly the version and
 * sha-256 the lockfile pins, from the registry or, when it is unreachable, from the client's verified
 * offline copy (logged as a warning). Anything else stops the application.
 */
final class RegistryContractLoader {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryContractLoader.class);
    private static final String LOCK_ACTION = "Use the contract the lockfile pins, or re-pin deliberately"
            + " (tokencontract lock <name>@<version> --registry <url>) after reviewing the change; docs/spring.md"
            + " (Registry and lockfile).";

    private RegistryContractLoader() {}

    static PinnedContract load(String contract, TokencontractProperties.Registry registry) {
        if (contract == null || contract.isBlank()) {
            throw new TokencontractConfigurationException(
                    "tokencontract.contract is required: with tokencontract.registry.url, the name of a contract"
                            + " the lockfile pins");
        }
        Path lockPath = Path.of(registry.lockfile());
        Lockfile lock;
        try {
            lock = Lockfile.read(lockPath);
        } catch (LockfileException e) {
            throw new TokencontractConfigurationException(
                    "tokencontract.registry.lockfile " + lockPath.toAbsolutePath() + ": " + e.getMessage(),
                    LOCK_ACTION,
                    e);
        }
        LockEntry entry = pinnedEntry(contract, lock, lockPath);
        lock.registry()
                .filter(recorded -> !recorded.equals(registry.url()))
                .ifPresent(recorded -> LOG.warn(
                        "tokencontract.registry.url {} differs from the registry {} records; fetching {} from {}",
                        registry.url(),
                        lockPath,
                        entry.reference(),
                        registry.url()));
        RegistrySettings settings = RegistrySettings.defaults();
        if (registry.cacheDir() != null && !registry.cacheDir().isBlank()) {
            settings = settings.withCacheDir(Path.of(registry.cacheDir()));
        }
        FetchedContract fetched;
        try {
            fetched = LockClient.of(RegistryClient.create(registry.url(), settings))
                    .fetchPinned(entry);
        } catch (RegistryException e) {
            throw new TokencontractConfigurationException(
                    "tokencontract.contract " + entry.reference() + " from " + registry.url() + " (pinned by "
                            + lockPath + "): " + e.getMessage(),
                    LOCK_ACTION,
                    e);
        }
        List<String> warnings = fetched.warnings().stream()
                .map(RegistryContractLoader::describe)
                .toList();
        warnings.forEach(warning -> LOG.warn("tokencontract.contract {}: {}", fetched.reference(), warning));
        LOG.info(
                "tokencontract.contract {} ({}) from {}: {}",
                fetched.reference(),
                fetched.digest(),
                registry.url(),
                fetched.source());
        return new PinnedContract(
                fetched.contract(),
                registry.url(),
                Optional.of(fetched.digest()),
                Optional.of(fetched.source().name()),
                Optional.of(fetched.fetchedAt()),
                warnings);
    }

    /** The lock entry named by {@code contract} ({@code name}, or {@code name@version} naming the pinned version). */
    private static LockEntry pinnedEntry(String contract, Lockfile lock, Path lockPath) {
        ContractRef ref;
        try {
            ref = ContractRef.parse(contract);
        } catch (IllegalArgumentException e) {
            throw new TokencontractConfigurationException(
                    "tokencontract.contract " + contract + ": " + e.getMessage(), e);
        }
        String name = ref.name();
        String version = null;
        if (contract.indexOf('@') >= 0) {
            version = ref.isExact() ? ref.version() : null;
            if (version == null) {
                throw new TokencontractConfigurationException(
                        "tokencontract.contract " + contract + ": with a registry, name the contract (" + name
                                + ") or its exact pinned version; the lockfile decides the version",
                        LOCK_ACTION,
                        null);
            }
        }
        String wanted = name;
        LockEntry entry = lock.entry(name)
                .orElseThrow(() -> new TokencontractConfigurationException(
                        "tokencontract.contract " + wanted + " is not pinned in " + lockPath + " (it pins "
                                + lock.entries().stream()
                                        .map(LockEntry::reference)
                                        .toList() + ")",
                        LOCK_ACTION,
                        null));
        if (version != null && !version.equals(entry.version())) {
            throw new TokencontractConfigurationException(
                    "tokencontract.contract " + contract + " but " + lockPath + " pins " + entry.reference(),
                    LOCK_ACTION,
                    null);
        }
        return entry;
    }

    private static String describe(Finding warning) {
        return warning.code() + ": " + warning.message();
    }
}
