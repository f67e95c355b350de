package dev.tokencontract.registry.internal;

import dev.tokencontract.registry.RegistryLimits;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;

/**
 * Admits compatibility dry runs (anonymous, and each may generate claim sets): per client address a token
 * bucket of {@code dryRunBurst} refilled at {@code dryRunsPerMinute}, and across the registry at most
 * {@code concurrentDryRuns} at once. A refused run is a 429 {@code rate-limited} with {@code Retry-After}.
 * The client is the connection's address: behind a proxy every client shares the proxy's bucket (a
 * forwarded-for header is not trusted, since any client can send one).
 */
final class DryRunGate {
    /** Buckets kept before idle (full) ones are dropped: bounds memory under many addresses. */
    private static final int MAX_CLIENTS = 10_000;

    private final RegistryLimits limits;
    private final LongSupplier nanoTime;
    private final Semaphore running;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    DryRunGate(RegistryLimits limits, LongSupplier nanoTime) {
        this.limits = limits;
        this.nanoTime = nanoTime;
        this.running = new Semaphore(limits.concurrentDryRuns());
    }

    /** A running dry run's place; closing it frees the place. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /** A permit to run one dry run for {@code client}, or a 429 problem. Close the permit when done. */
    Permit admit(String client) {
        if (buckets.size() > MAX_CLIENTS) {
            long now = nanoTime.getAsLong();
            buckets.values().removeIf(bucket -> bucket.full(now));
        }
        long waitNanos = buckets.computeIfAbsent(client, c -> new Bucket(limits.dryRunBurst(), nanoTime.getAsLong()))
                .take(nanoTime.getAsLong());
        if (waitNanos > 0) {
            long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
            throw Problem.of(
                            ProblemCode.RATE_LIMITED,
                            "this client may start " + limits.dryRunsPerMinute() + " dry runs a minute (after "
                                    + limits.dryRunBurst() + " at once); retry in " + seconds + " s")
                    .header("Retry-After", Long.toString(seconds));
        }
        if (!running.tryAcquire()) {
            throw Problem.of(
                            ProblemCode.RATE_LIMITED,
                            "the registry runs " + limits.concurrentDryRuns() + " dry runs at once; retry in a second")
                    .header("Retry-After", "1");
        }
        return running::release;
    }

    /** Tokens for one client; {@code take} answers 0 when one was taken, else how long until one is due. */
    private final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) ((1 - tokens) * nanosPerToken());
        }

        synchronized boolean full(long now) {
            refill(now);
            return tokens >= limits.dryRunBurst();
        }

        private void refill(long now) {
            tokens = Math.min(limits.dryRunBurst(), tokens + (now - last) / nanosPerToken());
            last = now;
        }

        private double nanosPerToken() {
            return 60_000_000_000.0 / limits.dryRunsPerMinute();
        }
    }
}
