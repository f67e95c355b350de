package dev.tokencontract.compat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatternsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = ';',
            value = {
                "^(read|write)$; read|write",
                "^(?:a|b|c)$; a|b|c",
                "^crm\\.read$; crm.read",
                "^(crm\\.read|crm\\.write)$; crm.read|crm.write",
                "^()$; ''",
            })
    void literalsWhenAnchoredLiteralAlternationThenItsWords(String pattern, String words) {
        Set<String> expected = Set.of(words.split("\\|", -1));

        assertThat(Patterns.literals(pattern)).contains(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            value = {
                "^a|b$", // (^a)|(b$): not anchored on both ends
                "(read|write)", // unanchored: matches anywhere
                "^(read|write)",
                "^[a-z]+$",
                "^a+$",
                "^(a)|(b)$",
                "^\\d$",
                "^read\\$",
                "^(a|(b))$",
            })
    void literalsWhenNotAFiniteLiteralSetThenEmpty(String pattern) {
        assertThat(Patterns.literals(pattern)).isEqualTo(Optional.empty());
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"[a-z]*", "", "x*", "(ab)*|c", ".*"})
    void matchesEverythingWhenUnanchoredAndMatchesEmptyThenTrue(String pattern) {
        assertThat(Patterns.matchesEverything(pattern)).isTrue();
        for (String probe : new String[] {"", "A1 b", "\u0000zz"}) {
            assertThat(java.util.regex.Pattern.compile(pattern).matcher(probe).find())
                    .as(probe)
                    .isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"^[a-z]*$", "[a-z]", "\\b", "(?=a)*", "a*$", "(a)\\1*", "[a-"})
    void matchesEverythingWhenAnchoredOrNeedsACharacterThenFalse(String pattern) {
        assertThat(Patterns.matchesEverything(pattern)).isFalse();
    }
}
