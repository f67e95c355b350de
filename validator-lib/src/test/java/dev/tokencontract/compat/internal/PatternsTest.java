package dev.tokencontract.compat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatternsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
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
    @CsvSource(delimiter = ';', value = {
            "^a|b$",          // (^a)|(b$): not anchored on both ends
            "(read|write)",   // unanchored: matches anywhere
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
}
