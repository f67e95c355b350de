package dev.tokencontract.registry.api;

import dev.tokencontract.registry.store.*;
import dev.tokencontract.validator.CompatibilityMode;
import dev.tokencontract.validator.internal.SemVer;
import java.util.*;

/** TEMPORARY until registry-store lands: replaced by ContractStores.inMemory(). */
final class TemporaryMemoryStore implements ContractStore {
    private final Map<String, List<StoredVersion>> versions = new TreeMap<>();
    private final Map<String, CompatibilityMode> modes = new HashMap<>();
    private final List<AuditEntry> audit = new ArrayList<>();

    @Override public synchronized PublishResult publish(NewVersion v, PublishGuard guard) {
        List<StoredVersion> list = versions.getOrDefault(v.name(), List.of());
        for (StoredVersion s : list) {
            if (s.version().equals(v.version())) {
                return new PublishResult(s.digest().equals(v.digest()) ? PublishResult.Outcome.SAME_CONTENT : PublishResult.Outcome.CONFLICT, Optional.of(s), Optional.empty());
            }
        }
        Optional<Object> refusal = guard.check(list, modes.getOrDefault(v.name(), CompatibilityMode.FULL_TRANSITIVE));
        if (refusal.isPresent()) return new PublishResult(PublishResult.Outcome.REFUSED, Optional.empty(), refusal);
        StoredVersion s = new StoredVersion(v.name(), v.version(), v.content(), v.digest(), VersionState.ACTIVE, v.publishedBy(), v.publishedAt());
        List<StoredVersion> copy = new ArrayList<>(list); copy.add(s); copy.sort(Comparator.comparing(StoredVersion::version, SemVer.ORDER));
        versions.put(v.name(), copy);
        return new PublishResult(PublishResult.Outcome.CREATED, Optional.of(s), Optional.empty());
    }
    @Override public synchronized List<String> names() { return List.copyOf(versions.keySet()); }
    @Override public synchronized List<StoredVersion> versions(String name) { return List.copyOf(versions.getOrDefault(name, List.of())); }
    @Override public synchronized Optional<StoredVersion> version(String name, String version) { return versions(name).stream().filter(s -> s.version().equals(version)).findFirst(); }
    @Override public synchronized Optional<CompatibilityMode> mode(String name) { return versions.containsKey(name) ? Optional.of(modes.getOrDefault(name, CompatibilityMode.FULL_TRANSITIVE)) : Optional.empty(); }
    @Override public synchronized boolean setMode(String name, CompatibilityMode mode) { if (!versions.containsKey(name)) return false; modes.put(name, mode); return true; }
    @Override public synchronized boolean setState(String name, String version, VersionState state) {
        List<StoredVersion> list = new ArrayList<>(versions(name));
        for (int i = 0; i < list.size(); i++) { StoredVersion s = list.get(i); if (s.version().equals(version)) { list.set(i, new StoredVersion(s.name(), s.version(), s.content(), s.digest(), state, s.publishedBy(), s.publishedAt())); versions.put(name, list); return true; } }
        return false;
    }
    @Override public synchronized void appendAudit(AuditEntry e) { audit.add(e); }
    @Override public synchronized List<AuditEntry> audit(int limit) { List<AuditEntry> c = new ArrayList<>(audit); Collections.reverse(c); return c.subList(0, Math.min(limit, c.size())); }
    @Override public boolean reachable() { return true; }
    @Override public void close() { }
}
