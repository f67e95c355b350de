package dev.tokencontract.cli;

import dev.tokencontract.conformance.suites.PropertyReport;
import dev.tokencontract.conformance.suites.SuiteResult;
import dev.tokencontract.conformance.suites.SuiteSettings;

/** The text report of a suite run: one line per property, the shrunk counterexample of each failure. */
final class ConformOutput {
    private ConformOutput() {}

    static void print(SuiteResult result, SuiteSettings settings, Io io) {
        Terminal term = new Terminal(io.colour());
        io.out()
                .println(term.bold(
                        "Conformance: " + result.suite() + " suite, " + Terminal.safe(result.subject(), 300)));
        io.out().println(term.dim("seed " + result.seed() + ", " + settings.tries() + " tries per property"));
        for (PropertyReport property : result.properties()) {
            String name = Terminal.safe(property.name(), 200);
            switch (property.status()) {
                case PASSED ->
                    io.out().println("  " + term.green("PASS ") + " " + name + " (" + property.tries() + " tries)");
                case NOT_APPLICABLE ->
                    io.out()
                            .println("  " + term.dim("N/A  ") + " " + name + ": "
                                    + Terminal.safe(property.reason(), 300));
                case COULD_NOT_RUN ->
                    io.out()
                            .println("  " + term.yellow("ERROR") + " " + name + ": could not run: "
                                    + Terminal.safe(property.reason(), 300));
                case FAILED -> {
                    io.out().println("  " + term.red("FAIL ") + " " + name);
                    io.out().println("        why:            " + Terminal.safe(property.reason(), 600));
                    if (property.counterexample() != null) {
                        io.out()
                                .println("        counterexample: " + Terminal.safe(property.counterexample(), 1000)
                                        + " (shrunk)");
                    }
                }
            }
        }
        io.out().println();
        long failed = result.failures().size();
        int total = result.properties().size();
        if (result.passed()) {
            io.out()
                    .println(term.green(term.bold("PASSED")) + ": " + total + (total == 1 ? " property" : " properties")
                            + " (exit 0)");
        } else if (result.couldNotRun()) {
            io.out()
                    .println(term.yellow(term.bold("COULD NOT RUN"))
                            + ": the party under test was not reached (exit 3)");
        } else {
            io.out()
                    .println(term.red(term.bold("FAILED")) + ": " + failed + " of " + total
                            + (total == 1 ? " property" : " properties") + " failed (exit 1). Replay with --seed "
                            + result.seed());
        }
    }
}
