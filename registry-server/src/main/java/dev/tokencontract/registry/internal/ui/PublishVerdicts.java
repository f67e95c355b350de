package dev.tokencontract.registry.internal.ui;

import dev.tokencontract.compat.CompatibilityMode;
import dev.tokencontract.compat.SearchResult;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.registry.internal.Compatibility;
import dev.tokencontract.registry.internal.Services;
import dev.tokencontract.registry.store.StoredVersion;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether publishing a stored version's document would pass its contract's mode now: the compatibility dry run
 * the JSON API answers, with counterexamples when the registry has a search. The structural verdict is cheap; the
 * search costs up to the registry's search budget, so it runs under the dry-run gate (per-address rate, global
 * concurrency). Answers are kept per version digest, mode and the digests and states of the versions compared (any
 * publish or state change makes a new key): complete ones until evicted, ones cut short for a minute; at most
 * {@value #CAPACITY}, least recently used dropped.
 */
final class PublishVerdicts {
    static final int CAPACITY = 512;
    /** How long an answer cut short (search budget spent, or the gate refused) is reused before searching again. */
    static final long INCOMPLETE_NANOS = 60_000_000_000L;

    private record Kept(Check check, long until) {}

    /**
     * The verdict; whether acknowledging authorization widening would make it pass; and whether the counterexample
     * search was skipped because the dry-run gate refused this client for now.
     */
    record Check(Compatibility.Verdict verdict, boolean passesWhenWideningAcknowledged, boolean searchDeferred) {}

    private final Services services;
    private final Map<String, Kept> cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > CAPACITY;
        }
    });

    PublishVerdicts(Services services) {
        this.services = services;
    }

    Check of(StoredVersion candidate, List<StoredVersion> versions, CompatibilityMode mode, String client) {
        StringBuilder key = new StringBuilder(candidate.digest()).append('|').append(mode);
        versions.forEach(v -> key.append('|').append(v.digest()).append(v.state()));
        long now = System.nanoTime();
        Kept kept = cache.get(key.toString());
        if (kept != null && now - kept.until() < 0) {
            return kept.check();
        }
        Contract contract = services.compatibility.contract(candidate);
        Compatibility.Verdict structural = services.compatibility.judge(contract, versions, mode, false);
        if (structural.compatible()) {
            Check check = new Check(structural, true, false);
            cache.put(key.toString(), new Kept(check, now + Long.MAX_VALUE / 2));
            return check;
        }
        boolean acknowledged =
                services.compatibility.judge(contract, versions, mode, true).compatible();
        Compatibility.Verdict[] searched = {structural};
        boolean ran = services.underDryRunGate(
                client,
                () -> searched[0] =
                        services.compatibility.withCounterexamples(structural, contract, services.searchBudget()));
        Check check = new Check(searched[0], acknowledged, !ran);
        boolean complete = ran
                && (searched[0].notSearched() == null
                        || searched[0].notSearched().stream()
                                .noneMatch(n -> n.reason().equals(SearchResult.BUDGET)));
        // an answer cut short by the budget or the gate is reused for a minute, then searched again
        cache.put(key.toString(), new Kept(check, now + (complete ? Long.MAX_VALUE / 2 : INCOMPLETE_NANOS)));
        return check;
    }
}
