package dev.tokencontract.cli;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.HumanTime;
import dev.tokencontract.finding.Severity;
import dev.tokencontract.finding.Stage;
import dev.tokencontract.finding.Verdict;
import dev.tokencontract.validator.TokenValidator;
import dev.tokencontract.validator.ValidationReport;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The text report of {@code explain}: the token, what was checked, every finding grouped by stage with
 * its hint, and a one-line verdict last (where the eye lands after scrolling).
 */
final class ExplainText {
    private final Terminal term;

    ExplainText(Terminal term) {
        this.term = term;
    }

    void print(ValidationReport report, TokenValidator validator, PrintStream out) {
        if (report.decoded().isPresent()) {
            out.println(term.bold("Token") + " "
                    + (report.accepted()
                            ? term.green("(VERIFIED)")
                            : term.yellow("(UNVERIFIED: decoded for diagnosis; do not trust these values)")));
            new TokenText(term, report.evaluatedAt(), "the evaluation time")
                    .print(report.decoded().get(), out);
        } else {
            out.println(term.bold("Token") + " " + term.yellow("(unreadable: see the findings)"));
        }
        out.println();
        printChecks(report, validator, out);
        out.println();
        printFindings(report.findings(), out, term);
        out.println();
        out.println(verdictLine(report, validator));
    }

    private void printChecks(ValidationReport report, TokenValidator validator, PrintStream out) {
        out.println(term.bold("Checked against " + report.contractReference() + " as of " + report.evaluatedAt()));
        out.println("  keys      " + Terminal.safe(validator.keyDescription(), 200));
        out.println("  leeway    " + HumanTime.format(validator.leeway()));
        if (validator.expectedIssuer().isPresent()) {
            out.println(
                    "  issuer    " + Terminal.safe(validator.expectedIssuer().get(), 200));
        } else {
            out.println("  " + term.yellow("issuer not checked (pass --issuer)"));
        }
        if (validator.expectedAudiences().isEmpty()) {
            out.println("  " + term.yellow("audience not checked (pass --audience)"));
        } else {
            out.println("  audience  "
                    + validator.expectedAudiences().stream()
                            .sorted()
                            .map(a -> Terminal.safe(a, 200))
                            .collect(Collectors.joining(", ")));
        }
    }

    /** Every finding, grouped by stage in judging order; shared with {@code lint} and {@code decode}. */
    static void printFindings(List<Finding> findings, PrintStream out, Terminal term) {
        out.println(term.bold("Findings") + (findings.isEmpty() ? " " + term.dim("(none)") : ""));
        for (Stage stage : Stage.values()) {
            List<Finding> inStage =
                    findings.stream().filter(f -> f.stage() == stage).toList();
            if (inStage.isEmpty()) {
                continue;
            }
            out.println("  " + term.bold(stage.label()));
            for (Finding finding : inStage) {
                printFinding(finding, out, term);
            }
        }
    }

    private static void printFinding(Finding finding, PrintStream out, Terminal term) {
        String severity = switch (finding.severity()) {
            case ERROR -> term.red("ERROR  ");
            case WARNING -> term.yellow("WARNING");
            case INFO -> term.green("INFO   ");
        };
        String pointer = finding.pointer().isEmpty() ? "" : "  " + Terminal.safe(finding.pointer(), 120);
        out.println("    " + severity + "  " + term.bold(finding.code().name()) + pointer);
        String indent = "             ";
        out.println(indent + Terminal.safe(finding.message(), 400));
        if (finding.expected() != null) {
            out.println(indent + term.dim("expected ") + Terminal.safe(finding.expected(), 300));
        }
        if (finding.actual() != null) {
            out.println(indent + term.dim("actual   ") + Terminal.safe(finding.actual(), 300));
        }
        if (finding.hint() != null) {
            out.println(indent + term.dim("hint     " + Terminal.safe(finding.hint(), 400)));
        }
    }

    private String verdictLine(ValidationReport report, TokenValidator validator) {
        Verdict verdict = report.verdict();
        String exit = " (exit " + ExitCode.of(verdict) + ")";
        return switch (verdict) {
            case ACCEPTED ->
                term.green(term.bold("ACCEPTED")) + ": signature verified and every check passed"
                        + notChecked(validator) + exit;
            case REJECTED -> term.red(term.bold("REJECTED")) + ": " + summary(report, Severity.ERROR) + exit;
            case UNCHECKED ->
                term.yellow(term.bold("COULD NOT CHECK")) + ": " + summary(report, Severity.ERROR)
                        + "; the token was not proven bad" + exit;
        };
    }

    private static String notChecked(TokenValidator validator) {
        boolean issuer = validator.expectedIssuer().isEmpty();
        boolean audience = validator.expectedAudiences().isEmpty();
        if (issuer && audience) {
            return " (issuer and audience not checked)";
        }
        return issuer ? " (issuer not checked)" : audience ? " (audience not checked)" : "";
    }

    private static String summary(ValidationReport report, Severity severity) {
        List<String> codes = report.findings().stream()
                .filter(f -> f.severity() == severity)
                .map(f -> f.code().name())
                .distinct()
                .toList();
        if (codes.isEmpty()) {
            return "nothing proved the signature";
        }
        long count =
                report.findings().stream().filter(f -> f.severity() == severity).count();
        return count + (count == 1 ? " error: " : " errors: ") + String.join(", ", codes);
    }
}
