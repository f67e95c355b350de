package dev.tokencontract.contract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.contract.ContractFormats;
import dev.tokencontract.testing.FixtureFiles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** RFC 3339 appendix A durations: the official suite's cases, and the grammar's unit order. */
class DurationFormatTest {

    @Test
    void isDurationWhenJsonSchemaSuiteCasesThenEveryVerdictAsTheSuiteSays() {
        JsonNode groups = JsonMapper.builder()
                .build()
                .readTree(FixtureFiles.text("json-schema-test-suite/tests/draft2020-12/optional/format/duration.json"));
        List<String> wrong = new ArrayList<>();
        int cases = 0;
        for (JsonNode test : groups.get(0).get("tests")) {
            if (test.get("data").isString()) {
                cases++;
                if (ContractFormats.isDuration(test.get("data").stringValue())
                        != test.get("valid").asBoolean()) {
                    wrong.add(test.get("data") + " (" + test.get("description").asString() + ")");
                }
            }
        }

        assertThat(cases).isGreaterThan(20);
        assertThat(wrong).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "P12Y62D",
                "PT89H99S",
                "P1Y1D",
                "PT1H1S",
                "P1YT1H1S",
                "P1Y2M3DT4H5S",
                "P1W1D",
                "P1DT1H1M1S1H",
                "P1DTT1H",
                "P-1D",
                "P1.5D",
                "P1,5D",
                "P\u0661D",
                "P1D ",
                " P1D",
                "P1d1h"
            })
    void isDurationWhenAUnitIsSkippedRepeatedOrMalformedThenFalse(String value) {
        assertThat(ContractFormats.isDuration(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "P12Y0M62D",
                "PT89H0M99S",
                "P1Y2M3DT4H5M6S",
                "P0W",
                "PT99999999999999999999S",
                "P1M2D",
                "PT5M6S",
                "p1y",
                "P1dT1h"
            })
    void isDurationWhenUnitsFollowEachOtherThenTrue(String value) {
        assertThat(ContractFormats.isDuration(value)).isTrue();
    }

    @Test
    void isDurationWhenHostileLengthThenFalseQuickly() {
        assertThat(ContractFormats.isDuration("P" + "1".repeat(1_000_000) + "D"))
                .isFalse();
        assertThat(ContractFormats.isDuration(null)).isFalse();
    }
}
