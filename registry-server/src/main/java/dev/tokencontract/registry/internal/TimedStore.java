package dev.tokencontract.registry.internal;

import dev.tokencontract.compat.CompatibilityMode;
import dev.tokencontract.registry.store.AuditEntry;
import dev.tokencontract.registry.store.ContractStore;
import dev.tokencontract.registry.store.NewVersion;
import dev.tokencontract.registry.store.PublishAttempt;
import dev.tokencontract.registry.store.PublishGuard;
import dev.tokencontract.registry.store.StoreUnreachableException;
import dev.tokencontract.registry.store.StoredVersion;
import dev.tokencontract.registry.store.VersionState;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Times every store call ({@code registry_store_seconds{operation=...}}); a store failure becomes a 503
 * {@code store-unavailable}, a value the store refuses a 400 {@code invalid-body}. While the database is
 * unreachable ({@link StoreOutage}) calls are refused at once with the same 503.
 */
public final class TimedStore implements ContractStore {
    private final ContractStore store;
    private final Metrics metrics;
    private final StoreOutage outage;

    public TimedStore(ContractStore store, Metrics metrics, Consumer<String> log, Clock clock) {
        this.store = store;
        this.metrics = metrics;
        this.outage = new StoreOutage(log, clock);
    }

    private <T> T timed(String operation, Supplier<T> call) {
        if (!outage.admit()) {
            throw Problem.of(
                    ProblemCode.STORE_UNAVAILABLE,
                    "the store has been unreachable since " + outage.downSince() + "; retry later");
        }
        try {
            T result = metrics.store(operation).record(call);
            outage.reachable();
            return result;
        } catch (Problem p) {
            throw p;
        } catch (StoreUnreachableException e) {
            outage.unreachable(String.valueOf(e.getMessage()));
            throw Problem.of(ProblemCode.STORE_UNAVAILABLE, "the store cannot be reached; retry later");
        } catch (IllegalArgumentException e) {
            // the store refuses values it cannot keep faithfully (NUL, unpaired surrogates, over-long): nothing written
            throw Problem.of(
                    ProblemCode.INVALID_BODY,
                    "the store cannot keep this value faithfully: " + Problem.shorten(String.valueOf(e.getMessage())));
        } catch (RuntimeException e) {
            throw Problem.of(
                    ProblemCode.STORE_UNAVAILABLE,
                    "the store failed: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public <R> PublishAttempt<R> publish(NewVersion version, PublishGuard<R> guard, AuditEntry created) {
        return timed("publish", () -> store.publish(version, guard, created));
    }

    @Override
    public List<String> acknowledgedButMissing() {
        return store.acknowledgedButMissing();
    }

    @Override
    public List<String> names() {
        return timed("names", store::names);
    }

    @Override
    public List<StoredVersion> versions(String name) {
        return timed("versions", () -> store.versions(name));
    }

    @Override
    public Optional<StoredVersion> version(String name, String version) {
        return timed("version", () -> store.version(name, version));
    }

    @Override
    public Optional<CompatibilityMode> mode(String name) {
        return timed("mode", () -> store.mode(name));
    }

    @Override
    public boolean setMode(String name, CompatibilityMode mode) {
        return timed("setMode", () -> store.setMode(name, mode));
    }

    @Override
    public boolean setState(String name, String version, VersionState state) {
        return timed("setState", () -> store.setState(name, version, state));
    }

    @Override
    public void appendAudit(AuditEntry entry) {
        timed("appendAudit", () -> {
            store.appendAudit(entry);
            return null;
        });
    }

    @Override
    public List<AuditEntry> audit(int limit) {
        return timed("audit", () -> store.audit(limit));
    }

    @Override
    public boolean reachable() {
        if (!outage.admit()) {
            return false;
        }
        boolean reachable;
        try {
            reachable = metrics.store("reachable").record(store::reachable);
        } catch (RuntimeException e) {
            reachable = false;
        }
        if (reachable) {
            outage.reachable();
        } else {
            outage.unreachable("the readiness check (SELECT 1) failed");
        }
        return reachable;
    }

    @Override
    public void close() {
        store.close();
    }
}
