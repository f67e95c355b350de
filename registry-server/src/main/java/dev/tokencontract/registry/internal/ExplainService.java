package dev.tokencontract.registry.internal;

import dev.tokencontract.registry.ExplainLimits;
import dev.tokencontract.validator.KeySource;
import java.util.List;
import java.util.Optional;

/**
 * What {@code POST /ui/api/explain} needs beyond the store: the keys the registry trusts (its configured JWKS
 * URLs, in {@code --dev} the dev issuer's key), and the gate that bounds its rate per client and overall.
 */
public final class ExplainService {
    private final Optional<KeySource> trusted;
    private final ExplainLimits limits;
    final ClientRateGate gate;

    private ExplainService(Optional<KeySource> trusted, ExplainLimits limits) {
        this.trusted = trusted;
        this.limits = limits;
        this.gate = new ClientRateGate(
                "explanations", limits.perMinute(), limits.burst(), limits.concurrent(), System::nanoTime);
    }

    /** Trusts {@code keys} (any of them may verify); none trusted when empty. */
    public static ExplainService of(List<KeySource> keys, ExplainLimits limits) {
        return new ExplainService(keys.isEmpty() ? Optional.empty() : Optional.of(KeySource.anyOf(keys)), limits);
    }

    /** No trusted keys, default limits: a request without {@code jwks} is judged but never accepted. */
    static ExplainService untrusted() {
        return of(List.of(), ExplainLimits.defaults());
    }

    public ExplainLimits limits() {
        return limits;
    }

    /** The trusted keys, or {@link KeySource#none()} when the registry trusts none. */
    public KeySource trustedKeys() {
        return trusted.orElseGet(KeySource::none);
    }
}
