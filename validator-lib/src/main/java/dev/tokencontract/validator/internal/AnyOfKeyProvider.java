package dev.tokencontract.validator.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Keys from several sources at once (e.g. a registry's trusted JWKS URLs): a lookup asks each source and joins
 * their keys. Only when every source is unavailable is the whole unavailable; when some are, their reasons travel
 * as a refresh failure, so a kid no reachable source knows means "could not check", never "unknown key".
 */
public final class AnyOfKeyProvider implements KeyProvider {
    private final List<KeyProvider> providers;
    private final String description;

    public AnyOfKeyProvider(List<KeyProvider> providers) {
        if (providers.isEmpty()) {
            throw new IllegalArgumentException("no key sources");
        }
        this.providers = List.copyOf(providers);
        this.description = providers.size() == 1
                ? providers.get(0).description()
                : "any of: "
                        + String.join(
                                "; ",
                                providers.stream().map(KeyProvider::description).toList());
    }

    @Override
    public KeyLookup lookup(String kid) {
        List<VerificationKey> keys = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (KeyProvider provider : providers) {
            KeyLookup lookup = provider.lookup(kid);
            if (lookup.isUnavailable()) {
                unavailable.add(provider.description() + ": " + lookup.unavailable());
                continue;
            }
            keys.addAll(lookup.keys());
            if (lookup.refreshFailure() != null) {
                failures.add(provider.description() + ": " + lookup.refreshFailure());
            }
        }
        if (unavailable.size() == providers.size()) {
            return KeyLookup.unavailable(String.join("; ", unavailable));
        }
        failures.addAll(unavailable);
        return failures.isEmpty() ? KeyLookup.of(keys) : KeyLookup.stale(keys, String.join("; ", failures));
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        providers.forEach(p -> warnings.addAll(p.warnings()));
        return warnings;
    }
}
