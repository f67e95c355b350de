package dev.tokencontract.registry.internal.ui;

import dev.tokencontract.compat.CompatibilityMode;
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
 * the JSON API answers, with counterexamples when the registry has a search. A counterexample search costs tens of
 * milliseconds, so verdicts are kept per version digest, mode and the digests and states of the versions compared
 * (any publish or state change makes a new key); at most {@value #CAPACITY}, least recently used dropped first.
 */
final class PublishVerdicts {
    static final int CAPACITY = 512;

    /** The verdict, and whether acknowledging authorization widening would make it pass. */
    record Check(Compatibility.Verdict verdict, boolean passesWhenWideningAcknowledged) {}

    private final Services services;
    private final Map<String, Check> cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Check> eldest) {
            return size() > CAPACITY;
        }
    });

    PublishVerdicts(Services services) {
        this.services = services;
    }

    Check of(StoredVersion candidate, List<StoredVersion> versions, CompatibilityMode mode) {
        StringBuilder key = new StringBuilder(candidate.digest()).append('|').append(mode);
        versions.forEach(v -> key.append('|').append(v.digest()).append(v.state()));
        Check cached = cache.get(key.toString());
        if (cached != null) {
            return cached;
        }
        Contract contract = services.compatibility.contract(candidate);
        Compatibility.Verdict verdict = services.compatibility.judge(contract, versions, mode, false);
        boolean acknowledged = verdict.compatible();
        if (!verdict.compatible()) {
            acknowledged =
                    services.compatibility.judge(contract, versions, mode, true).compatible();
            verdict = services.compatibility.withCounterexamples(verdict, contract, services.searchBudget());
        }
        Check check = new Check(verdict, acknowledged);
        cache.put(key.toString(), check);
        return check;
    }
}
