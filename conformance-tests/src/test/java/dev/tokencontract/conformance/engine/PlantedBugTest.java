package dev.tokencontract.conformance.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Planted bugs are found and shrunk to their known minimal counterexample, whatever the seed. */
class PlantedBugTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 1234, 99_999, -7, 8_675_309})
    void listSumBugWhenFoundThenShrinksToSingleElement101(long seed) {
        PropertyResult<List<Integer>> result = Property.forAll(Gen.lists(Gen.ints(0, 1000), 0, 20))
                .seed(seed)
                .run(list -> assertThat(
                                list.stream().mapToInt(Integer::intValue).sum())
                        .isLessThanOrEqualTo(100));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.counterexample()).containsExactly(101);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 1234, 99_999})
    void intThresholdBugWhenFoundThenShrinksToExactly1000(long seed) {
        PropertyResult<Integer> result = Property.forAll(Gen.ints(-100_000, 100_000))
                .seed(seed)
                .tries(1000)
                .run(n -> assertThat(n).isLessThan(1000));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.counterexample()).isEqualTo(1000);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 1234})
    void substringBugWhenFoundThenShrinksToAb(long seed) {
        PropertyResult<String> result = Property.forAll(Gen.strings("abcxyz", 0, 30))
                .seed(seed)
                .tries(1000)
                .run(text -> assertThat(text).doesNotContain("ab"));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.counterexample()).isEqualTo("ab");
    }

    @ParameterizedTest
    @ValueSource(longs = {5, 6, 7})
    void negativeThresholdBugWhenFoundThenShrinksToBoundaryNearestZero(long seed) {
        PropertyResult<Long> result = Property.forAll(Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE))
                .seed(seed)
                .tries(1000)
                .run(n -> assertThat(n).isGreaterThan(-50L));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.counterexample()).isEqualTo(-50L);
    }

    @Test
    void pairBugWhenBothListsMatterThenShrinksBoth() {
        Gen<List<Integer>> pair = in -> List.of(in.draw(Gen.ints(0, 500)), in.draw(Gen.ints(0, 500)));
        PropertyResult<List<Integer>> result = Property.forAll(pair)
                .seed(11)
                .tries(2000)
                .run(p -> assertThat(p.get(0) >= 10 && p.get(1) >= 20).isFalse());

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.counterexample()).containsExactly(10, 20);
    }

    @Test
    void exceptionTypeWhenShrinkingThenKeptTheSame() {
        PropertyResult<Integer> result = Property.forAll(Gen.ints(0, 10_000))
                .seed(3)
                .run(n -> {
                    if (n > 5000) {
                        throw new IllegalStateException("planted: " + n);
                    }
                    if (n >= 1 && n <= 2) {
                        throw new AssertionError("a different bug");
                    }
                });

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.failure()).isInstanceOf(IllegalStateException.class);
        assertThat(result.counterexample()).isEqualTo(5001);
    }
}
