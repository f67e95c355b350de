package dev.tokencontract.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.json.StrictJson;
import dev.tokencontract.maven.internal.CompatibilityVerdict;
import dev.tokencontract.maven.internal.RegistryDryRun;
import org.junit.jupiter.api.Test;

/** The registry's verdict JSON as the build prints it, including what the registry could not search. */
class CompatibilityVerdictTest {

    private static CompatibilityVerdict verdict(String mode, String classes, boolean refused, boolean acknowledged) {
        String json = """
                {"compatible": false, "mode": "%s", "checkedAgainst": ["1.0.0"],
                 "changes": [{"kind": "enum-value-added", "classes": %s, "pointer": "/properties/roles/items/enum",
                              "explanation": "enum gained \\"admin\\"", "before": "[]", "after": "[\\"admin\\"]",
                              "against": "1.0.0", "refused": %s}],
                 "notSearched": [{"against": "1.0.0", "direction": "BREAKING_FOR_PRODUCERS", "reason": "budget"}]}
                """.formatted(mode, classes, refused);
        return RegistryDryRun.verdict(
                "acme.x@1.1.0", "http://127.0.0.1:1", StrictJson.parse(json).node(), acknowledged);
    }

    @Test
    void linesWhenRegistryListsClassesInAnyOrderThenTaggedInTheClisOrder() {
        CompatibilityVerdict verdict =
                verdict("BACKWARD", "[\"AUTHORIZATION_WIDENING\", \"BREAKING_FOR_PRODUCERS\"]", true, false);

        assertThat(verdict.lines())
                .anySatisfy(line -> assertThat(line).startsWith("    [producer-breaking widening] /properties/roles"));
    }

    @Test
    void linesWhenTheSearchWasSkippedThenSaidSoInsteadOfSilence() {
        assertThat(verdict("FULL", "[\"BREAKING_FOR_PRODUCERS\"]", true, false).lines())
                .contains("  No counterexample searched for producer-breaking against 1.0.0 (budget)");
    }

    @Test
    void verdictLineWhenOnlyWideningIsRefusedThenNamesTheAcknowledgement() {
        assertThat(verdict("BACKWARD", "[\"AUTHORIZATION_WIDENING\", \"BREAKING_FOR_PRODUCERS\"]", true, false)
                        .verdictLine())
                .contains("set <acknowledgeWidening>true</acknowledgeWidening>");
        // FULL refuses the producer break itself: acknowledging the widening would not help, so no such hint
        assertThat(verdict("FULL", "[\"AUTHORIZATION_WIDENING\", \"BREAKING_FOR_PRODUCERS\"]", true, false)
                        .verdictLine())
                .doesNotContain("acknowledgeWidening");
    }

    @Test
    void compatibleWhenNothingRefusedThenVerdictSaysSo() {
        CompatibilityVerdict verdict = verdict("BACKWARD", "[\"AUTHORIZATION_WIDENING\"]", false, true);

        assertThat(verdict.compatible()).isTrue();
        assertThat(verdict.verdictLine()).isEqualTo("COMPATIBLE under BACKWARD: 1 change, none refused");
        assertThat(verdict.lines().get(0)).endsWith("under BACKWARD (widening acknowledged)");
    }
}
