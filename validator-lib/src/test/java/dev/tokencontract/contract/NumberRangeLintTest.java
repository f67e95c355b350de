package dev.tokencontract.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** A number a double cannot hold would be stored as something else (1e-400 as 0.0): lint refuses it. */
class NumberRangeLintTest {

    private static String withMinimum(String literal) throws ContractException {
        ObjectNode document =
                (ObjectNode) Contracts.load("mcp-access-token@1.0.0").document();
        ((ObjectNode) document.path("properties").path("exp")).put("minimum", 0);
        return document.toString().replace("\"minimum\":0", "\"minimum\":" + literal);
    }

    @Test
    void lintWhenANumberUnderflowsOrOverflowsADoubleThenRefusedWithItsPointer() throws Exception {
        LintReport tiny = Contracts.lint(withMinimum("1e-400"));
        LintReport huge = Contracts.lint(withMinimum("-1E+400"));
        LintReport longZeros = Contracts.lint(withMinimum("0." + "0".repeat(330) + "1"));

        assertThat(tiny.passed()).isFalse();
        assertThat(tiny.findings())
                .extracting(Finding::code, Finding::pointer, Finding::actual)
                .contains(tuple(FindingCode.LINT_NUMBER_RANGE, "/properties/exp/minimum", "1E-400"));
        assertThat(huge.findings()).extracting(Finding::code).contains(FindingCode.LINT_NUMBER_RANGE);
        assertThat(longZeros.findings()).extracting(Finding::code).contains(FindingCode.LINT_NUMBER_RANGE);
    }

    @Test
    void lintWhenNumbersADoubleHoldsThenNoFinding() throws Exception {
        for (String literal :
                new String[] {"0", "0.0", "-0.0", "0.1", "4.9e-324", "1.7e308", "12345678901234567890123"}) {
            assertThat(Contracts.lint(withMinimum(literal)).findings())
                    .as(literal)
                    .extracting(Finding::code)
                    .doesNotContain(FindingCode.LINT_NUMBER_RANGE);
        }
    }
}
