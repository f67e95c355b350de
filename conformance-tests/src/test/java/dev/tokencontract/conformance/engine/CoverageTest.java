package dev.tokencontract.conformance.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class CoverageTest {
    private static final Gen<String> COLOURS =
            Gen.elements("red", "green", "blue").labelled(c -> "colour=" + c);

    @Test
    void requiredLabelWhenProducedThenPassesWithCounts() {
        PropertyResult<String> result = Property.forAll(COLOURS)
                .seed(1)
                .tries(300)
                .requireCoverage("colour=red", "colour=green", "colour=blue")
                .check(colour -> {});

        assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(result.coverage().count("colour=red")
                        + result.coverage().count("colour=green")
                        + result.coverage().count("colour=blue"))
                .isEqualTo(300);
    }

    @Test
    void requiredLabelWhenNeverProducedThenFailsWithStatistics() {
        assertThatThrownBy(() -> Property.forAll(COLOURS)
                        .seed(1)
                        .tries(50)
                        .requireCoverage("colour=purple")
                        .check(colour -> {}))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("never produced required label(s) [colour=purple]")
                .hasMessageContaining("colour=red")
                .hasMessageContaining("seed 1");
    }

    @Test
    void bodyLabelWhenRecordedThenCounted() {
        PropertyResult<Integer> result = Property.forAll(Gen.ints(0, 9))
                .seed(2)
                .tries(100)
                .requireCoverage("even", "odd")
                .run(n -> Property.label(n % 2 == 0 ? "even" : "odd"));

        assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(result.coverage().count("even") + result.coverage().count("odd"))
                .isEqualTo(100);
    }

    @Test
    void failureWhenReportedThenMessageHasSeedShrunkValueAndReplayHint() {
        assertThatThrownBy(() -> Property.forAll(Gen.ints(0, 10_000))
                        .seed(31)
                        .named("threshold")
                        .check(n -> assertThat(n).isLessThan(700)))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("Property 'threshold' failed")
                .hasMessageContaining("seed 31")
                .hasMessageContaining("Shrunk counterexample")
                .hasMessageContaining(": 700\n")
                .hasMessageContaining("-Dtokencontract.seed=31");
    }

    @Test
    void generatorRejectingEverythingWhenRunThenGivesUpWithReason() {
        Gen<Integer> impossible = Gen.ints(0, 10).filter(n -> n > 10);
        PropertyResult<Integer> result =
                Property.forAll(impossible).seed(3).tries(10).run(n -> {});

        assertThat(result.outcome()).isEqualTo(Outcome.GAVE_UP);
        assertThat(result.lastRejection()).contains("filter rejected");
        assertThat(result.report()).contains("gave up");
    }
}
