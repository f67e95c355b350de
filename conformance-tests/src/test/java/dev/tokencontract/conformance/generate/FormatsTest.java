package dev.tokencontract.conformance.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.conformance.engine.Choices;
import dev.tokencontract.contract.ContractFormats;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generator's formats are exactly the ones contracts assert, and its durations follow RFC 3339's grammar. */
class FormatsTest {

    @Test
    void namesWhenComparedWithTheValidatorThenTheSameSet() {
        assertThat(Formats.names()).isEqualTo(ContractFormats.asserted());
    }

    @Test
    void generateWhenDurationThenEveryValueParsesAndEveryFormOccurs() {
        Set<String> forms = new HashSet<>();
        for (long seed = 0; seed < 3_000; seed++) {
            String duration = Formats.generate("duration", Choices.random(seed));

            assertThat(ContractFormats.isDuration(duration)).as(duration).isTrue();
            forms.add(duration.replaceAll("[0-9]+", ""));
        }
        // weeks, each run of date units, each run of time units, and dates with times
        assertThat(forms)
                .contains(
                        "PW",
                        "PY",
                        "PYM",
                        "PYMD",
                        "PMD",
                        "PD",
                        "PTH",
                        "PTHM",
                        "PTHMS",
                        "PTMS",
                        "PTS",
                        "PYMDTHMS",
                        "PDTH");
        assertThat(forms).noneMatch(f -> f.contains("YD") || f.contains("HS"));
    }
}
