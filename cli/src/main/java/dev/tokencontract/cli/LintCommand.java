package dev.tokencontract.cli;

import dev.tokencontract.contract.ContractException;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.contract.LintReport;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.Severity;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import tools.jackson.databind.node.ObjectNode;

/** {@code tokencontract lint}: a contract document against the meta-schema and the semantic rules. */
final class LintCommand implements Command {

    @Override
    public String name() {
        return "lint";
    }

    @Override
    public String synopsis() {
        return "[options] FILE";
    }

    @Override
    public String summary() {
        return "check a contract document (meta-schema and semantic rules)";
    }

    @Override
    public String details() {
        return """
                FILE may also be registry:NAME@RANGE or lock:NAME (see docs/cli.md).
                Checks that FILE is a JSON Schema 2020-12 contract with the x-contract and x-jose annotations,
                no remote $ref, every required claim declared under properties, iss, aud and exp required,
                and aud accepting a string or an array. See docs/contract-format.md.

                Exit: 0 passed (warnings allowed), 1 failed, 2 usage error, 3 file unreadable.
                """;
    }

    @Override
    public Options options() {
        return Common.withFormatAndHelp(RegistryOptions.add(new Options(), false)); // registry: and lock: too
    }

    @Override
    public int run(CommandLine line, Io io) throws UsageException {
        Arguments.Format format = Arguments.format(line);
        List<String> files = line.getArgList();
        if (files.size() != 1) {
            throw new UsageException("expected one contract FILE, got " + files.size());
        }
        if (ContractSource.isRegistryReference(files.get(0))) {
            ContractSource.Pending pending = ContractSource.prepare(files.get(0), line, io, name());
            try {
                ContractSource.Loaded loaded = pending.load();
                return report(Contracts.lint(loaded.json()), loaded.origin(), format, io);
            } catch (ContractException e) {
                return Common.contractUnavailable(name(), e, io);
            }
        }
        Path path;
        try {
            path = Path.of(files.get(0));
        } catch (InvalidPathException e) {
            throw new UsageException("'" + Terminal.safe(files.get(0), 80) + "' is not a file path");
        }
        String document;
        try {
            document = Contracts.readFile(path);
        } catch (ContractException e) {
            return Common.contractUnavailable(name(), e, io);
        }
        return report(Contracts.lint(document), path.toString(), format, io);
    }

    private static int report(LintReport report, String file, Arguments.Format format, Io io) {
        if (format == Arguments.Format.JSON) {
            ObjectNode root = ReportJson.toNode(report);
            root.put("file", file);
            io.out().print(ReportJson.write(root));
        } else {
            Terminal term = new Terminal(io.colour());
            io.out().println(term.bold("Lint of " + Terminal.safe(file, 200)));
            ExplainText.printFindings(report.findings(), io.out(), term);
            io.out().println();
            io.out().println(verdictLine(report, term));
        }
        return report.passed() ? ExitCode.OK : ExitCode.REJECTED;
    }

    private static String verdictLine(LintReport report, Terminal term) {
        long errors = count(report.findings(), Severity.ERROR);
        long warnings = count(report.findings(), Severity.WARNING);
        String counts = errors
                + (errors == 1 ? " error, " : " errors, ")
                + warnings
                + (warnings == 1 ? " warning" : " warnings");
        if (report.passed()) {
            String reference = report.contract().map(c -> c.reference() + ", ").orElse("");
            return term.green(term.bold("PASSED")) + ": " + Terminal.safe(reference, 200) + counts + " (exit 0)";
        }
        return term.red(term.bold("FAILED")) + ": " + counts + " (exit 1)";
    }

    private static long count(List<Finding> findings, Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
