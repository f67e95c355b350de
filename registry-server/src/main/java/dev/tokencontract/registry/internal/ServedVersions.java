package dev.tokencontract.registry.internal;

import dev.tokencontract.registry.store.ContractStore;
import dev.tokencontract.registry.store.StoredVersion;
import dev.tokencontract.registry.store.VersionState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The read hot path's cache. A version's bytes and ETag never change, so they are computed once per
 * version and kept; its state and a contract's version list can change (on this replica or another), so
 * they are re-read from the store when older than {@code ttl}. Writes through this replica invalidate at
 * once; other replicas' writes show within {@code ttl}.
 */
public final class ServedVersions {
    /** A version ready to serve: the canonical bytes and {@code "sha-256:<hex>"} ETag, and its state. */
    public record Served(StoredVersion version, byte[] body, String etag) {}

    private record Entry(Served served, long readAt) {}

    private record Listing(List<StoredVersion> versions, long readAt) {}

    private final ContractStore store;
    private final long ttlNanos;
    private final Map<String, Entry> byVersion = new ConcurrentHashMap<>();
    private final Map<String, Listing> byName = new ConcurrentHashMap<>();

    public ServedVersions(ContractStore store, Duration ttl) {
        this.store = store;
        this.ttlNanos = ttl.toNanos();
    }

    /** Every version of {@code name}, oldest first (possibly {@code ttl} old). */
    public List<StoredVersion> versions(String name) {
        long now = System.nanoTime();
        Listing listing = byName.get(name);
        if (listing == null || now - listing.readAt() > ttlNanos) {
            listing = new Listing(List.copyOf(store.versions(name)), now);
            if (!listing.versions().isEmpty()) { // do not let probes for unknown names fill the map
                byName.put(name, listing);
            }
        }
        return listing.versions();
    }

    /** One exact version ready to serve; one already held is served even while the store is unavailable. */
    public Optional<Served> exact(String name, String version) {
        String key = name + '@' + version;
        long now = System.nanoTime();
        Entry entry = byVersion.get(key);
        if (entry != null && now - entry.readAt() <= ttlNanos) {
            return Optional.of(entry.served());
        }
        Optional<StoredVersion> stored;
        try {
            stored = store.version(name, version);
        } catch (Problem unavailable) {
            if (entry == null || unavailable.code() != ProblemCode.STORE_UNAVAILABLE) {
                throw unavailable;
            }
            // Its bytes never change: serve them through an outage (the state shown is as last read).
            return Optional.of(entry.served());
        }
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Served served = entry != null
                        && entry.served().version().digest().equals(stored.get().digest())
                ? new Served(stored.get(), entry.served().body(), entry.served().etag())
                : serve(stored.get());
        byVersion.put(key, new Entry(served, now));
        return Optional.of(served);
    }

    /** A resolved version (already read from the store) ready to serve, reusing cached bytes. */
    public Served serve(StoredVersion version) {
        Entry entry = byVersion.get(version.name() + '@' + version.version());
        if (entry != null
                && entry.served().version().digest().equals(version.digest())
                && entry.served().version().state() == version.state()) {
            return entry.served();
        }
        return new Served(version, version.content().getBytes(StandardCharsets.UTF_8), '"' + version.digest() + '"');
    }

    /** Forget what this replica knows of {@code name} (after a publish or state change here). */
    public void invalidate(String name) {
        byName.remove(name);
        byVersion.keySet().removeIf(k -> k.startsWith(name + '@'));
    }

    static boolean deprecated(Served served) {
        return served.version().state() == VersionState.DEPRECATED;
    }
}
