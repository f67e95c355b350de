package dev.tokencontract.conformance.suites;

import dev.tokencontract.conformance.engine.PropertyResult;
import java.time.Duration;
import java.util.Objects;

/**
 * How one property of a suite ended, ready for a terminal or a JUnit XML report.
 *
 * @param name           e.g. {@code consumer rejects expired}
 * @param status         the outcome
 * @param tries          examples run
 * @param seed           replays the run with {@code --seed}
 * @param counterexample the shrunk counterexample for people ({@code null} unless failed)
 * @param reason         why it failed, could not run or did not apply ({@code null} when passed)
 * @param coverage       the coverage table
 * @param elapsed        wall time of the property
 */
public record PropertyReport(
        String name,
        Status status,
        int tries,
        long seed,
        String counterexample,
        String reason,
        String coverage,
        Duration elapsed) {

    /** Outcomes; only {@link #FAILED} and {@link #COULD_NOT_RUN} make a suite fail. */
    public enum Status {
        PASSED,
        FAILED,
        NOT_APPLICABLE,
        COULD_NOT_RUN
    }

    public PropertyReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(coverage, "coverage");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** Classifies an engine result: a {@link CouldNotRun} failure is not the party's fault. */
    static PropertyReport from(PropertyResult<?> result, Duration elapsed) {
        String coverage = result.coverage().render();
        return switch (result.outcome()) {
            case PASSED ->
                new PropertyReport(
                        result.name(), Status.PASSED, result.tries(), result.seed(), null, null, coverage, elapsed);
            case FAILED ->
                rootCause(result.failure()) instanceof CouldNotRun couldNot
                        ? new PropertyReport(
                                result.name(),
                                Status.COULD_NOT_RUN,
                                result.tries(),
                                result.seed(),
                                null,
                                couldNot.getMessage(),
                                coverage,
                                elapsed)
                        : new PropertyReport(
                                result.name(),
                                Status.FAILED,
                                result.tries(),
                                result.seed(),
                                String.valueOf(result.counterexample()),
                                message(result.failure()),
                                coverage,
                                elapsed);
            case COVERAGE_NOT_MET ->
                new PropertyReport(
                        result.name(),
                        Status.FAILED,
                        result.tries(),
                        result.seed(),
                        null,
                        "never produced required case(s) " + result.missingLabels(),
                        coverage,
                        elapsed);
            case GAVE_UP ->
                new PropertyReport(
                        result.name(),
                        Status.COULD_NOT_RUN,
                        result.tries(),
                        result.seed(),
                        null,
                        "gave up: " + result.discarded() + " examples discarded; last reason: "
                                + result.lastRejection(),
                        coverage,
                        elapsed);
            case STOPPED ->
                new PropertyReport(
                        result.name(),
                        Status.COULD_NOT_RUN,
                        result.tries(),
                        result.seed(),
                        null,
                        "stopped after " + result.tries() + " tries (out of budget)",
                        coverage,
                        elapsed);
        };
    }

    static PropertyReport notApplicable(String name, String reason, long seed) {
        return new PropertyReport(name, Status.NOT_APPLICABLE, 0, seed, null, reason, "", Duration.ZERO);
    }

    static PropertyReport couldNotRun(String name, String reason, long seed) {
        return new PropertyReport(name, Status.COULD_NOT_RUN, 0, seed, null, reason, "", Duration.ZERO);
    }

    private static Throwable rootCause(Throwable thrown) {
        Throwable current = thrown;
        while (current != null
                && !(current instanceof CouldNotRun)
                && current.getCause() != null
                && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }

    private static String message(Throwable thrown) {
        if (thrown == null) {
            return "(no failure recorded)";
        }
        return thrown instanceof PropertyFailure || thrown.getMessage() != null && thrown instanceof AssertionError
                ? thrown.getMessage()
                : thrown.getClass().getSimpleName() + ": " + thrown.getMessage();
    }
}
