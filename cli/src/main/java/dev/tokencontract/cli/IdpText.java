package dev.tokencontract.cli;

import dev.tokencontract.finding.Severity;
import dev.tokencontract.idp.IdpReport;
import java.io.PrintStream;
import java.util.List;

/** The text report of {@code check-idp} and {@code check-resource}: what was checked, the findings, the verdict last. */
final class IdpText {
    private final Terminal term;

    IdpText(Terminal term) {
        this.term = term;
    }

    void print(String title, IdpReport report, PrintStream out) {
        out.println(term.bold(title + " " + Terminal.safe(report.subject(), 200)));
        report.documentUrl().ifPresent(url -> out.println("  document  " + Terminal.safe(url.toString(), 200)));
        report.document().ifPresent(doc -> {
            if (doc.path("issuer").isString()) {
                out.println("  issuer    " + Terminal.safe(doc.path("issuer").stringValue(), 200));
            }
            if (doc.path("resource").isString()) {
                out.println("  resource  " + Terminal.safe(doc.path("resource").stringValue(), 200));
            }
        });
        report.jwks()
                .ifPresent(
                        jwks -> out.println("  jwks      " + jwks.path("keys").size() + " keys"));
        out.println("  contracts " + (report.contracts().isEmpty() ? "(none)" : String.join(", ", report.contracts())));
        for (IdpReport server : report.authorizationServers()) {
            out.println("  authorization server " + Terminal.safe(server.subject(), 200) + ": " + word(server));
        }
        out.println();
        ExplainText.printFindings(report.findings(), out, term);
        out.println();
        out.println(verdictLine(report));
    }

    private static String word(IdpReport report) {
        return switch (report.verdict()) {
            case ACCEPTED -> "passed";
            case REJECTED -> "failed";
            case UNCHECKED -> "could not check";
        };
    }

    private String verdictLine(IdpReport report) {
        String exit = " (exit " + ExitCode.of(report.verdict()) + ")";
        return switch (report.verdict()) {
            case ACCEPTED -> term.green(term.bold("PASSED")) + ": " + warnings(report) + exit;
            case REJECTED -> term.red(term.bold("FAILED")) + ": " + codes(report) + exit;
            case UNCHECKED ->
                term.yellow(term.bold("COULD NOT CHECK")) + ": " + codes(report) + "; nothing was proven wrong" + exit;
        };
    }

    private static String warnings(IdpReport report) {
        long count = report.findings().stream()
                .filter(f -> f.severity() == Severity.WARNING)
                .count();
        return "no errors, " + count + (count == 1 ? " warning" : " warnings");
    }

    private static String codes(IdpReport report) {
        List<String> codes = report.findings().stream()
                .filter(f -> f.severity() == Severity.ERROR)
                .map(f -> f.code().name())
                .distinct()
                .toList();
        long count = report.findings().stream()
                .filter(f -> f.severity() == Severity.ERROR)
                .count();
        return count + (count == 1 ? " error: " : " errors: ") + String.join(", ", codes);
    }
}
