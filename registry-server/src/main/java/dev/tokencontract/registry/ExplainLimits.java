package dev.tokencontract.registry;

/**
 * What {@code POST /ui/api/explain} may cost (see "Explain a token" in docs/registry-api.md). Each explanation
 * is anonymous and may verify a signature or fetch a trusted JWKS, so each client address gets a token bucket
 * and the registry runs only so many at once; past either, 429 {@code rate-limited} with {@code Retry-After}.
 *
 * @param perMinute  explanations one client address may start per minute (refilled evenly), after {@code burst}
 * @param burst      explanations a client may start at once before the rate applies
 * @param concurrent explanations the whole registry runs at once
 */
public record ExplainLimits(int perMinute, int burst, int concurrent) {
    public ExplainLimits {
        if (perMinute < 1 || burst < 1 || concurrent < 1) {
            throw new IllegalArgumentException("explain limits must be at least 1");
        }
    }

    /** 60 a minute per client address after a burst of 20; 8 at once across the registry. */
    public static ExplainLimits defaults() {
        return new ExplainLimits(60, 20, 8);
    }
}
