package dev.tokencontract.contract;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.Severity;
import java.util.List;
import java.util.Optional;

/**
 * The result of linting a contract document: every finding, and the compiled contract when there was
 * no error.
 */
public record LintReport(List<Finding> findings, Optional<Contract> contract) {

    public LintReport {
        findings = List.copyOf(findings);
    }

    public boolean passed() {
        return findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
    }
}
