package dev.tokencontract.conformance.engine;

import java.util.List;

/**
 * The result of one property run. For {@link Outcome#FAILED}, {@code counterexample} is the shrunk value,
 * {@code failure} what the body threw for it, and {@code firstCounterexample} the value first found.
 * {@code seed} replays the whole run exactly: {@code -Dtokencontract.seed=SEED} or {@link Property#seed}.
 *
 * @param <T> the generated type
 */
public record PropertyResult<T>(
        String name,
        Outcome outcome,
        long seed,
        int tries,
        int discarded,
        T counterexample,
        T firstCounterexample,
        Throwable failure,
        int shrinkRuns,
        Coverage coverage,
        List<String> missingLabels,
        String lastRejection) {

    public PropertyResult {
        missingLabels = List.copyOf(missingLabels);
    }

    public boolean passed() {
        return outcome == Outcome.PASSED;
    }

    /** A multi-line report: outcome, seed and how to replay, counterexample, failure, coverage. */
    public String report() {
        StringBuilder out = new StringBuilder();
        switch (outcome) {
            case PASSED -> out.append(String.format("Property '%s' passed %d tries (seed %d).%n", name, tries, seed));
            case FAILED -> {
                out.append(String.format("Property '%s' failed after %d tries (seed %d).%n", name, tries, seed));
                out.append("Shrunk counterexample (")
                        .append(shrinkRuns)
                        .append(" shrink runs): ")
                        .append(describe(counterexample))
                        .append('\n');
                out.append("First counterexample: ")
                        .append(describe(firstCounterexample))
                        .append('\n');
                out.append("Failure: ").append(failure).append('\n');
            }
            case COVERAGE_NOT_MET ->
                out.append(String.format(
                        "Property '%s' held for %d tries (seed %d) but never produced required label(s) %s.%n",
                        name, tries, seed, missingLabels));
            case GAVE_UP ->
                out.append(String.format(
                        "Property '%s' gave up after too many discards (seed %d): %d tries discarded, only %d ran. Last reason: %s%n",
                        name, seed, discarded, tries, lastRejection));
            case STOPPED ->
                out.append(String.format(
                        "Property '%s' was stopped by its caller after %d tries (seed %d).%n", name, tries, seed));
        }
        if (outcome != Outcome.PASSED) {
            out.append("Replay: -D")
                    .append(Property.SEED_PROPERTY)
                    .append('=')
                    .append(seed)
                    .append(" or Property.forAll(...).seed(")
                    .append(seed)
                    .append("L)\n");
        }
        out.append("Coverage over ")
                .append(coverage.tries())
                .append(" tries:\n")
                .append(coverage.render());
        return out.toString();
    }

    static String describe(Object value) {
        if (value instanceof String text) {
            return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        return String.valueOf(value);
    }
}
