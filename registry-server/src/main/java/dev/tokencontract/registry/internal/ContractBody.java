package dev.tokencontract.registry.internal;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.contract.LintReport;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.FindingJson;
import dev.tokencontract.finding.Severity;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;

/**
 * A contract sent in a request body, linted with validator-lib ({@code Contracts.lint}) and put in
 * canonical form. Unreadable JSON (including duplicate member names) is a 400 {@code invalid-json}; any
 * other lint error a 422 {@code lint-failed}; both carry every finding.
 *
 * @param contract  the compiled contract
 * @param canonical the canonical text (what is stored, served and digested)
 * @param digest    {@code sha-256:<hex>} of the canonical text
 * @param warnings  the lint warnings (a contract with warnings is accepted)
 */
public record ContractBody(Contract contract, String canonical, String digest, List<Finding> warnings) {

    public static ContractBody parse(String text, String pathName) {
        LintReport report = Contracts.lint(text);
        if (!report.passed()) {
            boolean unreadable = report.findings().stream()
                    .anyMatch(f -> f.severity() == Severity.ERROR && f.code() == FindingCode.LINT_NOT_JSON);
            Problem problem = unreadable
                    ? Problem.of(
                            ProblemCode.INVALID_JSON, "the body is not one JSON object without duplicate member names")
                    : Problem.of(
                            ProblemCode.LINT_FAILED,
                            "the contract fails lint with "
                                    + report.findings().stream()
                                            .filter(f -> f.severity() == Severity.ERROR)
                                            .count() + " error(s)");
            throw problem.with("findings", findings(report.findings()));
        }
        Contract contract = report.contract().orElseThrow();
        if (!contract.name().equals(pathName)) {
            throw Problem.of(
                    ProblemCode.NAME_MISMATCH,
                    "x-contract.name is '" + contract.name() + "' but the path names '" + pathName + "'");
        }
        String canonical = Json.canonical(contract.document());
        List<Finding> warnings = report.findings().stream()
                .filter(f -> f.severity() != Severity.ERROR)
                .toList();
        return new ContractBody(contract, canonical, Json.digest(canonical), warnings);
    }

    public static ArrayNode findings(List<Finding> findings) {
        ArrayNode array = Json.NODES.arrayNode();
        findings.forEach(f -> array.add(FindingJson.toNode(f)));
        return array;
    }
}
