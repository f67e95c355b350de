package dev.tokencontract.conformance.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Bad settings get a clear error before anything runs. */
class EngineInputTest {

    @Test
    void nonNumericSeedPropertyWhenRunThenClearError() {
        String previous = System.getProperty(Property.SEED_PROPERTY);
        System.setProperty(Property.SEED_PROPERTY, "12abc");
        try {
            assertThatThrownBy(() -> Property.forAll(Gen.ints(0, 1)).run(n -> {}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("-Dtokencontract.seed must be a long, got '12abc'");
        } finally {
            restore(Property.SEED_PROPERTY, previous);
        }
    }

    @Test
    void badTriesPropertyWhenRunThenClearError() {
        String previous = System.getProperty(Property.TRIES_PROPERTY);
        System.setProperty(Property.TRIES_PROPERTY, "-3");
        try {
            assertThatThrownBy(() -> Property.forAll(Gen.ints(0, 1)).run(n -> {}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must be a positive int, got '-3'");
        } finally {
            restore(Property.TRIES_PROPERTY, previous);
        }
    }

    @Test
    void triesPropertyWhenSetThenUsedUnlessTheTestSetsTries() {
        String previous = System.getProperty(Property.TRIES_PROPERTY);
        System.setProperty(Property.TRIES_PROPERTY, "7");
        try {
            assertThat(Property.forAll(Gen.ints(0, 1)).seed(1).run(n -> {}).tries())
                    .isEqualTo(7);
            assertThat(Property.forAll(Gen.ints(0, 1))
                            .seed(1)
                            .tries(3)
                            .run(n -> {})
                            .tries())
                    .isEqualTo(3);
        } finally {
            restore(Property.TRIES_PROPERTY, previous);
        }
    }

    @Test
    void invalidArgumentsWhenGivenThenRefused() {
        assertThatThrownBy(() -> Property.forAll(Gen.ints(0, 1)).tries(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gen.ints(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gen.lists(Gen.ints(0, 1), 3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gen.elements(java.util.List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Choices.random(1).choose(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Property.forAll(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void generatorThatRecursesForeverWhenDrawnThenRejectedNotStackOverflow() {
        Gen<Integer> forever = new Gen<>() {
            @Override
            public Integer generate(Choices in) {
                return in.draw(this);
            }
        };
        PropertyResult<Integer> result =
                Property.forAll(forever).tries(1).seed(1).run(n -> {});
        assertThat(result.outcome()).isEqualTo(Outcome.GAVE_UP);
        assertThat(result.lastRejection()).contains("nested more than 200 deep");
    }

    @Test
    void bodyThatAbortsWhenRunThenTryDiscardedNotFailed() {
        PropertyResult<Integer> result = Property.forAll(Gen.ints(0, 9))
                .tries(20)
                .seed(4)
                .run(n -> {
                    org.junit.jupiter.api.Assumptions.assumeTrue(n % 2 == 0);
                });
        assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(result.discarded()).isPositive();
    }

    @Test
    @org.junit.jupiter.api.Timeout(30) // before the fix this loop never ended
    void bodyThatAlwaysAbortsWhenRunThenGivesUpWithTooManyDiscards() {
        PropertyResult<Integer> result = Property.forAll(Gen.ints(0, 9))
                .tries(20)
                .seed(4)
                .run(n -> {
                    org.junit.jupiter.api.Assumptions.assumeTrue(false, "never applies");
                });

        assertThat(result.outcome()).isEqualTo(Outcome.GAVE_UP);
        assertThat(result.discarded()).isEqualTo(2 * 20 + 10 + 1);
        assertThat(result.tries()).isZero();
        assertThat(result.lastRejection()).isEqualTo("assumption: Assumption failed: never applies");
        assertThat(result.report())
                .contains("gave up after too many discards (seed 4): 51 tries discarded, only 0 ran");
    }

    private static void restore(String key, String previous) {
        if (previous == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, previous);
        }
    }
}
