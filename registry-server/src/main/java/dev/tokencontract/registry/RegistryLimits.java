package dev.tokencontract.registry;

import java.time.Duration;
import java.util.Objects;

/**
 * What one client may cost the registry (see "Limits" in docs/registry-api.md). Immutable; start from
 * {@link #defaults()} and change one limit at a time.
 *
 * @param bodyDeadline          a request body must arrive whole within this time of the request's headers,
 *                              else 408 {@code body-timeout}; bodies are read without holding a worker thread
 * @param minBodyBytesPerSecond a body slower than this on average (after its first second) ends early, also with 408
 * @param dryRunsPerMinute      compatibility dry runs one client address may start per minute (refilled
 *                              evenly), after {@code dryRunBurst}; then 429 {@code rate-limited}
 * @param dryRunBurst           dry runs a client may start at once before the rate applies
 * @param concurrentDryRuns     dry runs the whole registry runs at once; one more is a 429
 * @param searchBudget          wall-clock time the counterexample search of one request may take across
 *                              every compared version; versions left are reported "not searched: budget"
 * @param maxPendingBodyBytes   bytes every body still arriving may hold together; past it, 429 {@code rate-limited}
 */
public record RegistryLimits(
        Duration bodyDeadline,
        int minBodyBytesPerSecond,
        int dryRunsPerMinute,
        int dryRunBurst,
        int concurrentDryRuns,
        Duration searchBudget,
        long maxPendingBodyBytes) {

    public RegistryLimits {
        Objects.requireNonNull(bodyDeadline, "bodyDeadline");
        Objects.requireNonNull(searchBudget, "searchBudget");
        if (bodyDeadline.isNegative() || bodyDeadline.isZero()) {
            throw new IllegalArgumentException("bodyDeadline must be positive");
        }
        if (searchBudget.isNegative()) {
            throw new IllegalArgumentException("searchBudget must not be negative (zero: never search)");
        }
        if (minBodyBytesPerSecond < 0) {
            throw new IllegalArgumentException("minBodyBytesPerSecond must not be negative (zero: no minimum)");
        }
        if (maxPendingBodyBytes < 1) {
            throw new IllegalArgumentException("maxPendingBodyBytes must be positive");
        }
        if (dryRunsPerMinute < 1 || dryRunBurst < 1 || concurrentDryRuns < 1) {
            throw new IllegalArgumentException("dry-run limits must be at least 1");
        }
    }

    /**
     * Bodies within 10 s at 1 KiB/s or faster, 64 MiB held by unfinished bodies at most; 60 dry runs a
     * minute per client address after a burst of 10; 4 dry runs at once; 1 s of counterexample search per
     * request.
     */
    public static RegistryLimits defaults() {
        return new RegistryLimits(Duration.ofSeconds(10), 1024, 60, 10, 4, Duration.ofSeconds(1), 64L << 20);
    }

    public RegistryLimits withBodyDeadline(Duration deadline, int minBytesPerSecond) {
        return new RegistryLimits(
                deadline,
                minBytesPerSecond,
                dryRunsPerMinute,
                dryRunBurst,
                concurrentDryRuns,
                searchBudget,
                maxPendingBodyBytes);
    }

    public RegistryLimits withDryRuns(int perMinute, int burst, int concurrent) {
        return new RegistryLimits(
                bodyDeadline, minBodyBytesPerSecond, perMinute, burst, concurrent, searchBudget, maxPendingBodyBytes);
    }

    public RegistryLimits withSearchBudget(Duration budget) {
        return new RegistryLimits(
                bodyDeadline,
                minBodyBytesPerSecond,
                dryRunsPerMinute,
                dryRunBurst,
                concurrentDryRuns,
                budget,
                maxPendingBodyBytes);
    }

    public RegistryLimits withMaxPendingBodyBytes(long bytes) {
        return new RegistryLimits(
                bodyDeadline,
                minBodyBytesPerSecond,
                dryRunsPerMinute,
                dryRunBurst,
                concurrentDryRuns,
                searchBudget,
                bytes);
    }
}
