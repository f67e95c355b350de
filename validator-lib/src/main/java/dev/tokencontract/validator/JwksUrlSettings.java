package dev.tokencontract.validator;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a JWKS URL is fetched and cached.
 *
 * @param cacheTtl           how long fetched keys are used before they are fetched again
 * @param minRefreshInterval an unknown {@code kid} triggers a refetch at most this often (a flood of
 *                           tokens with random kids cannot hammer the IdP)
 * @param connectTimeout     TCP connect timeout
 * @param readTimeout        time allowed for the whole response
 * @param maxBytes           responses larger than this are refused
 * @param clock              the clock for cache ages
 */
public record JwksUrlSettings(
        Duration cacheTtl,
        Duration minRefreshInterval,
        Duration connectTimeout,
        Duration readTimeout,
        int maxBytes,
        Clock clock) {

    public JwksUrlSettings {
        Objects.requireNonNull(cacheTtl, "cacheTtl");
        Objects.requireNonNull(minRefreshInterval, "minRefreshInterval");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(clock, "clock");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
    }

    /** 10 min cache, refresh on unknown kid at most every 30 s, 2 s connect, 5 s read, 512 KiB. */
    public static JwksUrlSettings defaults() {
        return new JwksUrlSettings(
                Duration.ofMinutes(10),
                Duration.ofSeconds(30),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                512 * 1024,
                Clock.systemUTC());
    }

    public JwksUrlSettings withClock(Clock newClock) {
        return new JwksUrlSettings(cacheTtl, minRefreshInterval, connectTimeout, readTimeout, maxBytes, newClock);
    }

    public JwksUrlSettings withCacheTtl(Duration ttl) {
        return new JwksUrlSettings(ttl, minRefreshInterval, connectTimeout, readTimeout, maxBytes, clock);
    }

    public JwksUrlSettings withMinRefreshInterval(Duration interval) {
        return new JwksUrlSettings(cacheTtl, interval, connectTimeout, readTimeout, maxBytes, clock);
    }

    public JwksUrlSettings withTimeouts(Duration connect, Duration read) {
        return new JwksUrlSettings(cacheTtl, minRefreshInterval, connect, read, maxBytes, clock);
    }

    public JwksUrlSettings withMaxBytes(int max) {
        return new JwksUrlSettings(cacheTtl, minRefreshInterval, connectTimeout, readTimeout, max, clock);
    }
}
