package dev.tokencontract.cli;

import dev.tokencontract.contract.ContractException;
import dev.tokencontract.finding.Finding;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** Options and error reports that several commands share. */
final class Common {
    private Common() {}

    /** Adds the options every command has, {@code --format} and {@code --help}, after its own. */
    static Options withFormatAndHelp(Options options) {
        options.addOption(format());
        options.addOption(help());
        return options;
    }

    static Option format() {
        return Option.builder("f")
                .longOpt("format")
                .hasArg()
                .argName("text|json")
                .desc("output format; default text (json: see docs/cli.md)")
                .get();
    }

    static Option at(String purpose) {
        return Option.builder()
                .longOpt("at")
                .hasArg()
                .argName("TIME")
                .desc(purpose + ": ISO-8601 instant (2026-11-26T00:30:00Z) or epoch seconds")
                .get();
    }

    static Option help() {
        return Option.builder("h").longOpt("help").desc("show this help").get();
    }

    /** One line on stderr, then any lint findings of the contract, one per line; exit 3. */
    static int contractUnavailable(String command, ContractException e, Io io) {
        io.err().println("tokencontract " + command + ": contract unavailable: " + Terminal.safe(e.getMessage(), 300));
        for (Finding finding : e.findings()) {
            io.err()
                    .println("  " + finding.severity() + " " + finding.code() + " "
                            + Terminal.safe(finding.pointer(), 120) + ": " + Terminal.safe(finding.message(), 300));
        }
        return ExitCode.UNCHECKED;
    }
}
