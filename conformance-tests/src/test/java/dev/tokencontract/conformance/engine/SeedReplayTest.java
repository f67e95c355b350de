package dev.tokencontract.conformance.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedReplayTest {
    private static final Gen<List<String>> WORDS = Gen.lists(Gen.strings(0, 8), 0, 6);

    @Test
    void sameSeedWhenRunTwiceThenSameSequenceOfValues() {
        assertThat(valuesSeen(77)).isEqualTo(valuesSeen(77));
    }

    @Test
    void differentSeedsWhenRunThenDifferentValues() {
        assertThat(valuesSeen(77)).isNotEqualTo(valuesSeen(78));
    }

    @Test
    void seedSystemPropertyWhenSetThenReplaysThatSeed() {
        String previous = System.getProperty(Property.SEED_PROPERTY);
        System.setProperty(Property.SEED_PROPERTY, "4242");
        try {
            List<List<String>> seen = new ArrayList<>();
            PropertyResult<List<String>> result =
                    Property.forAll(WORDS).tries(50).run(seen::add);
            assertThat(result.seed()).isEqualTo(4242);
            assertThat(seen).isEqualTo(valuesSeen(4242));
        } finally {
            if (previous == null) {
                System.clearProperty(Property.SEED_PROPERTY);
            } else {
                System.setProperty(Property.SEED_PROPERTY, previous);
            }
        }
    }

    @Test
    void failingSeedWhenReplayedThenSameFirstAndShrunkCounterexample() {
        Check<List<String>> planted =
                words -> assertThat(String.join("", words)).hasSizeLessThan(12);
        PropertyResult<List<String>> first = Property.forAll(WORDS).seed(9).run(planted);
        PropertyResult<List<String>> replay =
                Property.forAll(WORDS).seed(first.seed()).run(planted);

        assertThat(first.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(replay.firstCounterexample()).isEqualTo(first.firstCounterexample());
        assertThat(replay.counterexample()).isEqualTo(first.counterexample());
        assertThat(replay.tries()).isEqualTo(first.tries());
    }

    @Test
    void choicesWhenReplayedThenSameValue() {
        Choices random = Choices.random(5);
        List<String> value = random.draw(WORDS);
        assertThat(Choices.replay(random.sequence()).draw(WORDS)).isEqualTo(value);
    }

    @Test
    void replayWhenSequenceEndsThenSimplestValues() {
        assertThat(Choices.replay(new long[0]).draw(WORDS)).isEmpty();
        assertThat(Choices.replay(new long[0]).draw(Gen.ints(-5, 5))).isZero();
        assertThat(Choices.replay(new long[0]).draw(Gen.ints(3, 9))).isEqualTo(3);
        assertThat(Choices.replay(new long[0]).draw(Gen.ints(-9, -3))).isEqualTo(-3);
    }

    private static List<List<String>> valuesSeen(long seed) {
        List<List<String>> seen = new ArrayList<>();
        Property.forAll(WORDS).seed(seed).tries(50).run(seen::add);
        return seen;
    }
}
