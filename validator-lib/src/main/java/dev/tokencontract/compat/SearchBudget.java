package dev.tokencontract.compat;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * How long the counterexample searches of one request may run, together: a deadline on a monotonic clock,
 * shared by every bounded {@link CounterexampleSearch} search
 * the request makes. Thread-safe (immutable).
 */
public final class SearchBudget {
    private final LongSupplier nanoTime;
    private final long deadline;

    private SearchBudget(LongSupplier nanoTime, long deadline) {
        this.nanoTime = nanoTime;
        this.deadline = deadline;
    }

    /** A budget of {@code time} from now, on {@link System#nanoTime()}. */
    public static SearchBudget of(Duration time) {
        return of(time, System::nanoTime);
    }

    /** A budget of {@code time} from now on the given monotonic clock (nanoseconds), for tests. */
    public static SearchBudget of(Duration time, LongSupplier nanoTime) {
        Objects.requireNonNull(nanoTime, "nanoTime");
        if (time.isNegative()) {
            throw new IllegalArgumentException("a budget is not negative");
        }
        return new SearchBudget(nanoTime, nanoTime.getAsLong() + time.toNanos());
    }

    /** Spent: searches should not start, and running ones should stop. */
    public boolean exhausted() {
        return nanoTime.getAsLong() - deadline >= 0;
    }

    /** What is left (zero when spent). */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadline - nanoTime.getAsLong()));
    }
}
