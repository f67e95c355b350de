package dev.tokencontract.conformance.suites;

import java.util.List;
import java.util.Objects;

/**
 * Every property of one suite run, with the seed that replays it.
 *
 * @param suite      {@code producer}, {@code consumer}, {@code carrier} or {@code compat}
 * @param subject    what was tested, for people (an endpoint, a command, two contract references)
 * @param seed       the one seed every property of the run used
 * @param properties in the order run
 */
public record SuiteResult(String suite, String subject, long seed, List<PropertyReport> properties) {
    public SuiteResult {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(subject, "subject");
        properties = List.copyOf(properties);
    }

    /** True when no property failed and none could not run. */
    public boolean passed() {
        return properties.stream()
                .noneMatch(p -> p.status() == PropertyReport.Status.FAILED
                        || p.status() == PropertyReport.Status.COULD_NOT_RUN);
    }

    /** True when some property could not run (and none failed): the party was not proven wrong. */
    public boolean couldNotRun() {
        return properties.stream().noneMatch(p -> p.status() == PropertyReport.Status.FAILED)
                && properties.stream().anyMatch(p -> p.status() == PropertyReport.Status.COULD_NOT_RUN);
    }

    /** The failed properties. */
    public List<PropertyReport> failures() {
        return properties.stream()
                .filter(p -> p.status() == PropertyReport.Status.FAILED)
                .toList();
    }

    /** A multi-line report for people: one line per property, the reason and shrunk counterexample of each failure. */
    public String report() {
        StringBuilder out = new StringBuilder(suite + " suite, " + subject + " (seed " + seed + ")\n");
        for (PropertyReport p : properties) {
            out.append("  ").append(p.status()).append(' ').append(p.name());
            if (p.reason() != null) {
                out.append(": ").append(p.reason());
            }
            if (p.counterexample() != null) {
                out.append("\n    shrunk counterexample: ").append(p.counterexample());
            }
            out.append('\n');
            // coverage answers "did it exercise the case?"; next to a counterexample it is noise
            if (p.counterexample() == null
                    && !p.coverage().isBlank()
                    && !p.coverage().contains("(no labels)")) {
                out.append("    coverage over ")
                        .append(p.tries())
                        .append(" tries:\n")
                        .append(p.coverage().indent(4).stripTrailing())
                        .append('\n');
            }
        }
        out.append("Replay: -Dtokencontract.seed=")
                .append(seed)
                .append(" or SuiteSettings.of(tries, ")
                .append(seed)
                .append("L)\n");
        return out.toString();
    }

    /**
     * For JUnit tests: prints one line with the seed (Surefire keeps it in the test's output, as
     * {@code Property.check} does) and throws an {@link AssertionError} with {@link #report()} unless the suite passed.
     */
    public SuiteResult assertPassed() {
        System.out.printf(
                "[suite] %s %s: %s, %d properties, seed %d%n",
                suite,
                subject,
                passed() ? "PASSED" : couldNotRun() ? "COULD_NOT_RUN" : "FAILED",
                properties.size(),
                seed);
        if (!passed()) {
            throw new AssertionError(report());
        }
        return this;
    }

    /** The property named {@code name}. */
    public PropertyReport property(String name) {
        return properties.stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no property '" + name + "' in "
                        + properties.stream().map(PropertyReport::name).toList()));
    }
}
