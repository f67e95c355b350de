package dev.tokencontract.conformance.suites;

import java.security.SecureRandom;

/**
 * Tries per property and the seed of a suite run. One seed drives every property of the run, so
 * {@code --seed} (or {@code -Dtokencontract.seed}) replays the whole run.
 *
 * @param tries          examples per property, at least 1
 * @param seed           the run's seed
 * @param maxShrinkRuns  how many candidate examples the shrinker may try per failure
 */
public record SuiteSettings(int tries, long seed, int maxShrinkRuns) {
    public static final int DEFAULT_TRIES = 100;
    static final int DEFAULT_MAX_SHRINK_RUNS = 2_000;
    private static final SecureRandom SEEDS = new SecureRandom();

    public SuiteSettings {
        if (tries < 1 || tries > 1_000_000) {
            throw new IllegalArgumentException("tries must be between 1 and 1000000, got " + tries);
        }
        if (maxShrinkRuns < 0) {
            throw new IllegalArgumentException("maxShrinkRuns must be >= 0");
        }
    }

    public static SuiteSettings of(int tries, long seed) {
        return new SuiteSettings(tries, seed, DEFAULT_MAX_SHRINK_RUNS);
    }

    /** Default tries; the seed from {@code -Dtokencontract.seed} when set, else random. */
    public static SuiteSettings defaults() {
        String fixed = System.getProperty("tokencontract.seed");
        long seed = fixed != null && !fixed.isBlank() ? Long.parseLong(fixed.trim()) : SEEDS.nextLong();
        return of(DEFAULT_TRIES, seed);
    }

    public SuiteSettings withTries(int newTries) {
        return new SuiteSettings(newTries, seed, maxShrinkRuns);
    }
}
