package dev.tokencontract.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestTest {
    private static final List<String> COMMANDS =
            List.of("explain", "decode", "lint", "diff", "fetch", "lock", "verify-lock", "mode", "deprecate");

    @Test
    void closestWhenOneTypoThenTheCommand() {
        assertThat(Suggest.closest("explian", COMMANDS)).contains("explain"); // swapped neighbours
        assertThat(Suggest.closest("lnt", COMMANDS)).contains("lint"); // a letter missing
        assertThat(Suggest.closest("verify-locks", COMMANDS)).contains("verify-lock"); // one too many
        assertThat(Suggest.closest("DECODE", COMMANDS)).contains("decode"); // case
    }

    @Test
    void closestWhenUniquePrefixThenTheOneCandidate() {
        assertThat(Suggest.closest("--iss", List.of("--issuer", "--audience"))).contains("--issuer");
        assertThat(Suggest.closest("depr", COMMANDS)).contains("deprecate");
    }

    @Test
    void closestWhenFarOrAmbiguousThenNothing() {
        assertThat(Suggest.closest("publish-all-the-things", COMMANDS)).isEmpty();
        assertThat(Suggest.closest("xyz", COMMANDS)).isEmpty();
        assertThat(Suggest.closest("", COMMANDS)).isEmpty();
        assertThat(Suggest.closest("explain", COMMANDS)).isEmpty(); // the word itself is no suggestion
    }

    @Test
    void closestWhenHostileInputThenBoundedAndNothing() {
        String huge = "a".repeat(1_000_000);

        assertThat(Suggest.closest(huge, COMMANDS)).isEmpty();
        assertThat(Suggest.closest("lint", java.util.Arrays.asList(null, huge, "lint2")))
                .contains("lint2");
    }

    @Test
    void hintWhenCandidateHasControlCharactersThenMadeSafe() {
        assertThat(Suggest.hint("acme", List.of("acme\u001b[2J"))).doesNotContain("\u001b");
    }

    @Test
    void distanceWhenKnownPairsThenOptimalStringAlignment() {
        assertThat(Suggest.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggest.distance("ab", "ba")).isEqualTo(1);
        assertThat(Suggest.distance("", "abc")).isEqualTo(3);
    }
}
