package dev.tokencontract.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Severity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Contract documents are input too: lint reports what it cannot evaluate instead of throwing. */
class HostileContractLintTest {

    @Test
    void lintWhenNumberBeyondLongRangeWhereIntegerExpectedThenFindingNotException() throws Exception {
        ObjectNode document =
                (ObjectNode) Contracts.load("mcp-access-token@1.0.0").document();
        ((ObjectNode) document.get("x-jose")).put("maxLifetimeSeconds", 1e308);

        LintReport report = Contracts.lint(document.toString());

        assertThat(report.contract()).isEmpty();
        assertThat(report.findings())
                .extracting(Finding::code, Finding::severity)
                .contains(tuple(FindingCode.LINT_META_SCHEMA, Severity.ERROR));
    }
}
