package dev.tokencontract.conformance.suites;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tries per property and the seed of a suite run. One seed drives every property of the run, so
 * {@code --seed} (or {@code -Dtokencontract.seed}) replays the whole run.
 *
 * @param tries          examples per property, at least 1
 * @param seed           the run's seed
 * @param maxShrinkRuns  how many candidate examples the shrinker may try per failure
 * @param requiredCoverage per property name, the coverage labels every run must produce (see {@link #requireCoverage})
 */
public record SuiteSettings(int tries, long seed, int maxShrinkRuns, Map<String, List<String>> requiredCoverage) {
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
        requiredCoverage = Map.copyOf(requiredCoverage);
    }

    public SuiteSettings(int tries, long seed, int maxShrinkRuns) {
        this(tries, seed, maxShrinkRuns, Map.of());
    }

    public static SuiteSettings of(int tries, long seed) {
        return new SuiteSettings(tries, seed, DEFAULT_MAX_SHRINK_RUNS);
    }

    /** Default tries; the seed from {@code -Dtokencontract.seed} when set, else random. */
    public static SuiteSettings defaults() {
        String fixed = System.getProperty("tokencontract.seed");
        long seed;
        try {
            seed = fixed != null && !fixed.isBlank() ? Long.parseLong(fixed.trim()) : SEEDS.nextLong();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-Dtokencontract.seed must be a long, got '" + fixed + "'", e);
        }
        return of(DEFAULT_TRIES, seed);
    }

    public SuiteSettings withTries(int newTries) {
        return new SuiteSettings(newTries, seed, maxShrinkRuns, requiredCoverage);
    }

    /**
     * Makes the property {@code propertyName} (e.g. {@code consumer accepts valid tokens}) fail unless every one
     * of {@code labels} came up in some try (labels are those of its coverage table, e.g. {@code alg ES256} or a
     * schema generator's {@code type=array@#/$defs/audience}). A requirement for a property the suite does not
     * run, or that does not apply, fails the suite too, so a typo cannot pass silently.
     */
    public SuiteSettings requireCoverage(String propertyName, String... labels) {
        java.util.Objects.requireNonNull(propertyName, "propertyName");
        Map<String, List<String>> required = new LinkedHashMap<>(requiredCoverage);
        List<String> merged = new ArrayList<>(required.getOrDefault(propertyName, List.of()));
        merged.addAll(List.of(labels));
        required.put(propertyName, List.copyOf(merged));
        return new SuiteSettings(tries, seed, maxShrinkRuns, required);
    }

    /** The run's reports plus a failure for each coverage requirement whose property did not run. */
    List<PropertyReport> withUnmetRequirements(List<PropertyReport> reports) {
        List<PropertyReport> all = new ArrayList<>(reports);
        requiredCoverage.forEach((name, labels) -> {
            PropertyReport ran = reports.stream()
                    .filter(r -> r.name().equals(name))
                    .findFirst()
                    .orElse(null);
            if (ran == null || ran.status() == PropertyReport.Status.NOT_APPLICABLE) {
                all.add(new PropertyReport(
                        "coverage of " + name,
                        PropertyReport.Status.FAILED,
                        0,
                        seed,
                        null,
                        "coverage " + labels + " is required of '" + name + "', which "
                                + (ran == null
                                        ? "this suite does not run; it runs "
                                                + reports.stream()
                                                        .map(PropertyReport::name)
                                                        .toList()
                                        : "did not apply: " + ran.reason()),
                        "",
                        Duration.ZERO));
            }
        });
        return all;
    }
}
