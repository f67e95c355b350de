package dev.tokencontract.lock;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.ContractRef;
import dev.tokencontract.lock.internal.LockChecker;
import dev.tokencontract.lock.internal.PinnedDigest;
import dev.tokencontract.registry.client.FetchSource;
import dev.tokencontract.registry.client.FetchedContract;
import dev.tokencontract.registry.client.RegistryClient;
import dev.tokencontract.registry.client.RegistryException;
import dev.tokencontract.registry.client.RegistrySettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Lockfiles over a {@link RegistryClient}: pins references to exact versions and digests, fetches exactly
 * what a lockfile pins, and verifies every entry. Uses only the registry client's public API, so the
 * registry client knows nothing of lockfiles.
 *
 * <pre>{@code
 * // in a build: exactly the pinned bytes, or an exception
 * Map<String, Contract> pinned = LockClient.fromLock(Path.of("tokencontract.lock"), RegistrySettings.defaults());
 *
 * LockClient locks = LockClient.of(RegistryClient.create("https://registry.example.test"));
 * Lockfile lockfile = locks.lock(List.of("mcp-access-token@^1.0.0"), null);
 * LockVerification verification = locks.verify(lockfile);
 * }</pre>
 *
 * Thread-safe.
 */
public final class LockClient {
    private final RegistryClient registry;

    private LockClient(RegistryClient registry) {
        this.registry = registry;
    }

    public static LockClient of(RegistryClient registry) {
        return new LockClient(Objects.requireNonNull(registry, "registry"));
    }

    /** The contracts a lockfile pins, fetched from the registry it records (or the cache when offline). */
    public static Map<String, Contract> fromLock(Path lockfile, RegistrySettings settings)
            throws LockfileException, RegistryException {
        Lockfile lock = Lockfile.read(lockfile);
        String url = lock.registry()
                .orElseThrow(() -> new RegistryException(
                        RegistryException.Kind.INVALID_URL,
                        "lockfile " + lockfile
                                + " records no registry URL; use LockClient.of(RegistryClient.create(url, settings))"
                                + ".fromLock(lockfile)"));
        return of(RegistryClient.create(url, settings)).fromLock(lock);
    }

    /** The registry client this works through. */
    public RegistryClient registry() {
        return registry;
    }

    /**
     * Fetches one pinned entry: exactly its version, and only if the bytes have the pinned digest (from the
     * registry, or from the cache when the registry is unreachable).
     */
    public FetchedContract fetchPinned(LockEntry entry) throws RegistryException {
        FetchedContract fetched = registry.fetch(entry.reference());
        if (!PinnedDigest.same(fetched.digest(), entry.digest())) {
            throw new RegistryException(
                    RegistryException.Kind.BAD_RESPONSE,
                    entry.reference() + " is pinned at "
                            + entry.digest() + " but the "
                            + (fetched.source() == FetchSource.OFFLINE_CACHE ? "cached copy" : "registry")
                            + " has " + fetched.digest());
        }
        return fetched;
    }

    /**
     * One pinned entry from this machine's cache only, with no request to the registry: its exact version,
     * and only if the cached bytes have the pinned digest.
     *
     * @throws RegistryException {@link RegistryException.Kind#UNREACHABLE} when nothing is cached for it (fetch
     *                           or lock it once online), {@link RegistryException.Kind#BAD_RESPONSE} when the
     *                           cached bytes are not the pinned ones or fail their own digest check
     */
    public FetchedContract cachedPinned(LockEntry entry) throws RegistryException {
        FetchedContract cached = registry.cached(entry.reference())
                .orElseThrow(() -> new RegistryException(
                        RegistryException.Kind.UNREACHABLE,
                        entry.reference() + " is not in the local cache of " + registry.baseUrl()
                                + "; fetch it once with the registry reachable (tokencontract fetch or verify-lock)"));
        if (!PinnedDigest.same(cached.digest(), entry.digest())) {
            throw new RegistryException(
                    RegistryException.Kind.BAD_RESPONSE,
                    entry.reference() + " is pinned at " + entry.digest() + " but the cached copy has "
                            + cached.digest());
        }
        return cached;
    }

    /** Every pinned contract, by name, in the lockfile's order; fails on the first entry that does not match. */
    public Map<String, Contract> fromLock(Lockfile lockfile) throws RegistryException {
        Map<String, Contract> contracts = new LinkedHashMap<>();
        for (LockEntry entry : lockfile.entries()) {
            contracts.put(entry.name(), fetchPinned(entry).contract());
        }
        return Collections.unmodifiableMap(contracts);
    }

    /**
     * Resolves each reference to an exact version and digest and returns {@code existing} with those entries
     * added or replaced (pass {@code null} for a new lockfile); the registry URL is recorded.
     */
    public Lockfile lock(List<String> references, Lockfile existing) throws RegistryException, LockfileException {
        List<LockEntry> entries = new ArrayList<>(existing == null ? List.of() : existing.entries());
        List<String> seen = new ArrayList<>();
        for (String reference : references) {
            ContractRef ref = reference(reference);
            if (seen.contains(ref.name())) {
                throw new RegistryException(
                        RegistryException.Kind.INVALID_REFERENCE,
                        ref.name() + " is named twice; a lockfile pins one version per contract");
            }
            seen.add(ref.name());
            FetchedContract fetched = registry.fetch(ref.toString());
            if (fetched.source() == FetchSource.OFFLINE_CACHE) {
                throw new RegistryException(
                        RegistryException.Kind.UNREACHABLE,
                        "cannot lock " + ref + " while the registry is " + "unreachable: "
                                + fetched.warnings().get(0).message());
            }
            entries.removeIf(e -> e.name().equals(ref.name()));
            entries.add(new LockEntry(ref.name(), fetched.version(), fetched.sha256()));
        }
        return Lockfile.of(registry.baseUrl().toString(), entries);
    }

    /** Checks every entry; never throws for a registry failure (each becomes the entry's finding). */
    public LockVerification verify(Lockfile lockfile) {
        return LockChecker.verify(lockfile.entries(), registry);
    }

    private static ContractRef reference(String reference) throws RegistryException {
        try {
            return ContractRef.parse(reference);
        } catch (IllegalArgumentException e) {
            // the registry client words it: the same message as a fetch of this reference
            throw new RegistryException(
                    RegistryException.Kind.INVALID_REFERENCE,
                    "'" + dev.tokencontract.finding.Redact.value(reference)
                            + "' is not a contract reference like mcp-access-token@^1.0.0: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "LockClient[" + registry + "]";
    }
}
