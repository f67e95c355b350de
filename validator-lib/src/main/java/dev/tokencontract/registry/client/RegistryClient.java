package dev.tokencontract.registry.client;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.ContractException;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.lock.LockEntry;
import dev.tokencontract.lock.LockVerification;
import dev.tokencontract.lock.Lockfile;
import dev.tokencontract.lock.LockfileException;

import dev.tokencontract.finding.Redact;
import dev.tokencontract.registry.client.internal.ContractFetcher;
import dev.tokencontract.registry.client.internal.Digests;
import dev.tokencontract.lock.internal.LockChecker;
import dev.tokencontract.registry.client.internal.Publisher;
import dev.tokencontract.registry.client.internal.RegistryHttp;
import dev.tokencontract.registry.client.internal.UrlPolicy;
import dev.tokencontract.registry.client.internal.VersionSpec;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fetches contracts from a Tokencontract registry, pins them in a {@link Lockfile}, and publishes them.
 *
 * <pre>{@code
 * RegistryClient registry = RegistryClient.create("https://registry.example.test");
 * FetchedContract fetched = registry.fetch("mcp-access-token@^1.0.0");
 * fetched.warnings().forEach(w -> log.warn(w.message()));      // e.g. an offline copy and its age
 * TokenValidator validator = TokenValidator.builder().contract(fetched.contract())...build();
 *
 * // in a build: exactly the pinned bytes, or an exception
 * Map<String, Contract> pinned = RegistryClient.fromLock(Path.of("tokencontract.lock"), RegistrySettings.defaults());
 * }</pre>
 *
 * <p>Every body is checked against the SHA-256 its ETag names before it is cached or used; the cache
 * ({@link RegistrySettings#cacheDir()}) is revalidated with {@code If-None-Match}; when the registry is
 * unreachable or answers 5xx the last good copy on disk is used and a
 * {@link FindingCode#REGISTRY_OFFLINE_COPY} warning says so and how old it is. Plain http is refused except
 * to loopback. No token is sent except the bearer token of {@link #publish}. Thread-safe.
 */
public final class RegistryClient {
    private final URI base;
    private final RegistryHttp http;
    private final ContractFetcher fetcher;

    private RegistryClient(URI base, RegistrySettings settings) {
        this.base = base;
        this.http = new RegistryHttp(settings);
        this.fetcher = new ContractFetcher(base, settings, http);
    }

    /** A client of the registry at {@code baseUrl} with the default settings. */
    public static RegistryClient create(String baseUrl) throws RegistryException {
        return create(baseUrl, RegistrySettings.defaults());
    }

    /** Refuses a base URL that is not https (or http to loopback), or that carries credentials or a query. */
    public static RegistryClient create(String baseUrl, RegistrySettings settings) throws RegistryException {
        Objects.requireNonNull(settings, "settings");
        return new RegistryClient(UrlPolicy.base(baseUrl), settings);
    }

    /** The contracts a lockfile pins, fetched from the registry it records (or the cache when offline). */
    public static Map<String, Contract> fromLock(Path lockfile, RegistrySettings settings) throws LockfileException, RegistryException {
        Lockfile lock = Lockfile.read(lockfile);
        String registry = lock.registry().orElseThrow(() -> new RegistryException(RegistryException.Kind.INVALID_URL,
                "lockfile " + lockfile + " records no registry URL; use create(url, settings).fromLock(lockfile)"));
        return create(registry, settings).fromLock(lock);
    }

    /** The normalised base URL. */
    public URI baseUrl() {
        return base;
    }

    /**
     * Fetches {@code name@version-or-range}: {@code name@1.0.0}, {@code name@1}, {@code name@1.2},
     * {@code name@^1.2.0}, {@code name@~1.2.0}, {@code name@latest} or {@code name}.
     */
    public FetchedContract fetch(String reference) throws RegistryException {
        return fetcher.fetch(VersionSpec.parse(reference));
    }

    /**
     * Fetches one pinned entry: exactly its version, and only if the bytes have the pinned digest (from the
     * registry, or from the cache when the registry is unreachable).
     */
    public FetchedContract fetchPinned(LockEntry entry) throws RegistryException {
        FetchedContract fetched = fetcher.fetch(VersionSpec.parse(entry.reference()));
        if (!Digests.same(fetched.digest(), entry.digest())) {
            throw new RegistryException(RegistryException.Kind.BAD_RESPONSE, entry.reference() + " is pinned at "
                    + entry.digest() + " but the " + (fetched.source() == FetchSource.OFFLINE_CACHE ? "cached copy" : "registry")
                    + " has " + fetched.digest());
        }
        return fetched;
    }

    /** Every pinned contract, by name, in the lockfile's order; fails on the first entry that does not match. */
    public Map<String, Contract> fromLock(Lockfile lockfile) throws RegistryException {
        Map<String, Contract> contracts = new LinkedHashMap<>();
        for (LockEntry entry : lockfile.entries()) {
            contracts.put(entry.name(), fetchPinned(entry).contract());
        }
        return java.util.Collections.unmodifiableMap(contracts);
    }

    /**
     * Resolves each reference to an exact version and digest and returns {@code existing} with those entries
     * added or replaced (pass {@code null} for a new lockfile); the registry URL is recorded.
     */
    public Lockfile lock(List<String> references, Lockfile existing) throws RegistryException, LockfileException {
        List<LockEntry> entries = new ArrayList<>(existing == null ? List.of() : existing.entries());
        List<String> seen = new ArrayList<>();
        for (String reference : references) {
            VersionSpec spec = VersionSpec.parse(reference);
            if (seen.contains(spec.name())) {
                throw new RegistryException(RegistryException.Kind.INVALID_REFERENCE, spec.name()
                        + " is named twice; a lockfile pins one version per contract");
            }
            seen.add(spec.name());
            FetchedContract fetched = fetcher.fetch(spec);
            if (fetched.source() == FetchSource.OFFLINE_CACHE) {
                throw new RegistryException(RegistryException.Kind.UNREACHABLE, "cannot lock " + spec + " while the registry is "
                        + "unreachable: " + fetched.warnings().get(0).message());
            }
            entries.removeIf(e -> e.name().equals(spec.name()));
            entries.add(new LockEntry(spec.name(), fetched.version(), fetched.sha256()));
        }
        return Lockfile.of(base.toString(), entries);
    }

    /** Checks every entry; never throws for a registry failure (each becomes the entry's finding). */
    public LockVerification verify(Lockfile lockfile) {
        return LockChecker.verify(lockfile, fetcher);
    }

    /**
     * Publishes a contract document. The bearer token is sent only in this request's Authorization header
     * and never appears in an exception message. A redirect is not followed.
     *
     * @throws ContractException when the document fails lint here, before anything is sent
     * @throws RegistryException {@link RegistryException.Kind#REFUSED} with the registry's problem for
     *                           401/403/409/422, {@link RegistryException.Kind#UNREACHABLE} when it cannot be reached
     */
    public PublishResult publish(String contractJson, String bearerToken, boolean acknowledgeWidening)
            throws RegistryException, ContractException {
        Contract contract = Contracts.parse(contractJson);
        if (bearerToken == null || bearerToken.isEmpty() || bearerToken.length() > 16 * 1024
                || !bearerToken.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("the bearer token must be 1 to 16384 visible ASCII characters"
                    + " (length given: " + (bearerToken == null ? 0 : bearerToken.length()) + ")");
        }
        return Publisher.publish(http, base, contract, contractJson, bearerToken, acknowledgeWidening);
    }

    @Override
    public String toString() {
        return "RegistryClient[" + Redact.value(base.toString()) + "]";
    }
}
