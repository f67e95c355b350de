package dev.tokencontract.registry.client;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link RegistryClient} talks to a registry and where it keeps its cache. Follows the conventions of
 * {@link JwksUrlSettings}: explicit timeouts, a response size cap, an injected clock.
 *
 * @param connectTimeout TCP connect timeout
 * @param readTimeout    time allowed for one whole exchange, body included
 * @param maxBytes       response bodies larger than this are refused
 * @param maxRedirects   redirects followed per request (each target must pass the https rule too); 0 follows none
 * @param cacheDir       where fetched contracts and their ETags are kept for revalidation and offline use
 * @param clock          the clock for cache ages
 */
public record RegistrySettings(
        Duration connectTimeout, Duration readTimeout, int maxBytes, int maxRedirects, Path cacheDir, Clock clock) {

    /** Room for the largest contract lint accepts (256 KiB) and a problem document listing many changes. */
    public static final int DEFAULT_MAX_BYTES = 1024 * 1024;

    public RegistrySettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(clock, "clock");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        if (maxRedirects < 0 || maxRedirects > 10) {
            throw new IllegalArgumentException("maxRedirects must be from 0 to 10");
        }
    }

    /** 2 s connect, 10 s per exchange, 1 MiB, 3 redirects, cache in {@code ~/.tokencontract/cache}. */
    public static RegistrySettings defaults() {
        return new RegistrySettings(
                Duration.ofSeconds(2),
                Duration.ofSeconds(10),
                DEFAULT_MAX_BYTES,
                3,
                defaultCacheDir(),
                Clock.systemUTC());
    }

    /** {@code ~/.tokencontract/cache} in the user's home directory. */
    public static Path defaultCacheDir() {
        return Path.of(System.getProperty("user.home"), ".tokencontract", "cache");
    }

    public RegistrySettings withCacheDir(Path dir) {
        return new RegistrySettings(connectTimeout, readTimeout, maxBytes, maxRedirects, dir, clock);
    }

    public RegistrySettings withTimeouts(Duration connect, Duration read) {
        return new RegistrySettings(connect, read, maxBytes, maxRedirects, cacheDir, clock);
    }

    public RegistrySettings withMaxBytes(int max) {
        return new RegistrySettings(connectTimeout, readTimeout, max, maxRedirects, cacheDir, clock);
    }

    public RegistrySettings withMaxRedirects(int max) {
        return new RegistrySettings(connectTimeout, readTimeout, maxBytes, max, cacheDir, clock);
    }

    public RegistrySettings withClock(Clock newClock) {
        return new RegistrySettings(connectTimeout, readTimeout, maxBytes, maxRedirects, cacheDir, newClock);
    }
}
