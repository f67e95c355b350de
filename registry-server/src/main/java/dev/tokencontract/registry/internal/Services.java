package dev.tokencontract.registry.internal;

import dev.tokencontract.compat.CompatibilityMode;
import dev.tokencontract.compat.CounterexampleSearch;
import dev.tokencontract.compat.SearchBudget;
import dev.tokencontract.registry.RegistryLimits;
import dev.tokencontract.registry.store.ContractStore;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/** What the routes share: the (timed) store, caches, compatibility, metrics, settings and the authenticator. */
public final class Services {
    /** Contracts are limited to 256 KiB by lint; the body cap is the same. */
    public static final int MAX_CONTRACT_BYTES = 256 * 1024;
    /** Config and state bodies are one small object. */
    public static final int MAX_SMALL_BODY_BYTES = 4 * 1024;

    public final ContractStore store;
    public final ServedVersions served;
    public final Compatibility compatibility;
    public final Metrics metrics;
    public final Clock clock;
    public final boolean requireReadToken;
    public final CompatibilityMode defaultMode;
    /** How long in-flight requests may take to finish when the server stops. */
    public final Duration shutdownGrace;
    /** What one client may cost: body deadline and rate, dry-run rates, the search budget. */
    public final RegistryLimits limits;
    /** Admits dry runs: per-client rate and a global cap on concurrent ones. */
    final ClientRateGate dryRuns;

    private volatile Authenticator authenticator = new Authenticator(null);
    private volatile ExplainService explain = ExplainService.untrusted();

    public Services(
            ContractStore store,
            Metrics metrics,
            Clock clock,
            boolean requireReadToken,
            Duration readCacheTtl,
            CompatibilityMode defaultMode,
            Duration shutdownGrace,
            CounterexampleSearch counterexamples,
            RegistryLimits limits,
            Consumer<String> log) {
        this.compatibility = new Compatibility(counterexamples);
        this.metrics = metrics;
        this.store = new TimedStore(store, metrics, log, clock);
        this.served = new ServedVersions(this.store, readCacheTtl);
        this.clock = clock;
        this.requireReadToken = requireReadToken;
        this.defaultMode = defaultMode;
        this.shutdownGrace = shutdownGrace;
        this.limits = limits;
        this.dryRuns = ClientRateGate.dryRuns(limits, System::nanoTime);
    }

    /** A fresh budget for the counterexample searches of one request. */
    public SearchBudget searchBudget() {
        return SearchBudget.of(limits.searchBudget());
    }

    /**
     * Runs {@code search} (a counterexample search for a page) under the same gate as compatibility dry runs: the
     * per-address rate and the global cap on concurrent runs. False, with nothing run, when the gate refuses.
     */
    public boolean underDryRunGate(String client, Runnable search) {
        ClientRateGate.Permit permit;
        try {
            permit = dryRuns.admit(client);
        } catch (Problem refused) {
            if (refused.code() == ProblemCode.RATE_LIMITED) {
                return false;
            }
            throw refused;
        }
        try (permit) {
            search.run();
            return true;
        }
    }

    public Authenticator auth() {
        return authenticator;
    }

    /** Set once the audience is known (after the port is bound). */
    public void auth(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** What {@code POST /ui/api/explain} trusts and admits. */
    public ExplainService explain() {
        return explain;
    }

    /** Set by the server builder: the trusted keys and the explain rate. */
    public void explain(ExplainService explain) {
        this.explain = explain;
    }

    /** With {@code --require-read-token}: a 401/403 unless the caller holds contracts:read. */
    public void readAccess(Context ctx) {
        if (requireReadToken) {
            Caller caller = authenticator.authenticate(Http.authorization(ctx));
            authenticator.requireOperation(caller, "read");
        } else {
            Http.authorization(ctx); // two Authorization headers are refused even where none is needed
        }
    }
}
