package dev.tokencontract.registry.internal;

import dev.tokencontract.registry.RegistryLimits;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;

/**
 * Admits costly anonymous requests of one kind (compatibility dry runs, which may generate claim sets; token
 * explanations, which verify signatures): per client address a token bucket of {@code burst} refilled at
 * {@code perMinute}, and across the registry at most {@code concurrent} at once. A refused request is a 429
 * {@code rate-limited} with {@code Retry-After}. The client is the connection's address: behind a proxy every
 * client shares the proxy's bucket (a forwarded-for header is not trusted, since any client can send one).
 */
final class ClientRateGate {
    /** Buckets kept before idle (full) ones are dropped: bounds memory under many addresses. */
    private static final int MAX_CLIENTS = 10_000;

    private final String what;
    private final int perMinute;
    private final int burst;
    private final int concurrent;
    private final LongSupplier nanoTime;
    private final Semaphore running;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** {@code what}: the requests, plural, as problems name them ("dry runs", "explanations"). */
    ClientRateGate(String what, int perMinute, int burst, int concurrent, LongSupplier nanoTime) {
        this.what = what;
        this.perMinute = perMinute;
        this.burst = burst;
        this.concurrent = concurrent;
        this.nanoTime = nanoTime;
        this.running = new Semaphore(concurrent);
    }

    /** The compatibility dry runs' gate, with {@code limits}' dry-run rates. */
    static ClientRateGate dryRuns(RegistryLimits limits, LongSupplier nanoTime) {
        return new ClientRateGate(
                "dry runs", limits.dryRunsPerMinute(), limits.dryRunBurst(), limits.concurrentDryRuns(), nanoTime);
    }

    /** A running request's place; closing it frees the place. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /** A permit to run one request for {@code client}, or a 429 problem. Close the permit when done. */
    Permit admit(String client) {
        if (buckets.size() > MAX_CLIENTS) {
            long now = nanoTime.getAsLong();
            buckets.values().removeIf(bucket -> bucket.full(now));
        }
        long waitNanos = buckets.computeIfAbsent(client, c -> new Bucket(burst, nanoTime.getAsLong()))
                .take(nanoTime.getAsLong());
        if (waitNanos > 0) {
            long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
            throw Problem.of(
                            ProblemCode.RATE_LIMITED,
                            "this client may start " + perMinute + " " + what + " a minute (after " + burst
                                    + " at once); retry in " + seconds + " s")
                    .header("Retry-After", Long.toString(seconds));
        }
        if (!running.tryAcquire()) {
            throw Problem.of(
                            ProblemCode.RATE_LIMITED,
                            "the registry runs " + concurrent + " " + what + " at once; retry in a second")
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
            return tokens >= burst;
        }

        private void refill(long now) {
            tokens = Math.min(burst, tokens + (now - last) / nanosPerToken());
            last = now;
        }

        private double nanosPerToken() {
            return 60_000_000_000.0 / perMinute;
        }
    }
}
