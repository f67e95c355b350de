package dev.tokencontract.registry.api;

import dev.tokencontract.compat.CompatibilityMode;
import dev.tokencontract.registry.store.AuditEntry;
import dev.tokencontract.registry.store.ContractStore;
import dev.tokencontract.registry.store.NewVersion;
import dev.tokencontract.registry.store.PublishAttempt;
import dev.tokencontract.registry.store.PublishGuard;
import dev.tokencontract.registry.store.StoredVersion;
import dev.tokencontract.registry.store.VersionState;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A real store whose {@code names()} parks until released: a request that is provably in flight. */
final class SlowReads implements ContractStore {
    private final ContractStore store;
    private final CountDownLatch entered;
    private final CountDownLatch release;

    SlowReads(ContractStore store, CountDownLatch entered, CountDownLatch release) {
        this.store = store;
        this.entered = entered;
        this.release = release;
    }

    @Override
    public List<String> names() {
        entered.countDown();
        try {
            release.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return store.names();
    }

    @Override
    public <R> PublishAttempt<R> publish(NewVersion version, PublishGuard<R> guard, AuditEntry created) {
        return store.publish(version, guard, created);
    }

    @Override
    public List<StoredVersion> versions(String name) {
        return store.versions(name);
    }

    @Override
    public Optional<StoredVersion> version(String name, String version) {
        return store.version(name, version);
    }

    @Override
    public Optional<CompatibilityMode> mode(String name) {
        return store.mode(name);
    }

    @Override
    public boolean setMode(String name, CompatibilityMode mode) {
        return store.setMode(name, mode);
    }

    @Override
    public boolean setState(String name, String version, VersionState state) {
        return store.setState(name, version, state);
    }

    @Override
    public void appendAudit(AuditEntry entry) {
        store.appendAudit(entry);
    }

    @Override
    public List<AuditEntry> audit(int limit) {
        return store.audit(limit);
    }

    @Override
    public boolean reachable() {
        return store.reachable();
    }

    @Override
    public void close() {
        store.close();
    }
}
