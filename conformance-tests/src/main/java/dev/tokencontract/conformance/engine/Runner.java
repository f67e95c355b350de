package dev.tokencontract.conformance.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.opentest4j.TestAbortedException;

/** Runs the tries of one property, shrinks the first failure, collects coverage. */
final class Runner<T> {
    private static final ThreadLocal<Set<String>> BODY_LABELS = new ThreadLocal<>();

    private final Gen<T> gen;
    private final Settings settings;
    private final BooleanSupplier stop;

    Runner(Gen<T> gen, Settings settings, BooleanSupplier stop) {
        this.gen = gen;
        this.settings = settings;
        this.stop = stop;
    }

    PropertyResult<T> run(Check<T> body, String name, long seed) {
        SplittableRandom master = new SplittableRandom(seed);
        Map<String, Integer> counts = Coverage.newCounts();
        int passed = 0;
        int discarded = 0;
        int maxDiscards = 2 * settings.tries() + 10;
        String lastRejection = null;
        while (passed < settings.tries()) {
            if (stop.getAsBoolean()) {
                return result(
                        name,
                        Outcome.STOPPED,
                        seed,
                        passed,
                        discarded,
                        null,
                        null,
                        0,
                        new Coverage(passed, counts),
                        List.of(),
                        lastRejection);
            }
            Choices in = Choices.random(master.nextLong());
            T value;
            try {
                value = in.draw(gen);
            } catch (Rejected e) {
                lastRejection = e.getMessage();
                if (++discarded > maxDiscards) {
                    return result(
                            name,
                            Outcome.GAVE_UP,
                            seed,
                            passed,
                            discarded,
                            null,
                            null,
                            0,
                            new Coverage(passed, counts),
                            List.of(),
                            lastRejection);
                }
                continue;
            }
            Throwable thrown = runBody(body, value, in.labels());
            if (thrown instanceof TestAbortedException aborted) {
                // an assumption that does not hold discards the try, under the same cap as a rejected draw
                lastRejection = "assumption: " + aborted.getMessage();
                if (++discarded > maxDiscards) {
                    return result(
                            name,
                            Outcome.GAVE_UP,
                            seed,
                            passed,
                            discarded,
                            null,
                            null,
                            0,
                            new Coverage(passed, counts),
                            List.of(),
                            lastRejection);
                }
                continue;
            }
            passed++;
            for (String label : in.labels()) {
                counts.merge(label, 1, Integer::sum);
            }
            if (thrown != null) {
                Example<T> first = new Example<>(value, in.sequence(), List.copyOf(in.spans()), thrown);
                Shrinker<T> shrinker = new Shrinker<>(gen, body, first, settings.maxShrinkRuns(), stop);
                Example<T> shrunk = shrinker.shrink();
                return result(
                        name,
                        Outcome.FAILED,
                        seed,
                        passed,
                        discarded,
                        shrunk,
                        first,
                        shrinker.runs(),
                        new Coverage(passed, counts),
                        List.of(),
                        lastRejection);
            }
        }
        Coverage coverage = new Coverage(passed, counts);
        List<String> missing = coverage.missing(settings.requiredLabels());
        Outcome outcome = missing.isEmpty() ? Outcome.PASSED : Outcome.COVERAGE_NOT_MET;
        return result(name, outcome, seed, passed, discarded, null, null, 0, coverage, missing, lastRejection);
    }

    private PropertyResult<T> result(
            String name,
            Outcome outcome,
            long seed,
            int tries,
            int discarded,
            Example<T> shrunk,
            Example<T> first,
            int shrinkRuns,
            Coverage coverage,
            List<String> missing,
            String lastRejection) {
        return new PropertyResult<>(
                name,
                outcome,
                seed,
                tries,
                discarded,
                shrunk == null ? null : shrunk.value(),
                first == null ? null : first.value(),
                shrunk == null ? null : shrunk.failure(),
                shrinkRuns,
                coverage,
                new ArrayList<>(missing),
                lastRejection);
    }

    /** Runs the body; returns what it threw, or null. {@code labels} receives {@link Property#label} calls. */
    static <T> Throwable runBody(Check<T> body, T value, Set<String> labels) {
        Set<String> previous = BODY_LABELS.get();
        BODY_LABELS.set(labels);
        try {
            body.verify(value);
            return null;
        } catch (Throwable thrown) {
            if (thrown instanceof VirtualMachineError error && !(thrown instanceof StackOverflowError)) {
                throw error;
            }
            return thrown;
        } finally {
            BODY_LABELS.set(previous);
        }
    }

    static void label(String label) {
        Set<String> labels = BODY_LABELS.get();
        if (labels != null) {
            labels.add(label);
        }
    }
}
