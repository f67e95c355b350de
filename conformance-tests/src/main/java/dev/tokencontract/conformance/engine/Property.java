package dev.tokencontract.conformance.engine;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.opentest4j.AssertionFailedError;

/**
 * A property: for all values of a generator, a check holds. Use it inside a JUnit {@code @Test}:
 *
 * <pre>{@code
 * Property.forAll(Gen.lists(Gen.ints(0, 1000), 0, 20))
 *         .tries(200)
 *         .check(list -> assertThat(sum(list)).isLessThan(5000));
 * }</pre>
 *
 * Every run prints one line with its seed. A failing run throws an {@link AssertionFailedError} whose
 * message holds the shrunk counterexample, the seed and how to replay it, and the coverage statistics.
 * Seed: {@link #seed} if set, else the system property {@value #SEED_PROPERTY}, else random. Tries:
 * {@link #tries} if set, else {@value #TRIES_PROPERTY}, else 100. Immutable: every option returns a copy.
 *
 * @param <T> the generated type
 */
public final class Property<T> {
    /** System property that fixes the seed of every property without an explicit {@link #seed}. */
    public static final String SEED_PROPERTY = "tokencontract.seed";
    /** System property that sets the tries of every property without an explicit {@link #tries}. */
    public static final String TRIES_PROPERTY = "tokencontract.tries";

    private static final SecureRandom SEEDS = new SecureRandom();

    private static final BooleanSupplier NEVER = () -> false;

    private final Gen<T> gen;
    private final Integer tries;
    private final Settings settings;
    private final BooleanSupplier stop;

    private Property(Gen<T> gen, Integer tries, Settings settings, BooleanSupplier stop) {
        this.gen = gen;
        this.tries = tries;
        this.settings = settings;
        this.stop = stop;
    }

    public static <T> Property<T> forAll(Gen<T> gen) {
        Objects.requireNonNull(gen, "gen");
        return new Property<>(
                gen,
                null,
                new Settings(Settings.DEFAULT_TRIES, null, List.of(), Settings.DEFAULT_MAX_SHRINK_RUNS, null),
                NEVER);
    }

    /** Records a coverage label from inside a property body (e.g. which mutation a try applied). */
    public static void label(String label) {
        Runner.label(Objects.requireNonNull(label, "label"));
    }

    /** The name printed in reports; by default the calling class and method. */
    public Property<T> named(String name) {
        return with(
                tries,
                new Settings(
                        settings.tries(),
                        settings.seed(),
                        settings.requiredLabels(),
                        settings.maxShrinkRuns(),
                        Objects.requireNonNull(name, "name")));
    }

    /** How many tries must run (discarded draws do not count). */
    public Property<T> tries(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("tries must be at least 1, got " + count);
        }
        return with(count, settings);
    }

    /** Fixes the seed: the run, its first failure and its shrinking replay exactly. */
    public Property<T> seed(long seed) {
        return with(
                tries,
                new Settings(
                        settings.tries(), seed, settings.requiredLabels(), settings.maxShrinkRuns(), settings.name()));
    }

    /** Fails the run ({@link Outcome#COVERAGE_NOT_MET}) unless every one of {@code labels} came up in some try. */
    public Property<T> requireCoverage(String... labels) {
        List<String> required = new ArrayList<>(settings.requiredLabels());
        required.addAll(List.of(labels));
        return with(
                tries,
                new Settings(settings.tries(), settings.seed(), required, settings.maxShrinkRuns(), settings.name()));
    }

    /** Caps how many candidate examples the shrinker may run (default 5,000). */
    public Property<T> maxShrinkRuns(int runs) {
        if (runs < 0) {
            throw new IllegalArgumentException("maxShrinkRuns must be >= 0, got " + runs);
        }
        return with(
                tries,
                new Settings(settings.tries(), settings.seed(), settings.requiredLabels(), runs, settings.name()));
    }

    /**
     * Ends the run early once {@code stop} answers true (asked before every try and every shrink run): the
     * outcome is then {@link Outcome#STOPPED}, or {@link Outcome#FAILED} with the counterexample shrunk so
     * far when a failure was already found. For callers with a time or work budget (the registry's
     * counterexample search); {@code stop} must be cheap and thread-safe.
     */
    public Property<T> stopWhen(BooleanSupplier stop) {
        return new Property<>(gen, tries, settings, Objects.requireNonNull(stop, "stop"));
    }

    /** Runs the property and returns the result; never throws for a failing property. Prints the seed. */
    public PropertyResult<T> run(Check<T> body) {
        Objects.requireNonNull(body, "body");
        long seed = resolveSeed();
        Settings effective = new Settings(
                resolveTries(), seed, settings.requiredLabels(), settings.maxShrinkRuns(), settings.name());
        String name = settings.name() != null ? settings.name() : CallerName.find();
        PropertyResult<T> result = new Runner<>(gen, effective, stop).run(body, name, seed);
        System.out.printf("[property] %s: %s, %d tries, seed %d%n", name, result.outcome(), result.tries(), seed);
        return result;
    }

    /**
     * {@link #run} without the seed line on standard output, for library callers whose standard output is
     * not a test log (the suites report seeds themselves; {@code tokencontract diff --format json}).
     */
    public PropertyResult<T> runQuietly(Check<T> body) {
        Objects.requireNonNull(body, "body");
        long seed = resolveSeed();
        Settings effective = new Settings(
                resolveTries(), seed, settings.requiredLabels(), settings.maxShrinkRuns(), settings.name());
        return new Runner<>(gen, effective, stop)
                .run(body, settings.name() != null ? settings.name() : CallerName.find(), seed);
    }

    /** Runs the property; throws {@link AssertionFailedError} with the full report unless it passed. */
    public PropertyResult<T> check(Check<T> body) {
        PropertyResult<T> result = run(body);
        if (!result.passed()) {
            throw new AssertionFailedError(result.report(), result.failure());
        }
        return result;
    }

    /** {@link #check} for a predicate: the property fails where {@code holds} returns false. */
    public PropertyResult<T> checkThat(Predicate<? super T> holds) {
        return check(value -> {
            if (!holds.test(value)) {
                throw new AssertionFailedError("property returned false");
            }
        });
    }

    private Property<T> with(Integer newTries, Settings newSettings) {
        return new Property<>(gen, newTries, newSettings, stop);
    }

    private long resolveSeed() {
        if (settings.seed() != null) {
            return settings.seed();
        }
        String fromProperty = System.getProperty(SEED_PROPERTY);
        if (fromProperty != null && !fromProperty.isBlank()) {
            try {
                return Long.parseLong(fromProperty.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "-D" + SEED_PROPERTY + " must be a long, got '" + fromProperty + "'", e);
            }
        }
        return SEEDS.nextLong();
    }

    private int resolveTries() {
        if (tries != null) {
            return tries;
        }
        String fromProperty = System.getProperty(TRIES_PROPERTY);
        if (fromProperty != null && !fromProperty.isBlank()) {
            try {
                int parsed = Integer.parseInt(fromProperty.trim());
                if (parsed >= 1) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(
                    "-D" + TRIES_PROPERTY + " must be a positive int, got '" + fromProperty + "'");
        }
        return Settings.DEFAULT_TRIES;
    }
}
