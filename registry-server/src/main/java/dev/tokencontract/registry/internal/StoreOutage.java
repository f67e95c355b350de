package dev.tokencontract.registry.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Whether the store can be reached, as this replica last saw it. The first call that finds the database
 * unreachable starts an outage and logs it once; while it lasts, calls are refused at once (a fast 503,
 * not a pool wait each) except one probe per {@link #PROBE_INTERVAL}, a real call let through. The first
 * call that succeeds again ends the outage and logs that once. Thread-safe.
 */
final class StoreOutage {
    static final Duration PROBE_INTERVAL = Duration.ofMillis(500);

    private final Consumer<String> log;
    private final Clock clock;
    private final AtomicReference<Instant> downSince = new AtomicReference<>();
    private final AtomicLong nextProbe = new AtomicLong();

    StoreOutage(Consumer<String> log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /** True when a call may go to the store: no outage, or this call is the outage's next probe. */
    boolean admit() {
        if (downSince.get() == null) {
            return true;
        }
        long now = System.nanoTime();
        long due = nextProbe.get();
        return now - due >= 0 && nextProbe.compareAndSet(due, now + PROBE_INTERVAL.toNanos());
    }

    /** When the current outage began; null when there is none. */
    Instant downSince() {
        return downSince.get();
    }

    void unreachable(String detail) {
        nextProbe.set(System.nanoTime() + PROBE_INTERVAL.toNanos());
        Instant now = clock.instant();
        if (downSince.compareAndSet(null, now)) {
            log.accept(Json.NODES
                    .objectNode()
                    .put("time", now.toString())
                    .put("event", "store-unreachable")
                    .put("detail", Problem.shorten(detail))
                    .put(
                            "then",
                            "503 store-unavailable at once, cached exact" + " versions still served, a probe every "
                                    + PROBE_INTERVAL.toMillis() + " ms")
                    .toString());
        }
    }

    void reachable() {
        Instant since = downSince.get();
        if (since != null && downSince.compareAndSet(since, null)) {
            Instant now = clock.instant();
            log.accept(Json.NODES
                    .objectNode()
                    .put("time", now.toString())
                    .put("event", "store-reachable")
                    .put("downMs", Math.max(0, Duration.between(since, now).toMillis()))
                    .toString());
        }
    }
}
