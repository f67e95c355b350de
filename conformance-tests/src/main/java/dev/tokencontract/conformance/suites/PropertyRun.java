package dev.tokencontract.conformance.suites;

import dev.tokencontract.conformance.engine.Check;
import dev.tokencontract.conformance.engine.Gen;
import dev.tokencontract.conformance.engine.Property;
import java.time.Duration;

/** Runs one property of a suite on the engine with the suite's settings and turns the result into a report. */
final class PropertyRun {
    private PropertyRun() {}

    static <T> PropertyReport run(String name, Gen<T> gen, SuiteSettings settings, Check<T> body) {
        long start = System.nanoTime();
        var result = Property.forAll(gen)
                .named(name)
                .tries(settings.tries())
                .seed(settings.seed())
                .maxShrinkRuns(settings.maxShrinkRuns())
                .requireCoverage(settings.requiredCoverage()
                        .getOrDefault(name, java.util.List.of())
                        .toArray(String[]::new))
                .runQuietly(body);
        return PropertyReport.from(result, Duration.ofNanos(System.nanoTime() - start));
    }
}
