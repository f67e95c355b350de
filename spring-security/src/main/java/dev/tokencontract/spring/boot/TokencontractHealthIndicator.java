package dev.tokencontract.spring.boot;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * {@code tokencontract} in Actuator's health: each issuer's key source (JWKS URL, reachable, number of keys,
 * last successful refresh, error) and the pinned contract (reference, digest, registry, offline copy or not).
 * DOWN when any issuer's keys cannot be loaded: its tokens would all be answered 503.
 */
public final class TokencontractHealthIndicator extends AbstractHealthIndicator {
    /** The least time between two probes of one issuer's keys. */
    public static final Duration MIN_PROBE_INTERVAL = Duration.ofSeconds(10);

    private final PinnedContract contract;
    private final List<KeySourceProbe> probes;

    public TokencontractHealthIndicator(TokencontractSettings settings) {
        this(settings, MIN_PROBE_INTERVAL, Clock.systemUTC());
    }

    TokencontractHealthIndicator(TokencontractSettings settings, Duration minInterval, Clock clock) {
        super("tokencontract key sources could not be checked");
        this.contract = settings.pinned();
        this.probes = settings.issuers().stream()
                .map(issuer -> new KeySourceProbe(issuer, minInterval, clock))
                .toList();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean allKeys = true;
        List<Map<String, Object>> sources = new java.util.ArrayList<>();
        for (KeySourceProbe probe : probes) {
            KeySourceProbe.Result result = probe.check();
            allKeys &= result.reachable();
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("issuer", result.issuer());
            source.put("jwksUri", result.jwksUri());
            source.put("reachable", result.reachable());
            source.put("keys", result.keys());
            source.put("lastRefresh", result.lastRefresh().map(Object::toString).orElse("never"));
            result.error().ifPresent(error -> source.put("error", error));
            sources.add(source);
        }
        Map<String, Object> pinned = new LinkedHashMap<>();
        pinned.put("reference", contract.contract().reference());
        pinned.put("origin", contract.origin());
        contract.digest().ifPresent(digest -> pinned.put("digest", digest));
        contract.source().ifPresent(source -> pinned.put("source", source));
        contract.fetchedAt().ifPresent(at -> pinned.put("confirmedAt", at.toString()));
        pinned.put("offlineCopy", contract.offlineCopy());
        if (!contract.warnings().isEmpty()) {
            pinned.put("warnings", contract.warnings());
        }
        (allKeys ? builder.up() : builder.down())
                .withDetail("keySources", sources)
                .withDetail("contract", pinned);
    }
}
