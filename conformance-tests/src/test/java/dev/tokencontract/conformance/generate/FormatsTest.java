package dev.tokencontract.conformance.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.conformance.engine.Choices;
import dev.tokencontract.contract.ContractFormats;
import dev.tokencontract.contract.SchemaCheck;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/** Every format contracts assert generates values the validator accepts, and its durations follow RFC 3339's grammar. */
class FormatsTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void generateWhenEveryAssertedFormatThenTheValidatorAcceptsEveryValue() {
        for (String format : ContractFormats.asserted()) {
            SchemaCheck check =
                    SchemaCheck.compile(JSON.objectNode().put("type", "string").put("format", format));
            for (long seed = 0; seed < 300; seed++) {
                String value = Formats.generate(format, Choices.random(seed));

                assertThat(check.check(JSON.stringNode(value), ""))
                        .as("%s: %s", format, value)
                        .isEmpty();
            }
        }
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
